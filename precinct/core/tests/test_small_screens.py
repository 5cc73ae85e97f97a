"""On a phone (390 px wide) the main menu folds away behind its button, and no page runs off the screen:
toolbars wrap and wide tables scroll within themselves."""

import pytest

from precinct.conftest import make_user, register, sign_in
from precinct.core.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/crimes/",
    "/appeals/",
    "/custody/watch/",
    "/personnel/investigations/",
    "/reports/board/?start=2023-01-01&end=2023-09-30&body=mia",
    "/reports/press/?start=2023-01-01&end=2023-09-30&body=mia",
]
# Elements reaching past the right edge, outside anything that scrolls on its own.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-responsive"))
    .map((el) => `${el.tagName}.${el.className}`).slice(0, 5);
}"""


def test_a_phone_folds_the_menu_and_nothing_runs_off_the_screen(page):
    administrator = make_user("admin-phone", Role.ADMINISTRATOR, ["mia"])
    register(administrator)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "admin-phone")
    menu = page.locator("#main-menu")
    assert not menu.is_visible()
    page.click(".nav-toggle")
    assert menu.is_visible() and page.locator("#main-menu >> text=Board report").is_visible()
    assert page.get_attribute(".nav-toggle", "aria-expanded") == "true"
    for path in PAGES:
        page.goto(path)
        assert page.evaluate(OVERFLOW) == [], path
    page.set_viewport_size({"width": 1400, "height": 900})
    assert page.locator("#main-menu >> text=Board report").is_visible()  # a row on a wide screen
