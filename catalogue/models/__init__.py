"""The catalogue's content model; see each module for its part."""

from .cited import CitedReference
from .content_version import ContentVersion
from .entries import CaseStudyPage, EntryPage, GuidancePage, InterventionPage, RelatedEntry
from .facts import DeliverySetting
from .index_page import CatalogueIndexPage
from .law import JudgmentPage, LegislationPage, PracticeToolPage
from .rating import GuidanceStatus, RatingBasis
from .references import Reference, ReferenceOutcome
from .search_vocabulary import SearchRecord, SearchSynonymGroup
from .taxonomy import AreaOfPractice, EvidenceLevel, LocalAuthority, Outcome, Region, Stage, Topic

__all__ = [
    "AreaOfPractice",
    "CaseStudyPage",
    "CatalogueIndexPage",
    "CitedReference",
    "ContentVersion",
    "DeliverySetting",
    "GuidanceStatus",
    "RatingBasis",
    "EntryPage",
    "EvidenceLevel",
    "GuidancePage",
    "InterventionPage",
    "JudgmentPage",
    "LegislationPage",
    "LocalAuthority",
    "Outcome",
    "PracticeToolPage",
    "Reference",
    "ReferenceOutcome",
    "Region",
    "RelatedEntry",
    "SearchRecord",
    "SearchSynonymGroup",
    "Stage",
    "Topic",
]
