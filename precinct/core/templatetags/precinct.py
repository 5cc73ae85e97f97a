"""Template helpers: Bootstrap-styled fields and links that keep the current query."""

from django import forms, template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def control(field) -> str:
    """A bound field's widget with the Bootstrap class its kind of input needs."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select | forms.SelectMultiple | forms.NullBooleanSelect):
        css = "form-select form-select-sm" if field.form.prefix == "filter" else "form-select"
    else:
        css = "form-control"
    existing = widget.attrs.get("class", "")
    attrs = {}
    if field.errors:
        # Said to screen readers too, and tied to the reasons shown beside it (`core/_inline_form.html`).
        css += " is-invalid"
        attrs = {"aria-invalid": "true", "aria-describedby": f"{field.id_for_label}-error"}
    return field.as_widget(attrs={"class": f"{existing} {css}".strip(), **attrs})


@register.simple_tag(takes_context=True)
def page_url(context, page: int) -> str:
    query = context.get("query", "")
    return f"?{query}&page={page}" if query else f"?page={page}"


@register.simple_tag
def record_url(name: str, pk) -> str:
    return reverse(name, args=[pk])


@register.simple_tag(takes_context=True)
def record_link(context, record) -> str:
    """A record of another domain named on a page: a link when the reader may open it, its name alone
    when not, so that a page never points at a record beyond its reader's reach (a crime on a detention's
    page, shown to an inspector, who does not read the crime register)."""
    from precinct.core.scope import ScopedModel

    if record is None:
        return "—"
    model = type(record)
    opened = issubclass(model, ScopedModel) and (
        model.objects.visible_to(context["request"].user).filter(pk=record.pk).exists()
    )
    if not opened:
        return format_html("{}", record)
    return format_html('<a href="{}">{}</a>', record.get_absolute_url(), record)


@register.simple_tag(takes_context=True)
def readable(context, audit_entry) -> list[tuple[str, str, str]]:
    """An audit entry's changes, named for the user viewing them."""
    from precinct.core.audit import readable_changes

    return readable_changes(audit_entry, context["request"].user)


@register.filter
def record_type(label: str) -> str:
    """The name of the kind of record an audit entry is about ("custody.interrogation" → Interrogation)."""
    from django.apps import apps
    from django.utils.text import capfirst

    try:
        return capfirst(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label
