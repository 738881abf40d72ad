"""
The one sub-menu of the data wing and the breadcrumbs of its pages. Every page beneath /data/ shows the
same menu (templates/explorer/includes/data_menu.html); a page that belongs under another (a profile under
the list of profiles, an area under the list of areas) names that page as its parent here.
"""

from .models.data_page import SECTIONS

# (route name, label), in the order the menu shows them: the sections editors write an opening for, between
# the overview and the downloads and sources.
DATA_MENU = [
    ("overview", "Overview and national trend"),
    *SECTIONS,
    ("downloads", "Download the data"),
    ("sources", "Sources and licences"),
]
LABELS = dict(DATA_MENU) | {"datasets": "Uploaded newborn figures: all versions"}

# A page's place in the menu when it is not itself in it: its parent's route name.
PARENTS = {
    "local_authority": "local_authorities",
    "relationship": "relationships",
    "area_detail": "area_index",
    "dataset_detail": "datasets",
    "download_file": "downloads",
    "datasets": "sources",
}


def menu_section(route: str) -> str:
    """The menu item a page belongs to (a profile belongs to 'Local authority profiles')."""
    while route not in dict(DATA_MENU) and route in PARENTS:
        route = PARENTS[route]
    return route


def trail(route: str) -> list[str]:
    """The route names between the data page's home and this page, outermost first, the page itself last."""
    names = [route]
    while names[0] in PARENTS:
        names.insert(0, PARENTS[names[0]])
    return [name for name in names if name != "overview"]
