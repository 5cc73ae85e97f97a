"""The violation feed: validation and quarantine, duplicates, idempotent re-sending, rollups in step,
a file streamed through a second process, and the command line."""

import datetime
import io
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from precinct.conftest import body, make_user
from precinct.core.audit import Actor
from precinct.core.models import Action, AuditEntry, Via
from precinct.core.roles import Role
from precinct.core.rollups import rollups
from precinct.traffic.feed import ViolationFeed, csv_rows, json_rows
from precinct.traffic.models import (
    Device,
    DeviceMonth,
    FeedBatch,
    QuarantinedRow,
    Violation,
    ViolationMonth,
)

HEADER = "occurred_at,source,device,body,article,vehicle,fine,payment,place\n"


@pytest.fixture
def cameras(db):
    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="Azadlıq avenue")
    Device.objects.create(code="CAM-2", kind="parking", body=body("ganja"), place="Javadkhan street")
    return make_user("feeder", Role.OFFICER, ["mia"])


def take(user, text: str, **kwargs):
    feed = ViolationFeed(Actor(user, Via.IMPORT), "test.csv", **kwargs)
    return feed.run(csv_rows(io.StringIO(HEADER + text)))


GOOD = (
    "2023-05-01 10:00:00,,CAM-1,,328.2,10-AB-123,,,\n"
    "2023-05-01 10:00:01,,CAM-1,,328.1,10 AB 124,,paid,\n"
    "2023-05-31 23:30:00,,CAM-2,,340.1,99XY999,,,Javadkhan\n"
    "2023-06-02 08:00:00,B-1001,,baku-nasimi,333.1,77AA777,,,Nizami\n"
)


def test_good_rows_are_written_with_their_fines_and_rollups(cameras):
    report = take(cameras, GOOD)
    assert (report.rows, report.written, report.duplicates, report.quarantined) == (4, 4, 0, 0)
    first = Violation.objects.get(vehicle="10AB123")
    assert first.fine == 50 and first.device.code == "CAM-1" and first.body.code == "baku-nasimi"
    assert first.occurred_at == datetime.datetime(2023, 5, 1, 6, 0, tzinfo=datetime.UTC)  # Baku is UTC+4
    late = Violation.objects.get(vehicle="99XY999")
    assert late.occurred_at.astimezone(datetime.UTC).date() == datetime.date(2023, 5, 31)
    patrol = Violation.objects.get(source="B-1001")
    assert patrol.device is None and patrol.body.code == "baku-nasimi"
    nasimi = ViolationMonth.objects.filter(body=body("baku-nasimi"))
    assert {(c.month, c.detection, c.violations, c.fines) for c in nasimi} == {
        (datetime.date(2023, 5, 1), "device", 2, 60),
        (datetime.date(2023, 6, 1), "patrol", 1, 40),
    }
    assert ViolationMonth.objects.get(body=body("mia"), parking=True).violations == 1
    assert DeviceMonth.objects.get(device__code="CAM-1").detections == 2
    # Audited as it begins (a run cut short shows too) and when it ends, with what it did.
    entries = AuditEntry.objects.filter(model="traffic.feedbatch", object_id=str(report.batch.pk))
    assert [(e.action, e.note) for e in entries.order_by("pk")] == [
        (Action.CREATE, "receiving"),
        (Action.UPDATE, "4 violations written, 0 duplicates, 0 quarantined"),
    ]
    assert {b.code for b in report.batch.bodies.all()} == {"baku-nasimi", "ganja"}


def test_bad_rows_are_quarantined_with_line_field_and_reason(cameras):
    text = GOOD + (
        "2023-02-30 10:00:00,,CAM-1,,328.1,10AB125,,,\n"
        ",,CAM-1,,328.1,10AB126,,,\n"
        "2023-05-01 10:00:00,,CAM-9,,328.1,10AB127,,,\n"
        "2023-05-01 10:00:00,B-7,,,328.1,10AB128,,,\n"
        "2023-05-01 10:00:00,,CAM-1,,999.9,10AB129,,,\n"
        "2023-05-01 10:00:00,,CAM-1,,328.1,??,,,\n"
        "2023-05-01 10:00:00,,CAM-1,,328.1,10AB130,-5,,\n"
        "2023-05-01 10:00:00,,CAM-1,,328.1,10AB131,,maybe,\n"
        "2999-01-01 10:00:00,,CAM-1,,328.1,10AB132,,,\n"
    )
    report = take(cameras, text)
    assert (report.written, report.quarantined) == (4, 9)
    found = {(row.line, row.field) for row in QuarantinedRow.objects.filter(batch=report.batch)}
    assert found == {
        (6, "occurred_at"),
        (7, "occurred_at"),
        (8, "device"),
        (9, "body"),
        (10, "article"),
        (11, "vehicle"),
        (12, "fine"),
        (13, "payment"),
        (14, "occurred_at"),
    }
    reasons = dict(((line, field), reason) for line, field, reason in report.problems)
    assert reasons[(8, "device")] == "no device “CAM-9” within your reach"
    assert QuarantinedRow.objects.get(batch=report.batch, line=11).raw.endswith("??,,,")


