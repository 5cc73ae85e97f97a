"""The period-comparison engine: every domain's section, computed for a period, a body and the same
period a year before."""

import datetime
from dataclasses import dataclass, field

from precinct.core.discovery import app_modules
from precinct.core.measures import Figure, Measure, Scope, Section, Table, Unit, computing, open_to
from precinct.core.periods import Period


def sections(user=None) -> list[Section]:
    """The report sections the domain apps declare (`SECTION` in their measures.py), in order; those
    given to `user` when one is named (see `measures.open_to`)."""
    found = [module.SECTION for module in app_modules("measures") if hasattr(module, "SECTION")]
    return sorted((s for s in found if open_to(s, user)), key=lambda section: section.order)


def all_measures(user=None) -> dict[str, Measure]:
    measures: dict[str, Measure] = {}
    for section in sections(user):
        for measure in section.measures:
            measures[measure.name] = measure
        for table in section.tables:
            for _label, row in table.rows():
                measures.update({measure.name: measure for measure in row})
    return measures


def figure(measure: Measure, period: Period, scope: Scope) -> Figure:
    if not measure.has_data(period) and not measure.has_data(period.comparison):
        # No record of the domain in either period: nothing to count, so nothing is read (the windows of
        # every body ask this of every domain, most of which keep nothing in a week).
        return Figure(measure, None if measure.unit == Unit.SHARE else 0, None, previous_known=False)
    if not measure.known(period.comparison):
        return Figure(measure, measure.value(period, scope), None, previous_known=False)
    return Figure(measure, measure.value(period, scope), measure.value(period.comparison, scope))


def period_dict(period: Period) -> dict[str, str]:
    return {"from": period.start.isoformat(), "to": period.end.isoformat()}


@dataclass
class TableResult:
    table: Table
    rows: list[tuple[str, list[Figure]]]


@dataclass
class TrendResult:
    """A measure month by month: each month of the period beside the same month a year before."""

    measure: Measure
    months: list[tuple[datetime.date, Figure]]


@dataclass
class SectionResult:
    section: Section
    figures: list[Figure]
    tables: list[TableResult] = field(default_factory=list)
    trends: list[TrendResult] = field(default_factory=list)

    def figure(self, name: str) -> Figure:
        return next(figure for figure in self.figures if figure.measure.name == name)


def trend(measure: Measure, period: Period, scope: Scope) -> TrendResult:
    current = measure.by_month(period, scope)
    previous = measure.by_month(period.comparison, scope)
    return TrendResult(
        measure,
        [
            (month, Figure(measure, current.get(month), previous.get(earlier)))
            for month, earlier in zip(period.months(), period.comparison.months(), strict=True)
        ],
    )


@dataclass
class Report:
    period: Period
    body: object
    sections: list[SectionResult]

    @property
    def comparison(self) -> Period:
        return self.period.comparison

    def as_dict(self) -> dict:
        """The form for other systems: periods, body, and each section's figures."""
        return {
            "period": period_dict(self.period),
            "comparison_period": period_dict(self.comparison),
            "body": {"code": self.body.code, "name": self.body.name},
            "sections": [
                {
                    "name": result.section.name,
                    "label": result.section.label,
                    "figures": [figure.as_dict() for figure in result.figures],
                    "tables": [
                        {
                            "name": table.table.name,
                            "label": table.table.label,
                            "rows": [
                                {"label": label, "figures": [f.as_dict() for f in row]}
                                for label, row in table.rows
                            ],
                        }
                        for table in result.tables
                    ],
                    "trends": [
                        {
                            "measure": trend.measure.name,
                            "label": trend.measure.label,
                            "months": [
                                {
                                    "month": month.isoformat()[:7],
                                    "value": figure.as_dict()["value"],
                                    "previous": figure.as_dict()["previous"],
                                }
                                for month, figure in trend.months
                            ],
                        }
                        for trend in result.trends
                    ],
                }
                for result in self.sections
            ],
        }


@computing()
def board_report(period: Period, body, user=None) -> Report:
    """Every section given to `user` (all of them for the system itself), for the period and body."""
    scope = Scope(body)
    results = []
    for section in sections(user):
        result = SectionResult(section, [figure(measure, period, scope) for measure in section.measures])
        for table in section.tables:
            rows = [(label, [figure(m, period, scope) for m in row]) for label, row in table.rows()]
            result.tables.append(TableResult(table, rows))
        result.trends = [trend(measure, period, scope) for measure in section.trends]
        results.append(result)
    return Report(period, body, results)
