"""Choosing a related record by typing: a key per record, a search for the lookup list, and form fields.

A select of every crime in reach would list tens of thousands of options; instead a field takes the
record's key ("baku-nasimi/2023/889" for a crime, "#1234" for a person), offered as the user types.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Model, Q, QuerySet
from django.http import HttpResponse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from precinct.core.audit import Actor, record_export
from precinct.core.filters import MAX_SEARCH_WORDS

SEPARATOR = " — "


@dataclass(frozen=True)
class Reference:
    """How records of one model are named in forms and found again."""

    model: type[Model]
    key: Callable[[Model], str]
    find: Callable[[QuerySet, str], Model | None]
    search_fields: tuple[str, ...]
    label: Callable[[Model], str] = str
    related: tuple[str, ...] = ()
    personal: bool = False  # whether a suggestion names a person (its reads are audited)

    def text(self, obj: Model) -> str:
        return f"{self.key(obj)}{SEPARATOR}{self.label(obj)}"

    def search(self, queryset: QuerySet, text: str, limit: int = 20) -> list[Model]:
        queryset = queryset.select_related(*self.related)
        found = self.find(queryset, text.split(SEPARATOR)[0].strip())
        if found is not None:
            return [found]
        for word in text.split()[:MAX_SEARCH_WORDS]:
            condition = Q()
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return list(queryset[:limit])


class LookupInput(forms.TextInput):
    """A text input whose suggestions come from a lookup URL as the user types."""

    template_name = "core/widgets/lookup.html"

    def __init__(self, url: str = "", attrs=None) -> None:
        super().__init__(attrs)
        self.url = url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = f"{context['widget']['attrs'].get('id', name)}-options"
        context["widget"]["attrs"].update(
            {
                "list": options,
                "autocomplete": "off",
                "hx-get": self.url,
                "hx-trigger": "input changed delay:300ms",
                "hx-target": f"#{options}",
            }
        )
        context["widget"]["options_id"] = options
        return context


class ReferenceField(forms.Field):
    """One record (or, with `many`, one per line) given by its key; only records in `queryset` are found."""

    def __init__(self, reference: Reference, *, url: str = "", many: bool = False, **kwargs) -> None:
        self.reference, self.many = reference, many
        self.queryset = reference.model._default_manager.none()
        widget = forms.Textarea(attrs={"rows": 4}) if many else LookupInput(url)
        super().__init__(widget=widget, **kwargs)

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, Model):
            return self.reference.text(value)
        if isinstance(value, int):
            found = self.queryset.filter(pk=value).first()
            return self.reference.text(found) if found else ""
        return "\n".join(self.prepare_value(item) for item in value)

    def to_python(self, value):
        if isinstance(value, Model) or (isinstance(value, int) and not isinstance(value, bool)):
            # A closed (disabled) field gives back its initial value, the record or its id, not text.
            pk = value.pk if isinstance(value, Model) else value
            found = self.queryset.filter(pk=pk).first()
            if found is None:
                raise forms.ValidationError(_("No record “%(key)s” within your reach.") % {"key": pk})
            return [found] if self.many else found
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        if not lines:
            return [] if self.many else None
        if not self.many and len(lines) > 1:
            raise forms.ValidationError(_("Give one record."))
        found = []
        for line in lines:
            key = line.split(SEPARATOR)[0].strip()
            record = self.reference.find(self.queryset, key)
            if record is None:
                raise forms.ValidationError(_("No record “%(key)s” within your reach.") % {"key": key})
            found.append(record)
        return found if self.many else found[0]


def lookup_view(reference: Reference):
    """A view answering `?<any>=text` with <option>s for the records in reach that match."""

    @login_required
    def view(request):
        text = next((value for value in request.GET.values() if value.strip()), "")
        queryset = reference.model.objects.visible_to(request.user)
        records = reference.search(queryset, text) if len(text.strip()) >= 2 else []
        if reference.personal and records:
            # Suggestions find people by name or ID card number: each answer is a read of those found.
            record_export(Actor.from_request(request), reference.model, len(records), f"lookup: {text}")
        options = format_html_join(
            "", '<option value="{}"></option>', ((reference.text(r),) for r in records)
        )
        return HttpResponse(options)

    view.reference = reference  # found by the reach test, like every other interface
    return view
