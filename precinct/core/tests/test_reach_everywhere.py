"""Territorial reach, tried from the models rather than written for each: on the demonstration data, for
every scoped model, every interface that lists or shows its records and every persona, nothing out of
reach is returned, and "not found" looks the same as "not yours".

The interfaces are found, not listed: every web list (`ObjectListView`, with its CSV export and its
search for a record beyond reach), every detail page a record links to (`ObjectDetailView`), the
records behind every figure, every form that makes a record (its choices of bodies and records), every
suggestion list a form asks as its user types (`lookup_view`), and every API endpoint of the router (its
list, with the ids of the related records in each row, and its detail). A new scoped model, page or
endpoint is tried without a test of its own. What is "in reach" is computed here from the raw rows: the
record's body's path under one of the persona's bodies, in a domain the persona's role reads; the
interfaces may show less (disciplinary files to inspectors only, say), never more."""

import csv
import html
import io
import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from rest_framework.relations import ManyRelatedField, PrimaryKeyRelatedField, SlugRelatedField

from precinct.conftest import api_for, client_for, make_user
from precinct.core.filters import SearchFilter
from precinct.core.references import SEPARATOR
from precinct.core.roles import VIEW, Role, can
from precinct.core.scope import ScopedModel
from precinct.core.views import ObjectDetailView, ObjectListView, ServiceFormView
from precinct.organisation.demo_users import ensure_demo_users
from precinct.organisation.models import Body, User

pytestmark = [pytest.mark.long, pytest.mark.django_db]

# The demonstration users of two districts' officers, the custody, appeals and inspection roles, the
# analyst and the administrator, and someone whose account reaches no body at all.
PERSONAS = ["nasimi", "ganja", "custody", "appeals", "inspector", "analyst", "admin", "outsider"]
TRIED = 4  # records out of reach tried directly, and records in reach opened, per model and persona
HREF = re.compile(r'href="(/[^"?#]*)')
OPTION = re.compile(r'<option value="([^"]*)"')


def scoped_models() -> list[type[ScopedModel]]:
    return [model for model in apps.get_models() if issubclass(model, ScopedModel)]


def in_reach(user: User, model: type[ScopedModel], pks) -> set:
    """The records among `pks` that the persona may see, from the raw rows."""
    if not can(user, model.domain, VIEW):
        return set()
    paths = user.reach_paths()
    rows = model.objects.filter(pk__in=list(pks)).values_list("pk", f"{model.body_field}__path")
    return {pk for pk, path in rows if path and any(path.startswith(mine) for mine in paths)}


def routes() -> Iterator[tuple[str, object]]:
    """The path and view of every route that takes no argument."""

    def walk(patterns, prefix: str) -> Iterator[tuple[str, object]]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and "<" not in route and "(?P" not in route:
                yield "/" + route.lstrip("^").rstrip("$"), pattern.callback

    yield from walk(get_resolver().url_patterns, "")


def web_lists() -> Iterator[tuple[str, type[ScopedModel]]]:
    """Every web list of a scoped model."""
    for path, callback in routes():
        view = getattr(callback, "view_class", None)
        if view and issubclass(view, ObjectListView) and view.model:
            yield path, view


def new_record_forms() -> Iterator[str]:
    """The path of every form that makes a new record."""
    for path, callback in routes():
        view = getattr(callback, "view_class", None)
        if view and issubclass(view, ServiceFormView):
            yield path


def lookups() -> Iterator[tuple[str, object]]:
    """Every suggestion list a form field asks as its user types."""
    for path, callback in routes():
        if getattr(callback, "reference", None):
            yield path, callback.reference


def search_of(view) -> tuple[str, str] | None:
    """A list's free-text search: its parameter and a plain field it searches."""
    for name, found in view.filterset_class.base_filters.items():
        if isinstance(found, SearchFilter):
            plain = [field for field in found.search_fields if "__" not in field]
            return (name, plain[0]) if plain else None
    return None


