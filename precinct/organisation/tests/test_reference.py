"""The territorial bodies and the Criminal Code are there after migrating."""

import datetime

from precinct.crimes.models import Article, Category, Gravity
from precinct.organisation.models import Body, BodyKind


def test_the_tree_holds_the_ministry_and_real_departments(db):
    ministry = Body.objects.get(parent=None)
    assert ministry.kind == BodyKind.MINISTRY
    nasimi = Body.objects.get(code="baku-nasimi")
    assert Body.objects.get(code="baku").contains(nasimi) and ministry.contains(nasimi)
    assert (
        Body.objects.within(Body.objects.get(code="baku")).filter(kind=BodyKind.DISTRICT_DEPARTMENT).count()
        == 12
    )
    for code in ("ganja", "sumgait", "khankandi"):
        assert Body.objects.get(code=code).kind == BodyKind.CITY_DEPARTMENT


def test_khankandi_city_police_department_was_founded_in_2023(db):
    assert Body.objects.get(code="khankandi").founded == datetime.date(2023, 10, 15)


def test_articles_carry_category_and_gravity(db):
    theft = Article.objects.get(code="177.2.1")
    assert theft.category.code == "theft" and theft.gravity in Gravity.values
    for code in (
        "theft",
        "petty_theft",
        "robbery",
        "fraud",
        "extortion",
        "hooliganism",
        "grievous_bodily_harm",
        "carjacking",
        "drug_trafficking",
        "firearms",
    ):
        assert Article.objects.filter(category=Category.objects.get(code=code)).exists(), code
