"""
Issue 25, N9: the admin's password reset is limited per client address, per e-mail address and per account,
with a clear message that reads the same whether or not an account has the address (no enumeration).
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from website.password_reset import TOO_MANY, _key, normalised_email

pytestmark = pytest.mark.django_db
RESET_URL = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", "editor@example.org", "a long enough password 1")


def ask_for_reset(client, email, address="192.0.2.1"):
    return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=address)


@override_settings(PASSWORD_RESET_EMAIL_LIMIT=3, PASSWORD_RESET_CLIENT_LIMIT=100)
def test_an_email_address_gets_its_limit_of_mails_then_a_clear_message(client, editor):
    for _ in range(3):
        assert ask_for_reset(client, "editor@example.org").status_code == 302
    assert len(mail.outbox) == 3

    response = ask_for_reset(client, "Editor@Example.org")  # the same address, as the form matches it
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert len(mail.outbox) == 3


@override_settings(PASSWORD_RESET_EMAIL_LIMIT=3, PASSWORD_RESET_CLIENT_LIMIT=100)
def test_the_limit_reads_the_same_for_an_address_with_no_account(client, editor):
    answers = {}
    for email in ("editor@example.org", "nobody@example.org"):
        for _ in range(3):
            assert ask_for_reset(client, email).status_code == 302  # both go to "check your email"
        response = ask_for_reset(client, email)
        answers[email] = (response.status_code, TOO_MANY in response.content.decode())
    assert answers["editor@example.org"] == answers["nobody@example.org"] == (200, True)


@override_settings(PASSWORD_RESET_EMAIL_LIMIT=100, PASSWORD_RESET_CLIENT_LIMIT=4)
def test_one_client_address_is_limited_across_many_email_addresses(client, editor):
    for number in range(4):
        assert ask_for_reset(client, f"someone{number}@example.org").status_code == 302
    response = ask_for_reset(client, "editor@example.org")
    assert response.status_code == 200 and TOO_MANY in response.content.decode()
    assert mail.outbox == []
    # Another address is not held back by this one's requests.
    assert ask_for_reset(client, "editor@example.org", address="198.51.100.7").status_code == 302
    assert len(mail.outbox) == 1


@override_settings(PASSWORD_RESET_EMAIL_LIMIT=2, PASSWORD_RESET_CLIENT_LIMIT=100)
def test_an_account_gets_no_more_mails_than_the_limit_whatever_spelling_reaches_it(client, editor):
    for _ in range(4):
        # As if each request typed a new spelling of the address that the form still matched to the account.
        cache.delete(_key("email", normalised_email("editor@example.org")))
        assert ask_for_reset(client, "editor@example.org").status_code == 302
    assert len(mail.outbox) == 2
