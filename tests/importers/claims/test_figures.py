"""Figures: scale words, currencies, percentages, ranges, qualifiers, changes, periods."""

from __future__ import annotations

import pytest

from briefings.importers.claims.figures import find_figures


def values(text: str) -> list[tuple[float, str | None]]:
    return [(figure.value, figure.unit) for figure in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A database of 2.4 million people leaked.", [(2_400_000, None)]),
        ("kickbacks amounting to RMB 1.2 billion", [(1_200_000_000, "CNY")]),
        ("China absorbed RMB766.71 billion of capital", [(766_710_000_000, "CNY")]),
        ("net inflows amounted to US$2 trillion", [(2e12, "USD")]),
        ("a total of 2.48 billion yuan in fees", [(2_480_000_000, "CNY")]),
        ("5 billion renminbi and 7 CNY", [(5e9, "CNY"), (7, "CNY")]),
        ("pledged to put $5 billion into a fund", [(5e9, "USD")]),
        ("invest over USD 20 billion", [(2e10, "USD")]),
        ("fined EUR 4.5bn and €3m", [(4.5e9, "EUR"), (3e6, "EUR")]),
        ("raised US$12bn", [(1.2e10, "USD")]),
        ("paid 50 euros", [(50, "EUR")]),
        ("paid HK$5 billion and 3 Hong Kong dollars", [(5e9, "HKD"), (3, "HKD")]),
        ("cost £40 million", [(4e7, "GBP")]),
        ("The ministry allocated ¥3.2 trillion", [(3.2e12, "CNY")]),
        ("Japanese firms spent ¥5 billion", [(5e9, "JPY")]),
        ("spent 800 billion yen", [(8e11, "JPY")]),
        ("投资1.3万亿元", [(1.3e12, "CNY")]),
        ("人口3亿", [(3e8, None)]),
        ("The rate reached 21.3 percent", [(21.3, "%")]),
        ("a 64% increase", [(64, "%")]),
        ("up 5 per cent", [(5, "%")]),
        ("rose 2 percentage points", [(2, "%")]),
        (
            "The city’s 790,000 residents and 1,420 groups",
            [(790_000, None), (1420, None)],
        ),
        ("at least 176 current and former hospital presidents", [(176, None)]),
        ("Around 1.2 million graduates", [(1_200_000, None)]),
        ("over 200 Chinese container cranes", [(200, None)]),
        ("7 operational units from 4 departments", [(7, None), (4, None)]),
        ("worth 5k dollars", [(5000, "USD")]),
        ("local debt reached Rmb92tn", [(9.2e13, "CNY")]),
        ("The company raised Rmb1.2bn", [(1.2e9, "CNY")]),
        ("CPI was -0.3% in July", [(-0.3, "%")]),
        ("PPI fell to −2.5 percent", [(-2.5, "%")]),
        ("the 2019-20 season had 5 percent growth", [(5, "%")]),
        (
            "Revenue rose 12% in H1 2023 to CNY 1.2 trillion ($165 billion).",
            [(12, "%"), (1.2e12, "CNY"), (1.65e11, "USD")],
        ),
        (
            "Beijing's population fell by 43,000 to 21.84 million in 2022.",
            [(43_000, None), (21_840_000, None)],
        ),
        (
            "more than 17 percent of GDP during the past 20 years",
            [(17, "%")],
        ),
    ],
)
def test_values_have_scale_applied_and_units_normalised(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was founded in 2019.",
        "since 1990 and the 2014 version",
        "On August 12, the report came out.",
        "On 23 February 2024 and (24/02/23) and 23/02/2024.",
        "the 19th Party Congress and the 14th Five-Year Plan",
        "Article 1 of the amended constitution",
        "linked to Chengdu 404, a threat actor",
        "5G networks and COVID-19",
        "Brief #42 is out",
        "the 71-year-old minister and a five-year bond",
        "1.) It is top-down. 2) It is planned.",
        "the 1960s and the late-1940s",
        "Tel.: +49 30 3440 999 0",
        "Regulation (EU) 2024/745 applies",
        "We meet at 5:30 pm.",
        "tens of millions died",
        "also known as the “20 Data Guidelines”",
        "From 2020 to 2022 and (1959-1961)",
        "a 5m tall wall",
        "during the past 20 years and over the next five years",
        "In the first 3 months and the last 6 weeks",
    ],
)
def test_years_dates_names_and_enumerators_are_no_figures(text):
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("earns around RMB 6,000–8,000 per month", 6000, 8000, "CNY/month"),
        ("work up to RMB 12–14/hour", 12, 14, "CNY/hour"),
        ("between 5 and 7 percent", 5, 7, "%"),
        ("5 to 7 million people", 5e6, 7e6, None),
        ("US$3-4 billion", 3e9, 4e9, "USD"),
        ("between 900,000 and 1.2 million people", 900_000, 1.2e6, None),
        ("growth of 4.5% to 5%", 4.5, 5, "%"),
    ],
)
def test_ranges_give_low_and_high_values(text, low, high, unit):
    (figure,) = find_figures(text)
    assert (figure.value, figure.value_high, figure.unit) == (low, high, unit)


