from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from precinct.appeals.references import APPLICATION
from precinct.core.forms import ScopedModelForm
from precinct.core.references import ReferenceField
from precinct.crimes.forms import ReferencesInReach
from precinct.personnel.models import (
    RECORDED_MOVES,
    Award,
    Casualty,
    Course,
    Investigation,
    Move,
    Result,
    ServiceRecord,
)
from precinct.personnel.references import EMPLOYEE
from precinct.personnel.services import DECIDED, decides


def employee_field(**kwargs) -> ReferenceField:
    kwargs.setdefault("help_text", _("Type a personnel number or a surname and pick the employee."))
    return ReferenceField(
        EMPLOYEE, url=reverse_lazy("personnel:lookup-employee"), label=_("Employee"), **kwargs
    )


class InvestigationForm(ReferencesInReach, ScopedModelForm):
    employee = employee_field()
    application = ReferenceField(
        APPLICATION,
        url=reverse_lazy("appeals:lookup-application"),
        label=_("Citizen's application"),
        required=False,
        help_text=_("The complaint's number in the register of applications, when there is one."),
    )

    class Meta:
        model = Investigation
        fields = Investigation.ENTERED_FIELDS
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "recommended": _("The finding the inspector recommends."),
            "finding": _("The finding decided by the chief, once the investigation is closed."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()
        from precinct.organisation.models import User

        self.fields["inspector"].queryset = User.objects.filter(role="inspector", is_active=True)
        if self.user is not None and not self.instance.pk and getattr(self.user, "role", "") == "inspector":
            self.fields["inspector"].initial = self.user.pk  # one opens an investigation to inspect it
        if self.user is not None and not decides(self.user):
            # An inspector recommends; the chief decides (and, once decided, whom and what it is about).
            # The fields stay in sight, closed to them.
            closed = DECIDED + (("employee", "grounds") if self.instance.pk and self.instance.finding else ())
            for name in closed:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Decided by the inspectors' chief.")
        self.fields["inspector"].label_from_instance = lambda user: user.get_full_name() or user.username


class CourseForm(ScopedModelForm):
    class Meta:
        model = Course
        fields = Course.ENTERED_FIELDS


class EnrolForm(ReferencesInReach, forms.Form):
    employee = employee_field()
    result = forms.ChoiceField(label=_("Result"), choices=Result.choices, initial=Result.COMPLETED)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.limit_references()


class ServiceRecordForm(ScopedModelForm):
    class Meta:
        model = ServiceRecord
        fields = ServiceRecord.ENTERED_FIELDS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The steps that follow from a sanction or a casualty are recorded with them, not here.
        self.fields["move"].choices = [(m.value, m.label) for m in Move if m in RECORDED_MOVES]
        self.fields["move"].help_text = _("Leaving the service ends every post on its day.")


class CasualtyForm(ReferencesInReach, ScopedModelForm):
    employee = employee_field()

    class Meta:
        model = Casualty
        fields = Casualty.ENTERED_FIELDS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.limit_references()


class AwardForm(ScopedModelForm):
    class Meta:
        model = Award
        fields = Award.ENTERED_FIELDS
