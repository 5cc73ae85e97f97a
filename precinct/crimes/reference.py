"""The crime register's reference data: categories and the Criminal Code's articles."""

from precinct.core.reference import load_missing, read
from precinct.crimes.models import Article, Category


def load() -> dict[str, int]:
    categories = {}
    created = load_missing(Category, read("crimes", "categories"))

    def article(row: dict) -> dict:
        if not categories:
            categories.update({c.code: c for c in Category.objects.all()})
        return {
            "code": row["code"],
            "category": categories[row["category"]],
            "gravity": row["gravity"],
            "name_az": row["title_az"],
            "name_en": row["title_en"],
            "name_ru": row["title_ru"],
        }

    return {
        "categories": created,
        "articles": load_missing(Article, read("crimes", "articles"), resolve=article),
    }
