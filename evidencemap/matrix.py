"""
The evidence and gap map as data: interventions (rows, grouped by area of practice) x outcomes
(columns), each cell the references that measured that outcome for that intervention.

Built from a fixed handful of aggregate queries whatever the number of rows, columns or studies,
one page of MAP_PAGE_SIZE interventions at a time, so the page stays the same size however large
the catalogue grows (at 100,000 entries the whole map was 273 MB of HTML); the totals above it
still describe the whole map. `references_for_cell` returns exactly the studies a cell counts.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count

from catalogue.caches import RecentValues
from catalogue.models import (
    AreaOfPractice,
    EntryPage,
    InterventionPage,
    Outcome,
    Reference,
    ReferenceOutcome,
    Region,
)
from catalogue.models.entries import ENTRY_TYPES
from catalogue.models.visibility import without_private
from catalogue.search.snapshot import Snapshot, get_snapshot

from .filters import MapFilters
from .hierarchy import Tier, strongest

Direction = ReferenceOutcome.Direction
MAP_PAGE_SIZE = 50
ROW_ORDERS_KEPT = 8  # filter combinations whose row order a process keeps (100,000 rows: 0.8 MB each)
INTERVENTION = next(slug for slug, model in ENTRY_TYPES.items() if model is InterventionPage)


@dataclass
class Cell:
    """What is known about one intervention and one outcome."""

    intervention_id: int
    outcome: Outcome
    count: int = 0
    tier: Tier | None = None
    directions: Counter = field(default_factory=Counter)
    designs: Counter = field(default_factory=Counter)

    @property
    def is_gap(self) -> bool:
        return self.count == 0

    def direction_summary(self) -> list[tuple[str, int]]:
        """(direction label, number of studies) in a fixed order, leaving out directions nobody found."""
        return [(label, self.directions[value]) for value, label in Direction.choices if self.directions[value]]


@dataclass
class Row:
    """One intervention and its cells, in column order."""

    intervention: InterventionPage
    cells: list[Cell]

    @property
    def gap_count(self) -> int:
        return sum(cell.is_gap for cell in self.cells)

    @property
    def studied_cells(self) -> list[Cell]:
        return [cell for cell in self.cells if not cell.is_gap]

    @property
    def gap_outcome_names(self) -> list[str]:
        """The outcomes no counted study of this intervention measured, in column order."""
        return [cell.outcome.name for cell in self.cells if cell.is_gap]


@dataclass
class AreaGroup:
    """The rows of one area of practice (an intervention in two areas appears under both)."""

    area: AreaOfPractice | None
    rows: list[Row]
    questions: list = field(default_factory=list)  # research questions about the whole area
    questions_by_outcome: dict = field(default_factory=dict)  # outcome id -> questions about area + outcome


@dataclass(frozen=True)
class MapPage:
    """Which slice of the map's rows is shown, out of how many interventions in all."""

    number: int
    size: int
    total: int

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.size))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first_shown(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last_shown(self) -> int:
        return min(self.offset + self.size, self.total)

    @property
    def window(self) -> list[int | None]:
        """Page numbers to link: first, last, and two either side of this one (None: a gap)."""
        wanted = {1, self.page_count, *range(self.number - 2, self.number + 3)}
        numbers = sorted(n for n in wanted if 1 <= n <= self.page_count)
        window = []
        for n in numbers:
            if window and n - window[-1] > 1:
                window.append(None)
            window.append(n)
        return window


@dataclass
class EvidenceMatrix:
    """One page of the map: columns, row groups, and every cell keyed by (intervention id, outcome id)."""

    filters: MapFilters
    outcomes: list[Outcome]
    groups: list[AreaGroup]
    cells: dict[tuple[int, int], Cell]
    page: MapPage
    studied_cells: int  # over the whole map, not just this page

    @property
    def interventions(self) -> list[InterventionPage]:
        seen = {}
        for group in self.groups:
            for row in group.rows:
                seen.setdefault(row.intervention.pk, row.intervention)
        return list(seen.values())

    @property
    def cell_count(self) -> int:
        """Cells in the whole map (every matching intervention x every outcome)."""
        return self.page.total * len(self.outcomes)

    @property
    def gap_count(self) -> int:
        """Cells with no studies, in the whole map."""
        return self.cell_count - self.studied_cells

    def cell(self, intervention_id: int, outcome_id: int) -> Cell:
        return self.cells[(intervention_id, outcome_id)]


def matching_interventions(filters: MapFilters):
    """
    Live, public interventions in the selected areas, stages and regions (any of each). Subqueries rather
    than joins, so no row repeats and no DISTINCT has to sort 100,000 wide rows.
    """
    interventions = without_private(InterventionPage.objects.live())
    for param, relation in (("area", "areas"), ("stage", "stages")):
        if getattr(filters, param):
            field = EntryPage._meta.get_field(relation)
            column = f"{field.related_model._meta.model_name}__slug__in"
            links = field.remote_field.through.objects.filter(**{column: getattr(filters, param)})
            interventions = interventions.filter(pk__in=links.values("entrypage_id"))
    if filters.region:  # "applies here": tagged with the region or a wider scope containing it
        links = EntryPage.regions.through.objects.filter(region__slug__in=Region.slugs_applying_in(filters.region))
        interventions = interventions.filter(pk__in=links.values("entrypage_id"))
    return interventions


def _counted_findings(filters: MapFilters, interventions):
    """Findings of the studies the map counts, for these interventions (a queryset or a list of ids)."""
    if not isinstance(interventions, list):
        interventions = interventions.values("pk")
    findings = ReferenceOutcome.objects.filter(reference__entries__in=interventions)
    if filters.design:
        findings = findings.filter(reference__design__in=filters.design)
    if filters.country:
        findings = findings.filter(reference__country__in=filters.country)
    return findings


def build_matrix(
    filters: MapFilters, page_number: int = 1, page_size: int = MAP_PAGE_SIZE, snapshot: Snapshot | None = None
) -> EvidenceMatrix:
    """
    One page of the map: its rows, their area links and their findings in three queries, plus the
    outcomes; the whole map's row order and totals come from `map_rows` (on `snapshot`, the worker's new one, or
    this process's). A page number past the end shows the last page.
    """
    ordered_ids, studied = map_rows(filters, snapshot)
    page = MapPage(1, page_size, len(ordered_ids))
    page = MapPage(min(max(page_number, 1), page.page_count), page_size, len(ordered_ids))
    page_ids = ordered_ids[page.offset : page.offset + page.size].tolist()
    outcomes = list(Outcome.objects.all())
    # Live and not private: rows from a previous content version's order (`map_rows`) may have been withdrawn since.
    # Only what a row shows (its title and link): whole page objects of three joined tables were most of the cost.
    shown = without_private(InterventionPage.objects.live()).filter(pk__in=page_ids).only("title", "url_path")
    found = {intervention.pk: intervention for intervention in shown}
    rows_by_id = {pk: found[pk] for pk in page_ids if pk in found}
    cells = tally_cells(filters, list(rows_by_id), outcomes)
    groups = _group_by_area(filters, rows_by_id, outcomes, cells)
    return EvidenceMatrix(
        filters=filters, outcomes=outcomes, groups=groups, cells=cells, page=page, studied_cells=studied
    )


def map_rows(filters: MapFilters, snapshot: Snapshot | None = None) -> tuple[np.ndarray, int]:
    """
    Every matching intervention's id in A to Z order, and how many cells have a study, read from the search
    snapshot (`catalogue.search.snapshot`): its facet masks and title order give the rows in a few vector
    operations, where SQL sorted 100,000 titles. Kept on the snapshot for the last few filter combinations, so
    they are worked out once per content version and process. After a publish a visitor is answered from the
    previous snapshot while the worker builds the next (as the catalogue's search is); the page's rows are then
    checked against the database (`build_matrix`).
    """
    snapshot = snapshot or get_snapshot(previous_while_rebuilding=True)
    kept = snapshot.memo("evidence-map-rows", lambda: RecentValues(ROW_ORDERS_KEPT))
    return kept.get(filters.query_string(), lambda: _rows(snapshot, filters))


def _rows(snapshot: Snapshot, filters: MapFilters) -> tuple[np.ndarray, int]:
    """Rows as `matching_interventions` selects them (any of each filter's values), and their studied cells."""
    matching = snapshot.mask_for("type", {INTERVENTION})
    for param in ("area", "stage", "region"):  # the snapshot's region masks already count wider scopes in
        if getattr(filters, param):
            matching &= snapshot.mask_for(param, getattr(filters, param))
    in_title_order = snapshot.orders["title"]
    ids = snapshot.ids[in_title_order[matching[in_title_order]]]
    return ids, _studied_cells(filters, ids)


def _studied_cells(filters: MapFilters, intervention_ids: np.ndarray) -> int:
    """
    Distinct (intervention, outcome) pairs with a counted study. Read from the findings and their citing entries
    (as many rows as there are citations), then kept to these interventions: filtering by the interventions in
    SQL made the database list every one of them first, 130 ms at 100,000 entries.
    """
    findings = ReferenceOutcome.objects.all()
    if filters.design:
        findings = findings.filter(reference__design__in=filters.design)
    if filters.country:
        findings = findings.filter(reference__country__in=filters.country)
    pairs = findings.values_list("reference__entries", "outcome_id").distinct()
    citing = np.fromiter((entry for entry, _ in pairs if entry is not None), dtype=np.int64)  # None: cited nowhere
    return int(np.isin(citing, intervention_ids).sum())


def tally_cells(
    filters: MapFilters, intervention_ids: list[int], outcomes: list[Outcome], with_gaps: bool = True
) -> dict:
    """Every cell of these interventions' rows (only those with studies if not `with_gaps`), in one query."""
    cells = {}
    by_id = {outcome.pk: outcome for outcome in outcomes}
    if with_gaps:
        for intervention_id in intervention_ids:
            for outcome in outcomes:
                cells[(intervention_id, outcome.pk)] = Cell(intervention_id, outcome)
    # One row per (intervention, outcome, design, direction): (reference, outcome) is unique, so the
    # row count is a count of distinct studies.
    wanted = set(intervention_ids)
    tallies = (
        _counted_findings(filters, intervention_ids)
        .values_list("reference__entries", "outcome_id", "reference__design", "direction")
        .annotate(studies=Count("id"))
        .order_by()
    )
    for intervention_id, outcome_id, design, direction, studies in tallies:
        if intervention_id not in wanted or outcome_id not in by_id:  # another entry citing the same study
            continue
        cell = cells.get((intervention_id, outcome_id))
        if cell is None:
            cell = cells[(intervention_id, outcome_id)] = Cell(intervention_id, by_id[outcome_id])
        cell.count += studies
        cell.designs[design] += studies
        cell.directions[direction] += studies
    for cell in cells.values():
        cell.tier = strongest(cell.designs)
    return cells


def area_links(filters: MapFilters, intervention_ids: list[int]) -> tuple[dict, dict[int, list[int]]]:
    """Areas by id, and area id -> the given interventions in it (only selected areas, when filtered)."""
    areas = {area.pk: area for area in AreaOfPractice.objects.all()}
    members = defaultdict(list)
    through = EntryPage.areas.through
    for entry_id, area_id in through.objects.filter(entrypage__in=intervention_ids).values_list(
        "entrypage_id", "areaofpractice_id"
    ):
        if not filters.area or areas[area_id].slug in filters.area:
            members[area_id].append(entry_id)
    return areas, members


def _group_by_area(filters, rows_by_id, outcomes, cells) -> list[AreaGroup]:
    areas, links = area_links(filters, list(rows_by_id))
    grouped = set()
    groups = []
    for area_id, area in areas.items():
        in_area = set(links[area_id])
        ids = [pk for pk in rows_by_id if pk in in_area]
        if ids:
            grouped.update(ids)
            groups.append(AreaGroup(area, [_row(rows_by_id[pk], outcomes, cells) for pk in ids]))
    ungrouped = [pk for pk in rows_by_id if pk not in grouped]
    if ungrouped:
        groups.append(AreaGroup(None, [_row(rows_by_id[pk], outcomes, cells) for pk in ungrouped]))
    return groups


def _row(intervention, outcomes, cells) -> Row:
    return Row(intervention, [cells[(intervention.pk, outcome.pk)] for outcome in outcomes])


def references_for_cell(filters: MapFilters, intervention_id: int | None = None, outcome: Outcome | None = None):
    """
    Exactly the studies a map cell counts. Leave out the intervention for a whole column, the
    outcome for a whole row (studies that measured any outcome).
    """
    interventions = matching_interventions(filters)
    if intervention_id is not None:
        interventions = interventions.filter(pk=intervention_id)
    findings = _counted_findings(filters, interventions)
    if outcome is not None:
        findings = findings.filter(outcome=outcome)
    return Reference.objects.filter(pk__in=findings.values("reference_id"))
