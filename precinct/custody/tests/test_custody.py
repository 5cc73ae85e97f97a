"""Custody: the rules a detention's records must keep, the standing worked out after every write, who
reaches a detained person's record (and that every read is audited), the watch list's flags, and the
board report's custody section against a count made here from what the test itself recorded."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from precinct.conftest import api_for, body, client_for, make_user
from precinct.core.audit import Actor
from precinct.core.models import Action, AuditEntry, Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.crimes.models import Person
from precinct.custody import services
from precinct.custody.models import Detention, Ending
from precinct.organisation.models import Body
from precinct.reports.engine import board_report

BAKU = datetime.timezone(datetime.timedelta(hours=4))
SAFEGUARDS = ["rights", "family", "lawyer", "medical", "prosecutor"]


@pytest.fixture
def keeper(db):
    return make_user("custody-test", Role.CUSTODY_OFFICER, ["baku-nasimi"])


def person(code: str = "baku-nasimi", surname: str = "Aliyev") -> Person:
    return Person.objects.create(body=body(code), surname=surname, given_name="Elchin")


def at(day: int, hour: float, month: int = 3) -> datetime.datetime:
    return datetime.datetime(2023, month, day, tzinfo=BAKU) + datetime.timedelta(hours=hour)


def detained(actor, when: datetime.datetime, who: Person | None = None, code="baku-nasimi", **values):
    return services.detain(
        actor=actor,
        values={"person": who or person(code), "body": body(code), "grounds": "caught", "detained_at": when}
        | values,
    )


def give(actor, detention, kind: str, when: datetime.datetime):
    return services.record_safeguard(
        actor=actor, detention=detention, values={"kind": kind, "at": when, "by": "duty officer"}
    )


def end(actor, detention, when: datetime.datetime, ending=Ending.RELEASED, **values):
    return services.edit_detention(
        actor=actor, detention=detention, values={"ended_at": when, "ending": ending} | values
    )


def test_a_detention_is_judged_in_time_only_with_every_safeguard_by_its_moment(keeper):
    actor = Actor(keeper, Via.WEB)
    detention = detained(actor, at(10, 22))  # a Friday night: the limit falls on Sunday night
    assert detention.limit_at == at(12, 22) and detention.keeper == keeper
    for kind in SAFEGUARDS:
        give(actor, detention, kind, at(10, 22.5))
    services.record_interrogation(
        actor=actor,
        detention=detention,
        values={"started_at": at(11, 1), "ended_at": at(11, 2), "interrogator": "investigator",
                "lawyer_present": True, "recording": "VR-1"},
    )  # fmt: skip
    assert end(actor, detention, at(12, 21)).in_time
    # The family told late (recorded afterwards, say): the standing follows at once.
    give(actor, detention, "family", at(11, 2))
    detention.refresh_from_db()
    assert (detention.in_time, detention.breaches, detention.overran) == (False, 1, False)
    give(actor, detention, "family", at(10, 23))
    detention = end(actor, detention, at(12, 23), ending=Ending.COURT)
    assert (detention.in_time, detention.overran) == (False, True)


def test_the_rules_of_a_detention_name_the_field_that_breaks_them(keeper):
    actor = Actor(keeper, Via.WEB)
    detention = detained(actor, at(1, 10))
    cases = [
        (lambda: end(actor, detention, at(1, 9)), "ended_at"),
        (lambda: end(actor, detention, at(2, 9), ending=Ending.ARRESTED), "court_order"),
        (
            lambda: end(actor, detention, at(2, 9), ending=Ending.ARRESTED, court_order="C-1"),
            "court_order_on",
        ),
        (
            lambda: end(
                actor,
                detention,
                at(2, 9),
                ending=Ending.ARRESTED,
                court_order="C-1",
                court_order_on=datetime.date(2023, 2, 28),
            ),
            "court_order_on",
        ),  # fmt: skip
        (lambda: end(actor, detention, at(2, 9), court_order_on=datetime.date(2023, 3, 2)), "court_order_on"),
        (lambda: give(actor, detention, "rights", at(1, 9)), "at"),
        (lambda: give(actor, detention, "interpreter", at(1, 11)), "kind"),
        (lambda: detained(actor, timezone.now() + datetime.timedelta(hours=2)), "detained_at"),
        (lambda: detained(actor, at(1, 10), needs_interpreter=True), "language"),
    ]
    for write, field in cases:
        with pytest.raises(ValidationError) as refused:
            write()
        assert field in refused.value.message_dict, field
    arrested = detained(actor, at(5, 10))
    arrested = end(
        actor,
        arrested,
        at(6, 9),
        ending=Ending.ARRESTED,
        court_order="C-1",
        court_order_on=datetime.date(2023, 3, 6),
    )
    assert arrested.court_order_on == datetime.date(2023, 3, 6)
    give(actor, detention, "rights", at(1, 12))
    with pytest.raises(ValidationError) as refused:
        end(actor, detention, at(1, 11))  # before a safeguard already recorded
    assert "ended_at" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.record_interrogation(
            actor=actor, detention=end(actor, detention, at(1, 20)),
            values={"started_at": at(1, 21), "ended_at": at(1, 22), "interrogator": "investigator"},
        )  # fmt: skip
    assert "started_at" in refused.value.message_dict
    assert detention.interrogations.count() == 0


def test_a_detained_persons_record_is_reached_by_custody_roles_of_its_body_and_every_read_is_audited(
    keeper, nasimi_officer, ganja_officer, analyst
):
    actor = Actor(keeper, Via.WEB)
    detention = detained(actor, timezone.now() - datetime.timedelta(hours=3))
    url = detention.get_absolute_url()
    inspector = make_user("inspector-custody", Role.INSPECTOR, ["mia"])
    for user in (keeper, nasimi_officer, inspector):
        assert client_for(user).get(url).status_code == 200
        assert AuditEntry.objects.filter(user=user, action=Action.READ, object_id=str(detention.pk)).exists()
        listed = api_for(user).get("/api/detentions/").json()["results"]
        assert [row["id"] for row in listed] == [detention.pk]
        assert listed[0]["person_name"] == str(detention.person)  # as the page names them, to all three
    for user in (ganja_officer, analyst):
        assert client_for(user).get(url).status_code == 404
        answer = api_for(user).get("/api/detentions/")
        assert answer.status_code == 403 or answer.json()["results"] == []
        watch = client_for(user).get(reverse("custody:watch"))
        assert watch.status_code in (200, 403) and "Aliyev" not in watch.content.decode()
    # The register's page and its export name people: each is a read in the audit log.
    client_for(keeper).get(reverse("custody:detention-list"))
    client_for(keeper).get(reverse("custody:detention-list") + "?export=csv").getvalue()
    assert AuditEntry.objects.filter(user=keeper, model="custody.detention", object_id="*").count() >= 2
    # A person of another district is refused as if there were none: the field, not the reason.
    other = person("ganja", "Guliyev")
    answer = api_for(keeper).post(
        "/api/detentions/",
        {
            "person": other.pk,
            "body": "baku-nasimi",
            "grounds": "caught",
            "detained_at": at(1, 10).isoformat(),
        },
        content_type="application/json",
    )
    missing = api_for(keeper).post(
        "/api/detentions/",
        {"person": 10**9, "body": "baku-nasimi", "grounds": "caught", "detained_at": at(1, 10).isoformat()},
        content_type="application/json",
    )
    assert answer.status_code == missing.status_code == 400
    assert answer.json()["person"][0].replace(str(other.pk), "N") == missing.json()["person"][0].replace(
        str(10**9), "N"
    )
    assert api_for(inspector).post("/api/detentions/", {}, content_type="application/json").status_code == 403


def test_the_watch_list_flags_a_limit_near_or_passed_and_a_missing_safeguard(keeper):
    actor = Actor(keeper, Via.WEB)
    now = timezone.now()
    near = detained(actor, now - datetime.timedelta(hours=45))
    for kind in SAFEGUARDS:
        give(actor, near, kind, near.detained_at + datetime.timedelta(minutes=30))
    passed = detained(actor, now - datetime.timedelta(hours=50))
    fresh = detained(actor, now - datetime.timedelta(minutes=20))
    chief = make_user("custody-chief-test", Role.CUSTODY_OFFICER, ["baku-nasimi"])
    chief.is_chief = True
    chief.save()
    page = client_for(chief).get(reverse("custody:watch")).content.decode()
    rows = {d.pk: page.index(f'href="{d.get_absolute_url()}"') for d in (near, passed, fresh)}
    assert rows[passed.pk] < rows[near.pk] < rows[fresh.pk]  # the nearest limit first
    assert page.count('data-rule="limit_near"') == 1 and page.count('data-rule="limit_passed"') == 1
    assert page.count('data-rule="missing"') == len(SAFEGUARDS)  # the one held 50 hours has none
    assert 'id="keepers"' in page
    api = api_for(keeper).get(f"/api/detentions/{passed.pk}/").json()
    assert {flag["rule"] for flag in api["flags"]} == {"limit_passed", "missing"}


def test_the_custody_section_agrees_with_a_count_made_here(keeper, analyst):
    """Detentions drawn at random in two districts over 2022 and 2023, their safeguards and
    interrogations on time or not, and the section's figures against what the test counts itself."""
    chance, actor = random.Random(12), Actor(make_user("custody-mia", Role.CUSTODY_OFFICER, ["mia"]), Via.CLI)
    drawn = []
    for index in range(60):
        code = chance.choice(["baku-nasimi", "ganja"])
        when = datetime.datetime(2022, 1, 1, tzinfo=BAKU) + datetime.timedelta(hours=chance.randrange(15_000))
        detention = detained(actor, when, person(code, f"P{index % 23}"), code=code)
        late = {kind for kind in SAFEGUARDS if chance.random() < 0.08}
        for kind in SAFEGUARDS:
            give(actor, detention, kind, when + datetime.timedelta(hours=30 if kind in late else 0.5))
        recorded = chance.random() > 0.15
        hour = datetime.timedelta(hours=1)
        services.record_interrogation(
            actor=actor, detention=detention,
            values={"started_at": when + hour, "ended_at": when + 2 * hour, "interrogator": "investigator",
                    "lawyer_present": True, "recording": "VR" if recorded else ""},
        )  # fmt: skip
        held = chance.choice([31, 40, 47.5, 48, 49, 55])  # after the latest safeguard (30 hours)
        ended = chance.random() < 0.9
        if ended:
            end(actor, detention, when + datetime.timedelta(hours=held), ending=Ending.RELEASED)
        drawn.append((code, when, detention.person_id, late, recorded, held if ended else None))

    def expected(period: Period, codes: set[str]) -> dict:
        rows = [row for row in drawn if row[0] in codes and period.start <= row[1].date() <= period.end]
        closed = [row for row in rows if row[5] is not None]
        good = [row for row in closed if not row[3] and row[4] and row[5] <= 48]
        return {
            "custody.detentions": len(rows),
            "custody.persons": len({row[2] for row in rows}),
            "custody.overran": sum(1 for row in closed if row[5] > 48),
            "custody.with_breach": len(closed) - len(good),
            "custody.interrogations": len(rows),
            "in_time": (len(good), len(closed)),
            "recorded": (sum(1 for row in rows if row[4]), len(rows)),
        }

    periods = [Period(datetime.date(2022, 1, 1), datetime.date(2023, 9, 30)),
               Period(datetime.date(2022, 3, 5), datetime.date(2022, 11, 17))]  # fmt: skip
    for period in periods:
        for code, codes in (("mia", {"baku-nasimi", "ganja"}), ("ganja", {"ganja"})):
            report = board_report(period, Body.objects.get(code=code))
            found = {
                f.measure.name: f.value
                for f in next(r for r in report.sections if r.section.name == "custody").figures
            }
            want = expected(period, codes)
            for name in ("custody.detentions", "custody.persons", "custody.overran", "custody.with_breach",
                         "custody.interrogations"):  # fmt: skip
                assert found[name] == want[name], (name, period, code)
            for name, (part, whole) in (("custody.in_time_share", want["in_time"]),
                                        ("custody.recorded_share", want["recorded"])):  # fmt: skip
                assert (found[name] is None and not whole) or found[name] * whole == part, (
                    name,
                    period,
                    code,
                )


