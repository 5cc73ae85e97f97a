"""The crime register's rollup: monthly sums per body (and every body above it) and key."""

from decimal import Decimal

from precinct.core.rollups import ChainedRollup
from precinct.crimes.models import NEVER, Article, Crime, CrimeMonth, Partner


class CrimeMonthRollup(ChainedRollup):
    source = Crime
    model = CrimeMonth
    keys = ["body_id", "month", "solved_month", "category_id", "gravity", "agency"]
    sums = ["crimes", "firearm", "joint", "damage", "compensated"]

    def __init__(self) -> None:
        self.articles: dict[int, tuple[int, str]] = {}

    def article(self, article_id: int) -> tuple[int, str]:
        if article_id not in self.articles:
            self.articles = {a.pk: (a.category_id, a.gravity) for a in Article.objects.all()}
        return self.articles[article_id]

    def cells(self, crime: Crime):
        category, gravity = self.article(crime.article_id)
        month = crime.registered_on.replace(day=1)
        solved_month = crime.solved_on.replace(day=1) if crime.solved_on else NEVER
        sums = [
            1,
            int(crime.firearm),
            int(crime.solved_with == Partner.PROSECUTOR),
            int(Decimal(crime.damage) * 100),
            int(Decimal(crime.compensated) * 100),
        ]
        for body in self.chain(crime.body_id):
            yield (body, month, solved_month, category, gravity, crime.agency), sums
