"""
The authorities a profile is compared with: up to `MOST` the reader picks, kept in the address
(?compare=E06000008&compare=E08000012) so a board can bookmark "our comparators". Without a choice, an
English authority is compared with DfE's statistical neighbours; DfE publishes none for Wales, so a Welsh
authority is compared only with the Welsh authorities its reader picks. English authorities are compared
with English ones and Welsh with Welsh. Anything unusable is set aside with a message, never an error.
"""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from catalogue.models import LocalAuthority

from ..figures.versioned import RECENT_PLACES, kept_for_recent_arguments, kept_per_data_version
from ..models import StatisticalNeighbour

MOST = 10
MOST_READ = 50  # codes beyond this many are not even looked at (a 500-code address is answered at once)
ONS_CODE = re.compile(r"[EW]\d{8}", re.ASCII)  # ASCII: '\d' alone would accept Arabic-Indic digits


@dataclass
class Comparators:
    authority: LocalAuthority
    chosen: list[LocalAuthority] = field(default_factory=list)  # in the reader's order, or DfE's rank
    by_reader: bool = False
    notices: list[str] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        return [authority.ons_code for authority in self.chosen]

    @property
    def label(self) -> str:
        if self.by_reader:
            return "Your comparators"
        return "Statistical neighbours"

    @property
    def options_html(self) -> SafeString:
        """The form's checkboxes: every other authority of the country, the chosen ones ticked."""
        return ticked(options_html(self.authority), self.codes)

    @property
    def country_words(self) -> str:
        return "Welsh" if self.authority.country == "Wales" else "English"


def _shown(raw: str) -> str:
    """A code as a message may quote it: short, printable."""
    text = "".join(ch for ch in raw[:20] if ch.isprintable())
    return text + ("…" if len(raw) > 20 else "")


def _requested(request) -> list[str]:
    """The codes asked for: every ?compare= value, each possibly a comma- or space-separated list."""
    raw = []
    for value in request.GET.getlist("compare")[: MOST_READ + 1]:
        raw += [part for part in re.split(r"[,\s]+", value[:2000]) if part]
    return raw


def statistical_neighbours(authority: LocalAuthority) -> list[LocalAuthority]:
    rows = StatisticalNeighbour.objects.filter(local_authority=authority).select_related("neighbour")
    return [row.neighbour for row in rows.order_by("rank")]


def choose(request, authority: LocalAuthority) -> Comparators:
    """The comparators for this request: the reader's valid choices, or the default, with a notice for each problem."""
    result = Comparators(authority)
    raw = _requested(request)
    if raw:
        result.chosen = _parse(raw, authority, result)
    if result.chosen:
        result.by_reader = True
    else:
        if raw:
            result.notices.append("None of the comparators asked for could be used, so the default is shown.")
        result.chosen = default_comparators(authority).chosen
    return result


@kept_for_recent_arguments(RECENT_PLACES)
def options_html(authority: LocalAuthority) -> str:
    """
    The comparators form's checkboxes for one authority, none ticked, rendered once for the last few authorities
    asked for: about 150 boxes, 2 ms of every profile through the template. `ticked` ticks each request's choice.
    """
    options = [la for la in authorities_of(authority.country) if la.pk != authority.pk]
    return render_to_string("explorer/includes/comparator_options.html", {"options": options})


def ticked(options: str, codes: list[str]) -> SafeString:
    """`options` with the boxes of `codes` ticked: codes of authorities found in the data (ONS codes, no markup)."""
    for code in codes:
        options = options.replace(f'value="{code}">', f'value="{code}" checked>', 1)
    return mark_safe(options)  # noqa: S308  (rendered by the template, escaped; only " checked" is added)


@kept_per_data_version  # every profile offers them: about 150 rows a request
def authorities_of(country: str) -> tuple[LocalAuthority, ...]:
    """Every authority of one country, by name: the choices a profile offers."""
    return tuple(LocalAuthority.objects.filter(country=country).order_by("name"))


def default_comparators(authority: LocalAuthority) -> Comparators:
    """What a profile compares with when its reader has chosen nothing: DfE's statistical neighbours."""
    return Comparators(authority, chosen=statistical_neighbours(authority)[:MOST])


def _parse(raw: list[str], authority: LocalAuthority, result: Comparators) -> list[LocalAuthority]:
    if len(raw) > MOST_READ:
        result.notices.append(
            f"More than {MOST_READ} comparators were asked for; a profile compares with up to {MOST}, "
            f"so only the first {MOST_READ} codes were read."
        )
        raw = raw[:MOST_READ]
    malformed = [code for code in raw if not ONS_CODE.fullmatch(code.strip().upper())]
    if malformed:
        result.notices.append(
            "Not an ONS code (a letter E or W and eight digits 0-9), so ignored: "
            + ", ".join(f"'{_shown(code)}'" for code in malformed[:5])
            + (f" and {len(malformed) - 5} more" if len(malformed) > 5 else "")
            + "."
        )
    codes = [code.strip().upper() for code in raw if ONS_CODE.fullmatch(code.strip().upper())]
    known = {la.ons_code: la for la in LocalAuthority.objects.filter(ons_code__in=set(codes))}
    unknown = sorted({code for code in codes if code not in known})
    if unknown:
        result.notices.append("No local authority has the code(s) " + ", ".join(unknown[:5]) + ", so ignored.")
    chosen, repeated, other_country = [], [], []
    for code in codes:
        if code not in known:
            continue
        if code == authority.ons_code:
            itself = f"{authority.name} is the authority of this profile, so it is not its own comparator."
            result.notices += [] if itself in result.notices else [itself]
        elif known[code] in chosen:
            repeated.append(known[code].name)
        elif known[code].country != authority.country:
            other_country.append(known[code].name)
        else:
            chosen.append(known[code])
    if repeated:
        result.notices.append("Listed more than once, and shown once: " + ", ".join(sorted(set(repeated))) + ".")
    if other_country:
        result.notices.append(
            f"{result.country_words} authorities are compared with {result.country_words} authorities only "
            "(the two countries publish different figures), so these were left out: "
            + ", ".join(other_country[:5])
            + "."
        )
    if len(chosen) > MOST:
        result.notices.append(
            f"A profile compares with up to {MOST} authorities; the first {MOST} asked for are shown "
            f"and {len(chosen) - MOST} were left out: " + ", ".join(la.name for la in chosen[MOST:][:5]) + "."
        )
    return chosen[:MOST]
