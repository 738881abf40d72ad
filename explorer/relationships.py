"""
Scatter plots of a rate against deprivation, spend per child and Ofsted judgement, each with its
correlation and 95% interval in plain words. Newborn rates are pooled over every year of the
dataset (total babies over total live births) because single-year counts are small and noisy.
"""

from catalogue.models import LocalAuthority

from . import statistics
from .chart import BIRTHS, CLA, IMD, OFSTED, SPEND, Chart, fmt_count, fmt_rate, newborn_source
from .measures import cla_rates, pooled, spend_per_child
from .models import Deprivation, OfstedJudgement
from .plots import ScatterPoint, scatter_svg

OFSTED_GRADES = {1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate"}
LABEL_EXTREMES = 4  # name the few highest and lowest areas on each scatter


def pooled_newborn_rates(rates) -> dict[int, tuple[int, int, float | None]]:
    """{LA id: (count, births, rate)} over all years; rate None when the pooled count is 1-4."""
    groups = pooled(rates, lambda item: item.local_authority.pk)
    totals = {}
    for (la_id, _), group in groups.items():
        count, births = totals.get(la_id, (0, 0))
        totals[la_id] = (count + group.count, births + group.births)
    return {la_id: (count, births, None if statistics.is_suppressed(count) else statistics.rate_per_10000(count, births))
            for la_id, (count, births) in totals.items()}


def explanatory_values(kind: str) -> dict[int, float]:
    if kind == "imd":
        return {row.local_authority_id: float(row.imd_average_score) for row in Deprivation.objects.all()}
    if kind == "spend":
        return spend_per_child()
    return {row.local_authority_id: row.overall_effectiveness_grade for row in OfstedJudgement.objects.all()}


EXPLANATORY = {
    "imd": ("IMD 2019 average score", "deprivation (IMD 2019 average score)", IMD),
    "spend": ("Children's social care spend per child, 2024-25 (£)", "spend per child", SPEND),
    "ofsted": ("Ofsted overall effectiveness (1 Outstanding to 4 Inadequate)", "the Ofsted grade (4 is the worst)", OFSTED),
}


def _scatter(slug, title, y_name, y_axis, y_values: dict[int, float], kind, sources, extra_columns=None) -> Chart:
    x_axis, x_words, x_source = EXPLANATORY[kind]
    x_values = explanatory_values(kind)
    names = dict(LocalAuthority.objects.values_list("pk", "name"))
    ids = sorted((la_id for la_id in y_values if la_id in x_values and y_values[la_id] is not None),
                 key=lambda la_id: names[la_id])
    xs, ys = [x_values[i] for i in ids], [y_values[i] for i in ids]
    method = statistics.spearman if kind == "ofsted" else statistics.pearson
    corr = method(xs, ys)
    extra = ""
    if kind != "ofsted" and corr is not None:
        # Pearson's r is pulled about by a few extreme areas; the rank correlation is a robustness check.
        ranked = statistics.spearman(xs, ys)
        if ranked and ranked.low is not None:
            extra = (f"Using ranks instead, which a few extreme areas sway less, Spearman's r = {ranked.r:.2f} "
                     f"(95% interval {ranked.low:.2f} to {ranked.high:.2f}).")
    summary = statistics.describe_correlation(corr, x_words, y_name, extra)
    extremes = set(sorted(ids, key=lambda i: y_values[i])[-LABEL_EXTREMES:])
    points = [ScatterPoint(x_values[i], y_values[i], names[i], i in extremes) for i in ids]
    svg = scatter_svg(title, summary, points, x_label=x_axis, y_label=y_axis,
                      categories=OFSTED_GRADES if kind == "ofsted" else None)
    extra_columns = extra_columns or {}
    x_format = (lambda v: f"{int(v)} {OFSTED_GRADES[int(v)]}") if kind == "ofsted" else (lambda v: f"{v:.2f}")
    rows = [[names[i], x_format(x_values[i]), fmt_rate(y_values[i]), *[column[i] for column in extra_columns.values()]]
            for i in ids]
    chart = Chart(slug, title, summary, svg, ["Local authority", x_axis, y_name[0].upper() + y_name[1:],
                                              *extra_columns], rows, [*sources, x_source])
    chart.correlation = corr
    chart.notes.append(f"{len(ids)} local authorities have both figures; the {LABEL_EXTREMES} highest rates are named.")
    return chart


def newborn_scatter(dataset, rates, kind: str) -> Chart:
    totals = pooled_newborn_rates([item for item in rates if item.local_authority.country == "England"])
    y_values = {la_id: rate for la_id, (_, _, rate) in totals.items()}
    counts = {la_id: fmt_count(count) for la_id, (count, _, _) in totals.items()}
    births = {la_id: f"{b}" for la_id, (_, b, _) in totals.items()}
    titles = {"imd": "deprivation", "spend": "children's social care spend per child", "ofsted": "Ofsted judgement"}
    chart = _scatter(f"newborn-vs-{kind}", f"Newborns in care proceedings against {titles[kind]}",
                     "newborn rate per 10,000 live births (all years pooled)", "Rate per 10,000 live births",
                     y_values, kind,
                     [newborn_source(dataset), BIRTHS],
                     {"Babies under one week (all years)": counts, "Live births (all years)": births})
    suppressed = sum(1 for _, _, rate in totals.values() if rate is None)
    if suppressed:
        chart.notes.append(f"Left out because the pooled count is under 5 (suppressed): {suppressed} local "
                           f"authorit{'y' if suppressed == 1 else 'ies'}.")
    return chart


def cla_scatter(kind="imd") -> Chart | None:
    """Open data only: children starting to be looked after (DfE 2025) against an explanatory measure."""
    year, rows = cla_rates()
    if year is None:  # the open data has not been loaded
        return None
    by_code = dict(LocalAuthority.objects.values_list("ons_code", "pk"))
    y_values = {by_code[code]: float(row.rate_per_10000) for code, row in rows.items()
                if code in by_code and row.rate_per_10000 is not None}
    titles = {"imd": "deprivation", "spend": "spend per child", "ofsted": "Ofsted judgement"}
    chart = _scatter(f"cla-vs-{kind}", f"Children starting to be looked after ({year - 1}/{year % 100:02d}) "
                     f"against {titles[kind]}", "rate of children starting to be looked after per 10,000 children",
                     "Rate per 10,000 children aged 0-17", y_values, kind, [CLA])
    chart.notes.append("Real published data (not synthetic). Children of all ages, not only newborns.")
    if kind == "spend":
        chart.notes.append("Spend includes the cost of looking after children, so part of this relationship is "
                           "built in: more children in care means more spending.")
    return chart
