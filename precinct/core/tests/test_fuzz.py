"""The API fuzzed from its own OpenAPI schema (schemathesis, a bounded run): whatever a client sends, no
answer is a server error, and every answer is one the schema describes."""

import json

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from precinct.wsgi import application


def api_schema():
    described = json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True), default=str))
    schema = schemathesis.openapi.from_dict(described)
    schema.app = application
    # A bounded run: the schema's own examples and random requests (the coverage phase's thousands of
    # boundary cases would take minutes of every run of the suite).
    schema.config.phases.coverage.enabled = False
    return schema


schema = api_schema()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture
def in_process():
    """Requests served in the test's own transaction: the app must not close the connection after each
    (as Django's test client arranges)."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def token(administrator, in_process):
    from precinct.accounts import tokens
    from precinct.core.audit import Actor
    from precinct.core.models import Via

    return tokens.issue(Actor(user=administrator, via=Via.WEB), "fuzz", "write", [], 1)[1]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_request_makes_the_api_fail_or_answer_outside_its_schema(case, token):
    # What the issue asks of every answer; whether a request the schema allows is also one the API
    # accepts (an empty filter is read as none) is not checked.
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