def test_nobody_is_held_twice_at_once_and_an_edit_records_no_false_change(keeper):
    actor = Actor(keeper, Via.WEB)
    who = person()
    first = detained(actor, at(3, 10), who)
    with pytest.raises(ValidationError) as refused:
        detained(actor, at(4, 9), who)  # the first is still open
    assert "detained_at" in refused.value.message_dict
    end(actor, first, at(4, 8))
    assert detained(actor, at(4, 9), who).pk  # after the first ended
    with pytest.raises(ValidationError) as refused:
        end(actor, first, at(4, 8), court_order="X-1")  # a court's order on a release
    assert "court_order" in refused.value.message_dict
    assert str(first).startswith("03.03.2023 10:00")  # the ministry's time, not UTC
    # Saving the same moment as a form gives it (in the ministry's zone) is no change of that field.
    services.edit_detention(actor=actor, detention=first, values={"detained_at": at(3, 10).astimezone(BAKU)})
    last = AuditEntry.objects.filter(model="custody.detention", object_id=str(first.pk), action=Action.UPDATE)
    last = last.order_by("pk").last()
    assert last.before["detained_at"] == last.after["detained_at"]


def test_one_person_is_questioned_in_one_interrogation_at_a_time(keeper):
    actor = Actor(keeper, Via.WEB)
    detention = detained(actor, at(1, 10))

    def question(start: float, end: float):
        return services.record_interrogation(
            actor=actor,
            detention=detention,
            values={
                "started_at": at(1, start),
                "ended_at": at(1, end),
                "interrogator": "investigator Mammadov",
            },
        )

    question(12, 13)
    with pytest.raises(ValidationError) as refused:
        question(12.5, 13.5)
    assert "started_at" in refused.value.message_dict
    question(13, 14)  # the next one may begin as the last ends


