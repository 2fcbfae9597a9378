"""Every user-visible string, in Russian and English, and number/date formatting per language.

One table (`MESSAGES`): a key maps to its Russian and English text. `t(key, lang)` looks it up and
fills `{placeholders}`; a missing key is a bug and raises, so a test of each page catches it.
Region and article names live with the reference data (data/reference.py).
"""

from __future__ import annotations

import math
from datetime import date

MESSAGES: dict[str, tuple[str, str]] = {
    # page
    "app.title": (
        "Политзаключённые и политические преследования в России",
        "Political prisoners and politically motivated prosecutions in Russia",
    ),
    "app.short_title": ("Политические преследования в России", "Political prosecutions in Russia"),
    "app.page_title": ("{page} — {site}", "{page} — {site}"),
    "app.description": (
        "Кого, где и за что преследуют по политическим мотивам: фильтры по статьям УК, регионам, "
        "периодам и наказаниям; каждое число можно проверить.",
        "Who is prosecuted for political reasons, where and for what: filter by article of the "
        "Criminal Code, region, period and punishment; every number can be checked.",
    ),
    "nav.overview": ("Обзор", "Overview"),
    "demo.short": (
        "Демонстрационные данные: записи вымышлены, это не настоящие люди и дела.",
        "Demo data: the records are invented, not real people or cases.",
    ),
    "share.embed": ("Встроить", "Embed"),
    "share.embed_code_card": ("Код для вставки карточки", "Code to paste the card"),
    "share.copy_link": ("Скопировать ссылку", "Copy link"),
    "share.copy_link_title": (
        "Ссылка на эту выборку: по ней откроются те же числа",
        "A link to this view: it opens with the same numbers",
    ),
    "share.link_copied": ("Ссылка скопирована", "Link copied"),
    "share.embed_title": (
        "Код, чтобы вставить этот график с этими фильтрами в статью",
        "Code to put this chart, with these filters, into an article",
    ),
    "share.download": ("Скачать:", "Download:"),
    "share.tools_label": ("Встроить или скачать", "Embed or download"),
    "share.csv_title": ("Числа этого графика (CSV)", "This chart's numbers (CSV)"),
    "share.png_title": (
        "Картинка PNG с заголовком и источником",
        "PNG picture with its title and source",
    ),
    "share.svg_title": (
        "Векторная картинка SVG с заголовком и источником",
        "SVG vector picture with its title and source",
    ),
    "share.image_failed": (
        "Не удалось сделать картинку. Попробуйте ещё раз.",
        "The picture could not be made. Please try again.",
    ),
    "share.embed_dialog": ("Встроить график", "Embed the chart"),
    "share.embed_dialog_of": ("Встроить: {title}", "Embed: {title}"),
    "share.embed_code": (
        "Код для вставки (график с текущими фильтрами, в текущем языке)",
        "Code to paste (the chart with the current filters, in the current language)",
    ),
    "share.copy": ("Скопировать", "Copy"),
    "share.copied": ("Скопировано", "Copied"),
    "share.embed_note": (
        "Ширина подстраивается под колонку, высота — под график (скрипт embed.js). "
        "Внутри — заголовок, фильтры словами, источник и ссылка сюда.",
        "The width follows the column and the height the chart (the embed.js script). "
        "It carries its title, the filters in words, the source and a link back here.",
    ),
    "share.preview": ("Так он будет выглядеть", "How it will look"),
    "share.cases_csv": ("Скачать эти дела (CSV)", "Download these cases (CSV)"),
    "share.cases_csv_title": (
        "Все отобранные уголовные дела, одна строка — одно дело; UTF-8, открывается в Excel",
        "Every selected prosecution, one row each; UTF-8, opens in Excel",
    ),
    "embed.counters_title": ("Главные цифры", "Key numbers"),
    "embed.open_full": (
        "Открыть интерактивную версию с этими фильтрами ↗",
        "Open the interactive view with these filters ↗",
    ),
    "download.title": ("Что это", "What this is"),
    "download.cases_title_persons": (
        "Уголовные дела выбранных людей (одна строка — одно дело)",
        "Prosecutions of the selected persons (one row per prosecution)",
    ),
    "download.cases_title_prosecutions": (
        "Выбранные уголовные дела (одна строка — одно дело)",
        "Selected prosecutions (one row per prosecution)",
    ),
    "download.selection": ("Выборка", "Selection"),
    "download.source": ("Источник", "Source"),
    "download.as_of": ("Данные на", "Data as of"),
    "download.view": ("Ссылка на эту выборку", "Link to this view"),
    "download.demo": ("ВНИМАНИЕ", "WARNING"),
    "download.ignored": ("Не применено из ссылки", "Not applied from the link"),
    "error.not_found": ("Такой страницы нет.", "No such page."),
    "error.not_found_title": ("Страница не найдена", "Page not found"),
    "error.not_found_hint": (
        "Такой страницы здесь нет: возможно, ссылка устарела или в ней опечатка.",
        "There is no such page here: the link may be mistyped or out of date.",
    ),
    "error.not_found_links": ("Куда перейти", "Where to go"),
    "error.to_overview": ("Перейти к обзору", "Go to the overview"),
    "embed.not_found": (
        "Такой страницы нет. Графики для встраивания: {charts} (/embed/<график>).",
        "No such page. Charts to embed: {charts} (/embed/<chart>).",
    ),
    "link.ignored_title": ("Часть ссылки не понята.", "Part of this link was not understood."),
    "link.ignored": (
        "Не применено (нет такого значения в данных или параметра): {items}. "
        "Остальное показано как в ссылке.",
        "Not applied (no such value in the data, or no such parameter): {items}. "
        "The rest is shown as the link asks.",
    ),
    "lang.switch": ("Язык", "Language"),
    # What each chart shows, in words (components/summaries.py)
    "summary.empty": ("В этой выборке никого нет.", "No one is in this selection."),
    "summary.map_persons_prosecution": (
        "Регионы, где больше всего преследуемых: {regions}.",
        "The regions with the most persons prosecuted: {regions}.",
    ),
    "summary.map_prosecutions_prosecution": (
        "Регионы, где больше всего дел: {regions}.",
        "The regions with the most prosecutions: {regions}.",
    ),
    "summary.map_persons_imprisonment": (
        "Регионы заключения, где больше всего людей: {regions}.",
        "The regions of imprisonment with the most persons: {regions}.",
    ),
    "summary.map_prosecutions_imprisonment": (
        "Регионы заключения, где больше всего дел: {regions}.",
        "The regions of imprisonment with the most prosecutions: {regions}.",
    ),
    "summary.known_prosecution": (
        "Регион преследования известен для {known} из {total}.",
        "The region of prosecution is known for {known} of {total}.",
    ),
    "summary.known_imprisonment": (
        "Регион заключения известен для {known} из {total}.",
        "The region of imprisonment is known for {known} of {total}.",
    ),
    "summary.map_no_region_prosecution": (
        "Ни для кого в этой выборке регион преследования не известен.",
        "The region of prosecution is not known for anyone in this selection.",
    ),
    "summary.map_no_region_imprisonment": (
        "Ни для кого в этой выборке регион заключения не известен.",
        "The region of imprisonment is not known for anyone in this selection.",
    ),
    "summary.each": (" в каждом", " each"),
    "summary.and_more": ("и ещё {n}", "and {n} more"),
    "summary.timeline_arrest": (
        "Пик арестов — {periods} ({n}).",
        "Arrests peaked {periods} ({n}).",
    ),
    "summary.timeline_start": (
        "Пик начала дел — {periods} ({n}).",
        "Case starts peaked {periods} ({n}).",
    ),
    "summary.timeline_verdict": (
        "Пик приговоров — {periods} ({n}).",
        "Verdicts peaked {periods} ({n}).",
    ),
    "summary.known_date_arrest": (
        "Дата ареста известна для {known} из {total}.",
        "The date of arrest is known for {known} of {total}.",
    ),
    "summary.known_date_start": (
        "Дата начала дела известна для {known} из {total}.",
        "The date the case started is known for {known} of {total}.",
    ),
    "summary.known_date_verdict": (
        "Дата приговора известна для {known} из {total}.",
        "The date of the verdict is known for {known} of {total}.",
    ),
    "summary.timeline_undated_arrest": (
        "Ни для кого в этой выборке дата ареста не известна.",
        "The date of arrest is not known for anyone in this selection.",
    ),
    "summary.timeline_undated_start": (
        "Ни для кого в этой выборке дата начала дела не известна.",
        "The date the case started is not known for anyone in this selection.",
    ),
    "summary.timeline_undated_verdict": (
        "Ни для кого в этой выборке дата приговора не известна.",
        "The date of the verdict is not known for anyone in this selection.",
    ),
    "summary.years_or_more": ("{y} {years} и больше", "{y} {years} or more"),
    "summary.under_a_year": ("меньше года", "less than a year"),
    "summary.sentences_most": (
        "Чаще всего срок — {ranges} ({n}).",
        "The most common term is {ranges} ({n}).",
    ),
    "summary.sentences_median": ("Медианный срок — {term}", "The median term is {term}"),
    "summary.sentences_life": ("Пожизненное лишение свободы: {n}.", "Life imprisonment: {n}."),
    "summary.sentences_unknown": (
        "Срок неизвестен ещё для {n}.",
        "The length of the term is not known for another {n}.",
    ),
    "summary.sentences_none": (
        "В этой выборке нет реальных сроков лишения свободы.",
        "There is no real prison term in this selection.",
    ),
    "summary.compare": (
        "В двух списках — {total}: в обоих — {both}, только в списке «{left}» — {only_left}, "
        "только в списке «{right}» — {only_right}.",
        "The two lists hold {total}: {both} on both, {only_left} only on “{left}” and "
        "{only_right} only on “{right}”.",
    ),
    "summary.counters": (
        "{persons}, {prosecutions}; сейчас в заключении — {custody}.",
        "{persons}, {prosecutions}; {custody} in custody now.",
    ),
    "lang.name": ("Русский", "English"),  # each in its own language
    "table_view.show": ("Показать в виде таблицы", "Show as table"),
    "table_view.hide": ("Скрыть таблицу", "Hide the table"),
    "table_view.caption": ("Данные графика", "Chart data"),
    "table_view.empty": (
        "В этой выборке нечего показать в таблице.",
        "Nothing to show in a table for this selection.",
    ),
    "demo.banner_title": ("Демонстрационные данные.", "Demo data."),
    "demo.banner": (
        "Все записи на этой странице вымышлены: это не настоящие люди и не настоящие дела. "
        "Числа показывают, как работает панель, а не масштаб преследований.",
        "Every record on this page is invented: these are not real people or real cases. "
        "The numbers show how the dashboard works, not the scale of persecution.",
    ),
    "footer.source": ("Источник: {source}", "Source: {source}"),
    "footer.sources": ("Источники: {source}", "Sources: {source}"),
    "format.canonical": ("канонический", "canonical"),
    "format.ovdinfo": ("выгрузка ОВД-Инфо", "OVD-Info export"),
    "format.memorial": ("карточки «Мемориала»", "Memorial cards"),
    "footer.demo_source": (
        "демонстрационный набор (вымышленные записи)",
        "demo dataset (invented records)",
    ),
    "footer.credit": (
        "Карта сделана с Natural Earth (Made with Natural Earth).",
        "Map: Made with Natural Earth.",
    ),
    "footer.about": (
        "Человек и уголовное преследование — не одно и то же: у одного человека может быть "
        "несколько дел. Списки «Мемориала» и ОВД-Инфо составлены по разным критериям.",
        "A person and a prosecution are not the same: one person may face several cases. "
        "Memorial's and OVD-Info's lists follow different criteria.",
    ),
    # counters
    "counter.persons": ("Человек", "Persons"),
    "counter.persons_note": ("в выбранных делах", "in the selected cases"),
    "counter.prosecutions": ("Уголовных преследований", "Prosecutions"),
    "counter.prosecutions_note": ("одно дело одного человека", "one case of one person"),
    "counter.in_custody": ("Сейчас в заключении", "In custody now"),
    "counter.in_custody_note": (
        "человек лишены свободы сейчас; домашний арест не в счёт",
        "persons held now; house arrest not counted",
    ),
    "counter.persons_note_sum": ("сумма {n} списков — см. ниже", "a sum of {n} lists: see below"),
    "counter.lists_note": (
        "Числа о людях здесь — сумма {n} списков ({parts}): человек, который есть в нескольких "
        "списках, учтён в каждом из них. Чтобы каждый человек был учтён один раз, выберите один "
        "список в фильтре «{filter}».",
        "Person counts here add up {n} lists ({parts}): a person on several lists counts once in "
        "each. To count each person once, choose one list under “{filter}”.",
    ),
    "counter.lists_matched": (
        "Если сопоставить людей между списками, это {n} разных человек (повторов: {k}; "
        "подробнее — на странице «{page}»).",
        "Matched across the lists, that is {n} different people ({k} counted twice; see “{page}”).",
    ),
    "counter.median_excluded": ("Не учтены: {parts}.", "Not included: {parts}."),
    "counter.median_life": ("пожизненные — {n}", "life terms: {n}"),
    "counter.median_unknown": ("срок не указан — {n}", "term not given: {n}"),
    "counter.median_none": (
        "нет приговоров к реальному сроку известной длины",
        "no real prison term of known length",
    ),
    "counter.median": ("Медианный реальный срок", "Median real prison term"),
    "counter.median_note_persons": (
        "{years}; по {n} к реальному сроку (самый долгий срок каждого человека)",
        "{years}; of {n} (each person's longest)",
    ),
    "counter.median_note_prosecutions": (
        "{years}; по {n} к реальному сроку",
        "{years}; of {n}",
    ),
    "counter.none": ("нет данных", "no data"),
    # filters
    "filters.title": ("Фильтры", "Filters"),
    "filters.article": ("Статья УК РФ", "Article of the Criminal Code"),
    "filters.region": ("Регион преследования", "Region of prosecution"),
    "filters.period": ("Период", "Period"),
    "filters.period_by": ("по дате", "by date of"),
    "filters.period_all": ("за всё время", "all time"),
    "dates.arrest": ("ареста", "arrest"),
    "dates.start": ("начала дела", "case start"),
    "dates.verdict": ("приговора", "verdict"),
    "period.what_arrest": ("даты ареста", "arrest date"),
    "period.what_start": ("даты начала дела", "case start date"),
    "period.what_verdict": ("даты приговора", "verdict date"),
    "filters.period_note": (
        "Записи без {what} не входят ни в один период.",
        "Records with no {what} are in no period.",
    ),
    "filters.period_undated": (
        "Не вошли в период, потому что нет {what}: {n}.",
        "Left out of the period for having no {what}: {n}.",
    ),
    "filters.punishment": ("Наказание", "Punishment"),
    "filters.status": ("Статус", "Status"),
    "filters.gender": ("Пол", "Gender"),
    "filters.case_group": ("Группа дел", "Case group"),
    "filters.any": ("Все", "All"),
    "filters.reset": ("Сбросить фильтры", "Reset filters"),
    # the texts dcc.Dropdown draws itself (its `labels`); {num_selected} is filled by Dash
    "dropdown.select_all": ("Выбрать все", "Select all"),
    "dropdown.deselect_all": ("Снять выбор", "Deselect all"),
    "dropdown.selected_count": ("Выбрано: {num_selected}", "{num_selected} selected"),
    "dropdown.search": ("Поиск", "Search"),
    "dropdown.clear_search": ("Очистить поиск", "Clear search"),
    "dropdown.clear_selection": ("Очистить выбор", "Clear selection"),
    "dropdown.no_options_found": ("Ничего не найдено", "Nothing found"),
    "filters.unit": ("Считать", "Count"),
    "unit.persons": ("людей", "persons"),
    "unit.prosecutions": ("уголовные дела", "prosecutions"),
    "filters.granularity": ("Шаг", "Step"),
    "granularity.month": ("месяц", "month"),
    "granularity.quarter": ("квартал", "quarter"),
    "granularity.year": ("год", "year"),
    "filters.no_dates": ("в данных нет дат", "the data has no dates"),
    # timeline
    "timeline.title_arrest": ("Аресты по времени", "Arrests over time"),
    "timeline.title_start": ("Начало дел по времени", "Cases started over time"),
    "timeline.title_verdict": ("Приговоры по времени", "Verdicts over time"),
    "timeline.y_persons": ("Человек", "Persons"),
    "timeline.y_prosecutions": ("Дел", "Prosecutions"),
    "timeline.caption_persons_arrest": (
        "Каждый человек учтён один раз — по дате первого ареста в выбранных делах. "
        "Без даты ареста: {n}.",
        "Each person is counted once, at their first arrest in the selected cases. "
        "No arrest date: {n}.",
    ),
    "timeline.caption_prosecutions_arrest": (
        "Каждое дело учтено по дате ареста. Без даты ареста: {n}.",
        "Each prosecution is counted at its arrest date. No arrest date: {n}.",
    ),
    "timeline.caption_persons_start": (
        "Каждый человек учтён один раз — по дате начала первого из выбранных дел. "
        "Без даты начала дела: {n}.",
        "Each person is counted once, at the start of their first selected case. "
        "No case start date: {n}.",
    ),
    "timeline.caption_prosecutions_start": (
        "Каждое дело учтено по дате его начала. Без даты начала: {n}.",
        "Each prosecution is counted at the date it started. No start date: {n}.",
    ),
    "timeline.caption_persons_verdict": (
        "Каждый человек учтён один раз — по дате первого приговора в выбранных делах. "
        "Без даты приговора (в том числе дела, где приговора ещё нет): {n}.",
        "Each person is counted once, at their first verdict in the selected cases. "
        "No verdict date (including cases with no verdict yet): {n}.",
    ),
    "timeline.caption_prosecutions_verdict": (
        "Каждое дело учтено по дате приговора первой инстанции. Без даты приговора: {n}.",
        "Each prosecution is counted at its first-instance verdict. No verdict date: {n}.",
    ),
    "lists.sum_note": (
        "Сумма {n} списков: кто есть в нескольких списках, учтён в каждом.",
        "A sum of {n} lists: anyone on several lists counts once in each.",
    ),
    # Two lines: the label must fit left of its line on a phone-width chart.
    "timeline.invasion": (
        "24.02.2022 — вторжение<br>04.03.2022 — ст. 207.3, 280.3",
        "24 Feb 2022 — invasion<br>4 Mar 2022 — art. 207.3, 280.3",
    ),
    "timeline.all_undated": (
        "Ни у одной выбранной записи нет {what} ({n})",
        "No {what} in any of the selected records ({n})",
    ),
    "timeline.key_dates": (
        "Пунктир: 24.02.2022 — полномасштабное вторжение в Украину; 04.03.2022 — вступили в силу "
        "статьи 207.3 и 280.3 УК.",
        "Dotted lines: 24 Feb 2022, the full-scale invasion of Ukraine; 4 Mar 2022, articles 207.3 "
        "and 280.3 of the Criminal Code in force.",
    ),
    "timeline.partial": (
        "Последний период неполный: данные по {date} (светлый столбец).",
        "The last period is partial: data up to {date} (the paler bar).",
    ),
    "timeline.hover": ("{period}: {n}", "{period}: {n}"),
    # sentences
    "sentences.title": ("Реальные сроки лишения свободы", "Real prison terms"),
    "sentences.x": ("Срок, полных лет", "Term, full years"),
    "sentences.bins_note": (
        "Столбец «6» — сроки от 6 лет до 6 лет 11 мес.",
        "The bar “6” holds terms from 6 years to 6 years 11 months.",
    ),
    "sentences.bin_first": ("до 1 года", "under 1 year"),
    "sentences.bin": ("от {y} {yw} до {y} {yw} 11 мес.", "{y} {yw} to {y} {yw} 11 months"),
    "sentences.bin_last": ("{y} лет и больше", "{y} years or more"),
    "sentences.only_life": (
        "Пожизненное лишение свободы: {n}. Срока в годах у него нет, поэтому на этой шкале его "
        "не показать.",
        "Life imprisonment: {n}. It has no length in years, so it cannot go on this scale.",
    ),
    "sentences.none_real": (
        "Среди выбранных ({n}) нет приговоров к реальному сроку.",
        "No real prison term among the selected ({n}).",
    ),
    "sentences.only_unknown": (
        "Реальный срок, длина которого не указана: {n}.",
        "Real prison terms whose length is not given: {n}.",
    ),
    "sentences.unknown_note": (
        "Приговоры к реальному сроку, длина которого не указана ({n}), на графике не показаны.",
        "Real prison sentences whose length is not given ({n}) are not shown on the chart.",
    ),
    "sentences.y_persons": ("Человек", "Persons"),
    "sentences.y_prosecutions": ("Приговоров", "Sentences"),
    "sentences.caption_persons": (
        "{n} с реальным сроком; у каждого учтён самый долгий срок. "
        "Цвет и штриховка — режим колонии.",
        "{n} with a real prison term, each with their longest. Colour and pattern show the regime.",
    ),
    "sentences.caption_prosecutions": (
        "{n} к реальному сроку. Цвет и штриховка — режим колонии.",
        "{n}. Colour and pattern show the regime.",
    ),
    "sentences.life_note": (
        "Пожизненное лишение свободы ({life}) на графике не показано.",
        "Life sentences ({life}) are not shown on the chart.",
    ),
    "chart.empty": ("Нет записей для выбранных фильтров", "No records match these filters"),
    # table
    "grid.page": ("Страница", "Page"),
    "grid.of": ("из", "of"),
    "grid.to": ("–", "to"),
    "grid.more": ("ещё", "more"),
    "grid.firstPage": ("Первая страница", "First page"),
    "grid.previousPage": ("Предыдущая страница", "Previous page"),
    "grid.nextPage": ("Следующая страница", "Next page"),
    "grid.lastPage": ("Последняя страница", "Last page"),
    "grid.pageLastRowUnknown": ("?", "?"),
    "grid.loadingOoo": ("Загрузка…", "Loading…"),
    "grid.loadingError": ("Ошибка загрузки", "Could not load the rows"),
    "grid.noRowsToShow": ("Никого не найдено", "Nobody found"),
    "grid.ariaPageSizeSelectorLabel": ("Строк на странице", "Rows per page"),
    "grid.pageSizeSelectorLabel": ("Строк на странице:", "Rows per page:"),
    "grid.sortAscending": ("По возрастанию", "Sort ascending"),
    "grid.sortDescending": ("По убыванию", "Sort descending"),
    "grid.ariaRowPageSizeSelectorLabel": ("Строк на странице", "Rows per page"),
    "grid.ariaSortableColumn": ("Нажмите Enter, чтобы отсортировать", "Press Enter to sort"),
    "table.title": ("Люди и дела", "Persons and cases"),
    "table.title_persons": ("Люди", "Persons"),
    "table.title_prosecutions": ("Уголовные дела", "Prosecutions"),
    "table.source_card": (
        "Карточка человека на сайте источника (в новой вкладке)",
        "The person's card on the source's site (opens in a new tab)",
    ),
    "table.search": ("Поиск по имени", "Search by name"),
    "table.search_note": ("Поиск сужает только таблицу.", "Search narrows the table only."),
    "table.name": ("Имя", "Name"),
    "table.region": ("Регион", "Region"),
    "table.articles": ("Статьи", "Articles"),
    "table.custody_date": ("Дата ареста", "Arrest date"),
    "table.sentence": ("Приговор", "Sentence"),
    "table.status": ("Статус", "Status"),
    "table.cases": ("Дел", "Cases"),
    "table.selection_note": (
        "Статьи, приговор и число дел человека — по делам, которые попали в выборку.",
        "A person's articles, sentence and number of cases count the selected cases only.",
    ),
    "table.source": ("Источник", "Source"),
    "person.back": ("К обзору", "Back to the overview"),
    "person.not_found": (
        "Такого человека нет в загруженных списках",
        "No such person in the lists loaded",
    ),
    "person.no_name": ("Имя не указано", "Name not given"),
    "person.page_title": ("{name}", "{name}"),
    "person.born": ("Год рождения", "Born"),
    "person.regions": ("Регион преследования", "Region of prosecution"),
    "person.held_in": ("Регион заключения", "Region of imprisonment"),
    "person.status": ("Статус", "Status"),
    "person.in_custody": ("Сейчас в заключении", "In custody now"),
    "person.held_yes": ("да", "yes"),
    "person.held_no": ("нет", "no"),
    "person.recognised": (
        "признан(а) политзаключённым(ой)",
        "recognised as a political prisoner",
    ),
    "person.letters": ("Адрес для писем", "Address for letters"),
    "person.letters_note": (
        "Политзаключённым пишут письма: для человека в заключении это поддержка и связь с "
        "миром. Адрес — из списка-источника; перед отправкой проверьте его на странице "
        "источника.",
        "People write to political prisoners: to someone in prison a letter is support and a "
        "link to the world. The address is the source list's; check it on the source's page "
        "before you send (letters in Russian pass the prison censor sooner).",
    ),
    "person.case": ("Дело", "Case"),
    "person.case_n": ("Дело {n} из {total}", "Case {n} of {total}"),
    "person.articles": ("Статьи УК", "Articles of the Criminal Code"),
    "person.case_group": ("Группа дел", "Case group"),
    "person.region": ("Регион", "Region"),
    "person.started": ("Начало преследования", "Prosecution began"),
    "person.custody": ("Задержан(а), под стражей с", "In custody since"),
    "person.restraint": ("Мера пресечения", "Measure of restraint"),
    "person.verdict": ("Приговор первой инстанции", "First-instance verdict"),
    "person.pronounced": ("Назначено судом первой инстанции", "As pronounced at first instance"),
    "person.in_force": ("В силе после обжалования", "In force after appeal"),
    "person.sentence": ("Наказание", "Sentence"),
    "person.probation": ("Испытательный срок", "Probation"),
    "person.case_status": ("Стадия", "Stage"),
    "person.verdict_text": ("Приговор словами источника", "The verdict in the source's words"),
    "person.source": ("Источник: {source}.", "Source: {source}."),
    "person.source_card": ("Карточка в источнике", "The source's card"),
    "person.open_full": ("Открыть страницу на сайте ↗", "Open the page on the site ↗"),
    "restraint.custody": ("заключение под стражу", "custody"),
    "restraint.house_arrest": ("домашний арест", "house arrest"),
    "restraint.ban_of_actions": ("запрет определённых действий", "ban on certain actions"),
    "restraint.recognizance": ("подписка о невыезде", "recognizance not to leave"),
    "restraint.none": ("нет", "none"),
    "restraint.unknown": ("неизвестно", "unknown"),
    "table.summary": ("Статьи · приговор · статус", "Articles · sentence · status"),
    "table.count": ("Найдено: {n}", "Found: {n}"),
    "table.none": ("Никого не найдено", "Nobody found"),
    # categories
    "gender.male": ("мужчины", "men"),
    "gender.female": ("женщины", "women"),
    "gender.unknown": ("не указан", "not stated"),
    "punishment.imprisonment": ("реальный срок", "prison term"),
    "punishment.life": ("пожизненное", "life"),
    "punishment.suspended": ("условный срок", "suspended sentence"),
    "punishment.fine": ("штраф", "fine"),
    "punishment.forced_labour": ("принудительные работы", "forced labour"),
    "punishment.restriction_of_freedom": ("ограничение свободы", "restriction of freedom"),
    "punishment.compulsory_works": ("обязательные работы", "compulsory works"),
    "punishment.compulsory_treatment": ("принудительное лечение", "compulsory treatment"),
    "punishment.other": ("другое", "other"),
    "punishment.none_yet": ("приговора ещё нет", "no verdict yet"),
    "punishment.unknown": ("наказание неизвестно", "punishment unknown"),
    "regime.general": ("общий режим", "general regime"),
    "regime.strict": ("строгий режим", "strict regime"),
    "regime.special": ("особый режим", "special regime"),
    "regime.settlement": ("колония-поселение", "settlement colony"),
    "regime.prison": ("тюрьма", "prison"),
    "regime.unknown": ("режим неизвестен", "regime unknown"),
    # the sentence chart's legend (short, to fit a phone; the caption says colour is the regime)
    "regime_short.general": ("общий", "general"),
    "regime_short.strict": ("строгий", "strict"),
    "regime_short.special": ("особый", "special"),
    "regime_short.settlement": ("поселение", "settlement"),
    "regime_short.prison": ("тюрьма", "prison"),
    "regime_short.unknown": ("не указан", "not given"),
    "status.investigation": ("следствие", "under investigation"),
    "status.trial": ("суд", "on trial"),
    "status.serving": ("отбывает наказание", "serving a sentence"),
    "status.released": ("на свободе", "released"),
    "status.emigrated": ("эмигрировал(а)", "emigrated"),
    "status.died": ("умер(ла)", "died"),
    "status.unknown": ("неизвестно", "unknown"),
    # sentence wording in the table
    "sentence.term_regime": ("{term}, {regime}", "{term}, {regime}"),
    "sentence.prison_part": (
        "{term} (из них {prison} в тюрьме), {regime}",
        "{term} ({prison} of it in prison), {regime}",
    ),
    "sentence.life": ("пожизненное лишение свободы", "life imprisonment"),
    "sentence.suspended": ("{term} условно", "{term} suspended"),
    "sentence.fine": ("штраф {amount} ₽", "fine of {amount} roubles"),
    "sentence.term_of": ("{term}: {what}", "{term} of {what}"),
    "term.years_months": ("{y} {yw} {m} мес.", "{y} {yw} {m} mo."),
    # the map
    "map.title": ("Регионы", "Regions"),
    "map.view": ("Вид", "View"),
    "map.view_map": ("карта", "map"),
    "map.view_grid": ("плитка", "tile grid"),
    "map.basis": ("Считать по", "Count by"),
    "map.basis_prosecution": ("региону дела", "region of prosecution"),
    "map.basis_imprisonment": ("месту заключения", "place of imprisonment"),
    "map.clear": ("Снять выбор регионов", "Clear selected regions"),
    "map.no_data": ("нет данных", "no data"),
    "map.no_data_per_million": ("нет данных о населении", "no population data"),
    "map.measure_count": ("числа", "counts"),
    "map.measure_per_million": ("на 1 млн жителей", "per million residents"),
    "map.legend_per_million": (
        "На 1 млн жителей (население — Росстат, {year})",
        "Per million residents (population: Rosstat, {year})",
    ),
    "map.legend_persons_prosecution": (
        "Человек по региону дела",
        "Persons by region of prosecution",
    ),
    "map.legend_persons_imprisonment": (
        "Человек по месту заключения",
        "Persons by place of imprisonment",
    ),
    "map.legend_prosecutions_prosecution": (
        "Дел по региону дела",
        "Prosecutions by region of prosecution",
    ),
    "map.legend_prosecutions_imprisonment": (
        "Дел по месту заключения",
        "Prosecutions by place of imprisonment",
    ),
    "map.rate_hover": (
        "{rate} на 1 млн жителей<br>{numbers}",
        "{rate} per million residents<br>{numbers}",
    ),
    "map.no_population": (
        "нет данных о населении<br>{numbers}",
        "no population data<br>{numbers}",
    ),
    "map.per_million_caption": (
        "На 1 млн жителей: население по оценке Росстата на {date}; у аннексированных в 2022 году "
        "частей Украины такой оценки нет, они показаны серым.",
        "Per million residents: population as estimated by Rosstat for {date}; the parts of "
        "Ukraine annexed in 2022 have no such estimate and are shown in grey.",
    ),
    "map.caption_prosecution_persons": (
        "Люди по региону, где велось дело: регион известен для {located} из {total}. Человек с "
        "делами в двух регионах учтён в обоих. Доля — от людей с известным регионом.",
        "Persons by the region where their case was brought: the region is known for {located} "
        "of {total}. A person with cases in two regions counts in both. Shares are of persons "
        "with a known region.",
    ),
    "map.caption_prosecution_prosecutions": (
        "Уголовные дела по региону, где велось дело: регион известен для {located} из {total}. "
        "Доля — от дел с известным регионом.",
        "Prosecutions by the region where the case was brought: the region is known for "
        "{located} of {total}. Shares are of prosecutions with a known region.",
    ),
    "map.caption_imprisonment_persons": (
        "Люди по региону, где их держат: регион известен для {located} из {total}.",
        "Persons by the region where they are held: the region is known for {located} of {total}.",
    ),
    "map.caption_imprisonment_prosecutions": (
        "Уголовные дела по региону, где держат обвиняемого: регион известен для {located} из "
        "{total}.",
        "Prosecutions by the region where the defendant is held: the region is known for "
        "{located} of {total}.",
    ),
    "map.imprisonment_known": (
        "Место заключения указано в {known} делах из {rows}: остальные на карте не видны.",
        "The place of imprisonment is given for {known} of {rows} prosecutions; the others are "
        "not on the map.",
    ),
    "map.click_hint": (
        "Нажмите на регион, чтобы отфильтровать по нему остальные графики и таблицу (он будет "
        "обведён); ещё раз — чтобы снять.",
        "Click a region to filter the other charts and the table by it (it is outlined); click "
        "again to remove it.",
    ),
    "map.credit": (
        "Границы регионов сделаны с Natural Earth (Made with Natural Earth).",
        "Region borders: Made with Natural Earth.",
    ),
    "filters.held_region": ("Регион заключения", "Region of imprisonment"),
    # navigation and the data status page
    "nav.status": ("Данные", "Data status"),
    "nav.compare": ("Сравнение", "Compare"),
    "nav.history": ("История", "History"),
    # --- a list's history (components/history.py) ---
    "history.title": ("История списков", "The lists' history"),
    "history.lead": (
        "Несколько выгрузок одного списка на разные даты — это его снимки. Между двумя снимками "
        "в список добавляют людей и исключают из него; карточки часто говорят почему.",
        "Several exports of one list saved on different dates are its snapshots. Between two "
        "snapshots people are added to the list and leave it; the cards often tell why.",
    ),
    "history.none": (
        "Загружено по одной выгрузке каждого списка. Положите в папку данных и более ранние "
        "выгрузки списка (с датой в метаданных или в имени файла, например "
        "list_867_22-02-2025.geojson), и здесь появится, как он менялся.",
        "One export of each list is loaded. Put earlier exports of a list in the data folder "
        "(with their date in the metadata or the file name, e.g. list_867_22-02-2025.geojson) "
        "to see here how it changed.",
    ),
    "history.axis": ("Человек в списке", "Persons on the list"),
    "history.caption": (
        "Число людей в каждом снимке списка (по дате выгрузки). Считается текущий снимок; "
        "более ранние — только здесь.",
        "Persons on each snapshot of the list (by the date it was saved). The latest is the "
        "one counted elsewhere; the earlier ones only here.",
    ),
    "history.change": (
        "{before} → {after}: было {n_before}, стало {n_after}; добавлено {added}, "
        "исключено {removed}",
        "{before} → {after}: {n_before} then {n_after}; {added} added, {removed} left",
    ),
    "history.added": ("Добавлены", "Added"),
    "history.removed": ("Исключены", "Left the list"),
    "history.status_changed": ("Изменился статус", "Status changed"),
    "history.more": ("…и ещё {n}.", "…and {n} more."),
    "history.reason_count": ("{reason} — {n}", "{reason}: {n}"),
    "history.reason_died": ("умер(ла)", "died"),
    "history.reason_released": ("освобождён(а)", "released"),
    "history.reason_emigrated": ("уехал(а)", "emigrated"),
    "history.reason_sentence_served": ("срок истёк", "sentence served"),
    "history.reason_removed": ("причина не указана", "no reason given"),
    "history.reason_new_case": ("новое дело", "a new case"),
    "history.reason_added": ("добавлен(а) в список", "added to the list"),
    "history.before": ("Было", "Before"),
    "history.after": ("Стало", "After"),
    "history.difference": ("Разница", "Change"),
    "history.by_article": ("Статья УК", "Article"),
    "history.by_region": ("Регион", "Region"),
    "history.mix_same": ("{what}: без изменений.", "{what}: no change."),
    # --- two lists side by side (components/compare.py) ---
    "compare.title": ("Два списка рядом", "Two lists side by side"),
    "compare.lead": (
        "Кто есть в обоих списках, а кто — только в одном. Списки составлены по разным "
        "критериям, поэтому их числа и не должны совпадать: важно, где именно они расходятся.",
        "Who is on both lists and who is on one only. The lists follow different criteria, so "
        "their numbers are not meant to agree: what matters is where they differ.",
    ),
    "compare.both": ("В обоих списках", "On both lists"),
    "compare.only": ("Только: {list}", "Only on {list}"),
    "compare.any": ("Разных людей хотя бы в одном списке", "Different people on either list"),
    "compare.axis": ("Человек", "Persons"),
    "compare.by_region": ("По региону преследования", "By region of prosecution"),
    "compare.by_article": ("По статье УК", "By article of the Criminal Code"),
    "compare.by_year": ("По году ареста", "By year of arrest"),
    "compare.top": (
        "Показаны {n} крупнейших; все строки — в CSV.",
        "The {n} largest are shown; every row is in the CSV.",
    ),
    "compare.caption": (
        "Человек учтён один раз, даже если он есть в обоих списках. Человек с делами в двух "
        "регионах или по двум статьям учтён в каждом из них, поэтому строки не складываются в "
        "итог. В каком списке человек есть, определено по спискам целиком: фильтры выбирают "
        "людей, но не прячут их записи в другом списке.",
        "A person counts once, even when on both lists. A person with cases in two regions or "
        "under two articles counts in each, so the rows do not add up to the total. Which list "
        "a person is on is read from the whole lists: the filters choose people, they do not "
        "hide their record on the other list.",
    ),
    "compare.undated": (
        "Без даты ареста ни в одном списке: {n}.",
        "With no arrest date on either list: {n}.",
    ),
    "compare.matching": (
        "Люди сопоставлены автоматически: по имени в кириллице и латинице (разные системы "
        "транслитерации, ё/е, й/и, порядок слов, отчество может отсутствовать), году рождения, "
        "региону и статьям. Найдено пар: {n}. Сопоставление может ошибаться; оператор "
        "исправляет его файлом {file} в папке данных.",
        "People are matched automatically: by name in Cyrillic and Latin letters (several "
        "transliteration systems, ё/е, й/i, word order, a missing patronymic), birth year, "
        "region and articles. Pairs found: {n}. A match can be wrong; the operator corrects it "
        "with a {file} file in the data folder.",
    ),
    "compare.need_two": (
        "Для сравнения нужны два списка, а загружен один: {list}. Положите в папку данных "
        "экспорт второго списка (например, ОВД-Инфо рядом с «Мемориалом»).",
        "Comparing needs two lists, and one is loaded: {list}. Put an export of a second list "
        "in the data folder (OVD-Info beside Memorial, for example).",
    ),
    "compare.methods": ("Как составлены списки", "How the lists are made"),
    "compare.method_memorial": (
        "«Мемориал» (проект «Поддержка политзаключённых»): список политзаключённых — людей, "
        "которых эксперты признали политзаключёнными по критериям ПАСЕ 2012 года "
        "(резолюция 1900). Признание требует изучения дела, поэтому список сознательно "
        "минимален: в нём нет многих преследуемых, чьи дела ещё не изучены.",
        "Memorial (Support for Political Prisoners): a list of political prisoners, people whom "
        "its experts recognised as such under the PACE 2012 criteria (Resolution 1900). "
        "Recognition takes a study of the case, so the list is deliberately minimal: many "
        "persecuted people whose cases are not yet studied are not on it.",
    ),
    "compare.method_ovdinfo": (
        "ОВД-Инфо: база политически мотивированных уголовных преследований — шире по критериям; "
        "в ней и те, кто не в заключении (условные сроки, штрафы, эмиграция). Считает и людей, "
        "и отдельные дела: у одного человека может быть несколько преследований.",
        "OVD-Info: a database of politically motivated criminal prosecutions, wider by its "
        "criteria; it also holds people not in custody (suspended terms, fines, emigration). "
        "It counts both persons and prosecutions: one person may face several.",
    ),
    "compare.method_other": (
        "{list}: список оператора; его критерии описаны в его метаданных и на его сайте.",
        "{list}: the operator's own list; its criteria are in its metadata and on its site.",
    ),
    "compare.only_list": ("Только в списке {list}: {n}", "Only on {list}: {n}"),
    "compare.only_more": (
        "Показаны первые {shown} по алфавиту; весь список — в CSV.",
        "The first {shown} by name are shown; the whole list is in the CSV.",
    ),
    "compare.persons_csv": ("Скачать этих людей (CSV)", "Download these persons (CSV)"),
    "compare.embed_title": (
        "Кто в обоих списках, а кто — в одном: {left} и {right}",
        "On both lists or on one: {left} and {right}",
    ),
    "status.title": ("Состояние данных", "Data status"),
    "status.intro": (
        "Какие файлы загружены, сколько строк прочитано и принято, и что не удалось прочитать — "
        "с файлом, строкой и столбцом. Ничего не отбрасывается молча.",
        "Which files are loaded, how many rows were read and accepted, and what could not be "
        "read, with file, row and column. Nothing is dropped silently.",
    ),
    "status.demo": (
        "Сейчас показаны демонстрационные данные: они созданы программой, файлов нет.",
        "The dashboard is showing demo data: generated by the program, from no file.",
    ),
    "status.sources": ("Источники", "Sources"),
    "status.files": ("Файлы", "Files"),
    "status.organisation": ("Организация", "Organisation"),
    "status.as_of": ("Данные на", "Data as of"),
    "status.licence": ("Лицензия", "Licence"),
    "status.link": ("Сайт", "Website"),
    "status.format": ("Формат", "Format"),
    "status.how_read": ("Как прочитан", "How it was read"),
    "status.loaded": ("загружен", "loaded"),
    "status.not_loaded": ("не загружен", "not loaded"),
    "status.snapshot": ("ранний снимок, не учитывается", "earlier snapshot, not counted"),
    "status.superseded": (
        "Более ранняя выгрузка списка «{source}»: сохранена как снимок истории списка и не "
        "учитывается в числах; учитывается более новая выгрузка {file}.",
        "An earlier export of the list “{source}”: kept as a snapshot of the list's history and "
        "not counted; the newer export {file} is counted.",
    ),
    "status.kept_previous": (
        "новая версия файла не читается; показывается последняя удачная",
        "the new version of the file cannot be read; the last good version is shown",
    ),
    "status.rows_read": ("Прочитано строк", "Rows read"),
    "status.rows_loaded": ("Принято", "Loaded"),
    "status.rows_rejected": ("Отклонено", "Rejected"),
    "status.rows_repaired": ("Исправлено", "Repaired"),
    "status.by_column": (
        "Значения, которые не удалось использовать как есть",
        "Values that could not be used as given",
    ),
    "status.column": ("Столбец", "Column"),
    "status.count": ("Сколько", "How many"),
    "status.examples": ("Примеры", "Examples"),
    "status.issues": ("Проблемы по строкам", "Problems by row"),
    "status.issues_more": (
        "Показаны первые {shown} из {total}; все — командой python -m data check.",
        "The first {shown} of {total} are shown; all of them: python -m data check.",
    ),
    "status.row": ("Строка", "Row"),
    "status.value": ("Значение", "Value"),
    "status.reason": ("Причина", "Reason"),
    "status.action": ("Что сделано", "Done"),
    "status.whole_row": ("(вся строка)", "(whole row)"),
    "status.none": ("Проблем нет.", "No problems."),
    # column names in words, for the Data status page (components/status.column_cell)
    "column.person_id": ("Идентификатор человека", "Person id"),
    "column.case_id": ("Идентификатор дела", "Case id"),
    "column.source": ("Список-источник", "Source list"),
    "column.name": ("Имя", "Name"),
    "column.gender": ("Пол", "Gender"),
    "column.birth_year": ("Год рождения", "Year of birth"),
    "column.region_code": ("Регион преследования", "Region of prosecution"),
    "column.city": ("Город", "City"),
    "column.imprisonment_region_code": ("Регион заключения", "Region of imprisonment"),
    "column.facility": ("Место заключения, адрес", "Place of detention, address"),
    "column.articles": ("Статьи УК", "Articles of the Criminal Code"),
    "column.case_group": ("Группа дел", "Case group"),
    "column.theme": ("Тема", "Theme"),
    "column.persecution_start": ("Начало дела", "Start of the case"),
    "column.custody_date": ("Дата ареста", "Arrest date"),
    "column.verdict_date": ("Дата приговора", "Verdict date"),
    "column.punishment_type": ("Вид наказания", "Punishment"),
    "column.regime": ("Режим", "Regime"),
    "column.sentence_months": ("Срок, месяцев", "Term, months"),
    "column.first_instance_months": (
        "Срок первой инстанции, месяцев",
        "First-instance term, months",
    ),
    "column.prison_months": ("Часть срока в тюрьме, месяцев", "Part in prison, months"),
    "column.probation_months": ("Испытательный срок, месяцев", "Probation, months"),
    "column.fine_rub": ("Штраф, рублей", "Fine, roubles"),
    "column.status": ("Статус", "Status"),
    "column.in_custody": ("Под стражей сейчас", "In custody now"),
    "column.restraint": ("Мера пресечения", "Measure of restraint"),
    "column.recognized_political_prisoner": (
        "Признан политзаключённым",
        "Recognised political prisoner",
    ),
    "column.source_url": ("Ссылка на страницу источника", "Link to the source's page"),
    "column.verdict_text": ("Текст приговора", "Verdict in words"),
    "column.tags": ("Метки карточки", "Card tags"),
    # what was done with a value, by kind of problem (components/status.done_text)
    "done.html_removed": ("разметка удалена, текст оставлен", "markup removed, the text kept"),
    "done.invisible_removed": (
        "невидимые символы удалены, текст оставлен",
        "invisible characters removed, the text kept",
    ),
    "done.not_http_url": ("оставлено пустым", "left empty"),
    "done.not_in_list": ("оставлено пустым", "left empty"),
    "done.not_region": ("оставлено пустым", "left empty"),
    "done.not_number": ("оставлено пустым", "left empty"),
    "done.out_of_range": ("оставлено пустым", "left empty"),
    "done.not_whole": ("оставлено пустым", "left empty"),
    "done.not_date": ("оставлено пустым", "left empty"),
    "done.impossible_date": ("оставлено пустым", "left empty"),
    "done.not_bool": ("оставлено пустым", "left empty"),
    "done.status_not_understood": ("оставлено пустым", "left empty"),
    "done.gender_not_understood": ("оставлено пустым", "left empty"),
    "done.region_empty": ("регион: «неизвестен»", "region set to “unknown”"),
    "done.region_not_understood": ("регион: «неизвестен»", "region set to “unknown”"),
    "done.article_not_understood": (
        "эта статья не учтена, остальные — да",
        "this article left out, the others kept",
    ),
    "done.verdict_not_understood": ("наказание не заполнено", "punishment left empty"),
    "done.verdict_missing": ("наказание не заполнено", "punishment left empty"),
    "done.verdict_conflict": ("взят срок из столбца срока", "the term column kept"),
    "done.tag_not_understood": ("метка не учтена", "tag ignored"),
    "done.tags_contradict": ("оставлена более определённая метка", "the more specific tag kept"),
    "done.custody_contradicts_status": ("не считается под стражей", "not counted as held"),
    "done.restraint_contradicts_status": ("мера пресечения: «нет»", "measure set to none"),
    "done.restraint_contradicts_custody": ("не считается под стражей", "not counted as held"),
    "done.prison_exceeds_term": ("часть в тюрьме не заполнена", "the prison part left empty"),
    "action.rejected": ("строка не загружена", "row not loaded"),
    "action.repaired": ("значение очищено или исправлено", "value emptied or fixed"),
    "filters.source": ("Список-источник", "Source list"),
    "header.sources": ("Данные: {sources}.", "Data: {sources}."),
    "header.source_as_of": ("{name} (на {date})", "{name} (as of {date})"),
    # why a value was not used (data.loader and the importers give each problem a code)
    "issue.not_http_url": ("не ссылка http(s); не используется", "not an http(s) link; not used"),
    "issue.not_in_list": ("значение не из списка схемы", "not one of the schema's values"),
    "issue.not_region": ("не код региона из таблицы", "not a region code of the table"),
    "issue.not_number": ("не число", "not a number"),
    "issue.out_of_range": ("невозможное число", "an impossible number"),
    "issue.not_whole": ("не целое число", "not a whole number"),
    "issue.not_date": ("не дата", "not a date"),
    "issue.impossible_date": (
        "невозможная дата (до 1990 года или в будущем)",
        "an impossible date (before 1990 or in the future)",
    ),
    "issue.not_bool": ("не «да/нет»", "not true/false"),
    "issue.required_empty": ("нет обязательного значения", "a required value is missing"),
    "issue.region_empty": ("регион не указан", "no region given"),
    "issue.duplicate_case": ("повтор идентификатора дела", "a repeated case id"),
    "issue.field_count": (
        "число полей не совпадает с заголовком (строка обрезана?)",
        "the number of fields differs from the header (a cut line?)",
    ),
    "issue.not_a_record": ("не запись", "not a record"),
    "issue.html_removed": ("удалена HTML-разметка", "HTML markup removed"),
    "issue.invisible_removed": (
        "удалены невидимые символы или символы смены направления текста",
        "invisible or text-direction characters removed",
    ),
    "issue.region_not_understood": ("регион не распознан", "region not recognised"),
    "issue.article_not_understood": ("статья не распознана", "article not recognised"),
    "issue.verdict_not_understood": ("приговор не распознан", "verdict not understood"),
    "issue.verdict_conflict": (
        "текст приговора и срок расходятся; взят срок",
        "the verdict text and the term differ; the term was kept",
    ),
    "issue.verdict_missing": (
        "отбывает наказание, но приговора в тексте нет",
        "serving a sentence, but no verdict in the text",
    ),
    "issue.status_not_understood": ("статус не распознан", "status not recognised"),
    "issue.gender_not_understood": ("пол не распознан", "gender not recognised"),
    "issue.tag_not_understood": ("метка не распознана", "tag not recognised"),
    "issue.prison_exceeds_term": (
        "часть срока в тюрьме длиннее всего срока; не заполнена",
        "the part of the term in prison is longer than the whole term; left empty",
    ),
    "issue.tags_contradict": (
        "метки противоречат друг другу; оставлена более определённая",
        "the tags contradict each other; the more specific one kept",
    ),
    "issue.custody_contradicts_status": (
        "«под стражей», но статус — на свободе, эмигрировал или умер; не считается под стражей",
        "“in custody”, but the status is released, emigrated or died; not counted as held",
    ),
    "issue.restraint_contradicts_status": (
        "мера пресечения, но статус — на свободе, эмигрировал или умер; мера снята",
        "a measure of restraint, but the status is released, emigrated or died; set to none",
    ),
    "issue.restraint_contradicts_custody": (
        "домашний арест — не лишение свободы, а указано «под стражей»; не считается под стражей",
        "house arrest is not custody, yet “in custody” is given; not counted as held",
    ),
    # why a whole file was not loaded
    "load_error.missing": ("файла нет", "no such file"),
    "load_error.too_large": ("файл больше допустимого размера", "the file is over the size limit"),
    "load_error.empty": ("файл пуст", "the file is empty"),
    "load_error.binary": ("двоичные данные, не текст", "binary data, not text"),
    "load_error.encoding": ("не UTF-8 и не cp1251", "neither UTF-8 nor cp1251 text"),
    "load_error.no_header": ("нет строки заголовка", "no header row"),
    "load_error.header_only": ("есть заголовок, но нет строк", "a header but no rows"),
    "load_error.malformed": ("файл повреждён или обрезан", "the file is damaged or cut short"),
    "load_error.duplicate_columns": (
        "в заголовке повторяются столбцы",
        "the header repeats columns",
    ),
    "load_error.json_shape": ("JSON неизвестной структуры", "JSON of an unknown shape"),
    "load_error.file_type": ("неизвестный тип файла", "unknown file type"),
    "load_error.unreadable": ("файл не читается", "the file cannot be read"),
    "load_error.unknown_format": (
        "формат не определён по столбцам",
        "the format cannot be told from the columns",
    ),
    "load_error.format": ("неизвестный формат", "unknown format"),
    "load_error.no_rows": ("ни одна строка не принята", "no row could be loaded"),
    "load_error.missing_columns": ("нет обязательных столбцов", "required columns are missing"),
    # the selection in words, under an embedded chart (components/describe.describe_filters)
    "describe.all": ("Все записи", "All records"),
    "describe.more": ("{items} и ещё {n} {noun}", "{items} and {n} more {noun}"),
    "describe.article": ("ст. {items}", "Article {items}"),
    "describe.articles": ("ст. {items}", "Articles {items}"),
    "describe.article_named": ("{code} ({name})", "{code} ({name})"),
    "describe.held": ("место заключения: {items}", "held in {items}"),
    "describe.statuses": ("статус: {items}", "status: {items}"),
    "describe.list": ("список {items}", "list {items}"),
    "describe.lists": ("списки {items}", "lists {items}"),
    "describe.quoted": ("«{name}»", "“{name}”"),
    "describe.punishment.life": ("пожизненное лишение свободы", "life imprisonment"),
    "describe.punishment.other": ("другое наказание", "other punishment"),
    "describe.gender.unknown": ("пол не указан", "gender not stated"),
    "describe.unit.persons": ("люди", "persons"),
    "describe.what.arrest": ("аресты", "arrests"),
    "describe.what.start": ("дела, начатые", "cases started"),
    "describe.what.verdict": ("приговоры", "verdicts"),
    "describe.period.between": ("{what} с {start} по {end}", "{what} from {start} to {end}"),
    "describe.period.from": ("{what} с {start}", "{what} from {start}"),
    "describe.period.to": ("{what} по {end}", "{what} up to {end}"),
    "describe.period.month": ("{what} в {month}", "{what} in {month}"),
    "describe.period.day": ("{what} {day}", "{what} on {day}"),
    "describe.period.year": ("{what} в {year} году", "{what} in {year}"),
    "describe.period.years": ("{what} в {start}–{end} годах", "{what} in {start}–{end}"),
    # a chart's numbers as a table: CSV column names and row labels (components/chart_tables)
    "table_csv.breakdown": ("Разбивка", "Breakdown"),
    "table_csv.key": ("Код", "Code"),
    "table_csv.label": ("Название", "Name"),
    "table_csv.card": ("Карточка в списке", "Card on the list"),
    "table_csv.region_code": ("Код региона", "Region code"),
    "table_csv.region": ("Регион", "Region"),
    "table_csv.period_start": ("Начало периода", "Period start"),
    "table_csv.term": ("Срок", "Term"),
    "table_csv.total": ("Всего", "Total"),
    "table_csv.life": ("Пожизненное лишение свободы", "Life imprisonment"),
    "table_csv.unknown_length": (
        "Реальный срок неизвестной длины",
        "Real prison term of unknown length",
    ),
    "table_csv.measure": ("Показатель", "Measure"),
    "table_csv.value": ("Значение", "Value"),
    "table_csv.median_months_persons": (
        "Медианный реальный срок, месяцев (самый долгий срок каждого человека)",
        "Median real prison term, months (each person's longest)",
    ),
    "table_csv.median_months_prosecutions": (
        "Медианный реальный срок, месяцев",
        "Median real prison term, months",
    ),
    "table_csv.real_terms": (
        "Реальных сроков известной длины в медиане",
        "Real prison terms of known length in the median",
    ),
    "table_csv.life_terms": (
        "Пожизненное лишение свободы (не в медиане)",
        "Life imprisonment (not in the median)",
    ),
    "table_csv.unknown_terms": (
        "Реальный срок неизвестной длины (не в медиане)",
        "Real prison term of unknown length (not in the median)",
    ),
    "table_csv.list_persons": ("Человек в списке «{name}»", "Persons on the list “{name}”"),
    "error.data": (
        "Не удалось получить данные. Обновите страницу.",
        "The data could not be loaded. Please reload the page.",
    ),
}

