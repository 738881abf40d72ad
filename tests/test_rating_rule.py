"""
The published rating rule: the checks fail on entries constructed to break them, the rating lock refuses
such a rating in the admin, and every entry of the starter catalogue keeps the rule (read from the fixtures).
"""

from collections import Counter
from types import SimpleNamespace

import pytest

from catalogue.models.rating import BasisStudy, rating_problems
from demo.catalogue import current_specs, read_demo

LEVELS = {
    "strong": "research",
    "moderate": "research",
    "promising": "research",
    "practice-informed": "practice",
    "no-benefit-found": "research",
    "possible-harm": "research",
    "not-yet-rated": "unrated",
}


def level(slug):
    return SimpleNamespace(slug=slug, kind=LEVELS[slug], name=slug.replace("-", " ").capitalize())


def study(pk, design, primary=True):
    return BasisStudy(pk, design, primary, f"Study {pk}")


def problems(slug, basis, *, cited=None, case_study=False, fictional=False):
    cited = [row.reference_id for row in basis] if cited is None else cited
    return rating_problems(level(slug), is_case_study=case_study, is_fictional=fictional, cited_ids=cited, basis=basis)


ILLUSTRATIVE = {"case_study": True, "fictional": True}
# Entries constructed to break the rule, and the field the refusal names.
BROKEN = [
    ("moderate rests on a pre/post study", "moderate", [study(1, "pre_post")], {}, "evidence_level"),
    (
        "no benefit found rests on a qualitative study",
        "no-benefit-found",
        [study(1, "qualitative")],
        {},
        "evidence_level",
    ),
    ("strong rests on one trial", "strong", [study(1, "rct")], {}, "evidence_level"),
    ("promising rests on a process evaluation", "promising", [study(1, "process")], {}, "evidence_level"),
    ("the trial is not marked primary", "moderate", [study(1, "rct", primary=False)], {}, "rating_basis"),
    ("no rating basis at all", "promising", [], {}, "rating_basis"),
    ("the basis study is not cited", "moderate", [study(1, "rct")], {"cited": [2]}, "rating_basis"),
    ("a case study with a research tier", "promising", [study(1, "pre_post")], {"case_study": True}, "evidence_level"),
    (
        "an illustrative example rated",
        "practice-informed",
        [study(1, "qualitative")],
        {"case_study": True, "fictional": True},
        "evidence_level",
    ),
    ("practice-informed on guidance only", "practice-informed", [study(1, "guidance")], {}, "evidence_level"),
]


@pytest.mark.parametrize(("case", "slug", "basis", "options", "field"), BROKEN, ids=[case[0] for case in BROKEN])
def test_the_rule_refuses_a_constructed_entry_that_breaks_it(case, slug, basis, options, field):
    assert field in problems(slug, basis, **options)


@pytest.mark.parametrize(
    ("slug", "basis", "options"),
    [
        ("moderate", [study(1, "rct")], {}),
        ("no-benefit-found", [study(1, "quasi"), study(2, "qualitative", primary=False)], {}),
        ("strong", [study(1, "rct"), study(2, "quasi")], {}),
        ("promising", [study(1, "pre_post")], {}),
        ("practice-informed", [study(1, "qualitative", primary=False)], {"case_study": True}),
        ("not-yet-rated", [], {"case_study": True, "fictional": True}),
    ],
)
def test_the_rule_accepts_ratings_that_keep_it(slug, basis, options):
    assert problems(slug, basis, **options) == {}


# The starter catalogue as published: the main file and every part, corrections applied.
DATA = read_demo()
WITHDRAWN = {item["slug"] for item in DATA.get("withdrawn", [])}
LIVE = [spec for spec in current_specs(DATA) if spec["slug"] not in WITHDRAWN]
REFERENCES = {reference["key"]: reference for reference in DATA["references"]}


def test_every_live_entry_of_the_starter_catalogue_keeps_the_rule():
    for spec in LIVE:
        basis = [
            BasisStudy(row["reference"], REFERENCES[row["reference"]].get("design", "other"), row["primary"])
            for row in spec.get("rating_basis", [])
        ]
        found = problems(
            spec.get("evidence_level") or "not-yet-rated",
            basis,
            cited=spec.get("references", []),
            case_study=spec["type"] == "case-study",
            fictional=bool(spec.get("is_fictional")),
        )
        assert found == {}, (spec["slug"], found)


def test_every_rated_entry_shows_what_its_rating_rests_on_and_every_unrated_one_says_why():
    for spec in LIVE:
        rated = (spec.get("evidence_level") or "not-yet-rated") != "not-yet-rated"
        if rated:
            assert spec.get("rating_basis"), spec["slug"]
            for row in spec["rating_basis"]:
                assert row["outcomes"].strip() and row["finding"].strip(), spec["slug"]
        elif spec["type"] in ("intervention", "case-study") and not spec.get("is_fictional"):
            assert spec.get("evidence_rationale", "").startswith("Not yet rated"), spec["slug"]


def test_guidance_carries_its_status_not_a_rating():
    statuses = {"legislation", "statutory-guidance", "practice-direction", "non-statutory-guidance"}
    statuses |= {"research-report", "consultation", "superseded"}
    for spec in LIVE:
        if spec["type"] == "guidance":
            assert spec.get("guidance_status") in statuses, spec["slug"]
            assert (spec.get("evidence_level") or "not-yet-rated") == "not-yet-rated", spec["slug"]


def test_the_re_rating_names_the_entries_the_review_asked_about():
    """Content review 2, section 3: each of these now follows the published rule."""
    levels = {spec["slug"]: spec.get("evidence_level") or "not-yet-rated" for spec in LIVE}
    assert levels["minding-the-baby"] == "no-benefit-found"  # Longhi et al 2019: no difference on the primary
    assert levels["mother-and-baby-units"] == "no-benefit-found"  # the primary-outcome rule, now published
    assert levels["mellow-bumps"] == "not-yet-rated"  # one of THRIVE's two primary results unread
    assert levels["case-darlington-family-valued"] == "practice-informed"  # the 2021 pilot evaluation
    mellow = next(spec for spec in LIVE if spec["slug"] == "mellow-bumps")
    assert "removed at birth" in mellow["evidence_rationale"]
    assert Counter(levels.values())  # the report quotes these counts
