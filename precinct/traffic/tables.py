from django.utils.translation import gettext_lazy as _

from precinct.core.tables import Column, Table


class ViolationTable(Table):
    columns = [
        Column("occurred_at", _("Date and time"), link=True),
        Column("body.name", _("Territorial body")),
        Column("source", _("Device or officer")),
        Column("article.code", _("Article")),
        Column("masked_vehicle", _("Vehicle")),
        Column("fine", _("Fine, AZN")),
        Column("payment", _("Payment")),
    ]


class AccidentTable(Table):
    columns = [
        Column("occurred_at", _("Date and time"), link=True),
        Column("body.name", _("Territorial body")),
        Column("road", _("Road")),
        Column("vehicles", _("Vehicles")),
        Column("killed", _("Killed")),
        Column("injured", _("Injured")),
        Column("cause", _("Main cause")),
        Column("other_causes", _("Other causes")),
    ]


class DeviceTable(Table):
    columns = [
        Column("code", _("Identifier"), link=True),
        Column("kind", _("Kind")),
        Column("body.name", _("Territorial body")),
        Column("place", _("Place")),
        Column("in_service", _("In service")),
    ]


class FeedBatchTable(Table):
    columns = [
        Column("received_at", _("Received"), link=True),
        Column("source", _("Source")),
        Column("username", _("User")),
        Column("state", _("Status")),
        Column("rows", _("Rows")),
        Column("written", _("Written")),
        Column("duplicates", _("Duplicates")),
        Column("quarantined", _("Quarantined")),
    ]
