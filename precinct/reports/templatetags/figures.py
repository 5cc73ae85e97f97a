"""Showing figures the way the ministry writes them."""

from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language

from precinct.core.measures import Unit
from precinct.core.units import mass_text

register = template.Library()


@register.filter
def shown(value, unit: str) -> str:
    """A value in its unit: 86.8 %, 26,778, 1,234.50 ₼; "—" where there is none (nothing to divide by)."""
    if value is None:
        return "—"
    if unit == Unit.SHARE:
        return f"{Decimal(value) * 100:.1f} %"
    if unit == Unit.MONEY:
        return f"{intcomma(f'{Decimal(value):.2f}')} ₼"
    if unit == Unit.MASS:
        return mass_text(Decimal(value), (get_language() or "en")[:2])
    return intcomma(value)


@register.filter
def change_shown(figure) -> str:
    """The change against last year: points for shares, a signed count and a percentage for counts."""
    if figure.change is None:
        return "—"
    if figure.measure.unit == Unit.SHARE:
        return f"{Decimal(figure.change) * 100:+.1f} p.p."
    if figure.measure.unit == Unit.MASS:
        return ("+" if figure.change > 0 else "") + shown(figure.change, Unit.MASS)
    text = f"{'+' if figure.change > 0 else ''}{intcomma(figure.change)}"
    if figure.relative is not None:
        text += f" ({figure.relative * 100:+.1f} %)"
    return text


@register.filter
def in_language(labels: dict) -> str:
    """A label given in the three languages, in the active one."""
    from precinct.core.measures import localized

    return localized(labels)


@register.filter
def percent_change(relative) -> str:
    """A relative change as a signed percentage: +12.5 %."""
    return f"{float(relative) * 100:+.1f} %"
