"""Every component id, in one place, so callbacks and tests never spell one twice."""

from components.chart_tables import CHARTS

URL = "url"
VIEW_SHOWN = "view-shown"  # "path?query" of the view on screen: a URL equal to it needs no render
DOCUMENT_META = "document-meta"  # language and title of the page, applied to <html> and <title>
NAVBAR_TITLE = "navbar-title"
LANG_LINKS = "lang-links"
LANG_LINK = {"ru": "lang-link-ru", "en": "lang-link-en"}  # each keeps the view, in its language
NAV_PAGE_LINK = {
    "/": "nav-link-overview",
    "/compare": "nav-link-compare",
    "/history": "nav-link-history",
    "/status": "nav-link-status",
}
LINK_NOTICE = "link-notice"  # names what a shared link asked for that could not be shown
DEMO_BANNER = "demo-banner"
PAGE = "page"
NAV_LINKS = "nav-links"
HEADER_SOURCES = "header-sources"
FOOTER = "footer"

# filters
FILTER_SOURCE = "filter-source"
FILTER_ARTICLE = "filter-article"
FILTER_REGION = "filter-region"
FILTER_HELD_REGION = "filter-held-region"
FILTER_PERIOD = "filter-period"
FILTER_PERIOD_TEXT = "filter-period-text"
PERIOD_EXACT = "filter-period-exact"  # a shared link's exact dates, kept beside the slider
FILTER_PUNISHMENT = "filter-punishment"
FILTER_STATUS = "filter-status"
FILTER_GENDER = "filter-gender"
FILTER_CASE_GROUP = "filter-case-group"
FILTER_RESET = "filter-reset"
UNIT = "unit"
PERIOD_BASIS = "period-basis"  # which date the period and the timeline are about
FILTER_PERIOD_NOTE = "filter-period-note"
GRANULARITY = "granularity"

# counters
COUNT_PERSONS = "count-persons"
COUNT_PROSECUTIONS = "count-prosecutions"
COUNT_IN_CUSTODY = "count-in-custody"
COUNT_MEDIAN = "count-median"
COUNT_MEDIAN_NOTE = "count-median-note"
COUNT_PERSONS_NOTE = "count-persons-note"
COUNT_IN_CUSTODY_NOTE = "count-in-custody-note"
COUNT_LISTS_NOTE = "count-lists-note"  # said when person counts are a sum over several lists

# the map
MAP = "map-graph"
MAP_CAPTION = "map-caption"
MAP_SUMMARY = "map-summary"
MAP_VIEW = "map-view"
MAP_BASIS = "map-basis"
MAP_MEASURE = "map-measure"  # counts, or per million residents
MAP_LEGEND = "map-legend"
MAP_CLEAR = "map-clear"
MAP_DRAWN = "map-drawn"  # what the drawn map figure was built for (view, basis, unit, language)

# charts
TIMELINE = "timeline-graph"
TIMELINE_CAPTION = "timeline-caption"
TIMELINE_SUMMARY = "timeline-summary"
TABLES_WANTED = "tables-wanted"  # callbacks/chart_tables.py: a table switch's request
TIMELINE_TITLE = f"{TIMELINE}-title"  # the title chart_figure gives the timeline
SENTENCES = "sentences-graph"
SENTENCES_CAPTION = "sentences-caption"
SENTENCES_SUMMARY = "sentences-summary"

# table
TABLE = "persons-table"
TABLE_SEARCH = "persons-search"
TABLE_COUNT = "persons-count"
TABLE_TITLE = "persons-title"
TABLE_PAGING = "persons-paging"  # the grid's page and sort, and the selection they are of
TABLE_REFRESH = "persons-refresh"  # a new selection: the grid drops its rows and starts again

# sharing: embed dialog and downloads (one of each per chart of the overview)
EMBED_OPEN = {c: f"embed-open-{c}" for c in CHARTS}
DOWNLOAD_CSV = {c: f"download-csv-{c}" for c in CHARTS}
DOWNLOAD_CASES = "download-cases"
COPY_LINK = "copy-link"  # copies the address of the view on screen
EMBED_MODAL = "embed-modal"
EMBED_TITLE = "embed-title"
EMBED_CODE = "embed-code"
EMBED_PREVIEW = "embed-preview"
