from django.utils.translation import gettext_lazy as _

from precinct.core.tables import Column, Table


class EmployeeTable(Table):
    columns = [
        Column("personnel_number", _("Personnel number"), link=True),
        Column("surname", _("Surname")),
        Column("given_name", _("Given name")),
        Column("rank.name", _("Rank")),
        Column("position.name", _("Position")),
        Column("body.name", _("Territorial body")),
        Column("service_state", _("Service")),
    ]


class InvestigationTable(Table):
    columns = [
        # What the inspector and the chief work by first: whose, what for, and against the time limit.
        Column("opened_on", _("Opened on"), link=True),
        Column("employee", _("Employee")),
        Column("grounds", _("Grounds"), wrap=True),
        Column("time_limit", _("Time limit"), wrap=True),
        Column("finding", _("Finding decided")),
        Column("sanction_in_force", _("Sanction in force")),
        Column("inspector_name", _("Inspector")),
        Column("body.name", _("Territorial body"), wrap=True),
        Column("due_on", _("Due on"), on_page=False),  # the time limit says how it stands
        Column("closed_on", _("Closed on"), on_page=False),
        Column("sanction", _("Sanction decided"), on_page=False),
    ]


class CourseTable(Table):
    columns = [
        Column("starts_on", _("From"), link=True),
        Column("title", _("Title")),
        Column("topic", _("Topic")),
        Column("organiser_kind", _("Organiser")),
        Column("organiser", _("Organiser's name")),
        Column("place", _("Place")),
        Column("abroad", _("Abroad")),
    ]


class AttendanceTable(Table):
    columns = [
        Column("employee", _("Employee")),
        Column("body.name", _("Territorial body")),
        Column("course", _("Course")),
        Column("result", _("Result")),
    ]


class CasualtyTable(Table):
    columns = [
        Column("occurred_on", _("Date"), link=True),
        Column("employee", _("Employee")),
        Column("body.name", _("Territorial body")),
        Column("outcome", _("Outcome")),
        Column("place", _("Place")),
        Column("circumstances", _("Circumstances")),
        Column("event", _("Event")),
    ]
