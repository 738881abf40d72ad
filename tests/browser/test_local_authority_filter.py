"""
The local-authority list in the entry form: several names typed at once, separated by commas, and Enter ticks
each exact name; Enter never submits the form, and a name with no exact match is left to tick by hand.
"""

import pytest
from playwright.sync_api import expect

from .test_reference_finder import _open_references, draft  # noqa: F401 (draft is a fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
def test_enter_ticks_each_exact_name_and_never_submits(site, draft, browser, width):  # noqa: F811
    from catalogue.models import LocalAuthority

    names = list(LocalAuthority.objects.filter(name__in=["Manchester", "Leeds"]).values_list("name", flat=True))
    assert sorted(names) == ["Leeds", "Manchester"]
    user, entry = draft
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    _open_references(page, site, user, entry.pk)
    page.get_by_role("tab", name="Classification").click()
    box = page.get_by_label("Find a local authority")
    authorities = page.locator("#id_local_authorities")

    box.fill("Manchester, leeds,  Nowhere-on-Sea")
    expect(authorities.get_by_label("Manchester", exact=True)).to_be_visible()
    box.press("Enter")
    expect(authorities.get_by_label("Manchester", exact=True)).to_be_checked()
    expect(authorities.get_by_label("Leeds", exact=True)).to_be_checked()
    expect(page.locator("[data-filter-status]")).to_contain_text("No exact match for: Nowhere-on-Sea")
    expect(box).to_have_value("Nowhere-on-Sea")  # what is left to find
    expect(page).to_have_url(site.at(f"/admin/pages/{entry.pk}/edit/#tab-classification"))  # not submitted
    expect(page.locator(".messages")).not_to_contain_text("updated")
    # An official name with a comma in it ("Bristol, City of") is one name, before or among others.
    with_comma = LocalAuthority.objects.filter(name__contains=", ").order_by("name").values_list("name", flat=True)[0]
    box.fill(f"{with_comma}, Leeds")
    box.press("Enter")
    expect(authorities.get_by_label(with_comma, exact=True)).to_be_checked()
    expect(box).to_have_value("")
    # Only exact names: a part of a name ticks nothing.
    box.fill("Manch")
    box.press("Enter")
    assert authorities.locator("input:checked").count() == 3
    box.scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/j24-authorities-{width}.png")
    assert errors == []
    context.close()