def test_duplicates_are_dropped_and_counted_and_resending_changes_nothing(cameras):
    twice = GOOD + "2023-05-01 10:00:00,,CAM-1,,328.2,10AB123,,,\n"  # the first row again, written alike
    report = take(cameras, twice)
    assert (report.written, report.duplicates) == (4, 1)
    before = list(ViolationMonth.objects.order_by("pk").values_list("violations", "fines"))
    again = take(cameras, twice)
    assert (again.written, again.duplicates) == (0, 5)
    assert Violation.objects.count() == 4
    assert list(ViolationMonth.objects.order_by("pk").values_list("violations", "fines")) == before


def test_a_row_sent_twice_in_one_batch_is_a_duplicate_whichever_chunks_carry_it(cameras):
    again = "2023-05-01 10:00:00,,CAM-1,,328.2,10AB123,,,\n"  # the first row, three chunks later
    report = take(cameras, GOOD + "2023-06-03 09:00:00,,CAM-2,,340.2,55BB555,,,\n" + again, chunk=2)
    assert (report.written, report.duplicates) == (5, 1)
    assert ViolationMonth.objects.get(body=body("mia"), parking=False, detection="device").violations == 2
    for rollup in rollups():
        assert rollup.differences() == [], type(rollup).__name__


def test_a_sender_writes_only_for_the_bodies_in_reach_and_devices_speak_for_themselves(cameras):
    nasimi = make_user("nasimi-feeder", Role.OFFICER, ["baku-nasimi"])
    text = (
        "2023-05-01 10:00:00,,CAM-1,,328.2,10AB123,,,\n"  # Nasimi's camera: written
        "2023-05-31 23:30:00,,CAM-2,,340.1,99XY999,,,\n"  # Ganja's camera: out of reach
        "2023-06-02 08:00:00,B-1001,,ganja,333.1,77AA777,,,\n"  # a patrol in Ganja: out of reach
        "2023-06-02 08:00:00,,CAM-1,ganja,333.1,77AA778,,,\n"  # a camera said to be elsewhere
        "2023-06-02 08:00:00,CAM-2,CAM-1,,333.1,77AA779,,,\n"  # a camera under another's name
    )
    report = take(nasimi, text)
    assert (report.written, report.quarantined) == (1, 4)
    reasons = {line: (field, reason) for line, field, reason in report.problems}
    # Another district's camera and body read as unknown ones: no message names what is out of reach.
    assert reasons[3] == ("device", "no device “CAM-2” within your reach")
    assert reasons[4] == ("body", "no territorial body “ganja” within your reach")
    assert reasons[5] == ("body", "device “CAM-1” belongs to “baku-nasimi”, not “ganja”")
    assert reasons[6][0] == "source"
    assert not Violation.objects.filter(body__code="ganja").exists()
    assert not ViolationMonth.objects.filter(body=body("ganja")).exists()


def test_a_quarantine_reason_never_repeats_a_vehicle_number(cameras):
    report = take(cameras, "2023-05-01 10:00:00,,CAM-1,,328.2,10AB-12345678,,,\n")
    assert report.problems == [(2, "vehicle", "not a registration number (2 to 10 letters and digits)")]


def test_a_role_that_may_not_change_road_safety_records_sends_nothing(cameras, analyst, tmp_path):
    with pytest.raises(PermissionDenied):
        take(analyst, GOOD)
    path = tmp_path / "feed.csv"
    path.write_text(HEADER + GOOD)
    with pytest.raises(CommandError, match="analyst: Your role does not allow changes here"):
        call_command("import", "violations", str(path), user="analyst", stdout=io.StringIO())
    assert not Violation.objects.exists() and not FeedBatch.objects.exists()


def test_a_partly_new_batch_writes_and_counts_only_what_is_new(cameras):
    take(cameras, GOOD)
    report = take(cameras, GOOD + "2023-06-03 09:00:00,,CAM-2,,340.2,55BB555,,,\n", chunk=2)
    assert (report.written, report.duplicates) == (1, 4)
    for rollup in rollups():
        assert rollup.differences() == [], type(rollup).__name__


def test_json_lines_are_taken_too(cameras):
    lines = [
        json.dumps(
            {
                "occurred_at": "2023-05-01T10:00:00+04:00",
                "device": "CAM-1",
                "article": "328.1",
                "vehicle": "10AB123",
            }
        ),
        "not json",
        json.dumps(["a", "list"]),
    ]
    feed = ViolationFeed(Actor(cameras, Via.IMPORT), "test.jsonl")
    report = feed.run(json_rows(io.StringIO("\n".join(lines) + "\n")))
    assert (report.written, report.quarantined) == (1, 2)
    assert Violation.objects.get().occurred_at == datetime.datetime(2023, 5, 1, 6, tzinfo=datetime.UTC)


