"""A process started before a body moved writes and reports by the new organisation, with no rebuild."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from precinct.conftest import body, register
from precinct.core.audit import Actor
from precinct.core.measures import from_records
from precinct.core.periods import Period
from precinct.core.rollups import rollups
from precinct.organisation.services import move_body
from precinct.reports.engine import board_report

pytestmark = pytest.mark.django_db(transaction=True)
H1 = {"from": "2023-01-01", "to": "2023-06-30"}


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
    return f"postgres://{settings['USER']}@{host}/{settings['NAME']}"


class SecondProcess:
    def __init__(self) -> None:
        env = dict(os.environ, DATABASE_URL=database_url(), DJANGO_SETTINGS_MODULE="precinct.settings")
        command = [sys.executable, "-m", "precinct.reports.tests.second_process"]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )

    def ask(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def test_a_process_started_before_a_move_follows_it(administrator):
    import datetime

    register(administrator, body=body("baku-nasimi"), registered_on=datetime.date(2023, 2, 1))
    other = SecondProcess()
    try:
        other.ask(do="register", body="baku-nasimi", on="2023-03-01")  # it has read the tree once
        move_body(actor=Actor.cli(administrator), body=body("baku-nasimi"), parent=body("ganja"))
        other.ask(do="register", body="baku-nasimi", on="2023-04-01")
        seen = other.ask(do="report", body="ganja", **H1)
    finally:
        other.close()
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    with from_records():
        expected = board_report(period, body("ganja")).as_dict()
    assert seen == json.loads(json.dumps(expected))
    assert seen["sections"][0]["figures"][1]["value"] == 3
    for rollup in rollups():
        assert rollup.differences() == []


def test_rollups_are_compared_with_their_records_at_one_moment_while_another_process_writes(administrator):
    """`precinct rollups verify` while the feed writes: a crime committed by another process between the
    reading of the records and that of the cells is in neither, and no false difference is reported."""
    import datetime

    from precinct.core.rollups import one_snapshot
    from precinct.crimes.rollups import CrimeCountMonthRollup

    register(administrator, body=body("baku-nasimi"), registered_on=datetime.date(2023, 2, 1))
    rollup = CrimeCountMonthRollup()
    other = SecondProcess()
    try:
        with one_snapshot():
            expected = {key: sums for key, sums in rollup.expected().items() if any(sums)}
            other.ask(do="register", body="baku-nasimi", on="2023-03-01")  # committed meanwhile
            stored = {key: sums for key, sums in rollup.stored().items() if any(sums)}
    finally:
        other.close()
    assert expected == stored
    assert rollup.differences() == []  # and after it, both hold the new crime
