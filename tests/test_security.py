"""Security headers on public pages, login lock-out, escaping, and a clean deploy check."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory

HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


@pytest.fixture
def public_urls(catalogue):
    entries = [
        factory(parent=catalogue, title=f"Entry {n}")
        for n, factory in enumerate((InterventionPageFactory, GuidancePageFactory, CaseStudyPageFactory))
    ]
    return [
        "/",
        "/catalogue/",
        "/catalogue/?q=entry&area=peri-natal-intervention",
        "/how-we-rate-evidence/",
        "/no-such-page/",
    ] + [entry.url for entry in entries]


@pytest.mark.django_db
def test_security_headers_on_every_public_page_type(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
def test_no_inline_script_or_style_on_public_pages(client, public_urls):
    import re

    for url in public_urls:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html), url
        assert "<style" not in html and " style=" not in html, url


@pytest.mark.django_db
def test_hostile_strings_in_parameters_are_escaped(client, catalogue):
    InterventionPageFactory(parent=catalogue, title="Entry")
    for param in ("q", "area", "stage", "type", "evidence", "region", "topic", "sort", "page", HOSTILE):
        html = client.get("/catalogue/", {param: HOSTILE}).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html, param


@pytest.mark.django_db
def test_hostile_strings_in_editor_fields_are_escaped(client, catalogue):
    entry = InterventionPageFactory(
        parent=catalogue,
        title=HOSTILE,
        summary=HOSTILE,
        provider=HOSTILE,
        evidence="promising",
        evidence_rationale=HOSTILE,
    )
    for url in (entry.url, "/catalogue/", "/catalogue/?q=script"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html, url


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_is_locked_after_repeated_failures(client):
    User.objects.create_superuser("editor", "editor@example.org", "correct horse battery")
    for _ in range(3):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": "correct horse battery"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_works_below_the_limit(client):
    User.objects.create_superuser("editor", "editor@example.org", "correct horse battery")
    client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    client.post("/admin/login/", {"username": "editor", "password": "correct horse battery"})
    assert client.session.get("_auth_user_id")


def test_deploy_check_is_clean_in_production_mode():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 60 + "-not-a-real-key-but-long-and-random-enough-9f8e7d",
        "ALLOWED_HOSTS": "example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
