"""
How every page of the data wing writes a number, a share and a year, so that a chart's table, its CSV
and its summary read the same on every page.
"""

# Flags that mean "published, but withheld": DfE's c (suppressed), x (not available), z (not applicable)
# and StatsWales's *. A flag is shown in brackets, never as 0; a figure that is simply absent shows nothing.
ABSENT = {"", "missing"}


def year_label(year: int) -> str:
    """GOV.UK style for a reporting year ending 31 March: 2025 -> '2024 to 2025'."""
    return f"{year - 1} to {year}"


def year_labels(years) -> dict[int, str]:
    """{year: label} for a chart's x axis."""
    return {year: year_label(year) for year in years}


def fmt_count(count, flag="") -> str:
    """A published count with thousands separators; a suppressed one shows its flag, e.g. [c], never 0."""
    if count is None:
        return "" if flag in ABSENT else f"[{flag}]"
    return f"{count:,}"


def fmt_rate(value) -> str:
    """A rate to one decimal place (per 10,000 live births, per 1,000 girls ...)."""
    return "" if value is None else f"{value:,.1f}"


def fmt_share(value) -> str:
    """A percentage to one decimal place; `value` is a number or a Share (count over total, with its flag)."""
    if hasattr(value, "percent"):
        if value.percent is None:
            return fmt_count(None, value.flag)
        value = value.percent
    return "" if value is None else f"{value:.1f}%"


def count_over_total(share) -> str:
    """'12 / 340': the two counts behind a share, as tables show them."""
    return f"{fmt_count(share.count, share.flag)} / {fmt_count(share.total)}"