def test_from_to_gives_two_figures_not_a_range():
    assert values("rose from 20 to 30 units") == [(20, None), (30, None)]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 17 percent", "more than"),
        ("over 200 cranes", "more than"),
        ("nearly US$4 trillion", "nearly"),
        ("almost 3 million", "nearly"),
        ("about 200 million cameras", "about"),
        ("around RMB 6,000", "about"),
        ("Some 20 of 26 indicators", "about"),
        ("approximately 5 percent", "about"),
        ("roughly 40 cities", "about"),
        ("at least 176 presidents", "at least"),
        ("up to 30 percent", "up to"),
        ("less than 5 percent", "less than"),
        ("fewer than 10 firms", "less than"),
        ("only 36 percent", None),
    ],
)
def test_qualifiers_are_normalised(text, qualifier):
    assert find_figures(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "is_change"),
    [
        ("China absorbed RMB 7 billion, down 4 percent year on year.", True),
        ("the area plummeted 53.4 percent year on year", True),
        ("with a 64% increase in provisions", True),
        ("an increase of 64%", True),
        ("revenue decreased by 23 percent", True),
        ("Exports fell 7.5% year-on-year in May", True),
        ("surging to 21.3 percent in June", False),
        ("a coupon of 4.8 percent", False),
        ("climbing 110 floors", False),
        ("the figure was reduced by a full US$1 trillion", True),
        ("grew by a further 3 percent", True),
        ("The company raised Rmb1.2bn", False),
        ("The ministry cut RMB 5 billion from the budget", False),
        ("The ministry cut spending by RMB 5 billion", False),
    ],
)
def test_changes_are_told_from_levels(text, is_change):
    assert find_figures(text)[-1].is_change is is_change


@pytest.mark.parametrize(
    ("text", "refers_to"),
    [
        ("As of August 12, 2023, at least 176 presidents were probed.", "2023-08-12"),
        ("surging to 21.3 percent in June", "June"),
        (
            "More than 170 cities had platforms by the end of June 2018.",
            "the end of June 2018",
        ),
        ("As of June 2019, 26.82 million people were banned.", "June 2019"),
        (
            "From January to July 2023, China absorbed RMB766.71 billion.",
            "January to July 2023",
        ),
        ("In 2022 the area plummeted 53.4 percent.", "2022"),
        ("Exports fell 7.5% year-on-year in May, customs data showed.", "May"),
        ("A database of 2.4 million people has been leaked.", None),
        ("From 2020 to 2022, net inflows amounted to US$2 trillion.", "2020 to 2022"),
        ("Between 2020 and 2022 it lost US$2 trillion.", "Between 2020 and 2022"),
        (
            "In June 2014 reserves were nearly US$4 trillion, but in December 2016 "
            "the figure was lower.",
            "June 2014",
        ),
        ("It held 17 percent of GDP during the past 20 years.", "the past 20 years"),
        ("As of end-2023, there were 1.09 billion internet users.", "end-2023"),
        ("Revenue rose 12% in H1 2023.", "H1 2023"),
        ("Output grew 5% in Q2 2023.", "Q2 2023"),
        ("Sales dropped 8.5% y/y in January-February.", "January-February"),
        ("1,234 officials were punished in the first quarter.", "the first quarter"),
        (
            "The firm will invest USD 3 billion over the next five years.",
            "the next five years",
        ),
        ("the 2014 version had 64% fewer provisions", None),
    ],
)
def test_figures_refer_to_the_nearest_period(text, refers_to):
    assert find_figures(text)[0].refers_to == refers_to


