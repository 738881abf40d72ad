"""
The import file's columns: one definition drives the downloadable template, the help shown beside the
upload form and the checks made on every row.
"""

from dataclasses import dataclass

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False
    kind: str = "text"  # text | date | url | list | choice | boolean
    types: tuple[str, ...] = ()  # entry types the column applies to; () = all
    max_length: int | None = None


ENTRY_TYPE_NAMES = {
    "intervention": "intervention",
    "guidance": "guidance",
    "case-study": "case-study",
    "case study": "case-study",
    "casestudy": "case-study",
}

COLUMNS = [
    Column(
        "identifier",
        "Your stable key for this entry (letters, digits, '.', '_' or '-'). Importing a row with "
        "the same identifier again updates that entry instead of creating a new one.",
        required=True,
        max_length=100,
    ),
    Column("type", "intervention, guidance or case-study.", required=True),
    Column("title", "The entry's title.", required=True, max_length=255),
    Column(
        "summary",
        "Two or three plain-English sentences shown in results (600 characters at most).",
        required=True,
        max_length=600,
    ),
    Column(
        "body",
        "The full description; a blank line starts a new paragraph.",
    ),
    Column("areas", "Area(s) of practice, by name or slug, separated by ';'.", required=True, kind="list"),
    Column("stages", "Stage(s), by name or slug, separated by ';'.", kind="list"),
    Column("topics", "Topic(s), by name or slug, separated by ';'.", kind="list"),
    Column("regions", "Region(s), by name, slug or ONS code (e.g. E12000002), separated by ';'.", kind="list"),
    Column(
        "local_authorities", "Local authorities, by name or ONS code (e.g. E09000002), separated by ';'.", kind="list"
    ),
    Column(
        "evidence_level",
        "By name or slug. Only reviewers may set or change it. Left blank: a new entry is "
        "'Not yet rated' and an existing entry keeps its rating.",
        kind="choice",
    ),
    Column("evidence_rationale", "Why this rating; required with any rating other than 'Not yet rated'."),
    Column("evidence_rated_on", "The date the rating was made (YYYY-MM-DD or DD/MM/YYYY).", kind="date"),
    Column("last_reviewed", "When the content was last checked (a date).", kind="date"),
    Column("next_review_due", "A date; left blank it is two years after the last review.", kind="date"),
    Column("provider", "Interventions: who delivers it.", types=("intervention",), max_length=255),
    Column("target_population", "Interventions: who it is for.", types=("intervention",)),
    Column("delivery", "Interventions: setting, duration, intensity, staffing.", types=("intervention",)),
    Column(
        "cost", "Interventions: published cost information, with its source.", types=("intervention",), max_length=255
    ),
    Column("website", "Interventions: web address (https://...).", kind="url", types=("intervention",)),
    Column(
        "contact", "Interventions and case studies: a contact.", types=("intervention", "case-study"), max_length=255
    ),
    Column("issuing_body", "Guidance (required): who issued it.", types=("guidance",), max_length=255),
    Column("jurisdiction", "Guidance: england, wales, england-wales or local.", kind="choice", types=("guidance",)),
    Column("status", "Guidance: current, superseded or consultation.", kind="choice", types=("guidance",)),
    Column("publication_date", "Guidance: date of publication.", kind="date", types=("guidance",)),
    Column("version", "Guidance: version or edition.", types=("guidance",), max_length=60),
    Column("source_url", "Guidance: link to the source document (https://...).", kind="url", types=("guidance",)),
    Column(
        "area_name",
        "Case studies (required): the local area or service described.",
        types=("case-study",),
        max_length=255,
    ),
    Column(
        "is_fictional",
        "Case studies: yes if the area is invented to illustrate practice.",
        kind="boolean",
        types=("case-study",),
    ),
    Column("period", "Case studies: e.g. 2019 to 2023.", types=("case-study",), max_length=120),
    Column("what_changed", "Case studies: what changed for families and services.", types=("case-study",)),
]

COLUMN_NAMES = [column.name for column in COLUMNS]
REQUIRED_COLUMNS = [column.name for column in COLUMNS if column.required]
# Columns the entry type itself requires (beyond those every row needs).
REQUIRED_FOR_TYPE = {"guidance": ["issuing_body"], "case-study": ["area_name"], "intervention": []}

# Illustrative rows for the downloadable template; the identifiers say they are examples.
EXAMPLE_ROWS = [
    {
        "identifier": "example-001",
        "type": "intervention",
        "title": "Example parent advocacy service",
        "summary": "An example row: independent advocates support parents from pre-birth assessment onwards.",
        "areas": "Pre-birth assessment",
        "stages": "pregnancy; pre-proceedings",
        "regions": "North West",
        "last_reviewed": "2026-09-01",
        "provider": "An example charity",
        "website": "https://example.org/",
    },
    {
        "identifier": "example-002",
        "type": "case-study",
        "title": "Example: a pre-birth panel in Northvale",
        "summary": "An example row: a fictional area's multi-agency pre-birth panel.",
        "areas": "pre-birth-assessment",
        "local_authorities": "E09000002",
        "area_name": "Northvale (fictional)",
        "is_fictional": "yes",
        "period": "2021 to 2024",
    },
]
