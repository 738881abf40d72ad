"""
The editor's journey, step by step, counting every interaction (click, fill, tick, choice) each role makes.
Shared by the browser test (tests/browser/test_editor_journey.py) and usable against a running site.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from playwright.sync_api import Page, expect


@dataclass
class Interactions:
    """Every click, fill and tick goes through here, so the count is of what the editor did, not of checks."""

    counts: Counter = field(default_factory=Counter)
    role: str = ""

    def click(self, locator):
        self.counts[self.role] += 1
        locator.click()

    def fill(self, locator, text: str):
        self.counts[self.role] += 1
        locator.fill(text)

    def check(self, locator):
        self.counts[self.role] += 1
        locator.check()

    def press(self, locator, key: str):
        """One key press the editor makes (Enter to pick, say); typing text is a fill."""
        self.counts[self.role] += 1
        locator.press(key)

    def select(self, locator, label: str):
        self.counts[self.role] += 1
        locator.select_option(label=label)


@dataclass
class CaseStudyPlan:
    """What the contributor enters: names as the form shows them."""

    title: str
    summary: str
    area_name: str
    area: str
    stage: str
    topic: str
    region: str
    local_authorities: tuple[str, str]
    existing_reference_search: str
    existing_reference_title: str
    ris: str


def sign_in(page: Page, base: str, username: str, password: str, steps: Interactions):
    page.goto(base + "/admin/login/")
    steps.fill(page.get_by_label("Username"), username)
    steps.fill(page.get_by_label("Password"), password)
    steps.click(page.get_by_role("button", name="Sign in"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def field_box(page: Page, name: str):
    """One form field's widget, by the id Django gives it."""
    return page.locator(f"#id_{name}")


def contributor_writes_and_submits(page: Page, base: str, catalogue_id: int, plan: CaseStudyPlan, steps: Interactions):
    page.goto(f"{base}/admin/pages/{catalogue_id}/add_subpage/")
    steps.click(page.get_by_role("link", name=re.compile(r"^Case study")))
    steps.fill(field_box(page, "title"), plan.title)
    steps.fill(field_box(page, "summary"), plan.summary)
    steps.fill(field_box(page, "area_name"), plan.area_name)

    steps.click(page.get_by_role("tab", name="Classification"))
    for name, label in (("areas", plan.area), ("stages", plan.stage), ("topics", plan.topic), ("regions", plan.region)):
        steps.check(field_box(page, name).get_by_label(label, exact=True))
    # Both authorities named at once in the filter box, Enter ticks each exact name (editorial/static/editorial/
    # filter_checkboxes.js): was a fill and a tick for each.
    authorities = field_box(page, "local_authorities")
    steps.fill(page.get_by_label("Find a local authority"), ", ".join(plan.local_authorities))
    steps.press(page.get_by_label("Find a local authority"), "Enter")
    for authority in plan.local_authorities:
        expect(authorities.get_by_label(authority, exact=True)).to_be_checked()

    steps.click(page.get_by_role("tab", name="Evidence and review"))
    # The existing reference is found by typing in the box beside the chooser and picked from its list (a
    # combobox, editorial/citations/finder.py): it becomes a row of the references, as the chooser's modal would
    # make it ("Add reference" -> search -> tick -> "Confirm selection" before). Its list answers after a short
    # typing pause: wait for that answer, or an option of an earlier answer could be picked.
    finder = page.get_by_role("combobox", name="Find a reference in the library")
    with page.expect_response(lambda response: "references/search" in response.url and "q=" in response.url):
        steps.fill(finder, plan.existing_reference_search)
    steps.click(page.get_by_role("option", name=re.compile(re.escape(plan.existing_reference_title))))
    expect(finder).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#id_cited_references-FORMS")).to_contain_text(plan.existing_reference_title)
    # The new reference is pasted beside the chooser (one fill, not the chooser's "Add a new reference" tab):
    # on save it is added to the library and cited after the chosen one (editorial/citations/entry_paste.py).
    steps.fill(page.get_by_role("textbox", name="Paste references (BibTeX or RIS)"), plan.ris)

    # Wagtail 8 autosaves the create form: its first autosave creates the page. A submit posted while that
    # autosave is in flight is sent on to the new page (editorial/autosave_race.py, tested without a browser in
    # tests/editorial/test_autosave_race.py); here the autosave answers first, so the journey is the same each run.
    page.wait_for_load_state("networkidle")
    # An autosave leaves the pasted text where it is, to be read on submit (editorial/citations/autosave_paste.py).
    expect(page.get_by_role("textbox", name="Paste references (BibTeX or RIS)")).to_have_value(plan.ris)
    steps.click(page.get_by_role("button", name=re.compile(r"^Submit to")))
    expect(page.locator(".messages")).to_contain_text("submitted", ignore_case=True)


@dataclass
class RatingPlan:
    level: str
    rationale: str
    basis_reference_title: str
    outcomes: str
    finding: str


def reviewer_rates_and_approves(page: Page, base: str, title: str, plan: RatingPlan, steps: Interactions):
    """From the dashboard's list of entries awaiting review to the published entry."""
    awaiting = page.locator("#awaiting-review-section")  # Wagtail's "Awaiting your review" panel
    steps.click(awaiting.get_by_role("link", name=title).first)
    expect(page.locator("#id_title")).to_have_value(title)
    # The dashboard's link opens the form on the tab where the review is done (editorial/review_tab.py): no tab click.
    expect(page.get_by_role("tab", name="Evidence and review")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_evidence_rationale")).to_be_visible()
    steps.check(page.get_by_label(plan.level, exact=True))
    steps.fill(page.locator("#id_evidence_rationale"), plan.rationale)
    # "Rated on" is left blank: the rating is dated the day it is saved (editorial/forms.py).
    # Let autosave answer first: its "paused: validation errors" notice moves the form down as it appears.
    page.wait_for_load_state("networkidle")
    # One blank row is ready for the study (editorial/forms.py): no "Add study" click.
    expect(page.locator("#id_rating_basis-TOTAL_FORMS")).to_have_value("1")
    basis = page.locator("#id_rating_basis-FORMS")
    # One choice among the entry's own references (the rule needs one of them), not a search of the library.
    study = basis.locator("select[name$='-reference']").first
    label = next(text for text in study.locator("option").all_inner_texts() if plan.basis_reference_title in text)
    steps.select(study, label)
    steps.fill(basis.get_by_label("Outcomes measured").first, plan.outcomes)
    steps.fill(basis.get_by_label("What was found").first, plan.finding)
    steps.click(page.get_by_role("button", name=re.compile(r"^Approve")).first)
