"""The page a reader gets for a path the dashboard does not have: a real 404, in the reader's
language, with the way back to the overview and to the same page in the other language.

Plain HTML (no Dash), so it costs nothing to serve to a scanner trying thousands of paths. The
path asked for is never echoed back: there is nothing in the page a link could inject.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from components.i18n import t
from data.view_query import LANGUAGES

_TEMPLATE = Path(__file__).with_name("templates") / "not_found.html"
_PAGE = Environment(autoescape=True).from_string(_TEMPLATE.read_text(encoding="utf-8"))


def not_found_html(lang: str, home: str) -> str:
    """The 404 page in `lang`; `home` is the app's root path ('/' or the prefix it is under)."""
    other = next(code for code in LANGUAGES if code != lang)
    return _PAGE.render(
        lang=lang,
        app_title=t("app.title", lang),
        heading=t("error.not_found_title", lang),
        text=t("error.not_found_hint", lang),
        nav_label=t("error.not_found_links", lang),
        home=f"{home}?lang={lang}",
        home_label=t("error.to_overview", lang),
        other_lang=other,
        other_href=f"?lang={other}",
        other_label=t("lang.name", other),
    )
