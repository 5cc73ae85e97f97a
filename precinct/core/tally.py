"""A tally: what a domain counts, declared once, from which every figure on it is derived.

A domain declares a `Tally` for each kind of thing it counts: the records, the day and the body that place
a record, the keys a figure may be cut by and the totals it may take, each said twice, as the rollup's
cells hold it and as the records hold it. From that declaration `core` derives what every figure needs:

- its value for any period and body, read from the cells (whole months and the days at the edges, see
  `core.cells`), or from the records when asked (`measures.from_records`, what `rollups verify` and the
  tests compare against);
- the body and the bodies under it (`measures.within`), the same way for every domain;
- its value month by month (for trends), in the same queries;
- the records behind it (the drill-down), with the figure's filters said on the records;
- a share's numerator and denominator, for public suppression.

A figure is then a line: `SEIZURES.figure("drugs.narcotic_mass", en, az, ru, total="milligrams",
substance_class="narcotic", weighed=True)`. The keys of one period and body are read once per report, in
one query, whatever the number of figures cut from them.

A tally without cells (few records, or a count of distinct people, which no sum of cells can give) reads
the records for every figure. A domain whose figures depend on two dates at once (crimes solved by the
period's end) overrides `from_cells` and `from_records`, and keeps the derivation of its figures.
"""

import datetime
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from precinct.core.cells import Grains, batching, summed
from precinct.core.measures import (
    OPTIONS,
    Measure,
    Scope,
    Unit,
    cached,
    declare,
    rollups_serve,
    share,
    within,
)
from precinct.core.periods import Period

Cells = dict[tuple, list[int]]


@dataclass(frozen=True)
class Key:
    """A key figures are cut by: the cells' field (joins allowed) and the same on the records (a field, or
    an expression such as "a device detected it")."""

    cells: str
    records: str | models.Expression


@dataclass(frozen=True)
class Total:
    """What a figure may total: the cells' summed column and the same as an aggregate of the records,
    with how the database's value becomes the cells' whole number (grams to milligrams, say)."""

    cells: str | None
    records: models.Aggregate
    convert: Callable[[object], int] = lambda value: int(value or 0)
    named: str = ""  # for a count of distinct things: the field that names them

    @property
    def distinct(self) -> bool:
        """A count of distinct things (people): no sum over keys gives it, so it is counted as filtered."""
        return bool(getattr(self.records, "distinct", False))


def count(cells: str | None = None) -> Total:
    """A total that counts records."""
    return Total(cells, models.Count("pk"))


def summing(field: str, cells: str | None = None, convert: Callable[[object], int] | None = None) -> Total:
    """A total that sums a field of the records (the cells' column of the same name by default)."""
    if convert is None:
        return Total(cells or field, Sum(field))
    return Total(cells or field, Sum(field), convert)


def people(field: str) -> Total:
    """A total that counts distinct people (or other things) named by a field of the records."""
    return Total(None, models.Count(field, distinct=True), named=field)


def one_of(wanted: object) -> tuple:
    """A figure's filter on a key as the values it takes: one value, or each of a tuple of values."""
    return tuple(dict.fromkeys(wanted)) if isinstance(wanted, tuple | frozenset | set | list) else (wanted,)


def matches(value: object, wanted: object) -> bool:
    """Whether a key's value meets a figure's filter: equal to it, or one of a tuple of values."""
    return value in one_of(wanted)


