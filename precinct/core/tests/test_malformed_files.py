"""A corpus of malformed files, sent through every way in: the crime import (command line and upload page)
and the violation feed (command line and API). Each file is refused with its line, its field and the
reason, or its bad rows are quarantined so; nothing is half-written, and nothing answers 500."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from precinct.conftest import api_for, body, client_for, make_user
from precinct.core.models import AuditEntry
from precinct.core.roles import Role
from precinct.crimes.models import Crime
from precinct.traffic.models import Device, FeedBatch, QuarantinedRow, Violation

pytestmark = pytest.mark.django_db

HEADER = "body,registered_on,agency,article,place\n"
GOOD = "baku-nasimi,2023-01-05,police,177.1,Nizami street\n"

ROW = "baku-nasimi,2023-01-06,police,177.1,"


def crimes(*rows: str | bytes, header: str = HEADER) -> bytes:
    """A crime file: the header, a good row, then the rows given."""
    return (header + GOOD).encode() + b"".join(r if isinstance(r, bytes) else r.encode() for r in rows)


# name: (the file's bytes, the line and the field of the first problem, words of its reason)
CRIME_FILES = {
    "Windows-1251 text": (crimes((ROW + "Баку\n").encode("cp1251")), (3, "file"), "UTF-8"),
    "UTF-16 with its BOM": ((HEADER + GOOD).encode("utf-16"), (1, "file"), "UTF-8"),
    "a PNG named .csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), (1, "file"), "UTF-8"),
    "a field past the CSV reader's limit": (crimes(ROW + "x" * 140_000 + "\n"), (3, "file"), "CSV"),
    "a quote left open": (crimes(ROW + '"Nizami\n' + ROW + "\n"), (3, "file"), "CSV"),
    "a misspelt column": (crimes(header=HEADER.replace("body", "bdy")), (1, "file"), "bdy"),
    "a column it needs missing": (crimes(header=HEADER.replace("agency", "place2")), (1, "file"), "agency"),
    "semicolons for commas": ((HEADER + GOOD).replace(",", ";").encode(), (1, "file"), "body"),
    "a place over 200 characters": (crimes(ROW + "x" * 201 + "\n"), (3, "place"), "200"),
    "a number where a date goes": (crimes(ROW.replace("2023-01-06", "45000") + "\n"), (3, "registered_on"),
                                   "not a date"),
    "the year 1": (crimes(ROW.replace("2023-01-06", "0001-01-01") + "\n"), (3, "registered_on"), "1900"),
    "the year 9999": (crimes(ROW.replace("2023-01-06", "31.12.9999") + "\n"), (3, "registered_on"), "2100"),
    "a NUL byte": (crimes(ROW + "Niz\x00ami\n"), (3, "place"), "control"),
    "a header and nothing more": (HEADER.encode(), None, ""),
}  # fmt: skip


def refused(report) -> tuple[tuple[int, str], str]:
    first = report.errors[0]
    return (first.line, first.field), first.reason


@pytest.mark.parametrize("name", list(CRIME_FILES))
def test_a_malformed_crime_file_is_refused_by_line_and_field_and_writes_nothing(
    name, nasimi_officer, tmp_path
):
    content, where, words = CRIME_FILES[name]
    path = tmp_path / "crimes.csv"
    path.write_bytes(content)
    err = io.StringIO()
    if where is None:  # nothing to import is no error, and writes nothing
        call_command("import", "crimes", str(path), user="nasimi", stdout=io.StringIO(), stderr=err)
    else:
        with pytest.raises(CommandError, match="Nothing imported"):
            call_command("import", "crimes", str(path), user="nasimi", stdout=io.StringIO(), stderr=err)
        assert f"line {where[0]}, {where[1]}: " in err.getvalue() and words in err.getvalue()
    # The same file through the upload page: the same reason on the page, never a 500.
    upload = SimpleUploadedFile("crimes.csv", content)
    page = client_for(nasimi_officer).post(reverse("crimes:crime-import"), {"file": upload})
    assert page.status_code == 200
    if where is not None:
        assert refused(page.context["report"])[0] == where and words in refused(page.context["report"])[1]
    assert not Crime.objects.exists() and not AuditEntry.objects.filter(model="crimes.crime").exists()


def test_a_workbook_that_is_not_one_is_refused_by_name(nasimi_officer, tmp_path):
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    for content in (b"PK\x03\x04 cut short", broken.getvalue(), b"=cmd|' /C calc'!A0"):
        path = tmp_path / "crimes.xlsx"
        path.write_bytes(content)
        err = io.StringIO()
        with pytest.raises(CommandError, match="Nothing imported"):
            call_command("import", "crimes", str(path), user="nasimi", stdout=io.StringIO(), stderr=err)
        assert "line 1, file: not an Excel workbook" in err.getvalue()
        page = client_for(nasimi_officer).post(
            reverse("crimes:crime-import"), {"file": SimpleUploadedFile("crimes.xlsx", content)}
        )
        assert page.status_code == 200 and "not an Excel workbook" in page.content.decode()
    assert not Crime.objects.exists()


def test_a_formula_is_kept_as_text_and_exported_as_text(nasimi_officer, tmp_path):
    """A value a spreadsheet would run ("=HYPERLINK(…)") is the officer's text: kept as given, and
    exported so that no spreadsheet runs it."""
    from precinct.crimes.models import Person

    formula = '=HYPERLINK("http://x","y")'
    path = tmp_path / "crimes.csv"
    path.write_text(HEADER + 'baku-nasimi,2023-01-05,police,177.1,"=HYPERLINK(""http://x"",""y"")"\n')
    call_command("import", "crimes", str(path), user="nasimi", stdout=io.StringIO(), stderr=io.StringIO())
    assert Crime.objects.get().place == formula
    Person.objects.create(body=body("baku-nasimi"), surname=formula, given_name="@SUM(A1)", sex="m")
    export = client_for(nasimi_officer).get(reverse("crimes:person-list"), {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text and ",=" not in text


FEED_HEADER = "occurred_at,source,device,body,article,vehicle,fine,payment,place\n"
FEED_GOOD = "2023-05-01 10:00:00,,CAM-1,,328.1,10AB123,,,Azadliq\n"
FEED_ROW = "2023-05-01 10:00:01,,CAM-1,,328.1,10AB124,"  # then the fine, the payment and the place


def feed(row: str | bytes) -> bytes:
    return (FEED_HEADER + FEED_GOOD).encode() + (row if isinstance(row, bytes) else row.encode())


# name: (bytes, the line and the field quarantined)
FEED_FILES = {
    "Windows-1251 text in a place": (feed((FEED_ROW + ",,Баку\n").encode("cp1251")), (3, "place")),
    "a NUL byte in a place": (feed(FEED_ROW + ",,A\x00\n"), (3, "place")),
    "a control character in a place": (feed(FEED_ROW + ",,A\x1bB\n"), (3, "place")),
    "a field past the CSV reader's limit": (feed(FEED_ROW + ",," + "x" * 140_000 + "\n"), (3, "line")),
    "the year 9999": (feed(FEED_ROW.replace("2023", "9999") + ",,\n"), (3, "occurred_at")),
    "a fine that is not a number": (feed(FEED_ROW + "1e9,,\n"), (3, "fine")),
    "a place over 120 characters": (feed(FEED_ROW + ",," + "x" * 121 + "\n"), (3, "place")),
    "a quote left open": (
        feed(FEED_ROW + ',,"Nizami\n' + FEED_ROW.replace(":01,", ":02,") + ",,\n"),
        (3, "line"),
    ),
}


@pytest.fixture
def camera(db):
    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="Azadlıq avenue")
    return make_user("feeder", Role.OFFICER, ["mia"])


@pytest.mark.parametrize("name", list(FEED_FILES))
def test_a_malformed_feed_row_is_quarantined_by_line_and_field_and_the_rest_written(name, camera, tmp_path):
    content, where = FEED_FILES[name]
    path = tmp_path / "feed.csv"
    path.write_bytes(content)
    call_command("import", "violations", str(path), user="feeder", stdout=io.StringIO(), stderr=io.StringIO())
    answer = api_for(camera).generic(
        "POST", "/api/violations/batch/", content.replace(b"10AB12", b"20CD12"), content_type="text/csv"
    )
    assert answer.status_code == 201 and answer.json()["written"] == 1
    assert [(p["line"], p["field"]) for p in answer.json()["problems"]] == [where]
    for batch in FeedBatch.objects.all():
        assert (batch.status, batch.written, batch.quarantined) == ("complete", 1, 1)
        assert list(batch.quarantine.values_list("line", "field")) == [where]
    assert Violation.objects.count() == 2 and QuarantinedRow.objects.count() == 2


def test_a_feed_file_that_is_not_utf8_is_refused_by_name_on_every_way_in(camera, tmp_path):
    content = (FEED_HEADER + FEED_GOOD).encode("utf-16")
    path = tmp_path / "feed.csv"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command(
            "import", "violations", str(path), user="feeder", stdout=io.StringIO(), stderr=io.StringIO()
        )
    answer = api_for(camera).generic("POST", "/api/violations/batch/", content, content_type="text/csv")
    assert answer.status_code == 400 and "not UTF-8" in answer.content.decode()
    assert not Violation.objects.exists()
    assert set(FeedBatch.objects.values_list("status", flat=True)) == {"failed"}  # each ended visibly