def test_figure_text_and_offsets_are_verbatim_in_the_body():
    body = "Intro.\n\nIt invested over RMB 90 billion in 2023."
    offset = body.index("It")
    (figure,) = find_figures(body[offset:], offset)
    assert body[figure.start : figure.end] == figure.text == "RMB 90 billion"


def test_amounts_in_different_units_are_no_range():
    figures = find_figures("Exports rose 46.9% to $110.97 billion in 2023.")
    assert [(f.value, f.unit, f.value_high) for f in figures] == [
        (46.9, "%", None),
        (110_970_000_000, "USD", None),
    ]
    assert [f.refers_to for f in figures] == ["2023", "2023"]


def test_scaled_values_are_exact():
    assert values("imports of $129.14 billion") == [(129_140_000_000, "USD")]


@pytest.mark.parametrize(
    ("text", "refers_to", "is_change"),
    [
        ("2023年国内生产总值同比增长5.2%。", "2023年", True),
        ("In 2019-2020, enrolment fell to 1,200 students.", "2019-2020", False),
    ],
)
def test_chinese_and_year_span_periods(text, refers_to, is_change):
    (figure,) = find_figures(text)
    assert (figure.refers_to, figure.is_change) == (refers_to, is_change)


@pytest.mark.parametrize(
    ("text", "written", "value", "unit"),
    [
        (
            "riding a motorcycle 210 kilometers a day",
            "210 kilometers a day",
            210,
            "km/day",
        ),
        ("an initial score of 1,000 points", "1,000 points", 1000, "points"),
        ("accounting books going back 20 years.", "20 years", 20, "years"),
        ("earning about RMB 10–20/hour per month", "RMB 10–20/hour", 10, "CNY/hour"),
        ("a salary of USD 5,000 a month", "USD 5,000 a month", 5000, "USD/month"),
        ("exports rose 5% a year earlier", "5%", 5, "%"),
        ("for 16-24 year olds it was 21.3%", "21.3%", 21.3, "%"),
    ],
)
def test_a_unit_of_measure_or_a_rate_stays_with_its_figure(text, written, value, unit):
    figures = [f for f in find_figures(text) if f.text == written]
    assert [(f.value, f.unit) for f in figures] == [(value, unit)]


def test_small_counts_beside_an_amount_are_no_figures():
    text = (
        "7 operational units from 4 departments set fees without approval, "
        "generating 2.48 billion yuan from 13 systems."
    )
    assert [(f.value, f.unit) for f in find_figures(text)] == [(2.48e9, "CNY")]


@pytest.mark.parametrize(
    "text",
    [
        "Some 20 of 26 regularly compiled indicators fell.",
        "There were more than 20 cases involving more than RMB 2 billion.",
        "The order targets over 200 cranes that account for 80 percent of cranes.",
    ],
)
def test_counts_a_sentence_is_about_stay_figures(text):
    assert any(f.unit is None for f in find_figures(text))


@pytest.mark.parametrize(
    ("text", "refers_to"),
    [
        (
            "The rate has risen since the beginning of 2023, surpassing 20 percent "
            "in April.",
            "April 2023",
        ),
        ("The rate surpassed 20 percent in April.", "April"),
        ("Compared with 2019 and 2021, it rose 20 percent in April.", "April"),
    ],
)
def test_a_month_takes_a_year_only_from_its_own_sentence(text, refers_to):
    (figure,) = find_figures(text)
    assert figure.refers_to == refers_to


def test_a_period_after_a_dash_belongs_to_its_own_figure():
    text = (
        "Some 20 of 26 indicators fell – a first in the 36 polls conducted since 1990."
    )
    periods = [(f.value, f.refers_to) for f in find_figures(text)]
    assert periods == [(20, None), (26, None), (36, "since 1990")]
