"""Bad queries render the page with a message, never a 500."""

import pytest

from tests.factories import InterventionPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q, message",
    [
        ("!!! ??? ...", "no letters or numbers"),
        ("the and of", "only very common words"),
        ("a", "only very common words"),
        ("x" * 10_000, "shortened to its first 200 characters"),
        ('NEAR("a" "b") OR title:* AND NOT ^-"', ""),
        ("\" ' ; -- /* */ %", "no letters or numbers"),
        ("s.20 & | ! <-> :*", ""),
        ("²³ ① ٣", ""),
    ],
)
def test_bad_queries_render_with_a_message(client, catalogue, q, message):
    InterventionPageFactory(parent=catalogue, title="Pause", summary="Support after removal.")
    response = client.get("/catalogue/", {"q": q})
    assert response.status_code == 200
    assert message in response.content.decode()
