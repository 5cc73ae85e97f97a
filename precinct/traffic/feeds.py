"""The feeds this app takes from files (`precinct import violations FILE`): CSV or JSON lines, streamed,
checked in a second process while this one writes."""

from pathlib import Path

from precinct.core.audit import Actor
from precinct.traffic.feed import FeedReport, ViolationFeed, rows_of


def violations(actor: Actor, path: Path, progress=None) -> FeedReport:
    # A byte that is not UTF-8 is read as the replacement character, and its row quarantined.
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        feed = ViolationFeed(actor, source=path.name)
        return feed.run(rows_of(handle, path.name), progress, parallel=True)


FEEDS = {"violations": violations}
