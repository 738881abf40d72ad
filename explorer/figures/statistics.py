"""
Every number the explorer derives: rates, funnel-plot control limits, correlations and the
small-number rule. One module, so the charts, tables, CSV downloads and tests all agree.

Funnel-plot limits use the **exact Poisson** method with Spiegelhalter's interpolation
(Spiegelhalter D J, "Funnel plots for comparing institutional performance", Statistics in
Medicine 2005;24:1185-1202, appendix A.1.2). For an LA with n live births and a target rate
theta (events per birth), the expected count is lambda = theta * n. For a tail probability p we
find the smallest count r with P(X <= r) >= p, then interpolate between r - 1 and r so the limit
moves smoothly with n:

    alpha = (P(X <= r) - p) / (P(X <= r) - P(X <= r - 1));   limit count = r - alpha

and the limit rate is (r - alpha) / n. Newborn counts are small (often under 20 a year), where
the normal approximation (lambda +/- z * sqrt(lambda)) is poor, which is why the exact method is
used; `normal_limits` is kept only to show (and test) that the two agree for large counts.
"""

import functools
import math
from dataclasses import dataclass

PER = 10_000  # rates are per 10,000 live births (or per 10,000 children)
SMALL_COUNT_THRESHOLD = 5  # counts 1-4 are suppressed, as official statistics do

# Two-sided limits: 95% (about 2 standard deviations) and 99.8% (about 3).
LIMIT_PROBABILITIES = {"95": (0.025, 0.975), "99.8": (0.001, 0.999)}
Z_95 = 1.959963984540054


def rate_per_10000(count, denominator):
    """count / denominator * 10,000, or None when either is missing or the denominator is 0."""
    if count is None or not denominator:
        return None
    return count / denominator * PER


def is_suppressed(count) -> bool:
    """Counts of 1 to 4 are not published; 0 and 5 or more are."""
    return count is not None and 0 < count < SMALL_COUNT_THRESHOLD


def poisson_cdf(k: int, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam), summed in log space so large lam does not underflow."""
    if k < 0:
        return 0.0
    if lam <= 0:
        return 1.0
    log_lam = math.log(lam)
    return min(1.0, sum(math.exp(i * log_lam - lam - math.lgamma(i + 1)) for i in range(k + 1)))


def poisson_limit_count(lam: float, p: float) -> float:
    """The interpolated p-quantile of Poisson(lam): the control limit on the count scale."""
    if lam <= 0:
        return 0.0
    # Walk up from a point safely below the quantile instead of from 0 (fast for large lam).
    r = max(0, int(lam - 10 * math.sqrt(lam)) - 1)
    below = poisson_cdf(r - 1, lam)
    at = poisson_cdf(r, lam)
    while at < p:
        r += 1
        below, at = at, at + _pmf(r, lam)
    alpha = (at - p) / (at - below) if at > below else 0.0
    return max(0.0, r - alpha)


def _pmf(k: int, lam: float) -> float:
    return math.exp(k * math.log(lam) - lam - math.lgamma(k + 1))


@dataclass(frozen=True)
class ControlLimits:
    """Funnel limits for one denominator, as rates per 10,000."""

    denominator: int
    lower_95: float
    upper_95: float
    lower_998: float
    upper_998: float


# A pure function of its two numbers, and the funnels ask for the same ones on every request (a limit curve is 60
# calls, each summing thousands of Poisson terms: 35 ms a funnel page). Bounded, as uploads bring their own births.
@functools.lru_cache(maxsize=4096)
def funnel_limits(target_rate_per_10000: float, denominator: int) -> ControlLimits:
    """Exact Poisson 95% and 99.8% limits around the target rate for this many live births."""
    lam = target_rate_per_10000 / PER * denominator
    to_rate = (lambda count: count / denominator * PER) if denominator else (lambda count: 0.0)
    lo95, hi95 = LIMIT_PROBABILITIES["95"]
    lo998, hi998 = LIMIT_PROBABILITIES["99.8"]
    return ControlLimits(
        denominator=denominator,
        lower_95=to_rate(poisson_limit_count(lam, lo95)),
        upper_95=to_rate(poisson_limit_count(lam, hi95)),
        lower_998=to_rate(poisson_limit_count(lam, lo998)),
        upper_998=to_rate(poisson_limit_count(lam, hi998)),
    )


def normal_limits(target_rate_per_10000: float, denominator: int, z: float) -> tuple[float, float]:
    """Normal-approximation limits (lambda +/- z sqrt(lambda)); for comparison only."""
    lam = target_rate_per_10000 / PER * denominator
    spread = z * math.sqrt(lam)
    return (max(0.0, lam - spread) / denominator * PER, (lam + spread) / denominator * PER)


class FunnelPosition:
    """Where a point lies relative to the limits; the words are shown to users."""

    ABOVE_998 = "above the 99.8% limit"
    ABOVE_95 = "above the 95% limit"
    WITHIN = "within the limits"
    BELOW_95 = "below the 95% limit"
    BELOW_998 = "below the 99.8% limit"
    OUTSIDE = (ABOVE_998, ABOVE_95, BELOW_95, BELOW_998)


def funnel_position(rate: float, limits: ControlLimits) -> str:
    if rate > limits.upper_998:
        return FunnelPosition.ABOVE_998
    if rate > limits.upper_95:
        return FunnelPosition.ABOVE_95
    if rate < limits.lower_998:
        return FunnelPosition.BELOW_998
    if rate < limits.lower_95:
        return FunnelPosition.BELOW_95
    return FunnelPosition.WITHIN


@dataclass(frozen=True)
class Correlation:
    """A correlation coefficient with its approximate 95% confidence interval (Fisher z)."""

    method: str  # "Pearson" or "Spearman"
    r: float
    n: int
    low: float | None
    high: float | None

    @property
    def includes_zero(self) -> bool:
        return self.low is None or (self.low <= 0 <= self.high)


def fisher_interval(r: float, n: int) -> tuple[float | None, float | None]:
    """95% interval via Fisher's z = atanh(r), standard error 1 / sqrt(n - 3)."""
    if n < 4 or abs(r) >= 1:
        return None, None
    z = math.atanh(r)
    half = Z_95 / math.sqrt(n - 3)
    return math.tanh(z - half), math.tanh(z + half)


