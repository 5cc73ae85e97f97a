"""Model fields the domains share."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _


class RowIdField(models.BigAutoField):
    """A primary key for high-volume records that are never deleted (violations from the feeds): on
    SQLite a plain rowid, without AUTOINCREMENT's bookkeeping on every insert."""

    def db_type_suffix(self, connection):
        return None if connection.vendor == "sqlite" else super().db_type_suffix(connection)


class ChoiceSetField(models.CharField):
    """A set of choices (the other causes of an accident, say), kept as their codes separated by spaces:
    a record reads it with no join, and any database finds a code in it by a word match."""

    def __init__(self, *args, choice_set=None, **kwargs) -> None:
        self.choice_set = choice_set
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("default", None)
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    def from_db_value(self, value, _expression, _connection) -> list[str]:
        return self.to_python(value)

    def to_python(self, value) -> list[str]:
        if value is None or value == "":
            return []
        codes = value.split() if isinstance(value, str) else value
        return sorted(set(map(str, codes)))

    def get_prep_value(self, value) -> str:
        return " ".join(self.to_python(value))

    def value_to_string(self, obj) -> str:
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance) -> None:
        allowed = {code for code, _label in self.choice_set.choices}
        unknown = [code for code in self.to_python(value) if code not in allowed]
        if unknown:
            raise ValidationError(_("Not a choice: %(codes)s") % {"codes": ", ".join(unknown)})

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choice_set.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            widget=forms.CheckboxSelectMultiple,
            help_text=self.help_text,
        )

    def labels(self, value) -> list[str]:
        names = dict(self.choice_set.choices)
        return [str(names.get(code, code)) for code in self.to_python(value)]

    @staticmethod
    def containing(field_name: str, code: str) -> Q:
        """Records whose set holds the code."""
        return Q(**{f"{field_name}__regex": rf"(^| ){re.escape(code)}( |$)"})
