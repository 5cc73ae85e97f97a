"""`precinct report board --from … --to … [--body …] --format json|xlsx -o FILE`."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from precinct.core.periods import Period
from precinct.organisation.models import Body
from precinct.reports.engine import board_report
from precinct.reports.exports import xlsx


def date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"“{text}” is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = "Write the board report for a period against the same period of last year."

    def add_arguments(self, parser) -> None:
        parser.add_argument("report", choices=["board"])
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--body", default="", help="territorial body code (default: the ministry)")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument(
            "-o", "--output", type=Path, help="file to write (default: standard output, JSON)"
        )

    def handle(self, *args, start: str, end: str, body: str, format: str, output: Path | None, **options):
        try:
            period = Period(date(start), date(end))
        except ValueError as error:
            raise CommandError(str(error)) from None
        chosen = Body.objects.filter(code=body).first() if body else Body.objects.filter(parent=None).first()
        if chosen is None:
            raise CommandError(f"There is no territorial body “{body}”.")
        report = board_report(period, chosen)
        if format == "xlsx":
            if output is None:
                raise CommandError("An XLSX report needs a file: -o FILE.")
            output.write_bytes(xlsx(report))
        else:
            text = json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
            if output is None:
                self.stdout.write(text)
            else:
                output.write_text(text, encoding="utf-8")
        if output is not None:
            self.stdout.write(
                f"Board report for {chosen.name}, {period} against {period.comparison}: {output}"
            )