@pytest.mark.django_db(transaction=True)
def test_a_file_is_streamed_through_a_second_process_from_the_command_line(tmp_path):
    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="Azadlıq avenue")
    make_user("feeder", Role.OFFICER, ["mia"])
    start = datetime.datetime(2023, 3, 1)
    rows = [
        f"{start + datetime.timedelta(seconds=i):%Y-%m-%d %H:%M:%S},,CAM-1,,328.1,{10 + i % 80}AB{i:03d},,,"
        for i in range(2500)
    ]
    path = tmp_path / "feed.csv"
    path.write_text(HEADER + "\n".join([*rows, "bad,,CAM-1,,328.1,10AB001,,,"]) + "\n")
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "violations", str(path), user="feeder", stdout=out, stderr=err)
    assert "2501 rows: 2500 violations written, 0 duplicates dropped, 1 quarantined" in out.getvalue()
    assert "line 2502, occurred_at" in err.getvalue()
    assert Violation.objects.count() == 2500
    assert ViolationMonth.objects.get(body=body("mia")).violations == 2500
    call_command("import", "violations", str(path), user="feeder", stdout=out, stderr=err)
    assert "0 violations written, 2500 duplicates dropped" in out.getvalue()


def test_an_officer_sees_of_anothers_batch_only_what_it_wrote_for_their_body(cameras):
    from django.urls import reverse

    from precinct.conftest import client_for

    take(cameras, GOOD + "2023-06-02 08:00:00,,CAM-9,,333.1,77AA780,,,\n")  # 3 for Nasimi, 1 for Ganja
    batch = FeedBatch.objects.get()
    nasimi = make_user("nasimi-viewer", Role.OFFICER, ["baku-nasimi"])
    listed = client_for(nasimi).get(reverse("traffic:batch-list")).content.decode()
    shown = client_for(nasimi).get(batch.get_absolute_url()).content.decode()
    assert 'id="batch-written">3<' in shown and 'id="batch-partial"' in shown
    assert 'id="quarantine"' not in shown and "CAM-9" not in shown and "CAM-9" not in listed
    whole = client_for(cameras).get(batch.get_absolute_url()).content.decode()
    assert 'id="batch-written">4<' in whole and "CAM-9" in whole and 'id="batch-partial"' not in whole
    assert 'id="batch-status">complete (' in whole
    assert sorted(batch.written_for.values_list("body__code", "written")) == [
        ("baku-nasimi", 3),
        ("ganja", 1),
    ]


def test_a_row_of_year_one_or_a_field_past_the_csv_limit_is_quarantined_and_a_failure_ends_visibly(
    cameras, monkeypatch
):
    ancient = "0001-01-01 02:00:00,B-1,,baku-nasimi,333.1,77AA777,,,\n"
    huge = "2023-01-01 10:00:00,B-1,,baku-nasimi,333.1,77AA778,,," + "x" * 140_000 + "\n"
    report = take(cameras, ancient + huge + GOOD)
    assert (report.written, report.quarantined) == (4, 2)
    reasons = {line: (field, reason) for line, field, reason in report.problems}
    assert reasons[2][0] == "occurred_at" and "1900" in reasons[2][1]
    assert reasons[3][0] == "line" and "CSV" in reasons[3][1]
    # A fault in the middle of a batch: the chunks written stay, and the batch says so in its last entry.
    from precinct.traffic.feed import ViolationFeed as Feed

    calls = {"n": 0}
    original = Feed.write_chunk

    def failing(self, *args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return original(self, *args)

    monkeypatch.setattr(Feed, "write_chunk", failing)
    with pytest.raises(RuntimeError):
        take(cameras, GOOD.replace("2023-0", "2022-0"), chunk=2)
    batch = FeedBatch.objects.order_by("-pk").first()
    closing = (
        AuditEntry.objects.filter(model="traffic.feedbatch", object_id=str(batch.pk)).order_by("pk").last()
    )
    assert closing.note.startswith("failed (RuntimeError) after 2 violations written")
    assert batch.status == "failed" and batch.ended_at and closing.after["status"] == "failed"
    assert sorted(batch.bodies.values_list("code", flat=True)) == ["baku-nasimi"]


def test_a_row_dated_outside_its_bodys_life_is_quarantined(cameras):
    """Nasimi's department closed on 31 August 2023 (Baku time): a detection of 1 September is refused."""
    nasimi = body("baku-nasimi")
    nasimi.closed = datetime.date(2023, 8, 31)
    nasimi.save()
    report = take(
        cameras,
        "2023-08-31 23:59:00,,CAM-1,,328.1,10AB125,,,\n2023-09-01 00:00:00,,CAM-1,,328.1,10AB126,,,\n",
    )
    assert report.written == 1
    assert report.problems == [(3, "occurred_at", "“baku-nasimi” closed on 31.08.2023, before this day.")]
