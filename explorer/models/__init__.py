"""
The data wing's models: published figures loaded from fixtures (`open_data`, `family_justice`), editors'
newborn uploads, and the trend events editors keep beside the national trend.
"""

from .context import ContextFigure
from .data_page import DataPage
from .data_version import DataVersion
from .family_justice import (
    AuthorityArea,
    DfjArea,
    DfjCourt,
    LegalStatusFigure,
    ResidentialFamilyCentre,
    TrendEvent,
    Under18Conception,
)
from .open_data import (
    ENGLAND_CODE,
    WALES_CODE,
    CafcassRate,
    ChildrenLookedAfter,
    ChildrensServicesSpend,
    Deprivation,
    HeadlineFigure,
    InfantCareFigure,
    LiveBirths,
    NewbornCount,
    NewbornDataset,
    OfstedJudgement,
    PublishedQuote,
    StatisticalNeighbour,
)
from .open_data import OPEN_DATA_TABLES as _FIGURE_TABLES

# Every table `load_open_data` fills (all but editors' newborn uploads and trend events).
FAMILY_JUSTICE_TABLES = (
    AuthorityArea,
    DfjCourt,
    DfjArea,
    LegalStatusFigure,
    ResidentialFamilyCentre,
    Under18Conception,
)
OPEN_DATA_TABLES = _FIGURE_TABLES + FAMILY_JUSTICE_TABLES + (ContextFigure,)

__all__ = [
    "ENGLAND_CODE",
    "FAMILY_JUSTICE_TABLES",
    "OPEN_DATA_TABLES",
    "WALES_CODE",
    "AuthorityArea",
    "CafcassRate",
    "ChildrenLookedAfter",
    "ChildrensServicesSpend",
    "ContextFigure",
    "DataPage",
    "DataVersion",
    "Deprivation",
    "DfjArea",
    "DfjCourt",
    "HeadlineFigure",
    "InfantCareFigure",
    "LegalStatusFigure",
    "LiveBirths",
    "NewbornCount",
    "NewbornDataset",
    "OfstedJudgement",
    "PublishedQuote",
    "ResidentialFamilyCentre",
    "StatisticalNeighbour",
    "TrendEvent",
    "Under18Conception",
]
