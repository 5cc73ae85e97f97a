"""The benchmark's fast loaders write the same rollup cells that the write paths keep."""

from precinct.bench.data import load
from precinct.bench.traffic import load_violations
from precinct.core.rollups import rollups
from precinct.crimes.models import Crime
from precinct.traffic.models import Violation


def test_the_loaded_registers_and_their_counted_rollups_agree(db):
    load(3000, first_year=2022, years=2)
    # 2014 and 2015 included: Baku kept summer time then, and a violation's day is its local day.
    load_violations(10_000, first_year=2014, years=1)  # more than one an hour: some late in the evening
    assert Crime.objects.count() == 3000
    assert Violation.objects.count() == 10_000
    for rollup in rollups():
        assert rollup.differences() == [], rollup.model.__name__
