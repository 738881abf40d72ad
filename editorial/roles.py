"""
The three editorial roles and what each may do. Kept as data so that the data migration, the
idempotent setup run after the catalogue page is created, and the tests all read one definition.
The vocabularies administrators manage include every facet's, read from the facet registry.
"""

from catalogue.models import LocalAuthority, Outcome
from catalogue.search.facets import FACETS

CONTRIBUTORS = "Contributors"
REVIEWERS = "Reviewers"
ADMINISTRATORS = "Administrators"

WORKFLOW_NAME = "Evidence review"
REVIEW_TASK_NAME = "Reviewer approval"

# Custom permission (declared on editorial.EditorialPermission): only holders may set or change an
# entry's evidence level, rationale or rated-on date.
CHANGE_EVIDENCE_RATING = "editorial.change_evidence_rating"

# Model permissions, as (app_label, codename).
_ADMIN_ACCESS = [("wagtailadmin", "access_admin")]


def _reference(*actions):
    return [("catalogue", f"{action}_reference") for action in actions]


def _media(*actions):
    return [
        (app, f"{action}_{model}")
        for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in actions
    ]


# Vocabularies administrators manage: every facet's (from the registry) and those no facet reads.
_OTHER_VOCABULARIES = (Outcome, LocalAuthority)


def _vocabularies(*actions):
    models = dict.fromkeys([*FACETS.vocabularies(), *_OTHER_VOCABULARIES])
    return [(model._meta.app_label, f"{action}_{model._meta.model_name}") for model in models for action in actions]


# Every role reads "Searches that found little" (its records hold no personal data); Reviewers and
# Administrators pin recommended results (Wagtail's promoted search results), live at once like snippets.
_SEARCH_RECORDS = [("catalogue", "view_searchrecord")]


def _recommendations():
    return [("wagtailsearchpromotions", f"{action}_searchpromotion") for action in ("view", "add", "change", "delete")]


def model_permissions(role: str) -> list[tuple[str, str]]:
    """The role's model permissions, as (app_label, codename); read when asked, so every registered facet counts."""
    return _model_permissions()[role]


def _model_permissions():
    return {
        # Contributors may cite a new study while writing an entry, but not rewrite existing ones:
        # snippet edits are live at once and would bypass the evidence review.
        CONTRIBUTORS: _ADMIN_ACCESS + _reference("view", "add") + _SEARCH_RECORDS,
        REVIEWERS: _ADMIN_ACCESS
        + _reference("view", "add", "change", "delete")
        + _SEARCH_RECORDS
        + _recommendations()
        + [
            ("editorial", "change_evidence_rating"),
        ],
        ADMINISTRATORS: _ADMIN_ACCESS
        + _reference("view", "add", "change", "delete")
        + _SEARCH_RECORDS
        + _recommendations()
        + [
            ("editorial", "change_evidence_rating"),
            *_vocabularies("view", "add", "change", "delete"),
            *[("auth", f"{action}_user") for action in ("view", "add", "change", "delete")],
            *[
                ("wagtailcore", f"{action}_{model}")
                for model in ("workflow", "task")
                for action in ("add", "change", "delete")
            ],
            ("wagtailcore", "add_site"),
            ("wagtailcore", "change_site"),
            *[("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")],
        ],
    }


# Wagtail page permissions (codenames on wagtailcore.Page). Contributors and Reviewers hold them on the
# catalogue index (so on every entry beneath it); Administrators on the tree root (the whole site).
PAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}

# Image and document permissions on the root collection (and so on every collection).
COLLECTION_PERMISSIONS = {
    # "add" alone lets contributors edit and delete what they uploaded themselves (Wagtail's ownership
    # rule); "change" would let them alter or delete anyone's.
    CONTRIBUTORS: _media("add", "choose"),
    REVIEWERS: _media("add", "change", "choose", "delete"),
    ADMINISTRATORS: _media("add", "change", "choose", "delete"),
}

# Who may approve or reject in the "Evidence review" workflow (superusers always may).
APPROVER_GROUPS = [REVIEWERS, ADMINISTRATORS]

ROLES = [CONTRIBUTORS, REVIEWERS, ADMINISTRATORS]
