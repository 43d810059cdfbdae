"""The web page in a real browser (headless Chromium) against a real server."""

from __future__ import annotations

import os
import shutil

import pytest
from api_server import serve

from index.embedder import HashEmbedder
from index.service import MinutesIndex
from search_api.app import create_app
from search_api.settings import ApiSettings

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(tmp_path_factory, randers_one):
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    corpus = tmp_path_factory.mktemp("web-corpus")
    for path in randers_one.minutes.values():
        shutil.copy(path, corpus)
    settings = ApiSettings(MINUTES_DATA=tmp_path_factory.mktemp("web-data"), MINUTES_MODEL="hash")
    index = MinutesIndex(settings, embedder=HashEmbedder())
    index.indexer.ingest_paths(sorted(corpus.iterdir()))
    with serve(create_app(settings, index)) as url:
        yield url


@pytest.fixture(scope="module")
def page(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        page.goto(site)
        yield page
        browser.close()


def test_search_shows_items_with_highlights_and_pages(page, tmp_path):
    page.fill("#q", "veteranindsatsen")
    page.click("button[type=submit]")
    page.wait_for_selector("article.result mark")
    first = page.locator("article.result").first
    assert "Status på veteranindsatsen" in first.locator("h3").inner_text()
    meta = first.locator(".meta").inner_text()
    assert "Beskæftigelsesudvalget" in meta and "s. " in meta and "27.35.00-G01-2-22" in meta
    assert "Taget til efterretning" in first.inner_text()
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)


def test_filters_facets_and_detail(page):
    page.fill("#q", "beskæftigelsesreformen")
    page.select_option("#decision", "discussed")
    page.wait_for_function("() => document.querySelectorAll('article.result').length > 0")
    page.wait_for_timeout(300)
    texts = page.locator("article.result").all_inner_texts()
    assert texts and all("Drøftet" in t for t in texts)
    page.select_option("#decision", "")
    page.locator(".facet", has_text="Social- og arbejdsmarkedsudvalget").click()
    page.wait_for_timeout(500)
    metas = page.locator("article.result .meta").all_inner_texts()
    assert metas and all("Social- og arbejdsmarkedsudvalget" in m for m in metas)
    page.locator("article.result h3 a").first.click()
    page.wait_for_selector("#detail[open]")
    assert "Beslutninger" in page.locator("#detail").inner_text()


def test_bad_filter_shows_the_error(page):
    page.fill("#from", "2026-01-01")
    page.fill("#to", "2025-01-01")
    page.dispatch_event("#to", "change")
    page.wait_for_selector(".error")
    assert "(Fra dato)" in page.locator(".error").inner_text()  # the field, in Danish


def test_an_item_address_opens_the_item(page, site):
    """`/?item=<id>` opens the item (an id of before too, and the address takes the current
    id); a feed entry's link opens its item the same way."""
    import xml.etree.ElementTree as ET

    import httpx

    item = "randers-2025-08-12-beskaeftigelsesudvalget-punkt-74"
    page.goto(f"{site}/?item={item}")
    page.wait_for_selector("#detail[open]")
    assert "Unge i Fokus" in page.locator("#detail-title").inner_text()
    page.goto(f"{site}/?item=2025-08-12-beskaeftigelsesudvalget%2374")
    page.wait_for_selector("#detail[open]")
    page.wait_for_function(f"() => location.search.includes('item={item}')")
    assert "Unge i Fokus" in page.locator("#detail-title").inner_text()
    page.click("#detail [data-close]")
    page.wait_for_function("() => !location.search.includes('item=')")
    # A feed link of before: the browser keeps "#74" through the redirect to the page.
    page.goto(f"{site}/items/2025-08-12-beskaeftigelsesudvalget#74")
    page.wait_for_selector("#detail[open]")
    assert "Unge i Fokus" in page.locator("#detail-title").inner_text()
    page.wait_for_function(f"() => location.search === '?item={item}' && !location.hash")
    page.click("#detail [data-close]")

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(httpx.get(f"{site}/search.atom", params={"q": "veteranindsatsen"}).text)
    entry = feed.find(f"{atom}entry")
    link = next(x.get("href") for x in entry.findall(f"{atom}link") if x.get("rel") == "alternate")
    assert "#" not in link
    page.goto(link)
    page.wait_for_selector("#detail[open]")
    title = page.locator("#detail-title").inner_text()
    assert title and entry.find(f"{atom}title").text.endswith(title)
