"""region_of_address: the region a letter address is in, from a region part, the FSIN body or a
known town; false positives (streets, addressees, e-mail services, companies) never count."""

import csv

import pytest

from data.importers.addresses import CITIES_FILE, region_of_address, region_of_addresses
from data.reference import regions

VLADIMIR = (
    "600000, г. Владимир, ул. Примерная, д. 0, ФКУ Т-0 УФСИН России по Владимирской области, "
    "Образцову Бахтияру Примеровичу, 1963 г. р. Электронные письма можно отправлять через сервис "
    "« Ф-письмо »."
)
PETERSBURG = (
    "190000, г. Санкт-Петербург, ул. Условная, д. 0, ФКУ СИЗО-0 УФСИН России по г. "
    "Санкт-Петербургу и Ленинградской области, Черновиковой Дарье Тестовне, 1999 г. р."
)
TOMSK = (
    "634000, Томская область, г. Томск, ул. Примерная, д. 0, ОГБУЗ «Психиатрическая больница» "
    "(вымышленная), Макетовой Нине Вымысловне."
)
ROSTOV = (
    "346000, Ростовская область, г. Новочеркасск, ул. Условная, д. 0, ФКУ ИК-0 УФСИН России по "
    "Ростовской области, Демову Исе Примеровичу, 1990 г. р."
)