def detail_of(path: str) -> tuple[type[ScopedModel], object] | None:
    """The scoped record a path shows, when it is a detail page."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", None)
    if view and issubclass(view, ObjectDetailView) and view.model and "pk" in match.kwargs:
        return view.model, match.kwargs["pk"]
    return None


def api_endpoints() -> Iterator[tuple[str, object]]:
    from precinct.urls import router

    for prefix, viewset, _basename in router.registry:
        if getattr(viewset, "model", None) and issubclass(viewset.model, ScopedModel):
            yield prefix, viewset


def related_fields(viewset) -> Iterator[tuple[str, type[ScopedModel], str]]:
    """The fields of an endpoint's rows that name related scoped records (by id, or by a code), with the
    field they are named by."""
    model = viewset.model
    for name, field in viewset.serializer_class().fields.items():
        relation = field.child_relation if isinstance(field, ManyRelatedField) else field
        if isinstance(relation, PrimaryKeyRelatedField):
            lookup = "pk"
        elif isinstance(relation, SlugRelatedField):
            lookup = relation.slug_field
        else:
            continue
        try:
            related = model._meta.get_field(field.source.split(".")[0]).related_model
        except Exception:  # a source that is no model field (a method, a property)
            continue
        if related and issubclass(related, ScopedModel):
            yield name, related, lookup


class Findings:
    def __init__(self) -> None:
        self.found: list[str] = []

    def check(self, user: User, model: type[ScopedModel], pks, where: str) -> None:
        pks = set(pks)
        beyond = pks - in_reach(user, model, pks)
        if beyond:
            self.found.append(f"{user.username}: {where} shows {model._meta.label} {sorted(beyond)[:5]}")

    def same(self, user: User, got, missing, where: str) -> None:
        shown, absent = normalised(got.content), normalised(missing.content)
        if (got.status_code, shown) != (missing.status_code, absent):
            lines = zip(shown.splitlines(), absent.splitlines(), strict=False)
            differ = next((pair for pair in lines if pair[0] != pair[1]), "")
            self.found.append(
                f"{user.username}: {where} answers {got.status_code}, a missing one {missing.status_code}: "
                f"{differ}"
            )


# What differs between any two answers: the masked CSRF token, and a script's nonce.
PER_ANSWER = re.compile(rb'("X-CSRFToken": "|name="csrfmiddlewaretoken" value="|nonce=")[^"]*')


def normalised(content: bytes) -> bytes:
    return PER_ANSWER.sub(rb"\1", content)


def links(findings: "Findings", user: User, page: str, where: str) -> None:
    """Every record a page links to is in reach."""
    for path in set(HREF.findall(page)):
        shown = detail_of(path)
        if shown:
            findings.check(user, shown[0], [int(shown[1])], f"{where} (a link to {path})")


def test_nothing_out_of_reach_is_returned_counted_or_hinted_at_anywhere():
    ensure_demo_users("precinct-demo")
    call_command("demo-data", scale=0.01, user="admin", verbosity=0)
    make_user("outsider", Role.OFFICER, [])
    models = scoped_models()
    assert len(models) >= 25 and len(list(web_lists())) >= 15 and len(list(api_endpoints())) >= 15
    findings, tried = Findings(), set()
    for username in PERSONAS:
        user = User.objects.get(username=username)
        web = client_for(user)
        try_lists(findings, user, web)
        for model in models:
            if hasattr(model, "get_absolute_url"):
                tried |= try_pages(findings, user, web, model)
        try_lookups(findings, user, web)
        try_forms(findings, user, web)
        if username not in ("analyst", "admin"):  # they reach every body: nothing lies beyond
            try_drill_downs(findings, user, web)
        try_api(findings, user, api_for(user, scope="read"))
    assert not findings.found, "\n".join(findings.found)
    # Not vacuous: every model with pages of its own had records out of someone's reach, and they were tried.
    paged = {model for model in models if hasattr(model, "get_absolute_url") and model.objects.exists()}
    paged = {model for model in paged if detail_of(model.objects.first().get_absolute_url())}
    assert len(paged) >= 12 and tried == paged, sorted(model._meta.label for model in paged - tried)


def try_lists(findings: "Findings", user: User, web) -> None:
    """Each list, a search in it for records beyond reach, and its CSV export."""
    beyond = {body.name for body in Body.objects.all()} - reachable(user)
    for path, view in web_lists():
        page = web.get(path)
        if page.status_code != 200:
            continue
        links(findings, user, page.content.decode(), path)
        if search := search_of(view):  # searching for what lies beyond finds nothing of it
            parameter, field = search
            for record in out_of_reach(user, view.model):
                asked = {parameter: str(getattr(record, field))[:40]}
                links(findings, user, web.get(path, asked).content.decode(), f"{path}?{asked}")
        export = web.get(path, {"export": "csv"})
        if export.status_code == 200:
            content = b"".join(export.streaming_content) if export.streaming else export.content
            rows = list(csv.reader(io.StringIO(content.decode())))
            for column, heading in enumerate(rows[0] if rows else []):
                named = {row[column] for row in rows[1:]} & beyond if heading == "Territorial body" else set()
                if named:
                    findings.found.append(f"{user.username}: {path} CSV names {sorted(named)[:3]}")


def try_pages(findings: "Findings", user: User, web, model: type[ScopedModel]) -> set:
    """A record's page beyond reach answers as one that does not exist; the links on a page within
    reach lead only within it. Returns the model, when it has pages of its own and one was tried."""
    tried = set()
    missing_pk = unused_pk(model)
    for record in out_of_reach(user, model):
        url = record.get_absolute_url()
        if detail_of(url) is None:
            return tried  # not a page of its own (an item shown on its parent's page)
        tried.add(model)
        missing_url = url.replace(f"/{record.pk}/", f"/{missing_pk}/")
        got, missing = web.get(url), web.get(missing_url)
        got.content = got.content.replace(url.encode(), missing_url.encode())
        findings.same(user, got, missing, url)
    for record in within_reach(user, model):
        url = record.get_absolute_url()
        page = web.get(url)
        if page.status_code == 200:
            links(findings, user, page.content.decode(), url)
    return tried


def try_lookups(findings: "Findings", user: User, web) -> None:
    """Typing the key or the name of a record beyond reach is offered nothing of it."""
    for path, reference in lookups():
        for record in out_of_reach(user, reference.model):
            for text in (reference.key(record), str(reference.label(record))[:30]):
                offered = OPTION.findall(web.get(path, {"q": text}).content.decode())
                keys = [html.unescape(option).split(SEPARATOR)[0] for option in offered]
                found = [reference.find(reference.model.objects.all(), key) for key in keys]
                findings.check(user, reference.model, [one.pk for one in found if one], f"{path}?q={text}")


def try_forms(findings: "Findings", user: User, web) -> None:
    """A form offers, in its choices and its lookups, only bodies and records within reach."""
    bodies = {body.pk for body in Body.objects.all() if any(map(body.path.startswith, user.reach_paths()))}
    for path in new_record_forms():
        page = web.get(path)
        if page.status_code != 200:
            continue
        form = page.context["form"]
        owner = getattr(getattr(form, "_meta", None), "model", None)
        for name, field in form.fields.items():
            offered = getattr(field, "queryset", None)
            if offered is None:
                continue
            where = f"{path} ({name})"
            # The organisation itself is public (a reception day names the districts whose citizens it
            # receives); the body a record is filed under must be one in reach.
            if offered.model is Body and name == getattr(owner, "body_field", "body"):
                beyond = set(offered.values_list("pk", flat=True)) - bodies
                if beyond:
                    findings.found.append(f"{user.username}: {where} offers bodies {sorted(beyond)[:5]}")
            elif issubclass(offered.model, ScopedModel):
                findings.check(user, offered.model, offered.values_list("pk", flat=True), where)


def try_drill_downs(findings: "Findings", user: User, web) -> None:
    """The records behind every figure, for the broadest body in reach, lead only within reach; a body
    beyond reach is refused as one that does not exist."""
    from precinct.reports.engine import all_measures

    if not can(user, "reports"):
        return
    asked = {"start": "2023-01-01", "end": "2023-12-31"}
    measures = [name for name, measure in all_measures(user).items() if measure.records is not None]
    for name in measures:
        page = web.get("/reports/records/", {"measure": name, **asked})
        if page.status_code == 200:
            links(findings, user, page.content.decode(), f"/reports/records/?measure={name}")
    beyond = Body.objects.exclude(pk__in=[body.pk for body in Body.objects.visible_to(user)]).first()
    if beyond and measures:
        asked["measure"] = measures[0]
        missing = Body.objects.order_by("-pk").first().pk + 1000
        got = web.get("/reports/records/", {**asked, "body": beyond.pk})
        findings.same(
            user, got, web.get("/reports/records/", {**asked, "body": missing}), "records of a body"
        )


def try_api(findings: "Findings", user: User, api) -> None:
    """Each endpoint's list, with the records its rows name, and its detail of a record beyond reach."""
    for prefix, viewset in api_endpoints():
        model = viewset.model
        answer = api.get(f"/api/{prefix}/", {"page_size": 100})
        if answer.status_code == 200:
            rows = answer.json()["results"]
            findings.check(user, model, [row["id"] for row in rows], f"/api/{prefix}/")
            for name, related, lookup in related_fields(viewset):
                named = [row[name] for row in rows if row.get(name) is not None]
                flat = [one for value in named for one in (value if isinstance(value, list) else [value])]
                pks = related.objects.filter(**{f"{lookup}__in": flat}).values_list("pk", flat=True)
                findings.check(user, related, pks, f"/api/{prefix}/ ({name})")
        missing_pk = unused_pk(model)
        for record in out_of_reach(user, model):
            got, missing = api.get(f"/api/{prefix}/{record.pk}/"), api.get(f"/api/{prefix}/{missing_pk}/")
            findings.same(user, got, missing, f"/api/{prefix}/{record.pk}/")


def unused_pk(model: type[ScopedModel]) -> int:
    """A key no record of the model has: what "not found" answers for."""
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 10_000


def out_of_reach(user: User, model: type[ScopedModel]) -> list:
    """A few records the persona may not see, newest first."""
    return sample(user, model, beyond=True)


def within_reach(user: User, model: type[ScopedModel]) -> list:
    return sample(user, model, beyond=False)


def sample(user: User, model: type[ScopedModel], beyond: bool) -> list:
    newest = list(model.objects.order_by("-pk").values_list("pk", flat=True)[:500])
    mine = in_reach(user, model, newest)
    chosen = [pk for pk in newest if (pk not in mine) == beyond][:TRIED]
    return list(model.objects.filter(pk__in=chosen).order_by("-pk"))


def reachable(user: User) -> set[str]:
    """The names of the bodies in the persona's reach."""
    return {body.name for body in Body.objects.all() if any(map(body.path.startswith, user.reach_paths()))}
