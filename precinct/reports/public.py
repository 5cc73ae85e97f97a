"""The public statistics page: national figures only, no personal data, and nothing that a subtraction
of two published figures could take apart.

- Periods are whole months, quarters and years that have ended, and only those with records: no period
  of days can be asked for, so that 1 January–5 May minus 1 January–4 May gives nothing away.
- A count that could point at persons is withheld below `PUBLIC_MIN_COUNT`; a share is
  withheld when its numerator or its denominator is; counts that say nothing of persons (how many cities
  held reception days) are published as they are.
- Secondary suppression over the whole tree of a year (the year, its quarters, its months): in every sum of
  parts to their total, a figure is withheld in none of them or in two or more, the smallest others first,
  and the parts withheld beside a total shown never add up to a small count; so no subtraction of figures
  shown (a year less its twelve months, a quarter less two of its months) gives a withheld one back. A
  share counts as its numerator, which the share and its whole give back.
- The parts of one whole (the crimes of each gravity class; those registered by the MIA and the
  prosecutor's office) are withheld together when one is, or when what they leave of the whole is small.
- The page is cached per period and language, keyed by the figures' generation, which every change of
  the records advances: each process serves the cache until the records change, and never after.
"""

import calendar
import datetime
from dataclasses import dataclass
from functools import partial

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from precinct.core.coverage import months_with_records
from precinct.core.measures import Measure, Scope, Unit, computing
from precinct.core.periods import Period
from precinct.core.rollups import generation, kept
from precinct.organisation.models import Body
from precinct.reports.engine import board_report


class Withheld:
    """A figure not published: too small, or one that would give a small one back. Every such figure is
    shown alike ("withheld"), so that the page does not tell which of them are the small ones."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold


@dataclass(frozen=True)
class Published:
    key: str  # "2023", "2023-Q3", "2023-09"
    label: str
    period: Period


def month(year: int, number: int) -> Period:
    last = calendar.monthrange(year, number)[1]
    return Period(datetime.date(year, number, 1), datetime.date(year, number, last))


def quarter(year: int, number: int) -> Period:
    return Period(month(year, 3 * number - 2).start, month(year, 3 * number).end)


def publishable() -> list[Published]:
    """Every whole year, quarter and month that has ended and has records, newest first."""
    months = months_with_records()
    if not months:
        return []
    today = timezone.localdate()
    periods = []
    for year in range(max(months).year, min(months).year - 1, -1):
        candidates = [(str(year), str(year), Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))]
        candidates += [(f"{year}-Q{n}", f"{year}, Q{n}", quarter(year, n)) for n in range(4, 0, -1)]
        candidates += [(f"{year}-{n:02}", f"{n:02}.{year}", month(year, n)) for n in range(12, 0, -1)]
        for key, label, period in candidates:
            if period.end < today and any(m in months for m in period.months()):
                periods.append(Published(key, label, period))
    return periods


def latest(periods: list[Published]) -> Published | None:
    """The latest complete quarter with records (a month, when no quarter has ended yet)."""
    quarters = [p for p in periods if "-Q" in p.key]
    return (quarters or periods or [None])[0]


class PublicPeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))

    def __init__(self, *args, periods: list[Published], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.key, p.label) for p in periods]


def small(value, threshold: int) -> bool:
    return value is not None and 0 < value < threshold


def primary(measure: Measure, period: Period, scope: Scope, threshold: int) -> bool:
    """Whether a figure is withheld on its own account."""
    if measure.unit == Unit.SHARE:
        parts = measure.counts(period, scope)
        return parts is None or any(small(part, threshold) for part in parts)
    if measure.unit == Unit.COUNT and measure.personal:
        return small(measure.value(period, scope), threshold)
    return False


def count_of(measure: Measure, period: Period, scope: Scope):
    """A figure's count: its value, or a share's numerator (which the share and its whole give back)."""
    if measure.unit == Unit.SHARE:
        parts = measure.counts(period, scope)
        return parts[0] if parts else None
    return measure.value(period, scope)


def guarded(measure: Measure) -> bool:
    """Whether a figure's count is one that suppression protects."""
    return measure.unit == Unit.SHARE or (measure.unit == Unit.COUNT and measure.personal)


def with_parts_withheld(measures: list[Measure], hidden: set[str], period: Period, scope: Scope,
                        threshold: int) -> set[str]:  # fmt: skip
    """The withheld figures, with the parts of one whole (`Measure.part_of`) withheld together when one
    of them is, or when what they leave of the whole is small: the whole less the parts shown would
    give it back (crimes of the four gravity classes; registered by the MIA and the prosecutor's office,
    and so by the other agencies). A share is withheld with the count it is a share of (`Measure.of`)."""
    by_name = {measure.name: measure for measure in measures}
    groups: dict[str, list[Measure]] = {}
    for measure in measures:
        if measure.part_of:
            groups.setdefault(measure.part_of, []).append(measure)
    hidden = set(hidden)
    hidden |= {measure.name for measure in measures if measure.of in hidden}
    for whole, parts in groups.items():
        names = {part.name for part in parts}
        counts = [count_of(part, period, scope) for part in parts]
        total = count_of(by_name[whole], period, scope) if whole in by_name else None
        rest = None if total is None or None in counts else total - sum(counts)
        # A part alone is a partition with the rest of its whole (the MIA's crimes beside every other
        # agency's), whatever other parts of the same whole are declared beside it.
        alone = total is not None and any(small(total - n, threshold) for n in counts if n is not None)
        if names & hidden or small(rest, threshold) or alone:
            hidden |= names
    return hidden