CASES = [
    # The examples of the brief
    (VLADIMIR, "RU-VLA"),
    (PETERSBURG, "RU-SPE"),
    (TOMSK, "RU-TOM"),
    (ROSTOV, "RU-ROS"),
    # The FSIN body alone
    ("ФКУ ИК-5 УФСИН России по Орловской области", "RU-ORL"),
    ("ФКУ ИК-5 УФСИН по Орловской обл.", "RU-ORL"),
    ("ФКУ ИК-5 УФСИН РФ по Орловской области.", "RU-ORL"),
    ("ФКУ «Исправительная колония № 5 УФСИН России по Орловской области»", "RU-ORL"),
    ("ФКУ ИК-5 УФСИН России по Орловской области Орловой Марине", "RU-ORL"),
    ("ФКУ ИК-1 ГУФСИН России по Красноярскому краю", "RU-KYA"),
    ("ФКУ ИК-1 ГУ ФСИН России по Красноярскому краю", "RU-KYA"),
    ("ФКУ ИК-2 УФСИН России по Республике Татарстан", "RU-TA"),
    ("ФКУ ИК-11 УФСИН России по Ханты-Мансийскому автономному округу – Югре", "RU-KHM"),
    ("ФКУ ИК-11 УФСИН России по Ханты-Мансийскому автономному округу — Югре", "RU-KHM"),
    ("ФКУ ИК-11 УФСИН России по ХМАО-Югре", "RU-KHM"),
    ("ФКУ ИК-0 ГУФСИН России по Кемеровской области – Кузбассу", "RU-KEM"),
    ("ФКУ СИЗО-1 УФСИН России по Республике Саха (Якутия)", "RU-SA"),
    ("ФКУ СИЗО-1 УФСИН России по г. Москве", "RU-MOW"),
    ("ФКУ ИК-1 ГУФСИН России по Пермскому краю г. Соликамск", "RU-PER"),
    # Joint bodies: the place or the town decides, else the first region named
    ("ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю", "UA-43"),
    (
        "295000, г. Симферополь, ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю",
        "UA-43",
    ),
    (
        "299000, г. Севастополь, ФКУ СИЗО-2 УФСИН России по Республике Крым и г. Севастополю",
        "UA-40",
    ),
    (
        "Республика Крым, г. Керчь, ФКУ ИК-0 УФСИН России по Республике Крым и г. Севастополю",
        "UA-43",
    ),
    ("ФКУ СИЗО-0 УФСИН России по г. Санкт-Петербургу и Ленинградской области", "RU-SPE"),
    (
        "188000, Ленинградская область, Всеволожский район, ФКУ СИЗО-1 УФСИН России по "
        "г. Санкт-Петербургу и Ленинградской области",
        "RU-LEN",
    ),
    (
        "188000, г. Выборг, ФКУ СИЗО-1 УФСИН России по г. Санкт-Петербургу и Ленинградской области",
        "RU-LEN",
    ),
    (
        "163000, г. Архангельск, ФКУ ИК-1 УФСИН России по Архангельской области и Ненецкому "
        "автономному округу",
        "RU-ARK",
    ),
    (
        "166000, г. Нарьян-Мар, ФКУ ИК-0 УФСИН России по Архангельской области и Ненецкому "
        "автономному округу",
        "RU-NEN",
    ),
    # A region part
    ("431000, Республика Мордовия, Зубово-Полянский район, п. Сосновка, ФКУ ИК-0", "RU-MO"),
    ("Республика Мордовия, Зубово-Полянский район, п. Сосновка", "RU-MO"),
    ("Республика Мордовия Орловой Марине", "RU-MO"),
    ("Чувашская Республика, г. Чебоксары", "RU-CU"),
    ("Кабардино-Балкарская Республика, г. Нальчик", "RU-KB"),
    ("Республика Северная Осетия – Алания, г. Владикавказ", "RU-SE"),
    ("Республика Саха (Якутия), г. Якутск", "RU-SA"),
    ("Республика Марий Эл, г. Йошкар-Ола", "RU-ME"),
    ("Респ. Коми, г. Воркута", "RU-KO"),
    ("Кемеровская область – Кузбасс, г. Мариинск", "RU-KEM"),
    ("Красноярский край, г. Норильск", "RU-KYA"),
    ("Ростовская обл., г. Примерный", "RU-ROS"),
    ("Еврейская автономная область, г. Биробиджан", "RU-YEV"),
    ("Еврейская АО, г. Биробиджан", "RU-YEV"),
    ("Ханты-Мансийский автономный округ – Югра, г. Сургут", "RU-KHM"),
    ("Ханты-Мансийский АО – Югра, г. Сургут", "RU-KHM"),
    ("ХМАО – Югра, г. Сургут", "RU-KHM"),
    ("Ямало-Ненецкий АО, п. Харп", "RU-YAN"),
    ("283000, ДНР, г. Примерный", "UA-14"),
    ("Донецкая Народная Республика, г. Примерный", "UA-14"),
    ("Запорожская область, г. Мелитополь", "UA-23"),
    ("634000 Томская область г. Томск ул. Примерная д. 0", "RU-TOM"),  # no commas
    # Federal cities
    ("г. Москва", "RU-MOW"),
    ("город Москва", "RU-MOW"),
    ("Москва, ул. Примерная, д. 0", "RU-MOW"),
    ("г. Москва, ФКУ СИЗО-1 УФСИН России по г. Москве", "RU-MOW"),
    ("105000, г. Москва, ул. Примерная, д. 0, ФКУ СИЗО-2 ФСИН России", "RU-MOW"),
    ("124000, г. Москва, г. Зеленоград, ФКУ СИЗО-0", "RU-MOW"),
    ("196000, г. Санкт-Петербург, г. Колпино, ул. Примерная, д. 0", "RU-SPE"),
    ("г. Севастополь, ул. Примерная", "UA-40"),
    # A town alone
    ("г. Владимир, ул. Примерная, д. 0", "RU-VLA"),
    ("г.Владимир", "RU-VLA"),
    ("г. Уфа, ФКУ СИЗО-1", "RU-BA"),
    ("г. Симферополь, ул. Примерная", "UA-43"),
    ("г. Нижний Новгород, ул. Примерная", "RU-NIZ"),
    ("г. Набережные Челны", "RU-TA"),
    ("г. Ростов-на-Дону, ФКУ СИЗО-0 (вымышленное)", "RU-ROS"),
    ("г. Орёл", "RU-ORL"),
    ("г. Орел", "RU-ORL"),
    ("пос. Харп, ФКУ ИК-18", "RU-YAN"),
    ("601000, Петушинский район, г. Покров, ФКУ ИК-2", "RU-VLA"),
    # An okrug inside its oblast is the okrug
    ("628000, Тюменская обл., Ханты-Мансийский АО – Югра, г. Ханты-Мансийск", "RU-KHM"),
    (
        "628000 Тюменская область Ханты-Мансийский автономный округ – Югра г. Ханты-Мансийск",
        "RU-KHM",
    ),
    ("Тюменская обл., г. Сургут", "RU-KHM"),
    ("Тюменская обл., г. Сургут, ФКУ ИК-11 УФСИН России по ХМАО – Югре", "RU-KHM"),
    ("Архангельская обл., Ненецкий АО, г. Нарьян-Мар", "RU-NEN"),
    # The place decides over a town; the body decides over a town
    ("Калужская область, г. Примерный", "RU-KLU"),
    ("Тверская обл., г. Владимир", "RU-TVE"),
    ("г. Владимир, ФКУ ИК-0 УФСИН России по Ивановской области", "RU-IVA"),
]


