"""The press-release draft: the ministry's sentences, each number linked to the records behind it."""

import datetime
import io
import re
from html.parser import HTMLParser

from django.core.management import call_command
from django.urls import reverse

from precinct.conftest import client_for
from precinct.core.periods import Period
from precinct.core.press import in_period, lowered, ordinal_suffix_az, period_text
from precinct.reports.templatetags.figures import shown
from precinct.reports.tests.test_board import NINE_MONTHS, figures, seed


class Links(HTMLParser):
    """The draft's text outside links, and each link with its attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.outside, self.links, self.open = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.open = dict(attrs) | {"text": ""}

    def handle_endtag(self, tag):
        if tag == "a":
            self.links.append(self.open)
            self.open = None

    def handle_data(self, data):
        if self.open is not None:
            self.open["text"] += data
        else:
            self.outside.append(data)


def parsed(paragraphs) -> Links:
    links = Links()
    links.feed("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))
    return links


def test_every_number_of_the_draft_links_to_the_records_behind_it(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    client = client_for(analyst)
    response = client.get(reverse("reports:press"), NINE_MONTHS)
    page = figures(client.get(reverse("reports:board"), NINE_MONTHS))
    drafts = {code: paragraphs for code, _name, paragraphs in response.context["drafts"]}
    assert set(drafts) == {"az", "en"}
    for language, paragraphs in drafts.items():
        links = parsed(paragraphs)
        period = period_text(Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30)), language)
        outside = "".join(links.outside).replace(period[0].upper() + period[1:], "").replace(period, "")
        assert not re.search(r"\d", outside), outside  # no number stands without its link
        assert len(links.links) >= 10
        for link in links.links:
            records = client.get(link["href"])
            assert records.status_code == 200
            if language == "en" and link["data-which"] == "value" and link["data-measure"] in page:
                figure = page[link["data-measure"]]  # the page's figure is the number the link opens
                assert shown(records.context["value"], figure.measure.unit).replace(" %", "") == link["text"]
    english = "".join(drafts["en"])
    assert "In the first nine months of 2023, the solving of all crimes was" in english
    assert "percent of the wanted accused persons were arrested" in english
    assert "2023-cü ilin 9 ayı ərzində ümumi cinayətlərin açılması" in "".join(drafts["az"])


def test_the_draft_is_downloaded_as_markdown_with_absolute_links(analyst, nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    response = client_for(analyst).get(
        reverse("reports:press"), NINE_MONTHS | {"format": "md", "language": "az"}
    )
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/markdown")
    assert "[2](http://testserver/reports/records/?start=2023-01-01&end=2023-09-30&body=mia&measure=" in text


def test_a_district_officers_draft_speaks_of_their_district(nasimi_officer, ganja_officer):
    seed(nasimi_officer, ganja_officer)
    response = client_for(nasimi_officer).get(reverse("reports:press"), NINE_MONTHS)
    links = parsed(dict((c, p) for c, _n, p in response.context["drafts"])["en"]).links
    assert all("body=baku-nasimi" in link["href"] for link in links)
    registered = next(link for link in links if link["data-measure"] == "crimes.registered_mia_po")
    assert registered["text"] == "1"


def test_the_command_line_writes_the_draft(nasimi_officer, ganja_officer, tmp_path):
    seed(nasimi_officer, ganja_officer)
    out = tmp_path / "press.md"
    call_command(
        "report", "press", "--from", "2023-01-01", "--to", "2023-09-30", "--language", "en",
        "--site-url", "https://precinct.example", "-o", str(out), stdout=io.StringIO(),
    )  # fmt: skip
    text = out.read_text()
    assert text.startswith("In the first nine months of 2023, the solving of all crimes was [50.0](https://")
    assert "crimes involving firearms rose by [2](https://precinct.example/reports/records/" in text


def test_periods_are_named_as_the_ministry_names_them():
    nine = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    assert period_text(nine, "en") == "the first nine months of 2023"
    assert period_text(nine, "az") == "2023-cü ilin 9 ayı"
    year = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert (period_text(year, "en"), period_text(year, "az")) == ("the year 2026", "2026-cı ilin 12 ayı")
    day = Period(datetime.date(2023, 9, 19), datetime.date(2023, 9, 19))
    assert (in_period(day, "en"), in_period(day, "az")) == ("On 19 September 2023", "19.09.2023 tarixində")
    assert in_period(nine, "en") == "In the first nine months of 2023"
    odd = Period(datetime.date(2024, 2, 29), datetime.date(2024, 3, 15))
    assert period_text(odd, "en") == "the period from 29 February 2024 to 15 March 2024"
    assert period_text(odd, "az") == "29.02.2024–15.03.2024 dövrü"


def test_azerbaijani_ordinals_follow_vowel_harmony():
    expected = {
        2020: "ci", 2021: "ci", 2022: "ci", 2023: "cü", 2024: "cü", 2025: "ci", 2026: "cı",
        2027: "ci", 2028: "ci", 2029: "cu", 2030: "cu", 2040: "cı", 2100: "cü", 3000: "ci",
    }  # fmt: skip
    assert {year: ordinal_suffix_az(year) for year in expected} == expected


def test_a_period_with_nothing_a_year_before_is_told_without_rises_or_falls(nasimi_officer, ganja_officer):
    """The register begins in 2022: its draft says what was recorded, not that it "did not change", and
    says nothing of crimes of earlier years, of which there are none to solve."""
    seed(nasimi_officer, ganja_officer)
    first_year = {"start": "2022-01-01", "end": "2022-12-31", "format": "md", "language": "en"}
    text = client_for(nasimi_officer).get(reverse("reports:press"), first_year).content.decode()
    assert "crimes involving firearms were registered" in text and "did not change" not in text
    assert "crimes of previous years" not in text
    later = client_for(nasimi_officer).get(reverse("reports:press"), NINE_MONTHS | first_year | {
        "start": "2023-01-01", "end": "2023-09-30"}).content.decode()  # fmt: skip
    assert "crimes of previous years were solved" in later


def test_names_are_lowered_as_their_language_writes_them():
    assert lowered("İnsan alveri", "az") == "insan alveri"
    assert lowered("IŞIQ", "az") == "ışıq"
    assert lowered("Illegal trafficking", "en") == "illegal trafficking"


def test_a_count_of_one_is_said_in_the_singular_and_a_domain_without_records_says_nothing(
    nasimi_officer, ganja_officer
):
    from precinct.conftest import body
    from precinct.core.measures import Figure
    from precinct.core.press import said
    from precinct.custody.measures import PERSONS
    from precinct.reports.engine import board_report
    from precinct.reports.press import draft

    seed(nasimi_officer, ganja_officer)  # crimes only: no appeals, traffic, personnel or custody records
    report = board_report(Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30)), body("mia"))
    text = "".join(
        piece for paragraph in draft(report, "en") for piece in paragraph if isinstance(piece, str)
    )
    assert "the solving of all crimes" in text
    assert "applications were considered" not in text and "traffic accidents" not in text
    one, two = Figure(PERSONS, 1, None), Figure(PERSONS, 2, None)
    assert (said(one, " person was", " persons were"), said(two, " person was", " persons were")) == (
        " person was",
        " persons were",
    )
