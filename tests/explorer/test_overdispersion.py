"""Spiegelhalter's over-dispersion factor against small examples worked from the formula in the test itself."""

import math
import statistics as stats

import pytest

from explorer.figures import overdispersion as od
from explorer.figures.statistics import ControlLimits


def phi_from_the_formula(observed, expected) -> float:
    """z = (O - E) / sqrt(E); Winsorise at the 10th / 90th percentiles; phi = mean of squares."""
    z = [(o - e) / math.sqrt(e) for o, e in zip(observed, expected, strict=True)]
    deciles = stats.quantiles(z, n=10, method="inclusive")
    return sum(min(max(value, deciles[0]), deciles[-1]) ** 2 for value in z) / len(z)


# Eleven areas, each expecting 9 (so sqrt(E) = 3), observed chosen so the z-scores are whole numbers:
# z = -3, -1, -1, 0, 0, 0, 0, 1, 1, 2, 6. With 11 values the 10th percentile is the 2nd smallest (-1) and
# the 90th the 2nd largest (2), so the Winsorised z are -1, -1, -1, 0, 0, 0, 0, 1, 1, 2, 2:
# sum of squares 13, phi = 13 / 11; I * phi = 13 > I - 1 = 10, so the limits widen by sqrt(13 / 11).
Z_BY_HAND = [-3, -1, -1, 0, 0, 0, 0, 1, 1, 2, 6]
OBSERVED = [9 + 3 * z for z in Z_BY_HAND]
EXPECTED = [9] * len(OBSERVED)


def test_the_factor_matches_the_worked_example():
    assert phi_from_the_formula(OBSERVED, EXPECTED) == pytest.approx(13 / 11)  # the formula agrees with the hand
    result = od.estimate(list(zip(OBSERVED, EXPECTED, strict=True)))
    assert result.phi == pytest.approx(13 / 11)
    assert result.areas == 11
    assert result.applies
    assert result.inflation == pytest.approx(math.sqrt(13 / 11))


def test_winsorising_stops_one_extreme_area_inflating_the_factor():
    # Without Winsorising, the area at z = 6 alone would add 36 / 11 to phi.
    unclamped = sum(z * z for z in Z_BY_HAND) / len(Z_BY_HAND)
    assert od.estimate(list(zip(OBSERVED, EXPECTED, strict=True))).phi < unclamped - 3


def test_no_allowance_when_areas_spread_no_more_than_chance():
    # z = 0 except two areas at +/-1: Winsorised phi is small, I * phi < I - 1, so the limits stay put.
    observed = [9] * 9 + [6, 12]
    expected = [9] * 11
    result = od.estimate(list(zip(observed, expected, strict=True)))
    assert result.phi == pytest.approx(phi_from_the_formula(observed, expected))
    assert not result.applies
    assert result.inflation == 1.0


def test_fewer_than_two_areas_give_no_estimate():
    assert od.estimate([(3, 4)]) is None
    assert od.estimate([]) is None


def test_adjusted_limits_move_sqrt_phi_further_from_the_target_and_never_below_zero():
    chance = ControlLimits(2000, lower_95=20, upper_95=60, lower_998=2, upper_998=80)
    wide = od.adjusted(chance, target=35, inflation=2.0)
    assert (wide.lower_95, wide.upper_95, wide.upper_998) == (35 - 2 * 15, 35 + 2 * 25, 35 + 2 * 45)
    assert wide.lower_998 == 0.0  # 35 - 2 * 33 is below zero: a rate cannot be
    assert od.adjusted(chance, target=35, inflation=1.0) == chance


def test_percentile_is_linear_interpolation():
    values = [5, 1, 4, 2, 3]
    assert od.percentile(values, 0.1) == pytest.approx(stats.quantiles(values, n=10, method="inclusive")[0])
    assert od.percentile(values, 0.9) == pytest.approx(stats.quantiles(values, n=10, method="inclusive")[-1])
