"""
The evidence hierarchy the map uses to name the strongest study in a cell.

Ordered strongest first. It ranks study *designs* only; it says nothing about a study's quality,
which is what an entry's written evidence rating is for. Published on the map page.
"""

from dataclasses import dataclass

from catalogue.models import Reference

Design = Reference.Design


@dataclass(frozen=True)
class Tier:
    """One step of the hierarchy: the symbol printed in map cells, its name and the designs in it."""

    rank: int
    symbol: str
    name: str
    designs: tuple[str, ...]


TIERS = (
    Tier(1, "SR", "Systematic or scoping review", (Design.SYSTEMATIC_REVIEW,)),
    Tier(2, "RCT", "Randomised controlled trial", (Design.RCT,)),
    Tier(3, "QE", "Quasi-experimental comparison", (Design.QUASI_EXPERIMENTAL,)),
    Tier(4, "PP", "Pre/post (before and after, no comparison group)", (Design.PRE_POST,)),
    Tier(
        5,
        "PQA",
        "Process evaluation, qualitative study or audit",
        (Design.PROCESS_EVALUATION, Design.QUALITATIVE, Design.AUDIT),
    ),
    Tier(6, "O", "Other (guidance, policy or unclassified)", (Design.GUIDANCE, Design.OTHER)),
)
TIER_BY_DESIGN = {design: tier for tier in TIERS for design in tier.designs}
assert set(TIER_BY_DESIGN) == set(Design.values), "every study design needs a place in the hierarchy"


def strongest(designs) -> Tier | None:
    """The strongest tier among these design values (None when there are none)."""
    tiers = [TIER_BY_DESIGN[design] for design in designs]
    return min(tiers, key=lambda tier: tier.rank) if tiers else None
