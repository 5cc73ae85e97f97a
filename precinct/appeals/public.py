"""What the public reaches without logging in: the application form, the tracking page, and the
upcoming reception days with their iCalendar feed."""

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from precinct.appeals import numbers, services
from precinct.appeals.forms import PublicApplicationForm, TrackForm
from precinct.appeals.models import Application, Channel, ReceptionDay
from precinct.appeals.throttle import allow
from precinct.core.audit import Actor

TOO_MANY = 429
APPLICANT_FIELDS = ("applicant_name", "applicant_id_number", "applicant_address", "applicant_phone",
                    "applicant_email")  # fmt: skip


def submit(request):
    if request.method != "POST":
        return render(request, "appeals/public_submit.html", {"form": PublicApplicationForm()})
    form = PublicApplicationForm(request.POST, request.FILES)
    if not allow(request, "submit"):
        form.add_error(None, _("Too many applications from your address; please try again in an hour."))
        return render(request, "appeals/public_submit.html", {"form": form}, status=TOO_MANY)
    if not form.is_valid():
        return render(request, "appeals/public_submit.html", {"form": form}, status=400)
    try:
        application = submit_application(request, form.cleaned_data, Channel.WEB_FORM)
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return render(request, "appeals/public_submit.html", {"form": form}, status=400)
    return render(request, "appeals/public_submitted.html", {"application": application})


def submit_application(request, data: dict, channel: str) -> Application:
    """Register an application from the public (the web form or Open311), routed to the body chosen."""
    values = {
        "received_on": timezone.localdate(),
        "channel": channel,
        "body": data["body"],
        "subject": data["subject"],
        "needs_study": data["subject"].needs_study,
        "text": data["text"],
        **{name: data.get(name) or "" for name in APPLICANT_FIELDS},
    }
    return services.register(
        actor=Actor.from_request(request),
        values=values,
        attachments=data.get("attachments") or [],
        public=True,
    )


def find(number: str, id_number: str) -> Application | None:
    """The application with both numbers, or None: a wrong pair reveals nothing, not even which is wrong."""
    if not numbers.valid(number):
        return None
    id_number = id_number.strip().upper().replace(" ", "")
    if not id_number:
        return None
    return (
        Application.objects.filter(number=number.strip(), applicant_id_number=id_number)
        .select_related("subject", "body")
        .first()
    )


def track(request):
    form = TrackForm(request.GET or None)
    context = {"form": form}
    if form.is_bound:
        if not allow(request, "track"):
            form.add_error(None, _("Too many requests from your address; please try again in an hour."))
            return render(request, "appeals/public_track.html", context, status=TOO_MANY)
        if form.is_valid():
            if wrong := numbers.problem(form.cleaned_data["number"]):
                form.add_error("number", f"{wrong} {_('Check it against your receipt.')}")
            else:
                context["application"] = find(form.cleaned_data["number"], form.cleaned_data["id_number"])
                context["not_found"] = context["application"] is None
    return render(request, "appeals/public_track.html", context)


def upcoming():
    return (
        ReceptionDay.objects.filter(date__gte=timezone.localdate())
        .select_related("body")
        .prefetch_related("bodies")
        .order_by("date", "starts_at")
    )


def reception_days(request):
    return render(request, "appeals/public_reception_days.html", {"days": upcoming()})


def ical_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def reception_days_ical(request):
    """The upcoming reception days as an iCalendar feed (RFC 5545), for any calendar program."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    host = request.get_host().split(":")[0]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Precinct//Reception days//EN", "CALSCALE:GREGORIAN"]
    for day in upcoming():
        if day.starts_at:
            start = datetime.datetime.combine(day.date, day.starts_at)
            when = [
                f"DTSTART:{start:%Y%m%dT%H%M%S}",
                f"DTEND:{start + datetime.timedelta(hours=4):%Y%m%dT%H%M%S}",
            ]
        else:
            when = [
                f"DTSTART;VALUE=DATE:{day.date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day.date + datetime.timedelta(days=1):%Y%m%d}",
            ]
        lines += [
            "BEGIN:VEVENT",
            f"UID:reception-day-{day.pk}@{host}",
            f"DTSTAMP:{stamp}",
            *when,
            f"SUMMARY:{ical_text(_('Reception of citizens: %(official)s') % {'official': day.official})}",
            f"LOCATION:{ical_text(f'{day.venue}, {day.body.name}')}",
            f"DESCRIPTION:{ical_text(', '.join(body.name for body in day.bodies.all()))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/calendar; charset=utf-8")