def pearson(xs, ys) -> Correlation | None:
    """Pearson's r over the pairs where both values are present; None if it cannot be computed."""
    pairs = [(float(x), float(y)) for x, y in zip(xs, ys, strict=True) if x is not None and y is not None]
    n = len(pairs)
    if n < 3:
        return None
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    sxx = sum((x - mean_x) ** 2 for x, _ in pairs)
    syy = sum((y - mean_y) ** 2 for _, y in pairs)
    if sxx == 0 or syy == 0:
        return None
    r = sxy / math.sqrt(sxx * syy)
    return Correlation("Pearson", r, n, *fisher_interval(r, n))


def ranks(values) -> list[float]:
    """1-based ranks; tied values share the average of their ranks."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def spearman(xs, ys) -> Correlation | None:
    """Spearman's rank correlation (for ordered grades such as Ofsted's), Fisher-z interval."""
    pairs = [(float(x), float(y)) for x, y in zip(xs, ys, strict=True) if x is not None and y is not None]
    if len(pairs) < 3:
        return None
    result = pearson(ranks([x for x, _ in pairs]), ranks([y for _, y in pairs]))
    return result and Correlation("Spearman", result.r, result.n, result.low, result.high)


def strength_words(r: float) -> str:
    size = abs(r)
    if size < 0.1:
        return "no clear"
    if size < 0.3:
        return "a weak"
    if size < 0.5:
        return "a moderate"
    return "a strong"


def relationship_in_words(corr: Correlation | None) -> str:
    """'a moderate positive relationship', 'no clear relationship', or '' with too few areas to measure one."""
    if corr is None:
        return ""
    strength = strength_words(corr.r)
    if strength == "no clear":
        return f"{strength} relationship"
    return f"{strength} {'positive' if corr.r > 0 else 'negative'} relationship"


def describe_correlation(corr: Correlation | None, x_label: str, y_label: str, extra: str = "") -> str:
    """Plain-English sentences (plus `extra`, if given), always ending with the causation caveat."""
    if corr is None:
        return f"There are too few areas with both {x_label} and {y_label} to measure a relationship."
    strength = strength_words(corr.r)
    relation = relationship_in_words(corr)
    tendency = "higher" if corr.r > 0 else "lower"
    text = (
        f"Across {corr.n} local authorities there is {relation} between {x_label} and {y_label} "
        f"({corr.method} correlation r = {corr.r:.2f}"
    )
    if corr.low is not None:
        text += f"; 95% confidence interval {corr.low:.2f} to {corr.high:.2f})."
        if corr.includes_zero:
            text += " The interval includes zero, so these data are consistent with no relationship at all."
        elif strength != "no clear":
            text += f" Where {x_label} is higher, the {y_label} tends to be {tendency}."
    else:
        text += ")."
    return (
        text
        + (" " + extra if extra else "")
        + " Correlation is not causation: both may reflect other differences between areas."
    )
