"""A workflow step asked from the page or the API: the step's form reads the input, the service moves."""

from django.core.exceptions import ValidationError

from precinct.appeals import forms, services
from precinct.appeals.models import Application
from precinct.core.audit import Actor

# step → (the form that reads what the step takes, the service that takes it)
STEPS = {
    "assign": (forms.AssignForm, services.assign),
    "forward": (forms.ForwardForm, services.forward),
    "extend": (forms.ExtendForm, services.extend),
    "answer": (forms.AnswerForm, services.answer),
    "close": (forms.CloseForm, services.close),
    "not-considered": (forms.NotConsideredForm, services.leave_unconsidered),
    "feedback": (forms.FeedbackForm, services.add_feedback),
}


def take_step(actor: Actor, application: Application, step: str, data) -> object:
    """Take one step; bad input or a refused step raises ValidationError keyed by field."""
    form_class, service = STEPS[step]
    form = form_class(data, application=application)
    if not form.is_valid():
        raise ValidationError({field: list(errors) for field, errors in form.errors.items()})
    return service(actor=actor, application=application, **form.cleaned_data)
