"""
The over-dispersion allowance for funnel plots: Spiegelhalter's multiplicative method.

Local authorities differ far more than chance alone would make them (in how they count, in their
populations, in practice), so limits that allow only for chance flag a large share of areas. Following
Spiegelhalter D J, "Funnel plots for comparing institutional performance", Statistics in Medicine
2005;24:1185-1202 (the multiplicative over-dispersion model), for each of the I areas:

    z_i = (O_i - E_i) / sqrt(E_i)          O observed count, E = England's rate x the area's births

The z-scores are Winsorised at 10% / 90% (each z is clamped between the 10th and 90th percentiles, so a
few extreme areas cannot inflate the estimate), and

    phi = (1 / I) * sum(z_w ** 2)

If I * phi > I - 1 (more spread than chance alone would give), every limit moves away from the target by
sqrt(phi) times its chance-only distance: target +/- sqrt(phi) * (exact Poisson limit - target). For large
counts this is Spiegelhalter's target +/- z * sqrt(phi * target / births); applied to the exact limits it
keeps their asymmetry for small counts. Otherwise phi is taken as 1 and the limits do not change.
(The additive random-effects version is the published alternative; it is not used here.)
"""

import math
from dataclasses import dataclass

from .statistics import ControlLimits

WINSOR_FRACTION = 0.10


def z_score(observed: float, expected: float) -> float:
    """Standardised difference from the expected count under Poisson chance alone."""
    return (observed - expected) / math.sqrt(expected)


def percentile(values: list[float], fraction: float) -> float:
    """Linear-interpolation percentile of sorted positions (numpy's and R's default, 'type 7')."""
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def winsorise(values: list[float], fraction: float = WINSOR_FRACTION) -> list[float]:
    """Each value clamped between the `fraction` and `1 - fraction` percentiles."""
    low, high = percentile(values, fraction), percentile(values, 1 - fraction)
    return [min(max(value, low), high) for value in values]


@dataclass(frozen=True)
class Overdispersion:
    """The estimated factor and whether it is applied."""

    phi: float
    areas: int

    @property
    def applies(self) -> bool:
        return self.areas * self.phi > self.areas - 1

    @property
    def inflation(self) -> float:
        """How much further from the target each limit lies: sqrt(phi), or 1 if it does not apply."""
        return math.sqrt(self.phi) if self.applies else 1.0


def estimate(observed_and_expected: list[tuple[float, float]]) -> Overdispersion | None:
    """phi from (observed, expected) counts of every plotted area; None with fewer than 2 areas."""
    z = [z_score(o, e) for o, e in observed_and_expected if e > 0]
    if len(z) < 2:
        return None
    winsorised = winsorise(z)
    return Overdispersion(sum(value * value for value in winsorised) / len(z), len(z))


def adjusted(limits: ControlLimits, target: float, inflation: float) -> ControlLimits:
    """The chance-only limits moved sqrt(phi) times further from the target (never below 0)."""

    def widen(limit: float) -> float:
        return max(0.0, target + inflation * (limit - target))

    return ControlLimits(
        denominator=limits.denominator,
        lower_95=widen(limits.lower_95),
        upper_95=widen(limits.upper_95),
        lower_998=widen(limits.lower_998),
        upper_998=widen(limits.upper_998),
    )
