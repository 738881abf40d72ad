"""
Login lock-outs behind the TLS proxy (issue 15, finding 3): the visitor's address comes from the
proxy's X-Forwarded-For, and a lock-out holds for one username from one address only.
Runs on SQLite and, in bin/run-tests' second pass, on PostgreSQL with Redis as the cache.
"""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory, override_settings

from website.client_address import client_address

PASSWORD = "correct horse battery"
PROXY = "127.0.0.1"  # REMOTE_ADDR of every request: the proxy in front of gunicorn
ATTACKER, EDITOR_OFFICE = "203.0.113.9", "198.51.100.20"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return User.objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, password, address, forwarded=None):
    """A sign-in through one proxy, which appends the address it saw to X-Forwarded-For."""
    header = f"{forwarded}, {address}" if forwarded else address
    client.cookies.clear()
    return client.post(
        "/admin/login/", {"username": "editor", "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=header
    )


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_wrong_passwords_from_one_address_lock_out_that_address_only(client, editor):
    statuses = [sign_in(client, "wrong", ATTACKER).status_code for _ in range(5)]
    assert statuses == [200] * 4 + [429]  # the form again with an error, then locked at the fifth
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 429
    assert "_auth_user_id" not in client.session

    response = sign_in(client, PASSWORD, EDITOR_OFFICE)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(editor.pk)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_address_does_not_escape_the_lock_out(client, editor):
    for n in range(5):
        sign_in(client, "wrong", ATTACKER, forwarded=f"10.0.0.{n}")
    assert sign_in(client, PASSWORD, ATTACKER, forwarded="10.0.0.99").status_code == 429


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_the_connection_address_counts(client, editor):
    for n in range(5):
        sign_in(client, "wrong", f"203.0.113.{n}")  # the header is the visitor's own say-so: ignored
    assert sign_in(client, PASSWORD, EDITOR_OFFICE).status_code == 429


@pytest.mark.parametrize(
    "count, header, expected",
    [
        (0, "198.51.100.20", PROXY),
        (1, "198.51.100.20", "198.51.100.20"),
        (1, "10.0.0.1, 198.51.100.20", "198.51.100.20"),
        (2, "10.0.0.1, 198.51.100.20, 192.0.2.1", "198.51.100.20"),
        (2, "198.51.100.20", PROXY),  # did not pass every proxy
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(count, header, expected):
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=header)
    with override_settings(TRUSTED_PROXY_COUNT=count):
        assert client_address(request) == expected
