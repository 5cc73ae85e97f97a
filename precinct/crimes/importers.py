"""Importing crimes from CSV or XLSX, all or nothing."""

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from precinct.core.importing import (
    Importer,
    RowError,
    RowErrors,
    RowRefused,
    parse_bool,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    parse_text,
)
from precinct.core.roles import CHANGE, can
from precinct.core.scope import outside_its_body
from precinct.core.views import ImportView
from precinct.crimes.models import Agency, Article, Crime, Partner, Status
from precinct.crimes.rules import crime_errors, today
from precinct.crimes.services import lock_numbering
from precinct.organisation.models import Body


class CrimeImporter(Importer):
    name = "crimes"
    model = Crime
    columns = Crime.ENTERED_FIELDS
    required = ["body", "registered_on", "agency", "article"]

    def __init__(self, actor) -> None:
        super().__init__(actor)
        self.allowed = can(actor.user, "crimes", CHANGE)
        self.bodies = {body.code: body for body in Body.objects.all()}
        self.articles = {article.code: article for article in Article.objects.all()}
        self.reach = actor.user.reach_paths() if self.allowed else []
        self.today = today()
        self.given: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)  # body, year → number → line
        self.clashes: list[RowError] = []
        self.last: dict[tuple[int, int], int] = {}  # the highest number of each body and year

    def build(self, line: int, row: dict[str, str]) -> Crime:
        errors: list[RowError] = []

        def take(column: str, parse):
            try:
                return parse(column, row.get(column, ""))
            except RowRefused as refused:
                errors.append(RowError(line, refused.field, refused.reason))
                return None

        crime = Crime(
            body=take("body", self.body),
            number=take("number", parse_int),
            registered_on=take("registered_on", lambda c, t: parse_date(c, t, required=True)),
            agency=take("agency", lambda c, t: parse_choice(c, t, Agency)),
            article=take("article", self.article),
            place=take("place", lambda c, t: parse_text(c, t, 200)),
            description=take("description", lambda c, t: parse_text(c, t, 2000)),
            firearm=take("firearm", parse_bool),
            damage=take("damage", parse_decimal),
            compensated=take("compensated", parse_decimal),
            status=take("status", lambda c, t: parse_choice(c, t, Status, default=Status.INVESTIGATION)),
            solved_on=take("solved_on", parse_date),
            solved_with=take("solved_with", lambda c, t: parse_choice(c, t, Partner, default=Partner.NONE)),
        )
        if crime.registered_on:
            crime.year = crime.registered_on.year
        for found in (crime_errors(crime, self.today), outside_its_body(crime)):
            for field, reasons in found.items():
                errors.extend(RowError(line, field, reason) for reason in reasons)
        if errors:
            raise RowErrors(errors)
        return crime

    def body(self, column: str, text: str) -> Body:
        body = self.bodies.get(text)
        if body is None:
            raise RowRefused(column, _("unknown territorial body “%(code)s”") % {"code": text})
        if not any(body.path.startswith(path) for path in self.reach):
            raise RowRefused(column, _("territorial body “%(code)s” is outside your reach") % {"code": text})
        return body

    def article(self, column: str, text: str) -> Article:
        article = self.articles.get(text)
        if article is None:
            raise RowRefused(column, _("unknown article “%(code)s” of the Criminal Code") % {"code": text})
        return article

    def note(self, line: int, crime: Crime) -> None:
        """Each body and year of the file, and the numbers given in it: one given twice is refused here,
        one the register holds already in `check`."""
        given = self.given[(crime.body_id, crime.year)]
        if crime.number is None:
            return
        if crime.number in given:
            self.clashes.append(taken_number(line, crime.number, crime.year))
        else:
            given[crime.number] = line

    def lock(self) -> None:
        lock_numbering({body for body, _year in self.given})

    def check(self) -> list[RowError]:
        """Registration numbers: unique within the file and against the register; blanks get the next one
        (in `prepare`)."""
        errors = self.clashes
        years = {year for _body, year in self.given}
        existing = Crime.objects.filter(body__in={body for body, _year in self.given}, year__in=years)
        for body, year, number in existing.values_list("body", "year", "number").iterator(chunk_size=10000):
            given = self.given.get((body, year), {})
            if number in given:
                errors.append(taken_number(given[number], number, year))
            self.last[(body, year)] = max(self.last.get((body, year), 0), number)
        for (body, year), given in self.given.items():
            self.last[(body, year)] = max(self.last.get((body, year), 0), max(given, default=0))
        return errors

    def prepare(self, crime: Crime) -> None:
        if crime.number is None:
            key = (crime.body_id, crime.year)
            self.last[key] = self.last.get(key, 0) + 1
            crime.number = self.last[key]


def taken_number(line: int, number: int, year: int) -> RowError:
    return RowError(
        line,
        "number",
        _("number %(n)s is already registered by this body in %(y)s") % {"n": number, "y": year},
    )


class CrimeImportView(ImportView):
    importer_class = CrimeImporter
    domain = "crimes"
    title = gettext_lazy("Import crimes")
    list_url_name = "crimes:crime-list"
