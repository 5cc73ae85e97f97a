"""What the demonstration crime register must add up to: the board meeting's figures for the first nine
months of 2023 (DESIGN §4) and a plausible 2022 beside them.

Nothing here is read by a report: the generator turns these targets into records, and the reports
compute the figures from the records.
"""

from dataclasses import dataclass
from decimal import Decimal

# Categories that the ministry said fell in number, and whose solving it said improved.
FELL = {
    "theft": Decimal("0.93"),
    "robbery": Decimal("0.88"),
    "hooliganism": Decimal("0.91"),
    "carjacking": Decimal("0.84"),
}
SOLVING_IMPROVED = {"grievous_bodily_harm", "hooliganism", "robbery", "fraud", "extortion", "carjacking"}

# Registered crimes by category, relative (January–September 2022, the MIA and the Prosecutor's Office).
WEIGHTS = {
    "theft": 24,
    "petty_theft": 7,
    "fraud": 12,
    "drug_trafficking": 16,
    "hooliganism": 4.5,
    "traffic": 5,
    "grievous_bodily_harm": 1.6,
    "bodily_harm": 3,
    "robbery": 1.8,
    "brigandage": 0.4,
    "extortion": 0.8,
    "carjacking": 0.6,
    "murder": 0.7,
    "firearms": 2.6,
    "embezzlement": 3,
    "bribery": 1.2,
    "cybercrime": 3,
    "property_damage": 2,
    "kidnapping": 0.1,
    "human_trafficking": 0.2,
    "sexual_violence": 0.4,
    "other": 7,
}
# Crimes registered by other agencies fall in these categories.
OTHER_AGENCY_CATEGORIES = ["bribery", "embezzlement", "other", "cybercrime", "traffic"]
PROPERTY = {
    "theft",
    "petty_theft",
    "fraud",
    "robbery",
    "brigandage",
    "extortion",
    "carjacking",
    "embezzlement",
    "property_damage",
    "cybercrime",
}
ARMED = ["firearms", "murder", "brigandage", "robbery", "hooliganism", "grievous_bodily_harm"]


@dataclass(frozen=True)
class YearPlan:
    """January–September of a year, and October–December after it."""

    year: int
    mia_po: int  # registered by the MIA and the Prosecutor's Office, January–September
    mia_po_solved: int  # of those, solved by 30 September
    other: int  # registered by other agencies, January–September
    other_solved: int
    firearm: int
    compensated: Decimal  # share of the damage compensated, January–September
    petty_compensated: Decimal
    groups: int  # general criminal groups neutralized, January–September
    members: int
    wanted: int  # searches under way in January–September
    arrested: int  # of them, arrested by 30 September
    rest_of_year: int  # crimes registered October–December (all agencies)


PLANS = {
    2022: YearPlan(
        2022, 27_310, 23_960, 1_150, 520, 540, Decimal("0.772"), Decimal("0.918"), 164, 431, 1_100, 880, 9_300
    ),
    # 26,778 registered, 88.6 % solved; 86.8 % of all crimes solved; 178 groups of 466 members;
    # 83.3 % of the wanted arrested; 79 % of the damage compensated, 93.1 % for petty theft.
    2023: YearPlan(
        2023,
        26_778,
        23_725,
        1_200,
        560,
        478,
        Decimal("0.790"),
        Decimal("0.931"),
        178,
        466,
        1_200,
        1_000,
        9_100,
    ),
}
EARLIER_YEARS_SOLVED_2023 = 336  # crimes of 2022 solved in January–September 2023


def apportion(total: int, weights: dict[str, float | Decimal]) -> dict[str, int]:
    """Whole numbers in proportion to the weights that add up to exactly `total` (largest remainder)."""
    whole = sum(Decimal(str(w)) for w in weights.values())
    exact = {key: Decimal(total) * Decimal(str(w)) / whole for key, w in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    short = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:short]:
        counts[key] += 1
    return counts


def category_counts(plan: YearPlan, scale: float) -> dict[str, int]:
    """Registered crimes by category, January–September, MIA and Prosecutor's Office."""
    base = apportion(scaled(PLANS[2022].mia_po, scale), WEIGHTS)
    if plan.year == 2022:
        return base
    fell = {c: int(base[c] * FELL[c]) for c in FELL}
    rest = apportion(
        scaled(plan.mia_po, scale) - sum(fell.values()), {c: base[c] for c in base if c not in FELL}
    )
    return fell | rest


def solved_counts(plan: YearPlan, counts: dict[str, int], scale: float) -> dict[str, int]:
    """Crimes solved by 30 September by category: 2023's improved categories above 2022's rate, the rest
    taking up the difference so that the total is exact."""
    base_rate = Decimal(plan.mia_po_solved) / Decimal(plan.mia_po)
    rates = {
        c: base_rate + (Decimal("0.035") if plan.year == 2023 and c in SOLVING_IMPROVED else 0)
        for c in counts
    }
    solved = {c: int(counts[c] * rates[c]) for c in counts}
    adjustable = {c: counts[c] for c in counts if c not in SOLVING_IMPROVED and counts[c]}
    missing = scaled(plan.mia_po_solved, scale) - sum(solved.values())
    sign = 1 if missing > 0 else -1
    for category, delta in apportion(abs(missing), adjustable).items():
        solved[category] = max(0, min(counts[category], solved[category] + sign * delta))
    return solved


def scaled(count: int, scale: float) -> int:
    return round(count * scale)
