from django.utils.translation import gettext_lazy as _

from precinct.core.tables import Column, Table


class DetentionTable(Table):
    columns = [
        Column("detained_at", _("Detained at"), link=True),
        Column("person", _("Person")),
        Column("body.name", _("Territorial body")),
        Column("article.code", _("Article")),
        Column("ended_at", _("Ended at")),
        Column("ending", _("Ended by")),
        Column("judged", _("Every safeguard in time")),
    ]


class InterrogationTable(Table):
    columns = [
        Column("started_at", _("Started at"), link=True),
        Column("detention.person", _("Person")),
        Column("detention.body.name", _("Territorial body")),
        Column("interrogator", _("Interrogator")),
        Column("lawyer_present", _("The lawyer was present")),
        Column("recording", _("Recording")),
    ]
