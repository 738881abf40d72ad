"""Rates, exact Poisson funnel limits and correlations against values worked out by hand."""

import math

import pytest

from explorer.figures import statistics as st


def test_rate_per_10000_live_births():
    assert st.rate_per_10000(7, 2000) == pytest.approx(35.0)
    assert st.rate_per_10000(1039, 664517) == pytest.approx(15.6354, abs=1e-4)
    assert st.rate_per_10000(5, 0) is None
    assert st.rate_per_10000(None, 100) is None


@pytest.mark.parametrize("count,suppressed", [(0, False), (1, True), (4, True), (5, False), (None, False)])
def test_counts_from_one_to_four_are_suppressed(count, suppressed):
    assert st.is_suppressed(count) is suppressed


def test_poisson_cdf_by_hand():
    # P(X <= 1 | lambda 4) = e^-4 (1 + 4) = 0.0915782
    assert st.poisson_cdf(1, 4) == pytest.approx(5 * math.exp(-4))
    assert st.poisson_cdf(-1, 4) == 0.0


def test_interpolated_poisson_limits_by_hand():
    # lambda = 4. CDF: P0 .0183156, P1 .0915782, ..., P7 .9488664, P8 .9786366.
    # Upper 97.5%: r = 8, alpha = (.9786366 - .975) / (.9786366 - .9488664) = .122156 -> 7.877844
    assert st.poisson_limit_count(4, 0.975) == pytest.approx(7.877844, abs=1e-5)
    # Lower 2.5%: r = 1, alpha = (.0915782 - .025) / (.0915782 - .0183156) = .908760 -> 0.091240
    assert st.poisson_limit_count(4, 0.025) == pytest.approx(0.091240, abs=1e-5)


def test_funnel_limits_are_rates_per_10000():
    # Target 20 per 10,000 with 2,000 births: lambda = 4, so limits are the counts above / 2000 * 10,000.
    limits = st.funnel_limits(20, 2000)
    assert limits.upper_95 == pytest.approx(7.877844 / 2000 * 10_000, abs=1e-4)
    assert limits.lower_95 == pytest.approx(0.091240 / 2000 * 10_000, abs=1e-4)
    assert limits.lower_998 < limits.lower_95 < 20 < limits.upper_95 < limits.upper_998


def test_exact_limits_approach_the_normal_approximation_for_large_counts():
    exact = st.funnel_limits(35, 2_000_000)  # lambda = 7,000
    low, high = st.normal_limits(35, 2_000_000, st.Z_95)
    assert exact.lower_95 == pytest.approx(low, rel=2e-3)
    assert exact.upper_95 == pytest.approx(high, rel=2e-3)


def test_limits_narrow_as_births_grow():
    small, large = st.funnel_limits(30, 1000), st.funnel_limits(30, 20000)
    assert small.upper_998 - small.lower_998 > large.upper_998 - large.lower_998


@pytest.mark.parametrize(
    "rate,expected",
    [
        (100, st.FunnelPosition.ABOVE_998),
        (70, st.FunnelPosition.ABOVE_95),
        (35, st.FunnelPosition.WITHIN),
        (5, st.FunnelPosition.BELOW_95),
        (0.1, st.FunnelPosition.BELOW_998),
    ],
)
def test_funnel_position(rate, expected):
    limits = st.ControlLimits(2000, lower_95=10, upper_95=60, lower_998=1, upper_998=80)
    assert st.funnel_position(rate, limits) == expected


def test_pearson_by_hand():
    # x 1..5, y 2,4,5,4,5: sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60) = 0.774597
    result = st.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
    assert result.r == pytest.approx(0.774597, abs=1e-6)
    assert result.n == 5


def test_fisher_interval_by_hand():
    # r = 0.5, n = 28: z = 0.549306, se = 1/5 = 0.2, z +/- 1.959964 * 0.2 -> tanh(0.157313), tanh(0.941299)
    low, high = st.fisher_interval(0.5, 28)
    assert low == pytest.approx(0.156028, abs=1e-5)
    assert high == pytest.approx(0.735818, abs=1e-5)
    assert st.fisher_interval(0.5, 3) == (None, None)


def test_pearson_skips_missing_pairs_and_refuses_constant_data():
    assert st.pearson([1, None, 3, 4], [2, 5, None, 8]) is None  # only 2 complete pairs
    assert st.pearson([1, 2, 3], [5, 5, 5]) is None


def test_spearman_uses_average_ranks_for_ties():
    assert st.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert st.spearman([1, 2, 3, 4], [1, 4, 9, 16]).r == pytest.approx(1.0)


def test_plain_words_state_the_interval_and_the_causation_caveat():
    wide = st.Correlation("Pearson", 0.2, 10, *st.fisher_interval(0.2, 10))
    text = st.describe_correlation(wide, "deprivation", "rate")
    assert "weak positive" in text and "r = 0.20" in text
    assert "includes zero" in text and "Correlation is not causation" in text
    strong = st.Correlation("Pearson", -0.6, 150, *st.fisher_interval(-0.6, 150))
    text = st.describe_correlation(strong, "spend per child", "rate")
    assert "strong negative" in text and "tends to be lower" in text and "includes zero" not in text
    assert "too few" in st.describe_correlation(None, "x", "y")
