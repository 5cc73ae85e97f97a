"""The dashboard: what needs attention in the user's reach."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from precinct.crimes.models import Crime, Status, Wanted


@login_required
def dashboard(request):
    crimes = Crime.objects.visible_to(request.user)
    context = {
        "crime_count": crimes.count(),
        "under_investigation": crimes.filter(status=Status.INVESTIGATION).count(),
        "recent": crimes.select_related("body", "article")[:10],
        "wanted_open": Wanted.objects.visible_to(request.user).filter(arrested_on__isnull=True).count(),
    }
    return render(request, "reports/dashboard.html", context)
