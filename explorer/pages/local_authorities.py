"""/data/local-authorities/: every authority by region, and one profile per English or Welsh authority."""

from django.shortcuts import get_object_or_404, render

from catalogue.models import LocalAuthority, Region

from .authority_panel import legal_status_charts
from .profile_charts import build_profile
from .state import PageState, respond


def local_authorities(request):
    regions_with_las = Region.objects.filter(kind=Region.Kind.REGION).prefetch_related("local_authorities")
    return render(request, "explorer/local_authorities.html", {"regions": regions_with_las})


def local_authority(request, ons_code):
    authority = get_object_or_404(LocalAuthority.objects.select_related("region"), ons_code=ons_code.upper()[:9])
    state = PageState(request)
    profile = build_profile(authority)
    # The family justice panel's charts are drawn by its template tag; their CSVs are this page's too.
    panel = legal_status_charts(authority) if request.GET.get("download") else ()
    return respond(
        request,
        "explorer/local_authority.html",
        state,
        profile.charts,
        downloadable=panel,
        profile=profile,
        authority=authority,
    )
