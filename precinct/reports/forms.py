import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from precinct.core.forms import DateField
from precinct.core.periods import EARLIEST, Period, standard_windows
from precinct.organisation.models import Body
from precinct.reports.windows import as_of_default


def default_period() -> Period:
    """From 1 January to the end of the last whole month (or all of January, early in the year)."""
    today = timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    if end.year < today.year:
        return Period(datetime.date(end.year, 1, 1), end)
    return Period(datetime.date(today.year, 1, 1), end)


class BodyForm(forms.Form):
    """A form of statistics for one body in the user's reach: the broadest when none is chosen."""

    body = forms.ModelChoiceField(
        label=_("Territorial body"),
        queryset=Body.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=None,
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.visible_to(user) if user else Body.objects.none()

    def chosen_body(self) -> Body | None:
        return self.cleaned_data.get("body") or self.fields["body"].queryset.order_by("path").first()


class WindowsForm(BodyForm):
    """The standard windows to a day (yesterday, or the last day with records, when none is given)."""

    as_of = DateField(label=_("As of"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_as_of(self) -> datetime.date | None:
        """A day whose windows, reaching back a year and the year before that, stay within the range."""
        day = self.cleaned_data.get("as_of")
        if day and standard_windows(day)[-1][1].comparison.start < EARLIEST:
            first = EARLIEST.replace(year=EARLIEST.year + 2)
            raise forms.ValidationError(_("Give a day from %(first)s on.") % {"first": f"{first:%d.%m.%Y}"})
        return day

    def day(self) -> datetime.date:
        return self.cleaned_data.get("as_of") or as_of_default()


class PeriodForm(BodyForm):
    start = DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The period cannot end before it starts."))
        return cleaned

    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])
