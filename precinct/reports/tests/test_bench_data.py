"""The benchmark's fast loader writes the same rollup cells that the write paths keep."""

from precinct.bench.data import load
from precinct.core.rollups import rollups
from precinct.crimes.models import Crime


def test_the_loaded_register_and_its_summed_rollup_agree(db):
    load(3000, first_year=2022, years=2)
    assert Crime.objects.count() == 3000
    for rollup in rollups():
        assert rollup.differences() == []
