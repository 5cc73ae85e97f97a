from django.utils.translation import gettext_lazy as _

from precinct.core.tables import Column, Table


class CrimeTable(Table):
    columns = [
        Column("number", _("Number"), link=True),
        Column("registered_on", _("Registered")),
        Column("body.name", _("Territorial body")),
        Column("article.code", _("Article")),
        Column("article.category.name", _("Category")),
        Column("article.gravity", _("Gravity")),
        Column("agency", _("Agency")),
        Column("status", _("Status")),
        Column("solved_on", _("Solved")),
        Column("damage", _("Damage, AZN")),
        Column("compensated", _("Compensated, AZN")),
    ]


class PersonTable(Table):
    columns = [
        Column("surname", _("Surname"), link=True),
        Column("given_name", _("Given name")),
        Column("patronymic", _("Patronymic")),
        Column("birth_date", _("Date of birth")),
        Column("body.name", _("Territorial body")),
    ]


class WantedTable(Table):
    columns = [
        Column("person", _("Person"), link=True),
        Column("body.name", _("Territorial body")),
        Column("opened_on", _("Search opened")),
        Column("arrested_on", _("Arrested")),
        Column("crime", _("Crime")),
    ]


class CriminalGroupTable(Table):
    columns = [
        Column("name", _("Name"), link=True),
        Column("kind", _("Kind")),
        Column("body.name", _("Territorial body")),
        Column("neutralized_on", _("Neutralized")),
    ]


class ParticipationTable(Table):
    """Parties to crimes, by the crime and the person's record number: a list of figures' records shows
    no names (the person's page, audited, does)."""

    columns = [
        Column("crime.key", _("Crime"), link=True),
        Column("crime.body.name", _("Territorial body")),
        Column("role", _("Role")),
        Column("person_id", _("Person record")),
    ]
