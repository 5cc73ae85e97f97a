from django.utils.translation import gettext_lazy as _

from precinct.core.tables import Column, Table


class ApplicationTable(Table):
    columns = [
        Column("number", _("Number"), link=True),
        Column("received_on", _("Received")),
        Column("channel", _("Channel")),
        Column("subject.name", _("Subject")),
        Column("body.name", _("Territorial body")),
        Column("officer", _("Responsible officer")),
        Column("status", _("Status")),
        Column("due_on", _("Answer due")),
        Column("answered_on", _("Answered")),
    ]


class ReceptionDayTable(Table):
    columns = [
        Column("date", _("Date"), link=True),
        Column("official", _("Receiving official")),
        Column("body.name", _("City or district")),
        Column("venue", _("Venue")),
        Column("announced_on", _("Announced on")),
        Column("media", _("Announced in")),
    ]


class FeedbackTable(Table):
    columns = [
        Column("received_on", _("Received")),
        Column("kind", _("Kind")),
        Column("application", _("Application"), link=True),
        Column("officer", _("Officer")),
    ]