class Tally:
    """What a domain counts: its records (a model, or a function giving the queryset), the field of the
    day that places a record in a period (a time, local to `zone`), the field of its body, its keys and
    totals, and the cells that hold the totals by key (none for a tally of few records)."""

    def __init__(
        self,
        name: str,
        records: Callable[[], QuerySet] | type[models.Model],
        day: str,
        totals: dict[str, Total],
        keys: dict[str, Key | str] | None = None,
        grains: Grains | None = None,
        body: str = "body",
        zone: ZoneInfo | None = None,
    ) -> None:
        self.name = name
        self._records = records if callable(records) and not isinstance(records, type) else None
        self._model = records if isinstance(records, type) else None
        self.day, self.body, self.zone = day, body, zone  # a record's day is local to `zone` if a time
        self.totals = totals
        self.keys = {
            name: key if isinstance(key, Key) else Key(key, key) for name, key in (keys or {}).items()
        }
        self.grains = grains
        summed_cells = [total.cells for total in totals.values() if not total.distinct]
        if grains is not None and None in summed_cells:
            raise ValueError(f"{name}: every total but a distinct count names its column in the cells")
        if grains is None and any(summed_cells):
            raise ValueError(f"{name}: a total in the cells needs the cells")

    # The records -----------------------------------------------------------------------------------------

    def base(self) -> QuerySet:
        return self._records() if self._records else self._model._default_manager.all()

    def in_period(self, queryset: QuerySet, period: Period) -> QuerySet:
        if self.zone is None:
            return queryset.filter(**{f"{self.day}__range": (period.start, period.end)})
        start = datetime.datetime.combine(period.start, datetime.time.min, tzinfo=self.zone)
        end = datetime.datetime.combine(period.end, datetime.time.max, tzinfo=self.zone)
        return queryset.filter(**{f"{self.day}__range": (start, end)})

    def records(self, period: Period, scope: Scope) -> QuerySet:
        """The records of the period, of the scope's body and those under it, that meet its filters."""
        found = within(self.in_period(self.base(), period), scope.body, self.body)
        for name, wanted in self.filters(scope).items():
            key = self.keys[name]
            field = key.records
            if not isinstance(field, str):
                field = f"{name}_key"
                found = found.alias(**{field: key.records})
            multiple = isinstance(wanted, tuple | frozenset | set | list)
            found = found.filter(**{f"{field}__in" if multiple else field: wanted})
        return found

    def filters(self, scope: Scope) -> dict[str, object]:
        """The scope's filters that are keys of this tally."""
        return {name: value for name, value in scope.filters if name in self.keys}

    # Reading the keys' totals --------------------------------------------------------------------------

    def summary(
        self, period: Period, body, monthly: bool = False, by: tuple[str, ...] | None = None
    ) -> Cells:
        """The totals by the keys `by` (every key by default; by month first if `monthly`) for the period
        and body, read once per report."""
        by = tuple(self.keys) if by is None else by
        serve = self.grains is not None and rollups_serve(period)

        def compute() -> Cells:
            if serve:
                return self.from_cells(period, body, monthly, [self.keys[name].cells for name in by])
            return project(self.from_records(period, body, monthly), [*self.keys], by, monthly)

        return cached(("tally", self.name, body.pk, period, serve, monthly, by), compute)

    def grouping(self, scope: Scope, narrow: bool = False) -> tuple[str, ...]:
        """The keys a figure reads its tally by: all of them, so that one reading serves every figure of a
        report; but only those the figure filters on, for fewer rows, when every body is read at once or
        when it is read month by month (`narrow`: a trend is a few figures, each of twelve months)."""
        if not (narrow or batching()):
            return tuple(self.keys)
        wanted = self.filters(scope)
        return tuple(name for name in self.keys if name in wanted)

    def summed_totals(self) -> dict[str, Total]:
        return {name: total for name, total in self.totals.items() if not total.distinct}

    def from_cells(self, period: Period, body, monthly: bool, fields: list[str]) -> Cells:
        """The totals by the cells' `fields`."""
        sums = {name: Sum(total.cells) for name, total in self.summed_totals().items()}
        return summed(self.grains, body, period, ("month", *fields) if monthly else fields, sums)

    def from_records(self, period: Period, body, monthly: bool) -> Cells:
        """The totals by every key, counted on the records."""
        queryset, fields = self.keyed(self.records(period, Scope(body)))
        if monthly:
            queryset = queryset.annotate(month_key=TruncMonth(self.day, tzinfo=self.zone))
            fields.insert(0, "month_key")
        totals = self.summed_totals()
        aggregates = {f"{name}_total": total.records for name, total in totals.items()}
        if fields:
            rows = queryset.values_list(*fields).annotate(**aggregates).order_by()
        else:  # no keys: one row of totals
            rows = [tuple(queryset.aggregate(**aggregates).values())]
        found: Cells = {}
        for row in rows:
            key = tuple(
                as_date(value) if monthly and i == 0 else value for i, value in enumerate(row[: len(fields)])
            )
            found[key] = [
                total.convert(value) for total, value in zip(totals.values(), row[len(fields) :], strict=True)
            ]
        return found

    # Figures ---------------------------------------------------------------------------------------------

    def total(self, period: Period, scope: Scope, total: str, narrow: bool = False) -> int:
        """One total over the keys the scope's filters select (read by those keys alone if `narrow`)."""
        if self.totals[total].distinct:
            return self.counted(period, scope, total)
        column = list(self.summed_totals()).index(total)
        by = self.grouping(scope, narrow)
        wanted = self.filters(scope)
        names = tuple(name for name in by if name in wanted)
        grouped = self.grouped(period, scope.body, by, names)
        choices = [one_of(wanted[name]) for name in names]
        return sum(grouped[combo][column] for combo in itertools.product(*choices) if combo in grouped)

    def grouped(self, period: Period, body, by: tuple[str, ...], names: tuple[str, ...]) -> Cells:
        """The summary by the keys `by`, summed again by the keys `names` only: each figure then takes its
        total by a look-up, not by a pass over every key (a report's tables cut one summary many ways)."""

        def compute() -> Cells:
            positions = [by.index(name) for name in names]
            found: Cells = {}
            for key, values in self.summary(period, body, by=by).items():
                total = found.setdefault(tuple(key[p] for p in positions), [0] * len(values))
                for index, value in enumerate(values):
                    total[index] += value
            return found

        serve = self.grains is not None and rollups_serve(period)
        return cached(("tally.grouped", self.name, body.pk, period, serve, by, names), compute)

    def counted(self, period: Period, scope: Scope, total: str) -> int:
        """A distinct count: the things (people) named in the records that the scope's filters select."""
        selected = self.selector(scope)
        return len({row[-1] for row in self.named(period, scope.body, total) if selected(row[:-1])})

    def named(self, period: Period, body, total: str) -> list[tuple]:
        """Every key with the thing a distinct total names, once each, for the period and body: one query
        serves every figure that counts them, whatever its filters (a sum over keys could not)."""

        def compute() -> list[tuple]:
            queryset, fields = self.keyed(self.records(period, Scope(body)))
            field = self.totals[total].named
            rows = queryset.filter(**{f"{field}__isnull": False}).values_list(*fields, field).distinct()
            return list(rows.order_by())

        return cached(("tally.named", self.name, total, body.pk, period), compute)

    def keyed(self, queryset: QuerySet) -> tuple[QuerySet, list[str]]:
        """The records with every key as a field to read: its field, or its expression annotated."""
        fields: list[str] = []
        for name, key in self.keys.items():
            if isinstance(key.records, str):
                fields.append(key.records)
            else:
                queryset = queryset.annotate(**{f"{name}_key": key.records})
                fields.append(f"{name}_key")
        return queryset, fields

    def by_month(self, period: Period, scope: Scope, total: str) -> dict[datetime.date, int]:
        months = dict.fromkeys(period.months(), 0)
        if self.totals[total].distinct:
            return {month: self.counted(part, scope, total) for month, part in period.parts()}
        column = list(self.summed_totals()).index(total)
        by = self.grouping(scope, narrow=True)
        selected = self.selector(scope, by)
        for (month, *key), values in self.summary(period, scope.body, monthly=True, by=by).items():
            if selected(tuple(key)):
                months[month] = months.get(month, 0) + values[column]
        return months

    def selector(self, scope: Scope, by: tuple[str, ...] | None = None) -> Callable[[tuple], bool]:
        """A test of a summary key (by the keys `by`, every key by default) against the scope's filters
        (made once per figure)."""
        by = list(self.keys) if by is None else list(by)
        wanted = [(by.index(name), value) for name, value in self.filters(scope).items()]
        return lambda key: all(matches(key[index], value) for index, value in wanted)

    def one_each(self, total: str) -> Callable[[Period, Scope], QuerySet]:
        """The records behind a distinct count: one for each thing counted (its first record), so that the
        list has as many rows as the figure says."""
        field = self.totals[total].named

        def records(period: Period, scope: Scope) -> QuerySet:
            found = self.records(period, scope)
            first = found.order_by().values(field).annotate(first=models.Min("pk")).values("first")
            return found.model._default_manager.filter(pk__in=first)

        return records

    def span(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last day with the records it reads: their cells tell, where they have some (read
        once per report for all the tallies of that app); else the records themselves (two seeks on the
        day's index): a drugs figure of prevention events or of the crimes' parties spans those records,
        not the seizures' cells. No records at all: no day has data."""
        from precinct.core.coverage import domain_span

        found = self.cells_tell("span", domain_span)
        if found is not None:
            return found
        bounds = self.base().aggregate(first=models.Min(self.day), last=models.Max(self.day))
        if bounds["first"] is None:
            return (datetime.date.max, datetime.date.max)
        first, last = bounds["first"], bounds["last"]
        if isinstance(first, datetime.datetime):
            first, last = (moment.astimezone(self.zone).date() for moment in (first, last))
        return first, last

    def months(self) -> frozenset[datetime.date]:
        """The months in which the records it reads lie: their cells tell, where they have some (see
        `span`); else the records themselves (tallies of few records: detentions, groups, events)."""
        from precinct.core.coverage import domain_months

        found = self.cells_tell("months", domain_months)
        if found is not None:
            return found
        months = self.base().annotate(month_of=TruncMonth(self.day, tzinfo=self.zone)).order_by()
        found = months.values_list("month_of", flat=True).distinct()
        return frozenset(as_date(month) for month in found if month is not None)  # a group not neutralized

    def cells_tell(self, what: str, read: Callable[[str], object]):
        """What its domain's cells tell of where the records lie (`read`, once per report), where its
        records have cells; else None."""
        from precinct.core.coverage import rolled_up

        model = self.base().model
        if not rolled_up(model):
            return None
        domain = model._meta.app_label
        return cached((what, domain), lambda: read(domain))

    def check(self, filters: Iterable[str]) -> None:
        unknown = set(filters) - set(self.keys)
        if unknown:
            raise ValueError(f"{self.name} has no key {', '.join(sorted(unknown))}")

    def figure(
        self, name: str, en: str, az: str, ru: str, total: str, unit: str = Unit.COUNT, per: int = 1,
        records: Callable | None = None, **options,
    ) -> Measure:  # fmt: skip
        """A measure that is one total of this tally (divided by `per`: milligrams given in grams), cut by
        the keys named among the options."""
        self.check(option for option in options if option not in OPTIONS)
        if records is None and self.totals[total].distinct:
            records = self.one_each(total)

        def value(period: Period, scope: Scope):
            found = self.total(period, scope, total)
            return found if per == 1 else Decimal(found) / per

        def monthly(period: Period, scope: Scope) -> dict:
            months = self.by_month(period, scope, total)
            return months if per == 1 else {month: Decimal(n) / per for month, n in months.items()}

        return declare(
            name,
            en,
            az,
            ru,
            unit,
            value,
            records or self.records,
            monthly=monthly,
            span=self.span,
            months=self.months,
            **options,
        )

    def share(
        self, name: str, en: str, az: str, ru: str, part: str, whole: str | None = None,
        whole_ignores: tuple[str, ...] = (), whole_where: dict | None = None,
        counts: tuple[str, str] | None = None,
        records: Callable | None = None, **options,
    ) -> Measure:  # fmt: skip
        """A measure that is the share `part` / `whole` of two totals (of the same total, the whole
        ignoring the filters named in `whole_ignores`). A share of counts gives its two counts to public
        pages; a share of money names the counts it rests on (`counts`). `whole_where` sets filters of
        the whole's own (answered on time, of those considered)."""
        self.check(option for option in options if option not in OPTIONS)
        whole = whole or part

        ignored = {*whole_ignores, *(whole_where or {})}

        def of_whole(scope: Scope) -> Scope:
            kept = tuple(item for item in scope.filters if item[0] not in ignored)
            return Scope(scope.body, kept + tuple((whole_where or {}).items()))

        def parts(period: Period, scope: Scope) -> tuple[int, int]:
            if counts:
                return self.total(period, scope, counts[0]), self.total(period, of_whole(scope), counts[1])
            return self.total(period, scope, part), self.total(period, of_whole(scope), whole)

        def value(period: Period, scope: Scope):
            return share(self.total(period, scope, part), self.total(period, of_whole(scope), whole))

        return declare(
            name,
            en,
            az,
            ru,
            Unit.SHARE,
            value,
            records or self.records,
            parts=parts,
            span=self.span,
            months=self.months,
            **options,
        )


def project(cells: Cells, keys: list[str], by: tuple[str, ...], monthly: bool) -> Cells:
    """Cells by every key, summed by the keys `by` only."""
    if list(by) == keys:
        return cells
    positions = [keys.index(name) + monthly for name in by]
    found: Cells = {}
    for key, values in cells.items():
        kept = ((key[0],) if monthly else ()) + tuple(key[position] for position in positions)
        total = found.setdefault(kept, [0] * len(values))
        for index, value in enumerate(values):
            total[index] += value
    return found


def as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def flag(condition: Q) -> models.Expression:
    """A key that is whether the record meets a condition (a weighed seizure, say)."""
    return models.ExpressionWrapper(condition, output_field=models.BooleanField())


def either(condition: Q, yes: str, no: str) -> models.Expression:
    """A key that is one of two words by a condition ("device" or "patrol")."""
    return models.Case(
        models.When(condition, then=models.Value(yes)),
        default=models.Value(no),
        output_field=models.CharField(),
    )
