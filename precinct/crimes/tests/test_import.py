"""Importing crimes from CSV and XLSX is all or nothing, and names every bad row."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from precinct.conftest import client_for
from precinct.core.models import AuditEntry
from precinct.crimes.models import Crime

HEADER = "body,number,registered_on,agency,article,damage,compensated,status,solved_on,firearm\n"
GOOD = [
    "baku-nasimi,,2023-01-05,police,177.1,500,500,solved,2023-02-01,no\n",
    "baku-nasimi,,05.01.2023,prosecutor,178.1,1200.50,0,investigation,,yes\n",
]


def write_csv(tmp_path, lines) -> str:
    path = tmp_path / "crimes.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return str(path)


def import_file(path: str, user: str = "nasimi") -> str:
    err = io.StringIO()
    call_command("import", "crimes", path, user=user, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_it_imports_every_good_row_with_numbers_assigned(nasimi_officer, tmp_path):
    import_file(write_csv(tmp_path, GOOD))
    assert sorted(Crime.objects.values_list("number", "agency", "firearm")) == [
        (1, "police", False),
        (2, "prosecutor", True),
    ]


def test_it_writes_nothing_and_lists_every_bad_row(nasimi_officer, tmp_path):
    bad = [
        GOOD[0],
        "baku-nasimi,,2023-01-05,police,999.9,10,0,investigation,,no\n",
        "ganja,,2023-01-05,police,177.1,10,0,investigation,,no\n",
        "baku-nasimi,,2023-03-05,police,177.1,10,50,solved,2023-01-01,maybe\n",
        "baku-nasimi,,2099-01-01,militia,177.1,ten,0,investigation,,no\n",
    ]
    with pytest.raises(CommandError, match="Nothing imported"):
        import_file(write_csv(tmp_path, bad))
    assert not Crime.objects.exists() and not AuditEntry.objects.exists()


def test_the_report_names_line_field_and_reason(nasimi_officer, tmp_path):
    from precinct.core.audit import Actor
    from precinct.core.import_files import rows_from
    from precinct.crimes.importers import CrimeImporter

    bad = [
        GOOD[0],
        "baku-nasimi,,2023-03-05,police,999.9,10,50,solved,2023-01-01,no\n",
        "ganja,7,,police,177.1\n",
    ]
    report = CrimeImporter(Actor.cli(nasimi_officer)).run(
        rows_from(__import__("pathlib").Path(write_csv(tmp_path, bad)))
    )
    found = {(e.line, e.field) for e in report.errors}
    assert found == {(3, "article"), (3, "compensated"), (3, "solved_on"), (4, "body"), (4, "registered_on")}
    assert report.written == 0 and not Crime.objects.exists()


def test_it_refuses_duplicate_numbers_within_the_file_and_against_the_register(nasimi_officer, tmp_path):
    from precinct.conftest import register

    register(nasimi_officer, number=5)
    lines = [
        "baku-nasimi,5,2023-01-05,police,177.1\n",
        "baku-nasimi,6,2023-01-05,police,177.1\n",
        "baku-nasimi,6,2023-02-05,police,177.1\n",
    ]
    with pytest.raises(CommandError):
        import_file(write_csv(tmp_path, lines))
    assert Crime.objects.count() == 1


def test_it_imports_an_xlsx_upload_on_the_web(nasimi_officer):
    book = Workbook()
    sheet = book.active
    sheet.append(["body", "registered_on", "agency", "article", "damage"])
    sheet.append(["baku-nasimi", "2023-04-01", "police", "180.1", 75.5])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("crimes.xlsx", buffer.getvalue())
    response = client_for(nasimi_officer).post(reverse("crimes:crime-import"), {"file": upload})
    assert response.context["report"].written == 1
    assert str(Crime.objects.get().damage) == "75.50"


def test_the_upload_page_lists_bad_rows(nasimi_officer):
    upload = SimpleUploadedFile("crimes.csv", (HEADER + "baku-nasimi,,2023-01-05,police,999.9\n").encode())
    page = client_for(nasimi_officer).post(reverse("crimes:crime-import"), {"file": upload}).content.decode()
    assert "Nothing was imported" in page and "999.9" in page and not Crime.objects.exists()


def test_the_upload_page_refuses_other_file_types(nasimi_officer):
    upload = SimpleUploadedFile("crimes.pdf", b"%PDF-1.4")
    response = client_for(nasimi_officer).post(reverse("crimes:crime-import"), {"file": upload})
    assert response.context["form"].errors == {"file": ["Only CSV and XLSX files can be imported."]}


def test_a_date_out_of_range_and_a_nul_byte_are_refused_by_line_and_field(nasimi_officer, tmp_path):
    from pathlib import Path

    from precinct.core.audit import Actor
    from precinct.core.import_files import rows_from
    from precinct.crimes.importers import CrimeImporter

    header = "body,number,registered_on,agency,article,place,status\n"
    path = tmp_path / "odd.csv"
    path.write_text(
        header + "baku-nasimi,,0001-01-01,police,177.1,Nizami,investigation\n"
        "baku-nasimi,,2023-01-05,police,177.1,Niz\x00ami,investigation\n",
        encoding="utf-8",
    )
    report = CrimeImporter(Actor.cli(nasimi_officer)).run(rows_from(Path(path)))
    assert {(e.line, e.field) for e in report.errors} == {(2, "registered_on"), (3, "place")}
    assert "01.01.1900" in next(e.reason for e in report.errors if e.line == 2)
    assert report.written == 0 and not Crime.objects.exists()


def test_the_same_file_imported_again_changes_nothing_and_says_so(nasimi_officer, tmp_path):
    """Without registration numbers nothing in the rows tells them apart from the ones written: the file
    itself is known by its digest, on the command line and on the upload page alike."""
    path = write_csv(tmp_path, GOOD)
    import_file(path)
    with pytest.raises(CommandError, match="Nothing imported"):
        err = io.StringIO()
        try:
            call_command("import", "crimes", path, user="nasimi", stdout=io.StringIO(), stderr=err)
        finally:
            assert "this file was imported on" in err.getvalue() and "(2 records)" in err.getvalue()
    upload = SimpleUploadedFile("again.csv", (HEADER + "".join(GOOD)).encode())
    page = client_for(nasimi_officer).post(reverse("crimes:crime-import"), {"file": upload}).content.decode()
    assert "this file was imported on" in page
    assert Crime.objects.count() == 2
    changed = SimpleUploadedFile("again.csv", (HEADER + "".join(GOOD[:1])).encode())  # another file
    response = client_for(nasimi_officer).post(reverse("crimes:crime-import"), {"file": changed})
    assert response.context["report"].written == 1 and Crime.objects.count() == 3


def test_a_file_is_read_again_to_be_written_and_one_changed_in_between_writes_nothing(
    nasimi_officer, tmp_path
):
    """The rows are checked on a first reading and written on a second, so that no record waits in
    memory; a file that reads differently the second time (changed meanwhile) is refused whole."""
    from pathlib import Path

    from precinct.core.audit import Actor
    from precinct.core.import_files import rows_from
    from precinct.crimes.importers import CrimeImporter

    path = Path(write_csv(tmp_path, GOOD))
    readings = []

    def reading():
        readings.append(len(readings))
        if len(readings) == 2:  # changed between the check and the write
            path.write_text(HEADER + GOOD[0] + GOOD[0].replace("177.1", "999.9"), encoding="utf-8")
        return rows_from(path)

    report = CrimeImporter(Actor.cli(nasimi_officer)).run(reading)
    assert readings == [0, 1] and report.written == 0
    assert [(error.line, error.field) for error in report.errors] == [(1, "file")]
    assert not Crime.objects.exists() and not AuditEntry.objects.exists()
    path.write_text(HEADER + "".join(GOOD), encoding="utf-8")
    assert CrimeImporter(Actor.cli(nasimi_officer)).run(lambda: rows_from(path)).written == 2
    assert sorted(Crime.objects.values_list("number", flat=True)) == [1, 2]
