"""/data/local-authorities/: every authority by region, and one profile per English or Welsh authority."""

from django.shortcuts import get_object_or_404, render

from catalogue.models import LocalAuthority, Region

from ..figures.versioned import RECENT_PLACES, kept_for_recent_arguments
from .authority_panel import legal_status_charts
from .comparators import Comparators, choose, default_comparators
from .context_profile import build_context_panel
from .profile_charts import against_comparators, build_profile
from .state import PageState, respond


def local_authorities(request):
    regions_with_las = Region.objects.filter(kind=Region.Kind.REGION).prefetch_related("local_authorities")
    return render(request, "explorer/local_authorities.html", {"regions": regions_with_las})


def local_authority(request, ons_code):
    authority = get_object_or_404(LocalAuthority.objects.select_related("region"), ons_code=ons_code.upper()[:9])
    state = PageState(request)
    comparators = choose(request, authority)
    state.notices += comparators.notices
    if comparators.by_reader:
        profile, context = chosen_profile(authority, tuple(comparators.chosen))
    else:
        profile, context = default_profile(authority)
    # The family justice panel's charts are drawn by its template tag; their CSVs are this page's too.
    panel = ()
    if request.GET.get("download"):  # the family justice panel's charts, with the reader's comparators if any
        chosen = (comparators.codes, comparators.label) if comparators.by_reader else ()
        panel = legal_status_charts(authority, *chosen)
    return respond(
        request,
        "explorer/local_authority.html",
        state,
        profile.charts,
        downloadable=[*panel, *context.all_charts],
        profile=profile,
        authority=authority,
        comparators=comparators,
        context_panel=context,
    )


@kept_for_recent_arguments(RECENT_PLACES)
def default_profile(authority: LocalAuthority):
    """The profile's charts against the statistical neighbours, as most visitors see it: once per content version
    and authority."""
    comparators = default_comparators(authority)
    return build_profile(authority, comparators.codes, comparators.label), build_context_panel(authority, comparators)


@kept_for_recent_arguments(RECENT_PLACES)
def chosen_profile(authority: LocalAuthority, chosen: tuple[LocalAuthority, ...]):
    """
    The profile's charts against a reader's own comparators (authorities the request found in the data), kept for
    the comparisons last asked for: there are too many to keep them all, but a reader reloads the page, shares its
    address and downloads each chart's CSV, and each of those requests drew every chart again.
    """
    comparators = Comparators(authority, chosen=list(chosen), by_reader=True)
    profile = against_comparators(default_profile(authority)[0], comparators.codes, comparators.label)
    return profile, build_context_panel(authority, comparators)
