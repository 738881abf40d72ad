"""The link checker against local servers: OK, redirect, 404, timeout, TLS error, and its politeness."""

import threading

from linkcheck.checker import check_url, check_urls


def test_an_ok_link_records_its_status_and_address(local_site):
    result = check_url(local_site.url("/ok"), timeout=5)
    assert (result.status_code, result.final_url, result.error) == (200, local_site.url("/ok"), "")


def test_a_redirect_records_where_the_link_ends_up(local_site):
    result = check_url(local_site.url("/moved"), timeout=5)
    assert result.status_code == 200
    assert result.final_url == local_site.url("/ok")
    assert local_site.requests == ["/moved", "/ok"]


def test_a_missing_page_records_404(local_site):
    result = check_url(local_site.url("/missing"), timeout=5)
    assert (result.status_code, result.error) == (404, "")


def test_a_server_that_does_not_answer_in_time_is_a_timeout(local_site):
    result = check_url(local_site.url("/slow"), timeout=0.2)
    assert result.status_code is None
    assert result.error == "Timed out"


def test_https_to_a_plain_http_port_is_a_tls_error(local_site):
    result = check_url(local_site.url("/ok", scheme="https"), timeout=5)
    assert result.status_code is None
    assert result.error.startswith("TLS error"), result.error


def test_nothing_listening_is_connection_refused(local_site):
    port = local_site.server.server_port
    local_site.__exit__()  # close the port, then ask it
    result = check_url(f"http://127.0.0.1:{port}/ok", timeout=5)
    assert result.status_code is None and result.error


def test_other_schemes_are_not_fetched():
    assert check_url("ftp://127.0.0.1/file").error == "Not an http(s) link"


def test_one_host_gets_one_request_at_a_time(local_site):
    urls = [local_site.url(f"/ok?n={n}") for n in range(12)]
    results = check_urls(urls, workers=8, delay=0, timeout=5)
    assert sorted(r.url for r in results) == sorted(urls)
    assert local_site.most_in_flight == 1


def test_each_url_is_checked_once(local_site):
    url = local_site.url("/ok")
    assert len(check_urls([url, url, url], delay=0, timeout=5)) == 1
    assert local_site.requests == ["/ok"]


def test_different_hosts_are_checked_at_the_same_time(local_site, second_site):
    # The first site's page answers only once the second site has been asked: checking the hosts one
    # after the other would leave the first request waiting until it timed out.
    second_asked = threading.Event()
    second_site.on_request = lambda path: second_asked.set()
    local_site.on_request = lambda path: second_asked.wait(4)
    results = {
        r.url: r for r in check_urls([local_site.url("/ok"), second_site.url("/ok")], workers=2, delay=0, timeout=5)
    }
    assert results[local_site.url("/ok")].status_code == 200
    assert second_asked.is_set()


def test_results_are_reported_as_they_arrive(local_site):
    seen = []
    check_urls(
        [local_site.url("/ok"), local_site.url("/missing")],
        delay=0,
        timeout=5,
        on_result=lambda result: seen.append(result.status_code),
    )
    assert sorted(seen) == [200, 404]