def test_the_detention_history_holds_its_safeguards_and_interrogations(keeper):
    actor = Actor(keeper, Via.WEB)
    detention = detained(actor, at(7, 10))
    give(actor, detention, "rights", at(7, 10.5))
    services.record_interrogation(
        actor=actor, detention=detention,
        values={"started_at": at(7, 12), "ended_at": at(7, 13), "interrogator": "investigator"},
    )  # fmt: skip
    page = client_for(keeper).get(detention.get_absolute_url()).content.decode()
    history = page[page.index('id="history"') :]
    assert "Safeguard: " in history
    assert "Interrogation: 07.03.2023 12:00–13:00" in history
    assert history.count("<tr>") == 4  # the detention, the safeguard, the interrogation, the header
    # Each part is named as it is now, in the reader's language, whatever language it was written in.
    client = client_for(keeper)
    client.post(reverse("set_language"), {"language": "az"})
    in_azerbaijani = client.get(detention.get_absolute_url()).content.decode()
    with translation.override("az"):
        named = str(detention.safeguards.get())
    assert named in in_azerbaijani[in_azerbaijani.index('id="history"') :] and "rights explained" not in named


def test_a_person_not_in_the_register_yet_is_added_to_it_with_the_detention(keeper):
    """A custody officer, who cannot write the crime register, records one brought in off the street: the
    person is added to the body's register, audited, and linked; the form says what it lacks."""
    client = client_for(keeper)
    form = {"body": body("baku-nasimi").pk, "grounds": "caught", "detained_at": "2023-03-07T10:00"}
    refused = client.post(reverse("custody:detention-new"), form)
    assert "Pick the person from the register" in " ".join(refused.context["form"].errors["person"])
    half = client.post(reverse("custody:detention-new"), form | {"new_surname": "Mammadov"})
    assert "new_given_name" in half.context["form"].errors and not Detention.objects.exists()
    saved = client.post(
        reverse("custody:detention-new"),
        form | {"new_surname": "Mammadov", "new_given_name": "Rauf", "new_id_number": "5ABC123"},
    )
    assert saved.status_code == 302
    detention = Detention.objects.get()
    assert (str(detention.person), detention.person.body, detention.person.id_number) == (
        "Mammadov Rauf",
        body("baku-nasimi"),
        "5ABC123",
    )
    assert AuditEntry.objects.filter(model="crimes.person", action="create", user=keeper).exists()
