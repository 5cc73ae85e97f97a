"""Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/), JSON only, so that existing Open311
clients can submit applications and track them: services are subject categories, requests are
applications, `expected_datetime` is the legal deadline.

Where the standard lets anyone read any request, an application here is personal: a request is shown
only to whoever gives its number with the applicant's ID card number (the `id_number` parameter), as on
the public tracking page. The ID card number and the city or district are the service's attributes.
"""

import datetime

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from precinct.appeals.forms import ID_NUMBER_HELP, PublicApplicationForm, id_number_valid
from precinct.appeals.models import Application, Channel, Subject
from precinct.appeals.public import find, submit_application
from precinct.appeals.throttle import allow


def error(status: int, description: str) -> JsonResponse:
    return JsonResponse([{"code": status, "description": description}], status=status, safe=False)


def service(subject: Subject) -> dict:
    return {
        "service_code": subject.code,
        "service_name": subject.name,
        "description": subject.name,
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": "",
    }


@require_GET
def services(request):
    return JsonResponse([service(s) for s in Subject.objects.filter(public=True)], safe=False)


@require_GET
def service_definition(request, code: str):
    subject = Subject.objects.filter(public=True, code=code).first()
    if subject is None:
        return error(404, _("There is no such service."))
    bodies = PublicApplicationForm.base_fields["body"].queryset
    return JsonResponse(
        {
            "service_code": subject.code,
            "attributes": [
                {
                    "variable": True,
                    "code": "id_number",
                    "datatype": "string",
                    "required": True,
                    "datatype_description": "AZE12345678",
                    "order": 1,
                    "description": _("ID card number: with the request's number it is needed to track it."),
                },
                {
                    "variable": True,
                    "code": "body",
                    "datatype": "singlevaluelist",
                    "required": True,
                    "datatype_description": "",
                    "order": 2,
                    "description": _("City or district"),
                    "values": [{"key": body.code, "name": body.name} for body in bodies],
                },
            ],
        }  # fmt: skip
    )


def iso(moment) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, datetime.date) and not isinstance(moment, datetime.datetime):
        moment = datetime.datetime.combine(
            moment, datetime.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
        )
    return timezone.localtime(moment).isoformat(timespec="seconds")


def request_view(application: Application) -> dict:
    """What the standard shows of a request, and nothing of the applicant."""
    notes = application.get_status_display()
    if application.is_open:
        notes = _("%(status)s; answer due by %(due)s") % {
            "status": notes,
            "due": f"{application.due_on:%d.%m.%Y}",
        }
    return {
        "service_request_id": application.number,
        "status": "open" if application.is_open else "closed",
        "status_notes": notes,
        "service_name": application.subject.name,
        "service_code": application.subject.code,
        "agency_responsible": application.forwarded_to_authority or application.body.name,
        "requested_datetime": iso(application.created_at),
        "updated_datetime": iso(application.updated_at),
        "expected_datetime": iso(application.due_on),
    }


@csrf_exempt  # other systems post here; no session or cookie is involved
@require_http_methods(["GET", "POST"])
def requests(request):
    # Exempt from CSRF, so it must never act as a logged-in user whose browser sends its session cookie.
    request.user = AnonymousUser()
    if request.method == "GET":
        wanted = [n for n in request.GET.get("service_request_id", "").split(",") if n][:10]
        id_number = request.GET.get("id_number", "")
        if not wanted or not id_number:
            return error(400, _("Give service_request_id and the applicant's id_number."))
        if not allow(request, "track"):
            return error(429, _("Too many requests from your address; please try again in an hour."))
        found = [find(number, id_number) for number in wanted]
        return JsonResponse([request_view(a) for a in found if a is not None], safe=False)
    if not allow(request, "submit"):
        return error(429, _("Too many applications from your address; please try again in an hour."))
    return create(request)


# The application's fields and the Open311 keys they come from.
KEYS = {
    "text": "description",
    "applicant_name": "first_name/last_name",
    "applicant_id_number": "attribute[id_number]",
    "applicant_address": "address_string",
    "applicant_phone": "phone",
}


def create(request):
    data = request.POST
    subject = Subject.objects.filter(public=True, code=data.get("service_code", "")).first()
    if subject is None:
        return error(400, _("service_code: there is no such service."))
    body = (
        PublicApplicationForm.base_fields["body"]
        .queryset.filter(code=data.get("attribute[body]", ""))
        .first()
    )
    if body is None:
        return error(400, _("attribute[body]: name a city or district from the service's definition."))
    name = " ".join(part for part in (data.get("last_name", ""), data.get("first_name", "")) if part).strip()
    values = {
        "subject": subject, "body": body, "text": data.get("description", "").strip(),
        "applicant_name": name, "applicant_id_number": data.get("attribute[id_number]", "").strip().upper(),
        "applicant_address": data.get("address_string", "").strip(), "applicant_phone": data.get("phone", ""),
        "applicant_email": data.get("email", "").strip(),
    }  # fmt: skip
    missing = [field for field in ("text", "applicant_name", "applicant_id_number") if not values[field]]
    if missing:
        return error(
            400, _("Required: %(fields)s.") % {"fields": ", ".join(KEYS[field] for field in missing)}
        )
    for field, key in KEYS.items():  # the public form's limits, whichever way an application comes
        longest = PublicApplicationForm.base_fields[field].max_length
        if longest and len(values[field]) > longest:
            return error(400, _("%(key)s: at most %(n)s characters.") % {"key": key, "n": longest})
    if not id_number_valid(values["applicant_id_number"]):
        return error(400, f"attribute[id_number]: {ID_NUMBER_HELP}")
    if values["applicant_email"]:
        try:
            forms.EmailField().clean(values["applicant_email"])
        except ValidationError:
            return error(400, _("email: not an e-mail address."))
    try:
        application = submit_application(request, values, Channel.WEB_FORM)
    except ValidationError as failure:
        described = "; ".join(f"{field}: {' '.join(texts)}" for field, texts in failure.message_dict.items())
        return error(400, described)
    notice = _("Keep the number: with your ID card number it shows the status of your application.")
    return JsonResponse(
        [{"service_request_id": application.number, "service_notice": notice, "account_id": None}],
        status=201,
        safe=False,
    )


@require_GET
def request_detail(request, number: str):
    if not allow(request, "track"):
        return error(429, _("Too many requests from your address; please try again in an hour."))
    application = find(number, request.GET.get("id_number", ""))
    if application is None:
        return error(404, _("No request with this number and ID card number."))
    return JsonResponse([request_view(application)], safe=False)