@pytest.mark.parametrize(("address", "code"), CASES)
def test_region_of_address(address: str, code: str) -> None:
    """Each kind of evidence, alone and together, gives the region the address is in."""
    assert region_of_address(address) == code


HTML = [
    (
        "<p>600000, г. Владимир, ул. Примерная, д. 0, ФКУ Т-0 УФСИН России по Владимирской "
        "области, Образцову Бахтияру Примеровичу, 1963 г. р.</p><p>Электронные письма можно "
        "отправлять через сервис «<a href='https://example.org'>Ф-письмо</a>».</p>",
        "RU-VLA",
    ),
    ("<p>634000, Томская&nbsp;область,<br>г. Томск</p>", "RU-TOM"),
    ("<p>Томская область</p><p>г. Томск</p>", "RU-TOM"),
    ("<div><b>ФКУ ИК-5</b> УФСИН России по <i>Орловской области</i></div>", "RU-ORL"),
    ("<p>344000, г. Ростов-на-Дону, ФКУ СИЗО-0 (вымышленное)</p>", "RU-ROS"),
    ("Республика&nbsp;Мордовия, п.&nbsp;Сосновка", "RU-MO"),
    ("634000, Томская область,\nг. Томск", "RU-TOM"),
    ("<p>ФКУ ИК-0 (вымышленное)</p>", None),
    ("<p></p>", None),
]


@pytest.mark.parametrize(("address", "code"), HTML)
def test_html_is_ignored(address: str, code: str | None) -> None:
    """Memorial publishes addresses as HTML: tags, entities and line breaks must not matter."""
    assert region_of_address(address) == code


FALSE_POSITIVES = [
    # Streets named after regions and cities
    "ул. Московская, д. 1",
    "пр. Ленинградский, д. 1",
    "Саратовское шоссе, д. 1",
    "ул. Республики, д. 1",
    "Ленинградская ул., д. 5",
    "Московский пр., д. 5, Курский вокзал",
    "ул. Орловская, д. 1, кв. 2",
    # The addressee in the dative
    "Орловой Марине Ивановне",
    "Курскому Ивану Петровичу, 1980 г. р.",
    "Московскому Петру, Томскому Андрею",
    # E-mail services and companies
    "Электронные письма можно отправлять через сервис «ФСИН-письмо».",
    "Электронные письма можно отправлять через сервис « Ф-письмо ».",
    "АО «Почта России», АО «Курское»",
    "Курское АО",
    "НАО «Примерная компания»",
    "ООО «Московская область»",
    "ОГБУЗ «Областная психиатрическая больница», краевая больница",
    # A federal body, an unknown town, a postcode alone, a foreign country
    "ФКУ СИЗО-2 ФСИН России",
    "ФКУ ИК-0, г. Примерный",
    "600000",
    "600000, ул. Примерная, д. 0",
    "Республика Казахстан, г. Алматы",
    "Республика Беларусь, г. Минск",
    # Ambiguous towns are not in the table
    "п. Сосновка, ФКУ ИК-0",
    "п. Мелехово, ФКУ ИК-6",
    "г. Киров, ул. Примерная",
    "г. Ростов, ул. Примерная",
    # A body whose region cannot be read
    "ФКУ ИК-1 УФСИН России по Неизвестной области, Курскому Ивану",
    # "г." that is no town
    "1963 г. р.",
    "1990 г.р., Электронные письма",
]


@pytest.mark.parametrize("address", FALSE_POSITIVES)
def test_no_region_from_streets_names_and_services(address: str) -> None:
    """A wrong region on the map is worse than none: only region parts, bodies and towns
    count."""
    assert region_of_address(address) is None


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("г. Москва, ул. Московская, Орловой Марине", "RU-MOW"),
        ("г. Томск, пр. Ленинградский, д. 1, Курскому Ивану", "RU-TOM"),
        ("г. Саратов, Саратовское шоссе, д. 1, Московскому Петру", "RU-SAR"),
        (VLADIMIR.replace("Ф-письмо", "ФСИН-письмо"), "RU-VLA"),
        ("Республика Мордовия, ул. Республики, д. 1", "RU-MO"),
        ("ООО «Курская область», ФКУ ИК-5 УФСИН России по Орловской области", "RU-ORL"),
        ("ОГБУЗ «Томская областная больница», Новосибирская область", "RU-NVS"),
    ],
)
def test_false_positives_do_not_disturb_real_evidence(address: str, code: str) -> None:
    """Look-alike words next to real evidence neither change it nor make it contradictory."""
    assert region_of_address(address) == code


