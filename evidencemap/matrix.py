"""
The evidence and gap map as data: interventions (rows, grouped by area of practice) x outcomes
(columns), each cell the references that measured that outcome for that intervention.

Built from a fixed handful of aggregate queries whatever the number of rows, columns or studies;
`references_for_cell` returns exactly the studies a cell counts, for the cell's link.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from catalogue.models import AreaOfPractice, EntryPage, InterventionPage, Outcome, Reference, ReferenceOutcome

from .filters import MapFilters
from .hierarchy import Tier, strongest

Direction = ReferenceOutcome.Direction


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


@dataclass
class AreaGroup:
    """The rows of one area of practice (an intervention in two areas appears under both)."""

    area: AreaOfPractice | None
    rows: list[Row]
    questions: list = field(default_factory=list)  # research questions about the whole area
    questions_by_outcome: dict = field(default_factory=dict)  # outcome id -> questions about area + outcome


@dataclass
class EvidenceMatrix:
    """The whole map: columns, row groups, and every cell keyed by (intervention id, outcome id)."""

    filters: MapFilters
    outcomes: list[Outcome]
    groups: list[AreaGroup]
    cells: dict[tuple[int, int], Cell]

    @property
    def interventions(self) -> list[InterventionPage]:
        seen = {}
        for group in self.groups:
            for row in group.rows:
                seen.setdefault(row.intervention.pk, row.intervention)
        return list(seen.values())

    @property
    def gap_count(self) -> int:
        return sum(cell.is_gap for cell in self.cells.values())

    def cell(self, intervention_id: int, outcome_id: int) -> Cell:
        return self.cells[(intervention_id, outcome_id)]


def matching_interventions(filters: MapFilters):
    """Live, public interventions in the selected areas and stages (any of each)."""
    interventions = InterventionPage.objects.live().public()
    if filters.area:
        interventions = interventions.filter(areas__slug__in=filters.area)
    if filters.stage:
        interventions = interventions.filter(stages__slug__in=filters.stage)
    return interventions.distinct()


def _counted_findings(filters: MapFilters, interventions):
    findings = ReferenceOutcome.objects.filter(reference__entries__in=interventions.values("pk"))
    if filters.design:
        findings = findings.filter(reference__design__in=filters.design)
    if filters.country:
        findings = findings.filter(reference__country__in=filters.country)
    return findings


def build_matrix(filters: MapFilters) -> EvidenceMatrix:
    """The whole map in five queries (view restrictions, outcomes, rows, area links, findings)."""
    interventions = matching_interventions(filters)
    outcomes = list(Outcome.objects.all())
    rows_by_id = {page.pk: page for page in interventions.order_by("title", "pk")}

    cells = {}
    for intervention_id in rows_by_id:
        for outcome in outcomes:
            cells[(intervention_id, outcome.pk)] = Cell(intervention_id, outcome)
    # One row per (intervention, outcome, design, direction): (reference, outcome) is unique, so the
    # row count is a count of distinct studies.
    tallies = (_counted_findings(filters, interventions)
               .values_list("reference__entries", "outcome_id", "reference__design", "direction")
               .annotate(studies=Count("id")).order_by())
    for intervention_id, outcome_id, design, direction, studies in tallies:
        cell = cells.get((intervention_id, outcome_id))
        if cell is None:  # an entry that is not a matching intervention shares the study
            continue
        cell.count += studies
        cell.designs[design] += studies
        cell.directions[direction] += studies
    for cell in cells.values():
        cell.tier = strongest(cell.designs)

    groups = _group_by_area(filters, interventions, rows_by_id, outcomes, cells)
    return EvidenceMatrix(filters=filters, outcomes=outcomes, groups=groups, cells=cells)


def _group_by_area(filters, interventions, rows_by_id, outcomes, cells) -> list[AreaGroup]:
    areas = {area.pk: area for area in AreaOfPractice.objects.all()}
    through = EntryPage.areas.through
    members = defaultdict(list)
    for entry_id, area_id in (through.objects.filter(entrypage__in=interventions.values("pk"))
                              .values_list("entrypage_id", "areaofpractice_id")):
        if not filters.area or areas[area_id].slug in filters.area:
            members[area_id].append(entry_id)
    grouped = set()
    groups = []
    for area_id, area in areas.items():
        in_area = set(members[area_id])
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
