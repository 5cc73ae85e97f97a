from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from precinct.core.tables import Column, Table


class SeizureTable(Table):
    columns = [
        Column("seized_on", _("Seized on"), link=True),
        Column("body.name", _("Territorial body")),
        Column("substance.name", _("Substance")),
        Column("substance.substance_class", _("Class")),
        Column("quantity", _("Quantity")),
        Column("unit", pgettext_lazy("quantity", "Unit")),
        Column("grams", _("Grams")),
        Column("grade", _("Grade")),
        Column("found_by", _("Found by")),
    ]


class PreventionEventTable(Table):
    columns = [
        Column("held_on", _("Held on"), link=True),
        Column("body.name", _("Territorial body")),
        Column("venue", _("Venue")),
        Column("place", _("Institution")),
        Column("audience", _("Audience")),
        Column("topic", _("Topic")),
    ]
