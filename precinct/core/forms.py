"""The base of every domain form: bodies limited to the user's reach, dates as date inputs, edit version."""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from precinct.core.periods import EARLIEST, LATEST, out_of_range
from precinct.organisation.models import Body


def within_range(value) -> None:
    """A validator for every date and moment a form or a filter takes."""
    if out_of_range(value):
        raise ValidationError(
            _("Give a date between %(first)s and %(last)s."),
            params={"first": f"{EARLIEST:%d.%m.%Y}", "last": f"{LATEST:%d.%m.%Y}"},
            code="out_of_range",
        )


class DateField(forms.DateField):
    """A date within the range Precinct takes (`core.periods.EARLIEST`…`LATEST`), typed as the pages show
    dates (dd.mm.yyyy) or in the ISO form."""

    default_validators = [within_range]

    def widget_attrs(self, widget):
        return super().widget_attrs(widget) | {"placeholder": "dd.mm.yyyy", "inputmode": "numeric"}


class ScopedModelForm(forms.ModelForm):
    """A model form for a service: it parses and shows fields; the service holds the rules and saves.

    `cleaned_values()` gives the service the model field values; the hidden `version` carries the edit
    version the user saw, so that a concurrent edit is refused rather than overwritten.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk and hasattr(self.instance, "version"):
            self.fields["version"].initial = self.instance.version
        for name, field in self.fields.items():
            model_field = self.model_field(name)
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is Body:
                field.queryset = Body.objects.visible_to(user)
                only = list(field.queryset[:2])
                if len(only) == 1 and not self.instance.pk:  # one body to choose: chosen already
                    field.initial = only[0].pk
            if isinstance(model_field, models.DateField):  # a moment too (DateTimeField is one)
                field.validators.append(within_range)
            if isinstance(model_field, models.DateTimeField):
                field.widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
            elif isinstance(model_field, models.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            css = "form-check-input" if isinstance(field.widget, forms.CheckboxInput) else "form-control"
            if isinstance(field.widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            field.widget.attrs.setdefault("class", css)

    def model_field(self, name: str):
        """The model's field behind a form field; for a form's own date field, one of its kind (a day is
        shown and bounded alike, whichever it is)."""
        if name == "version":
            return None
        try:
            return self._meta.model._meta.get_field(name)
        except FieldDoesNotExist:
            field = self.fields[name]
            return models.DateField() if isinstance(field, forms.DateField) else None

    def cleaned_values(self) -> dict:
        many = {f.name for f in self._meta.model._meta.many_to_many}
        return {
            name: value for name, value in self.cleaned_data.items() if name != "version" and name not in many
        }

    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("CSV (UTF-8, comma-separated, with a header row) or XLSX (first sheet).")
    )
