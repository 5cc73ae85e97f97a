"""The road-safety section of the board report against an independent count over the records."""

import datetime
import io
import random

from precinct.conftest import body, make_user
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.models import Via
from precinct.core.periods import Period
from precinct.core.roles import Role
from precinct.reports.engine import board_report
from precinct.traffic import services
from precinct.traffic.feed import ViolationFeed, csv_rows
from precinct.traffic.models import Accident, Device, OffenceArticle, Violation
from precinct.traffic.rollups import LOCAL
from precinct.traffic.tests.test_feed import HEADER

H1 = Period(datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))


def figures(period: Period, code: str) -> dict:
    report = board_report(period, body(code))
    return {
        f.measure.name: f.value
        for f in next(r for r in report.sections if r.section.name == "traffic").figures
    }


def test_the_traffic_figures_agree_with_an_independent_count(db):
    chance = random.Random(5)
    officer = make_user("t", Role.OFFICER, ["mia"])
    Device.objects.create(code="CAM-1", kind="speed", body=body("baku-nasimi"), place="road")
    Device.objects.create(code="CAM-2", kind="parking", body=body("ganja"), place="road")
    articles = list(OffenceArticle.objects.values_list("code", flat=True))
    lines = []
    for index in range(600):
        moment = datetime.datetime(2022, 1, 1) + datetime.timedelta(seconds=chance.randrange(600 * 86400))
        device = chance.choice(["CAM-1", "CAM-2", ""])
        source, place = ("", "") if device else (f"B-{index % 7}", chance.choice(["baku-nasimi", "ganja"]))
        plate = f"{index % 90 + 10}AA{index % 999:03d}"
        lines.append(
            f"{moment:%Y-%m-%d %H:%M:%S},{source},{device},{place},{chance.choice(articles)},{plate},,,"
        )
    report = ViolationFeed(Actor(officer, Via.IMPORT), "random").run(
        csv_rows(io.StringIO(HEADER + "\n".join(lines)))
    )
    assert report.quarantined == 0, report.problems[:3]
    for _ in range(40):
        services.save_accident(
            actor=Actor(officer, Via.WEB),
            values={
                "occurred_at": datetime.datetime(2022, 1, 1, tzinfo=LOCAL)
                + datetime.timedelta(hours=chance.randrange(14000)),
                "body": body(chance.choice(["baku-nasimi", "ganja"])),
                "road": "road",
                "vehicles": 1,
                "killed": chance.randint(0, 2),
                "injured": chance.randint(0, 4),
                "cause": "other",
            },
        )
    for period in (H1, H1.comparison, Period(datetime.date(2023, 2, 10), datetime.date(2023, 5, 20))):
        start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=LOCAL)
        end = datetime.datetime.combine(period.end, datetime.time.max, tzinfo=LOCAL)
        for code, codes in (
            ("mia", ["baku-nasimi", "ganja"]),
            ("baku", ["baku-nasimi"]),
            ("ganja", ["ganja"]),
        ):
            inside = [
                v
                for v in Violation.objects.select_related("article", "body")
                if v.body.code in codes and start <= v.occurred_at <= end
            ]
            accidents = [
                a
                for a in Accident.objects.select_related("body")
                if a.body.code in codes and start <= a.occurred_at <= end
            ]
            engine = figures(period, code)
            assert engine["traffic.violations"] == len(inside)
            assert engine["traffic.illegal_parking"] == sum(v.article.parking for v in inside)
            automatic = sum(v.device_id is not None for v in inside)
            assert (
                engine["traffic.automatic_share"] == (automatic / len(inside) if inside else None)
                or abs(float(engine["traffic.automatic_share"]) - automatic / len(inside)) < 1e-12
            )
            assert engine["traffic.accidents"] == len(accidents)
            assert engine["traffic.killed"] == sum(a.killed for a in accidents)
            assert engine["traffic.injured"] == sum(a.injured for a in accidents)
            with from_records():
                assert figures(period, code) == engine, (period, code)
