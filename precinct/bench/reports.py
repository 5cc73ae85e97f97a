"""The board report from the rollups and from the records, and the drill-down's first page."""

import time

from precinct.bench.settings import REPORT_CRIMES, REPORT_VIOLATIONS
from precinct.bench.timing import median_ms


def bench_board_report() -> dict:
    """The whole board report for 1 Jan–30 Sep against last year, on REPORT_CRIMES crimes over ten years:
    from the rollups, straight from the records, and the first page of a drill-down."""
    import datetime

    from precinct.bench.data import load
    from precinct.core.measures import Scope, from_records
    from precinct.core.periods import Period
    from precinct.core.rollups import rollups
    from precinct.crimes.measures import REGISTERED
    from precinct.crimes.models import Crime
    from precinct.organisation.models import Body, User
    from precinct.reports.engine import board_report
    from precinct.reports.views import newest_first

    Crime.objects.all().delete()
    for rollup in rollups():  # the cells the import benchmark left, in every grain
        if rollup.source is Crime:
            rollup.model.objects.all().delete()
    seconds = load(REPORT_CRIMES)
    from precinct.bench.traffic import load_violations

    violation_seconds = load_violations(REPORT_VIOLATIONS)
    period = Period(datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    figures = {
        "report_crimes": REPORT_CRIMES,
        "report_violations": REPORT_VIOLATIONS,
        "report_load_seconds": round(seconds, 1),
        "report_violation_load_seconds": round(violation_seconds, 1),
    }
    days = Period(datetime.date(2023, 1, 5), datetime.date(2023, 9, 17))
    for kind, chosen in (("", period), ("days_", days)):  # whole months; a period of days
        for name, code in (("national", "mia"), ("district", "baku-nasimi")):
            body = Body.objects.get(code=code)
            key = f"board_report_{kind}{name}"
            board_report(chosen, body)  # warm the caches of the database and of the code
            figures[f"{key}_ms"] = median_ms(lambda b=body, p=chosen: board_report(p, b))
            with from_records():
                figures[f"{key}_raw_ms"] = median_ms(lambda b=body, p=chosen: board_report(p, b), runs=2)
            figures[f"{key}_speedup"] = round(figures[f"{key}_raw_ms"] / figures[f"{key}_ms"], 1)
    user = User.objects.get(username="bench")
    national = Body.objects.get(code="mia")

    def first_page():
        records = REGISTERED.queryset(period, Scope(national)) & Crime.objects.visible_to(user)
        list(records.select_related("body", "article__category").order_by(*newest_first(Crime))[:51])

    figures["drill_down_first_page_ms"] = median_ms(first_page)
    figures |= api_list_pages(user)
    from precinct.reports.windows import every_body

    figures["windows_every_body_ms"] = median_ms(lambda: every_body(datetime.date(2023, 9, 17)), runs=3)
    figures["body_move_ms"] = body_move()
    return figures


def api_list_pages(user) -> dict:
    """The first and the tenth page of the API's largest lists, paged by cursor, counting nothing, at the
    largest page size a client may ask."""
    from rest_framework.test import APIClient

    from precinct.core.pagination import RecordCursorPagination

    client = APIClient()
    client.force_authenticate(user)
    figures = {"api_page_size": RecordCursorPagination.max_page_size}
    for name in ("violations", "crimes"):
        url = f"/api/{name}/?page_size={RecordCursorPagination.max_page_size}"

        def tenth(start=url):
            page = client.get(start).json()
            for _ in range(9):
                page = client.get(page["next"]).json()

        client.get(url)
        figures[f"api_{name}_first_page_ms"] = median_ms(lambda u=url: client.get(u))
        figures[f"api_{name}_tenth_page_ms"] = round(median_ms(tenth, runs=3) / 10, 1)
    return figures


def body_move() -> float:
    """Moving a district with its records under another parent: every rollup's cells follow at once."""
    from precinct.core.audit import Actor
    from precinct.core.roles import Role
    from precinct.organisation.models import Body, User
    from precinct.organisation.services import move_body

    administrator, _created = User.objects.get_or_create(username="bench-admin", role=Role.ADMINISTRATOR)
    actor = Actor.cli(administrator)
    started = time.perf_counter()
    move_body(actor=actor, body=Body.objects.get(code="baku-nasimi"), parent=Body.objects.get(code="ganja"))
    seconds = time.perf_counter() - started
    move_body(actor=actor, body=Body.objects.get(code="baku-nasimi"), parent=Body.objects.get(code="baku"))
    return round(seconds * 1000, 1)
