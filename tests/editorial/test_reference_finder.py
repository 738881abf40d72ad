"""
"Find a reference in the library" (editorial/citations/finder.py): the JSON the entry form's search box asks,
for people who may write entries only; bounded, and bad input is an empty list, never an error page.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from editorial.citations.finder import MAX_QUERY, MAX_RESULTS
from tests.factories import InterventionPageFactory, ReferenceFactory

URL = "editorial:reference_search"


def _search(client, query, **extra):
    return client.get(reverse(URL), {"q": query}, **extra)


def _titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [result["title"] for result in response.json()["results"]]


@pytest.fixture
def library(db):
    return {
        # Test records, not real studies.
        "fdac": ReferenceFactory(title="Court outcomes five years later (FDAC test)", authors="Example A", year=2016),
        "home": ReferenceFactory(title="Home visiting after a baby's removal (test)", authors="Müller A", year=2019),
        "other": ReferenceFactory(title="Pre-birth assessment in practice (test)", authors="Sample B", year=2019),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["contributor", "reviewer", "administrator"])
def test_people_who_write_entries_find_references_by_title_words(request, client, library, role):
    client.force_login(request.getfixturevalue(role))
    assert _titles(_search(client, "fdac outcomes")) == [library["fdac"].title]


@pytest.mark.django_db
def test_each_result_carries_what_the_chooser_shows(client, contributor, library):
    client.force_login(contributor)
    (result,) = _search(client, "court FDAC").json()["results"]
    reference = library["fdac"]
    assert result["id"] == str(reference.pk)
    assert result["string"] == str(reference)  # the chooser's title for a chosen reference
    assert (result["authors"], result["year"]) == (reference.authors, reference.year)


@pytest.mark.django_db
def test_authors_years_and_words_in_any_script_match(client, contributor, library):
    client.force_login(contributor)
    assert _titles(_search(client, "example")) == [library["fdac"].title]
    assert sorted(_titles(_search(client, "2019"))) == sorted([library["home"].title, library["other"].title])
    assert _titles(_search(client, "Müller 2019")) == [library["home"].title]
    assert _titles(_search(client, "removal 2016")) == []  # every word must match


@pytest.mark.django_db
def test_results_are_bounded(client, contributor):
    for n in range(MAX_RESULTS + 5):
        ReferenceFactory(title=f"Bounded study {n}")
    client.force_login(contributor)
    assert len(_titles(_search(client, "bounded study"))) == MAX_RESULTS


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["", "a", "   ", "%%%", "'; DROP TABLE catalogue_reference; --", "🙂🙂", "\u202e\u200b", "__", "x" * 5000],
)
def test_junk_and_huge_queries_are_an_empty_list(client, contributor, library, query):
    client.force_login(contributor)
    response = _search(client, query)
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.django_db
def test_a_nul_byte_is_refused_with_the_sites_message_not_an_error(client, contributor, library):
    # website/control_characters.py answers any address with a control character before a view runs.
    client.force_login(contributor)
    assert _search(client, "fdac\x00").status_code == 400


@pytest.mark.django_db
def test_a_query_over_the_limit_says_so(client, contributor, library):
    client.force_login(contributor)
    answer = _search(client, "fdac " * (MAX_QUERY // 5 + 1)).json()
    assert answer["results"] == [] and str(MAX_QUERY) in answer["message"]


@pytest.mark.django_db
def test_a_repeated_parameter_or_a_post_is_no_error(client, contributor, library):
    client.force_login(contributor)
    assert client.get(reverse(URL) + "?q=fdac&q=%FF%FE").status_code == 200
    assert client.post(reverse(URL), {"q": "fdac"}).status_code in {200, 405}


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in(client, library):
    response = _search(client, "fdac")
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_admin_users_who_cannot_write_entries_are_refused(client, django_user_model, catalogue, library):
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = _search(client, "fdac")
    assert response.status_code == 403
    assert response.json()["results"] == []


@pytest.mark.django_db
def test_the_entry_form_has_the_combobox_beside_the_chooser(client, contributor, catalogue):
    entry = InterventionPageFactory(parent=catalogue)
    client.force_login(contributor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[entry.pk])).content.decode()
    chooser, finder, paste = (
        html.find(marker)
        for marker in ('id="id_cited_references-OPEN_MODAL"', 'role="combobox"', 'name="paste_references"')
    )
    assert -1 < chooser < finder < paste
    assert '<label for="id_find_reference"' in html
    box = html[finder - 200 : finder + 600]
    assert 'aria-expanded="false"' in box and 'aria-controls="id_find_reference-listbox"' in box
    assert 'name="find_reference"' not in html  # a search, never posted with the entry
    assert "editorial/reference_finder.js" in html and "editorial/choosers.css" in html
    assert reverse(URL) in html