def own_hidden(measures: list[Measure], period: Period, scope: Scope, threshold: int) -> set[str]:
    """The figures withheld in a period on its own account: too small, or a part of a whole that is."""
    hidden = {measure.name for measure in measures if primary(measure, period, scope, threshold)}
    return with_parts_withheld(measures, hidden, period, scope, threshold)


def year_tree(year: int) -> dict[str, Period]:
    """The periods of a year that add up: the year, its quarters and its months, by key."""
    tree = {str(year): Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))}
    tree |= {f"{year}-Q{n}": quarter(year, n) for n in range(1, 5)}
    tree |= {f"{year}-{n:02}": month(year, n) for n in range(1, 13)}
    return tree


def relations(year: int) -> list[tuple[str, list[str]]]:
    """Each total of the year's tree with the parts it is the sum of."""
    found = [(str(year), [f"{year}-Q{n}" for n in range(1, 5)])]
    found += [(f"{year}-Q{n}", [f"{year}-{m:02}" for m in range(3 * n - 2, 3 * n + 1)]) for n in range(1, 5)]
    return found


def complement(parts: list[str], total: str, hidden: set[str], value: dict[str, int]) -> str | None:
    """The cell to withhold beside the others of a relation: the smallest part shown that is not zero
    (a zero withheld protects nothing), else its total, else a part shown."""
    shown = [part for part in parts if part not in hidden]
    nonzero = sorted((value[part], part) for part in shown if value[part])
    if nonzero:
        return nonzero[0][1]
    if total not in hidden:
        return total
    return shown[0] if shown else None


def withheld_in_year(measures: list[Measure], year: int, scope: Scope, threshold: int) -> dict[str, set[str]]:
    """The figures withheld in each period of a year's tree, so that no sum or difference of those shown
    gives one back: in each relation of a total to its parts (a year to its quarters, a quarter to its
    months), a figure is withheld in no cell or in two or more, and the parts withheld beside a total shown
    do not add up to a small count. Periods not published (not ended, or without records) count as
    withheld, as nothing of them is shown. Repeated until nothing more is withheld, as withholding a
    cell for one relation may open another (a quarter withheld beside its year makes its months a
    relation with one cell withheld)."""
    published = {p.key for p in publishable()}
    tree = year_tree(year)
    every = {measure.name for measure in measures}
    hidden = {
        key: own_hidden(measures, period, scope, threshold) if key in published else set(every)
        for key, period in tree.items()
    }
    values = {
        measure.name: {key: count_of(measure, period, scope) or 0 for key, period in tree.items()}
        for measure in measures
        if guarded(measure)
    }
    changed = True
    while changed:
        changed = False
        for name, value in values.items():
            for total, parts in relations(year):
                cells = [total, *parts]
                if not any(value[cell] for cell in cells):
                    continue  # all zero: counts are never negative, so nothing withheld could hide them
                withheld = {cell for cell in cells if name in hidden[cell]}
                parts_withheld = [part for part in parts if part in withheld]
                summed_small = total not in withheld and small(
                    sum(value[p] for p in parts_withheld), threshold
                )
                if len(withheld) == 1 or (parts_withheld and summed_small):
                    cell = complement(parts, total, withheld, value)
                    if cell is not None:
                        hidden[cell].add(name)
                        changed = True
        for key, period in tree.items():
            if key in published:
                widened = with_parts_withheld(measures, hidden[key], period, scope, threshold)
                changed |= widened != hidden[key]
                hidden[key] = widened
    return hidden


def hidden_in(measures: list[Measure], published: Published, scope: Scope, threshold: int):
    """The figures withheld in a published period and in its year before (see `withheld_in_year`); the
    year's suppression is kept while the figures' generation stands, for every period of it."""
    found = []
    for period in (published.period, published.period.comparison):
        year = period.start.year
        tree = kept(("public", year, threshold), partial(withheld_in_year, measures, year, scope, threshold))
        key = next(key for key, each in year_tree(year).items() if each == period)
        found.append(tree[key])
    return found


def figures_html(published: Published, threshold: int) -> str:
    """The page's figures, rendered: what the cache keeps."""
    body = Body.objects.get(parent=None)
    report = board_report(published.period, body)
    scope = Scope(body)
    shown = []
    with computing():
        measures = [figure.measure for result in report.sections for figure in result.figures]
        hidden, hidden_before = hidden_in(measures, published, scope, threshold)
        for result in report.sections:
            figures = []
            for figure in result.figures:
                measure, value, previous = figure.measure, figure.value, figure.previous
                if measure.name in hidden:
                    value = Withheld(threshold)
                if measure.name in hidden_before:
                    previous = Withheld(threshold)
                figures.append((measure, value, previous))
            shown.append((result.section.label, figures))
    context = {"report": report, "rows": shown, "threshold": threshold, "published": published}
    return render_to_string("reports/_public_figures.html", context)


def statistics(request):
    """Open without log-in: the whole country, for a month, a quarter or a year that has ended."""
    periods = publishable()
    chosen = latest(periods)
    form = PublicPeriodForm(request.GET or None, periods=periods)
    if request.GET and form.is_valid():
        chosen = next(p for p in periods if p.key == form.cleaned_data["period"])
    elif not request.GET and chosen:
        form = PublicPeriodForm(initial={"period": chosen.key}, periods=periods)
    context = {"form": form, "published": chosen}
    if chosen and not (request.GET and not form.is_valid()):
        threshold = settings.PUBLIC_MIN_COUNT
        key = f"public:{generation()}:{chosen.key}:{get_language()}:{threshold}"
        context["figures"] = cache.get(key)
        if context["figures"] is None:
            context["figures"] = figures_html(chosen, threshold)
            cache.set(key, context["figures"], 24 * 3600)
    return render(request, "reports/public.html", context)
