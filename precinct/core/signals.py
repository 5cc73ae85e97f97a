"""Signals by which core tells the domains of a change they must follow without core knowing them."""

from django.dispatch import Signal

# The working-day calendar changed (a holiday added, a rest day transferred): deadlines counted in
# working days must be counted again.
calendar_changed = Signal()
