"""An inspector opens an investigation of an employee through the form, sees its time limit, and records
the finding and the sanction decided; the employee's file then shows it in the disciplinary record."""

import datetime

import pytest

from precinct.conftest import body, make_user, sign_in
from precinct.core.audit import Actor
from precinct.core.models import Via
from precinct.core.roles import Role
from precinct.organisation.models import Position, Rank
from precinct.personnel import services
from precinct.personnel.models import Investigation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_inspector_records_an_investigation_and_the_chief_decides_its_sanction(page):
    inspector = make_user("inspector", Role.INSPECTOR, ["mia"])
    make_user("inspectors-chief", Role.INSPECTOR, ["mia"], chief=True)
    employee = services.hire(
        actor=Actor(inspector, Via.CLI),
        values={
            "personnel_number": "B00042",
            "surname": "Karimov",
            "given_name": "Orkhan",
            "body": body("baku-nasimi"),
            "rank": Rank.objects.first(),
            "position": Position.objects.first(),
        },
        joined_on=datetime.date(2012, 4, 2),
    )
    sign_in(page, "inspector")

    page.goto("/personnel/investigations/new/")
    page.fill("#id_employee", "B00042")
    page.select_option("#id_grounds", "rudeness")
    page.select_option("#id_origin", "supervisor")
    page.fill("#id_opened_on", "2023-05-02")
    page.select_option("#id_recommended", "sustained")
    page.click("button:has-text('Save')")
    page.wait_for_selector("#due")
    investigation = Investigation.objects.get()
    assert page.inner_text("#due") == f"{investigation.due_on:%d.%m.%Y}"
    page.click("text=Edit")
    assert page.is_disabled("#id_finding") and page.is_disabled("#id_sanction")  # the chief decides
    assert page.is_enabled("#id_recommended")

    page.context.clear_cookies()
    sign_in(page, "inspectors-chief")
    page.goto(investigation.get_absolute_url())
    page.click("text=Edit")
    page.fill("#id_closed_on", "2023-05-20")
    page.select_option("#id_finding", "sustained")
    page.select_option("#id_sanction", "reprimand")
    page.click("button:has-text('Save')")
    assert "order" in page.inner_text("[data-field=order_number]").lower()  # a sanction needs its order
    page.fill("#id_order_number", "123-D")
    page.fill("#id_order_date", "2023-05-21")
    page.click("button:has-text('Save')")
    page.wait_for_selector("#due")
    investigation.refresh_from_db()
    assert (investigation.finding, investigation.sanction, investigation.recommended) == (
        "sustained",
        "reprimand",
        "sustained",
    )
    page.goto(f"/personnel/{employee.pk}/")
    assert "reprimand" in page.inner_text("#discipline + ul")
