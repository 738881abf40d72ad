"""
The context measures (children in need and child protection, the social work workforce, low income) as tidy
downloads: one file per publication, built from `explorer.figures.context.MEASURES`, so a measure added
there is in its publication's file at once. All ages, never infants alone: each file's description says so.
"""

from ..figures.context import MEASURES
from ..models import ContextFigure
from .tidy import Download, Measure, TidyRow, figure_row, year_span

NOT_INFANTS = "Children of all ages, not infants: no breakdown for infants is published by local authority."


def measures_of(source) -> tuple[Measure, ...]:
    return tuple(
        Measure(key, f"{measure.name} ({measure.unit})", measure.unit)
        for key, measure in MEASURES.items()
        if measure.source is source
    )


def rows_of(source):
    chosen = {measure.code: measure for measure in measures_of(source)}

    def rows() -> list[TidyRow]:
        built = []
        for figure in ContextFigure.objects.filter(measure__in=list(chosen)).order_by("area_code", "year", "measure"):
            base = {
                "area_code": figure.area_code,
                "area_name": figure.area_name,
                "geographic_level": figure.geographic_level,
                "year": figure.year,
                "period": MEASURES[figure.measure].period(figure.year),
            }
            value = None if figure.value is None else figure.value.normalize()
            built.append(figure_row(base, chosen[figure.measure], value, figure.flag))
        return [row for row in built if row is not None]

    return rows


def context_download(stem: str, title: str, year_meaning: str, source) -> Download:
    keys = [measure.code for measure in measures_of(source)]
    return Download(
        stem,
        title,
        f"{source.title}. {NOT_INFANTS}",
        year_meaning,
        (source,),
        measures_of(source),
        rows_of(source),
        years=year_span(ContextFigure.objects.filter(measure__in=keys)),
    )
