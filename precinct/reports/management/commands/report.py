"""`precinct report board --from … --to … [--body …] --format json|xlsx|pdf|docx -o FILE`, and
`precinct report press --from … --to … [--body …] --language az|en [--site-url URL] [-o FILE]`."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from precinct.core.periods import EARLIEST, LATEST, Period, out_of_range
from precinct.core.whole_files import written_whole
from precinct.organisation.models import Body
from precinct.reports.engine import board_report
from precinct.reports.exports import FORMATS
from precinct.reports.press import LANGUAGES, as_markdown, draft


def date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"“{text}” is not a date (YYYY-MM-DD).") from None


TITLES = {"board": "Board report", "press": "Press release draft"}


class Command(BaseCommand):
    help = (
        "Write the board report for a period against the same period of last year, or its press-release "
        "draft (Markdown, each number linked to its records)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("report", choices=["board", "press"])
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--body", default="", help="territorial body code (default: the ministry)")
        parser.add_argument("--format", choices=list(FORMATS), default="json", help="of the board report")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="of the labels; the press release is written in az or en",
        )
        parser.add_argument(
            "--site-url", default="http://127.0.0.1:8000", help="where the press release's links point"
        )
        parser.add_argument(
            "-o", "--output", type=Path, help="file to write (default: standard output, JSON)"
        )

    def handle(self, *args, report: str, start: str, end: str, body: str, output: Path | None, **options):
        try:
            period = Period(date(start), date(end))
        except ValueError as error:
            raise CommandError(str(error)) from None
        for name, day in (("--from", period.start), ("--to", period.end)):
            if out_of_range(day):
                raise CommandError(f"{name}: a date from {EARLIEST:%d.%m.%Y} to {LATEST:%d.%m.%Y}.")
        chosen = Body.objects.filter(code=body).first() if body else Body.objects.filter(parent=None).first()
        if chosen is None:
            raise CommandError(f"There is no territorial body “{body}”.")
        language, format = options["language"], options["format"]
        if report == "press" and language not in LANGUAGES:
            raise CommandError(f"The press release is written in {' or '.join(LANGUAGES)}, not “{language}”.")
        if report == "board" and output is None and format != "json":
            raise CommandError(f"A {format.upper()} report needs a file: -o FILE.")
        with translation.override(language):
            made = board_report(period, chosen)
            if report == "press":
                content = as_markdown(made, draft(made, language), language, options["site_url"]).encode()
            else:
                content = FORMATS[format][0](made)
        if output is None:
            self.stdout.write(content.decode())
        else:
            with written_whole(output) as handle:  # a report cut short leaves no file that looks whole
                handle.write(content)
            self.stdout.write(
                f"{TITLES[report]} for {chosen.name}, {period} against {period.comparison}: {output}"
            )