CONTRADICTIONS = [
    # The place says one region, a non-joint body another
    "Московская область, ФКУ ИК-5 УФСИН России по Орловской области",
    "г. Москва, ФКУ ИК-0 УФСИН России по Владимирской области",
    # The place is outside a joint body
    "Томская область, ФКУ СИЗО-0 УФСИН России по г. Санкт-Петербургу и Ленинградской области",
    # Two places, two bodies, two towns
    "Республика Крым, г. Севастополь",
    "Томская область, Новосибирская область",
    "ФКУ ИК-5 УФСИН России по Орловской области, ФКУ ИК-1 УФСИН России по Курской области",
    "г. Томск, г. Омск",
]


@pytest.mark.parametrize("address", CONTRADICTIONS)
def test_contradicting_evidence_gives_none(address: str) -> None:
    """When the address contradicts itself the region is unknown, not guessed."""
    assert region_of_address(address) is None


@pytest.mark.parametrize("address", [None, "", "   ", "\n", "—", 42, float("nan"), ["г. Томск"]])
def test_empty_and_non_text_give_none(address: object) -> None:
    """Importers pass empty cells, None and NaN; they give None, not an error."""
    assert region_of_address(address) is None  # type: ignore[arg-type]


def test_first_address_with_a_region() -> None:
    """Memorial lists the current address first; one without a region passes to the next."""
    addresses = [
        "<p>ФКУ ИК-0 (вымышленное)</p>",  # the current address, but no region in it
        "ФКУ ИК-5 УФСИН России по Орловской области",
        TOMSK,
    ]
    assert region_of_addresses(addresses) == "RU-ORL"
    assert region_of_addresses([TOMSK, VLADIMIR]) == "RU-TOM"
    assert region_of_addresses((VLADIMIR,)) == "RU-VLA"


@pytest.mark.parametrize(
    "addresses", [[], (), None, [""], ["", None, "   "], ["ул. Московская", "Орловой Марине"]]
)
def test_no_address_with_a_region(addresses: object) -> None:
    """No list, an empty list or a list without any region gives None."""
    assert region_of_addresses(addresses) is None  # type: ignore[arg-type]


def test_contradicting_address_is_skipped_for_the_next() -> None:
    """A contradictory address is one that gives no region, so the next address is read."""
    contradicting = "Московская область, ФКУ ИК-5 УФСИН России по Орловской области"
    assert region_of_addresses([contradicting, ROSTOV]) == "RU-ROS"


def test_cities_table() -> None:
    """Every town is in one region of the region table, once; ambiguous names are left out."""
    with open(CITIES_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and set(rows[0]) == {"city", "code"}
    names = [row["city"].casefold().replace("ё", "е") for row in rows]
    assert len(names) == len(set(names))
    assert {row["code"] for row in rows} <= set(regions())
    for ambiguous in ("киров", "благовещенск", "донецк", "ростов", "сосновка", "мелехово"):
        assert ambiguous not in names


def test_every_regional_centre_but_ambiguous_ones_gives_its_region() -> None:
    """A spot check of the table's regional centres, through the public function."""
    centres = {
        "Владимир": "RU-VLA", "Томск": "RU-TOM", "Уфа": "RU-BA", "Симферополь": "UA-43",
        "Севастополь": "UA-40", "Москва": "RU-MOW", "Санкт-Петербург": "RU-SPE",
        "Улан-Удэ": "RU-BU", "Петропавловск-Камчатский": "RU-KAM", "Великий Новгород": "RU-NGR",
        "Нарьян-Мар": "RU-NEN", "Салехард": "RU-YAN", "Ханты-Мансийск": "RU-KHM",
        "Луганск": "UA-09", "Херсон": "UA-65", "Гатчина": "RU-LEN",
    }  # fmt: skip
    for city, code in centres.items():
        assert region_of_address(f"000000, г. {city}, ул. Примерная, д. 0") == code, city
