"""The appeals forms: the officer's registration and workflow steps, and the public's own forms."""

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.appeals.models import (
    MAX_EXTENSION_DAYS,
    Application,
    FeedbackKind,
    NotConsidered,
    ReceptionDay,
    Subject,
)
from precinct.core.forms import DateField, ScopedModelForm
from precinct.core.roles import Role
from precinct.organisation.models import Body, BodyKind, User

STYLED = {"class": "form-control"}


class MultipleFiles(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; each is checked by the service (type by its first bytes, size)."""

    widget = MultipleFiles

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        limits = {"n": settings.APPEALS_MAX_ATTACHMENTS, "mb": settings.APPEALS_MAX_ATTACHMENT_BYTES // 2**20}
        kwargs.setdefault("help_text", _("PDF, JPEG or PNG; up to %(n)s files of %(mb)s MB each.") % limits)
        super().__init__(**kwargs)
        self.widget.attrs.update(STYLED | {"accept": ".pdf,.jpg,.jpeg,.png"})

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > settings.APPEALS_MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("At most %(n)s attachments.") % {"n": settings.APPEALS_MAX_ATTACHMENTS}
            )
        return [super(AttachmentsField, self).clean(item, initial) for item in files]


class ApplicationForm(ScopedModelForm):
    attachments = AttachmentsField()

    class Meta:
        model = Application
        fields = [
            "received_on", "channel", "reception_day", "body", "subject", "needs_study",
            "applicant_name", "applicant_id_number", "applicant_address", "applicant_phone",
            "applicant_email", "text",
        ]  # fmt: skip
        widgets = {"text": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "applicant_name": _("Without a name and an ID number or address the application is anonymous "
                                "and, as the law says, not considered."),
        }  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reception_day"].queryset = ReceptionDay.objects.visible_to(self.user).select_related(
            "body"
        )
        self.fields["received_on"].initial = timezone.localdate()

    def cleaned_values(self) -> dict:
        values = super().cleaned_values()
        values.pop("attachments", None)
        if values.get("subject") is not None and values["subject"].needs_study:
            values["needs_study"] = True
        return values


def officers_for(body: Body):
    """The appeals officers who reach a body: those its applications can be assigned to."""
    return (
        User.objects.filter(is_active=True, role__in=[Role.APPEALS_OFFICER, Role.ADMINISTRATOR])
        .filter(reach__in=[body.pk, *body_ancestors(body)])
        .distinct()
        .order_by("last_name", "username")
    )


def body_ancestors(body: Body) -> list[int]:
    codes = body.path.strip("/").split("/")
    return list(Body.objects.filter(code__in=codes).values_list("pk", flat=True))


class Styled:
    """Bootstrap's classes on every widget of a plain form; a workflow step's form knows its application."""

    def __init__(self, *args, application: Application | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.application = application
        style(self)


def style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        css = "form-check-input" if isinstance(widget, forms.CheckboxInput) else "form-control"
        if isinstance(widget, forms.Select):
            css = "form-select"
        widget.attrs.setdefault("class", css)


class AssignForm(Styled, forms.Form):
    officer = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Responsible officer"))
    reason = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.application is not None:
            self.fields["officer"].queryset = officers_for(self.application.body)


class ForwardForm(Styled, forms.Form):
    body = forms.ModelChoiceField(
        queryset=Body.objects.all(), label=_("Competent territorial body"), required=False
    )
    authority = forms.CharField(label=_("or authority outside the ministry"), required=False, max_length=200)
    reason = forms.CharField(label=_("Why"), max_length=500)


class ExtendForm(Styled, forms.Form):
    days = forms.IntegerField(label=_("Working days"), min_value=1, max_value=MAX_EXTENSION_DAYS)
    reason = forms.CharField(label=_("Information requested, and from whom"), max_length=300)


class AnswerForm(Styled, forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = DateField(label=_("Answered on"), widget=forms.DateInput(attrs={"type": "date"}))
    substantive = forms.BooleanField(label=_("The answer decides the matter"), required=False, initial=True)


class CloseForm(Styled, forms.Form):
    reason = forms.CharField(label=_("Note"), required=False, max_length=500)


class NotConsideredForm(Styled, forms.Form):
    why = forms.ChoiceField(label=_("Why"), choices=NotConsidered.choices)
    reason = forms.CharField(label=_("Notice to the applicant"), max_length=500)


class ReceptionDayForm(ScopedModelForm):
    class Meta:
        model = ReceptionDay
        fields = ["official", "official_position", "date", "starts_at", "body", "venue", "bodies",
                  "announced_on", "media"]  # fmt: skip
        widgets = {"starts_at": forms.TimeInput(attrs={"type": "time"})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bodies"].queryset = Body.objects.order_by("path")
        self.fields["bodies"].widget.attrs["size"] = 8


class FeedbackForm(Styled, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FeedbackKind.choices)
    received_on = DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


# The public's forms --------------------------------------------------------------------------------------

SIGNER = signing.TimestampSigner(salt="precinct.appeals.public-form")
MIN_SECONDS = 3  # a person takes longer than this to fill the form in; a script does not


ID_NUMBER_HELP = _("Write the number as it stands on the ID card, e.g. AZE12345678.")


def id_number_valid(value: str) -> bool:
    return value.isalnum() and 6 <= len(value) <= 20


class PublicApplicationForm(Styled, forms.Form):
    """The citizens' form. Spam is kept out without any outside service: a field people never see must
    stay empty, and the form must not come back sooner than a person could fill it in."""

    applicant_name = forms.CharField(label=_("Surname, given name and patronymic"), max_length=200)
    applicant_id_number = forms.CharField(label=_("ID card number"), max_length=20)
    applicant_address = forms.CharField(label=_("Address"), max_length=300)
    applicant_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    applicant_email = forms.EmailField(label=_("E-mail"), required=False)
    body = forms.ModelChoiceField(
        label=_("City or district"),
        queryset=Body.objects.filter(
            kind__in=[BodyKind.CITY_DEPARTMENT, BodyKind.DISTRICT_DEPARTMENT]
        ).order_by("name_en"),
    )
    subject = forms.ModelChoiceField(label=_("Subject"), queryset=Subject.objects.filter(public=True))
    text = forms.CharField(
        label=_("Your application"), widget=forms.Textarea(attrs={"rows": 6}), max_length=10000
    )
    attachments = AttachmentsField()
    consent = forms.BooleanField(
        label=_("I have read what personal data is kept and why, and agree to it."), required=True
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = SIGNER.sign(str(int(timezone.now().timestamp())))
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_applicant_id_number(self) -> str:
        value = self.cleaned_data["applicant_id_number"].strip().upper().replace(" ", "")
        if not id_number_valid(value):
            raise forms.ValidationError(ID_NUMBER_HELP)
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("The form could not be accepted."))
        try:
            SIGNER.unsign(self.data.get("started", ""), max_age=24 * 3600)
            started = int(SIGNER.unsign(self.data.get("started", "")))
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(_("The form has expired; please fill it in again.")) from None
        if timezone.now().timestamp() - started < MIN_SECONDS:
            raise forms.ValidationError(_("The form came back too fast; please check it and send it again."))
        return cleaned


class TrackForm(Styled, forms.Form):
    number = forms.CharField(label=_("Tracking number"), max_length=20, help_text="2023-000123-45")
    id_number = forms.CharField(label=_("ID card number"), max_length=20)
