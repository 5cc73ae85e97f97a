"""The people of the load test (see `bench/load.py`): each request is named by its kind ("list", "detail",
"api", "report") and what it opens, so that the figures can be read by kind."""

import json
import os
import random

from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["PRECINCT_LOAD_PLAN"]).read())  # noqa: SIM115
PAUSE = between(*PLAN["pause"])


class SignedIn(HttpUser):
    abstract = True
    kind = ""
    wait_time = PAUSE

    def on_start(self) -> None:
        sessions = PLAN["sessions"][self.kind]
        self.client.cookies.set(PLAN["cookie"], sessions[random.randrange(len(sessions))])

    def page(self, name: str, url: str) -> None:
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")


class Officer(SignedIn):
    """A district officer: the crime register, a crime, the wanted list, seizures."""

    kind = "officer"
    weight = 3

    @task(3)
    def crimes(self) -> None:
        self.page("list: crimes", "/crimes/")

    @task(3)
    def crime(self) -> None:
        self.page("detail: crime", f"/crimes/{random.choice(PLAN['crimes'])}/")

    @task
    def wanted(self) -> None:
        self.page("list: wanted", "/crimes/wanted/")

    @task
    def seizures(self) -> None:
        self.page("list: seizures", "/drugs/")

    @task
    def dashboard(self) -> None:
        self.page("report: dashboard", "/")


class Analyst(SignedIn):
    """An analyst: the board report, the violations list, crimes nationally."""

    kind = "analyst"
    weight = 1

    @task
    def board(self) -> None:
        self.page("report: board", "/reports/board/?start=2023-01-01&end=2023-09-30")

    @task(2)
    def violations(self) -> None:
        self.page("list: violations", "/traffic/")

    @task(2)
    def crime(self) -> None:
        self.page("detail: crime", f"/crimes/{random.choice(PLAN['national_crimes'])}/")


class AppealsOfficer(SignedIn):
    """An appeals officer: their applications and one of them."""

    kind = "appeals"
    weight = 2

    @task(2)
    def applications(self) -> None:
        self.page("list: applications", "/appeals/")

    @task(2)
    def application(self) -> None:
        self.page("detail: application", f"/appeals/{random.choice(PLAN['applications'])}/")


class ApiClient(HttpUser):
    """Another system reading through the API with a token."""

    weight = 1
    wait_time = PAUSE

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {random.choice(PLAN['tokens'])}"

    @task(2)
    def crimes(self) -> None:
        self.client.get("/api/crimes/", name="api: crimes")

    @task
    def crime(self) -> None:
        self.client.get(f"/api/crimes/{random.choice(PLAN['national_crimes'])}/", name="api: crime")

    @task
    def violations(self) -> None:
        self.client.get("/api/violations/", name="api: violations")