_MONTHS_RU = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
# Russian months after «с» (genitive: «с марта 2022») and «в» (prepositional: «в марте 2022»);
# after «по» the nominative serves («по декабрь 2024»). See fmt_month's `case`.
_MONTHS_RU_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_MONTHS_RU_PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)
_MONTHS_RU_SHORT = (
    "янв",
    "фев",
    "мар",
    "апр",
    "май",
    "июн",
    "июл",
    "авг",
    "сен",
    "окт",
    "ноя",
    "дек",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS_RU_BY_CASE = {
    "nominative": _MONTHS_RU,
    "genitive": _MONTHS_RU_GENITIVE,
    "prepositional": _MONTHS_RU_PREPOSITIONAL,
}
_QUARTERS_RU = ("I", "II", "III", "IV")
NBSP = "\u00a0"


def t(key: str, lang: str, **values: object) -> str:
    """The text of `key` in `lang`, with `{placeholders}` filled from `values`."""
    ru, en = MESSAGES[key]
    text = ru if lang == "ru" else en
    return text.format(**values) if values else text


def raw(key: str, lang: str) -> str:
    """The text of `key` with its placeholders left for someone else (Dash) to fill."""
    ru, en = MESSAGES[key]
    return ru if lang == "ru" else en


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """Russian plural form: 1 год, 2 года, 5 лет, 11 лет, 21 год."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


# Nouns counted in sentences: Russian one / few / many forms (in the case the sentence needs),
# then English singular / plural.
NOUNS: dict[str, tuple[tuple[str, str, str], tuple[str, str]]] = {
    "persons": (("человек", "человека", "человек"), ("person", "persons")),
    # short, where 89 of them travel in a map's recolour: «чел.» needs no agreement
    "persons_short": (("чел.", "чел.", "чел."), ("person", "persons")),
    "prosecutions": (("дело", "дела", "дел"), ("prosecution", "prosecutions")),
    # the genitive after «для», «из»: «для 1 человека», «для 5 человек», «для 2 дел»
    "persons_genitive": (("человека", "человек", "человек"), ("person", "persons")),
    "prosecutions_genitive": (("дела", "дел", "дел"), ("prosecution", "prosecutions")),
    "sentences": (
        ("приговор", "приговора", "приговоров"),
        ("real prison sentence", "real prison sentences"),
    ),
    # dative after «по»: «по 1 приговору», «по 3 приговорам»
    "real_terms_dative": (
        ("приговору", "приговорам", "приговорам"),
        ("real prison term", "real prison terms"),
    ),
    # after "and N more" in a long list of filter values (components/describe.more_text)
    "articles": (("статья", "статьи", "статей"), ("article", "articles")),
    "regions": (("регион", "региона", "регионов"), ("region", "regions")),
    "punishments": (("наказание", "наказания", "наказаний"), ("punishment", "punishments")),
    "statuses": (("статус", "статуса", "статусов"), ("status", "statuses")),
    "genders": (("пол", "пола", "полов"), ("gender", "genders")),
    "case_groups": (("группа дел", "группы дел", "групп дел"), ("case group", "case groups")),
    "lists": (("список", "списка", "списков"), ("list", "lists")),
}


def noun_form(n: int, noun: str, lang: str) -> str:
    """The form of `noun` (a key of NOUNS) that agrees with the number `n`, without the number:
    'человека' for 3, 'prosecutions' for 2."""
    ru, en = NOUNS[noun]
    return plural_ru(n, *ru) if lang == "ru" else (en[0] if n == 1 else en[1])


def count_of(n: int, noun: str, lang: str) -> str:
    """'1 человек', '3 человека', '1 prosecution', '2 prosecutions': a number that agrees with
    its noun (see NOUNS)."""
    return f"{fmt_int(n, lang)} {noun_form(n, noun, lang)}"


def fmt_int(n: int, lang: str) -> str:
    """3500 -> '3 500' (ru, no-break space) or '3,500' (en)."""
    text = f"{int(n):,}"
    return text.replace(",", NBSP) if lang == "ru" else text


def fmt_decimal(x: float, lang: str, digits: int = 1) -> str:
    """6.5 -> '6,5' (ru) or '6.5' (en); whole numbers lose the '.0'."""
    if not math.isfinite(x):
        return "—"
    rounded = round(x, digits)
    text = f"{rounded:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "ru":
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def fmt_date(d: date, lang: str) -> str:
    """'10.04.2022' (ru) or '10 Apr 2022' (en)."""
    if lang == "ru":
        return d.strftime("%d.%m.%Y")
    return f"{d.day} {_MONTHS_EN[d.month - 1][:3]} {d.year}"


def fmt_month(d: date, lang: str, short: bool = False, case: str = "nominative") -> str:
    """'апрель 2022' / 'April 2022', or 'апр 2022' / 'Apr 2022' when short.

    `case` declines a full Russian name for the preposition before it: "genitive" ('марта 2022',
    after «с») or "prepositional" ('марте 2022', after «в»); English and short names ignore it."""
    if lang == "ru":
        names = _MONTHS_RU_SHORT if short else _MONTHS_RU_BY_CASE[case]
    else:
        names = tuple(m[:3] for m in _MONTHS_EN) if short else _MONTHS_EN
    return f"{names[d.month - 1]} {d.year}"


def fmt_period(d: date, granularity: str, lang: str) -> str:
    """The period starting at `d`: a month, a quarter ('II кв. 2022' / 'Q2 2022') or a year."""
    if granularity == "year":
        return str(d.year)
    if granularity == "quarter":
        q = (d.month - 1) // 3
        return f"{_QUARTERS_RU[q]} кв. {d.year}" if lang == "ru" else f"Q{q + 1} {d.year}"
    return fmt_month(d, lang)


def years_word(n: int, lang: str) -> str:
    if lang == "ru":
        return plural_ru(n, "год", "года", "лет")
    return "year" if n == 1 else "years"


def years_after(value: float, lang: str) -> str:
    """The word after a number of years as shown with one decimal: "13,8 года", "7 лет",
    "21 год" (a fraction takes the genitive singular in Russian)."""
    shown = round(value, 1)
    if shown != int(shown):
        return "года" if lang == "ru" else "years"
    return years_word(int(shown), lang)


def fmt_term(months: float, lang: str) -> str:
    """84 -> '7 лет' / '7 years'; 78 -> '6 лет 6 мес.' / '6 years 6 mo.'; 8 -> '8 мес.'."""
    total = round(months)
    years, rest = divmod(total, 12)
    if years and rest:
        return t("term.years_months", lang, y=years, yw=years_word(years, lang), m=rest)
    if years:
        return f"{years} {years_word(years, lang)}"
    return f"{rest} мес." if lang == "ru" else f"{rest} mo."


def fmt_years(months: float, lang: str) -> str:
    """A term in years with one decimal: 78 months -> '6,5' / '6.5'."""
    return fmt_decimal(months / 12, lang, 1)


def plotly_separators(lang: str) -> str:
    """plotly's `separators`: decimal mark then thousands separator."""
    return "," + NBSP if lang == "ru" else ".,"
