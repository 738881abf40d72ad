"""
Children looked after at 31 March by placement type and by ethnicity (DfE, all ages, England, 2021-2025): the
categories DfE publishes, each mapped to the site's own measure key. Plain data, read by the loader (which
category of which source measure becomes which key) and by figures/context.py (what each key means).
Only DfE's own percentages are used: the site never divides one count by another here.
"""

from dataclasses import dataclass

PLACEMENT_PCT = "cla_31_march_by_placement_type_pct"
ETHNICITY_PCT = "cla_31_march_by_ethnicity_pct"
ALL_CHILDREN_KEY = "cla_at_31_march_all_ages_count"


@dataclass(frozen=True)
class Category:
    key: str  # the site's measure key (ContextFigure.measure)
    source_measure: str  # the file's `measure`
    category: str  # the file's `category`, exactly as DfE words it
    name: str  # as a table row says it
    short: str  # as a narrow column heading says it (the board report's A4 table)


def _placement(key, category, short, name=None):
    return Category(f"cla_placement_{key}_pct", PLACEMENT_PCT, category, name or category, short)


def _ethnicity(key, category, short):
    return Category(f"cla_ethnicity_{key}_pct", ETHNICITY_PCT, category, category, short)


PLACEMENT_TYPES = (
    _placement("foster", "Foster placements", "Foster"),
    _placement("with_parents", "Placed with parents or other person with parental responsibility", "With parents"),
    _placement("adoption", "Placed for adoption", "For adoption"),
    _placement("childrens_homes", "Secure homes and children's homes", "Children's homes"),
    _placement("other_residential", "Other residential settings", "Other residential"),
    _placement("residential_schools", "Residential schools", "Residential schools"),
    _placement(
        "independent_living",
        "Independent and semi-independent living arrangements/supported accommodation",
        "Independent living",
        "Independent and semi-independent living or supported accommodation",
    ),
    _placement(
        "other",
        "Other placements",
        "Other (incl. family centres)",
        "Other placements (including family centres and mother and baby units)",
    ),
)
ETHNIC_GROUPS = (
    _ethnicity("white", "White", "White"),
    _ethnicity("mixed", "Mixed or Multiple ethnic groups", "Mixed"),
    _ethnicity("asian", "Asian or Asian British", "Asian"),
    _ethnicity("black", "Black, African, Caribbean or Black British", "Black"),
    _ethnicity("other", "Other ethnic group", "Other"),
    _ethnicity("not_known", "Refused or information not yet available", "Not known"),
)
ALL_CHILDREN = Category(ALL_CHILDREN_KEY, "cla_31_march_by_placement_type", "Total", "All children looked after", "All")
CATEGORIES = (*PLACEMENT_TYPES, *ETHNIC_GROUPS, ALL_CHILDREN)
BY_SOURCE = {(item.source_measure, item.category): item.key for item in CATEGORIES}
