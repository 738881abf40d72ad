"""
The site notice (issue 21, item 3): one line that tells the truth about the entries (they summarise published
sources, so check the source) with a link to the page that says more; SITE_NOTICE switches it off, and so
does DEMO_CONTENT_NOTICE, its earlier name, as a setting or an environment variable.
"""

import os
import subprocess
import sys

import pytest

NOTICE = "Entries summarise the published sources they link to: check the source before relying on an entry."


@pytest.mark.django_db
def test_every_page_has_the_notice_once_with_a_link_to_the_about_page(client, site_tree):
    for url in ("/", "/catalogue/", "/how-we-rate-evidence/", "/no-such-page/"):
        html = client.get(url).content.decode()
        assert html.count(NOTICE) == 1, url
        assert html.count('class="site-notice"') == 1, url
        assert '<a class="govuk-link" href="/about/">About the entries</a>' in html, url
        assert "demonstration" not in html.lower(), url


@pytest.mark.django_db
@pytest.mark.parametrize("setting", ["SITE_NOTICE", "DEMO_CONTENT_NOTICE"])
def test_either_setting_switches_the_notice_off(client, site_tree, settings, setting):
    setattr(settings, setting, False)
    assert 'class="site-notice"' not in client.get("/").content.decode()


@pytest.mark.parametrize(
    "environment,shown",
    [({}, True), ({"SITE_NOTICE": "false"}, False), ({"DEMO_CONTENT_NOTICE": "false"}, False)],
)
def test_the_earlier_environment_variable_is_still_read(environment, shown):
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_NOTICE", "DEMO_CONTENT_NOTICE")}
    env.update(environment, DJANGO_SETTINGS_MODULE="website.settings.test")
    # The settings module alone, as Django reads it at start-up (no app needs loading to read one setting).
    code = "import website.settings.test as settings; print(settings.SITE_NOTICE)"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == str(shown)
