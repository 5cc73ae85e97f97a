"""Figures stay true under change: random sequences of record writes, reference edits and organisation
changes, through the services the pages and the admin use, and after each step every report equals the
one computed from the records and `rollups verify` agrees."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from precinct.conftest import body
from precinct.core import services as core_services
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.periods import Period
from precinct.crimes import services as crime_services
from precinct.crimes.models import Agency, Article, Category, Crime, Gravity
from precinct.drugs import services as drug_services
from precinct.drugs.models import Substance
from precinct.organisation import services as organisation
from precinct.organisation.models import Body, BodyKind
from precinct.reports.engine import board_report
from precinct.traffic import services as traffic_services
from precinct.traffic.rollups import LOCAL

# Bodies that kept records on every day drawn; Khankandi's department, founded in October 2023 after them,
# is only a parent here.
LEAVES = ["baku-nasimi", "baku-yasamal", "baku-sabail", "ganja", "sumgait", "khojaly"]
PARENTS = ["mia", "baku", "ganja", "khankandi", "sumgait"]
ARTICLES = ["177.1", "177.2.1", "178.1", "126.1", "234.1"]
# Whole months, and a period of days (its edges read from the daily cells); each against the year before.
PERIODS = [
    Period(datetime.date(2023, 1, 1), datetime.date(2023, 6, 30)),
    Period(datetime.date(2023, 1, 5), datetime.date(2023, 5, 17)),
]
days = st.integers(0, 540).map(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n))


def reports_agree(codes: list[str]) -> None:
    for code in codes:
        for period in PERIODS:
            from_rollups = board_report(period, body(code)).as_dict()
            with from_records():
                assert board_report(period, body(code)).as_dict() == from_rollups, (code, period)


def verify() -> None:
    out = io.StringIO()
    call_command("rollups", "verify", stdout=out, stderr=out)  # raises when a cell disagrees


class Organisation(RuleBasedStateMachine):
    """The ministry at work: crimes, seizures and accidents registered and edited, articles reclassified,
    bodies founded and moved."""

    def __init__(self) -> None:
        super().__init__()
        self.savepoint = transaction.atomic()
        self.savepoint.__enter__()
        self.founded = 0
        self.leaves = list(LEAVES)

    def leaf(self, index: int) -> str:
        return self.leaves[index % len(self.leaves)]

    @initialize(registered=st.lists(days, min_size=len(LEAVES), max_size=len(LEAVES)))
    def records_in_every_body(self, registered) -> None:
        """Records in every body to begin with, so that every move and reclassification moves figures."""
        from precinct.organisation.models import User

        self.admin = Actor.cli(User.objects.get(username="admin"))
        for index, day in enumerate(registered):
            self.register_crime(index, ARTICLES[index % len(ARTICLES)], day, index * 20, Agency.POLICE)
            self.seize(index, day, 100 + index)
            self.accident(index, day, index % 2)

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self.savepoint.__exit__(None, None, None)

    @rule(where=st.integers(0, 99), article=st.sampled_from(ARTICLES), registered=days,
          solved_after=st.one_of(st.none(), st.integers(0, 200)),
          agency=st.sampled_from(Agency.values))  # fmt: skip
    def register_crime(self, where, article, registered, solved_after, agency) -> None:
        solved = registered + datetime.timedelta(days=solved_after) if solved_after is not None else None
        crime_services.register_crime(
            actor=self.admin,
            values={"body": body(self.leaf(where)), "registered_on": registered, "agency": agency,
                    "article": Article.objects.get(code=article), "place": "street", "description": "theft",
                    "damage": Decimal("100.00"), "compensated": Decimal("40.00"),
                    "status": "solved" if solved else "investigation", "solved_on": solved},
        )  # fmt: skip

    @rule(choice=st.integers(0, 10_000), solved_after=st.integers(0, 90))
    def solve_crime(self, choice, solved_after) -> None:
        crimes = list(Crime.objects.order_by("pk"))
        if crimes:
            crime = crimes[choice % len(crimes)]
            solved = crime.registered_on + datetime.timedelta(days=solved_after)
            crime_services.edit_crime(
                actor=self.admin,
                crime=crime,
                values={"status": "solved", "solved_on": solved},
            )

    @rule(choice=st.integers(0, 10_000))
    def delete_crime(self, choice) -> None:
        crimes = list(Crime.objects.order_by("pk"))
        if crimes:
            crime_services.delete_crime(actor=self.admin, crime=crimes[choice % len(crimes)])

    @rule(
        article=st.sampled_from(ARTICLES),
        gravity=st.sampled_from(Gravity.values),
        category=st.integers(0, 50),
    )
    def reclassify_article(self, article, gravity, category) -> None:
        categories = list(Category.objects.order_by("pk"))
        chosen = Article.objects.get(code=article)
        core_services.update(
            self.admin, chosen, {"gravity": gravity, "category": categories[category % len(categories)]}
        )

    @rule(where=st.integers(0, 99), seized=days, grams=st.integers(1, 5000))
    def seize(self, where, seized, grams) -> None:
        drug_services.register_seizure(
            actor=self.admin,
            values={"seized_on": seized, "body": body(self.leaf(where)), "place": "road",
                    "found_by": "search", "substance": Substance.objects.order_by("pk").first(),
                    "quantity": grams, "unit": "g"},
        )  # fmt: skip

    @rule(where=st.integers(0, 99), day=days, killed=st.integers(0, 2))
    def accident(self, where, day, killed) -> None:
        traffic_services.save_accident(
            actor=self.admin,
            values={"occurred_at": datetime.datetime.combine(day, datetime.time(12), tzinfo=LOCAL),
                    "body": body(self.leaf(where)), "road": "road", "vehicles": 2, "killed": killed,
                    "injured": 1, "cause": "other"},
        )  # fmt: skip

    @rule(moved=st.sampled_from(LEAVES + ["baku", "khankandi"]), parent=st.sampled_from(PARENTS))
    def move_body(self, moved, parent) -> None:
        moving, under = body(moved), body(parent)
        if under.path.startswith(moving.path) or moving.parent_id == under.pk:
            return
        organisation.move_body(actor=self.admin, body=moving, parent=under)

    @rule(parent=st.sampled_from(PARENTS))
    def found_body(self, parent) -> None:
        self.founded += 1
        code = f"new-{self.founded}"
        organisation.found_body(
            actor=self.admin,
            values={"code": code, "parent": body(parent), "kind": BodyKind.DISTRICT_DEPARTMENT,
                    "name_en": code, "name_az": code, "name_ru": code},
        )  # fmt: skip
        self.leaves.append(code)

    @invariant()
    def every_figure_equals_the_records(self) -> None:
        verify()
        reports_agree(["mia", "baku"])


@pytest.mark.long
@pytest.mark.django_db
def test_figures_stay_true_under_every_change(administrator):
    run_state_machine_as_test(
        Organisation,
        settings=settings(max_examples=10, stateful_step_count=8, deadline=None,
                          suppress_health_check=list(HealthCheck)),
    )  # fmt: skip
    assert not Body.objects.filter(code__startswith="new-").exists()  # each example was rolled back
