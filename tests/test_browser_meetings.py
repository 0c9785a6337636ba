"""Browser test on tests/fixtures/two_meetings: a presenter picks the final meeting in the
sidebar's meeting filter; the banner, the figures, the URL and the cards follow, and the link
reopens the same view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from browser_helpers import RENDER_TIMEOUT, open_page, title, wait_for_render
from conftest import FIXTURES, streamlit_server
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TWO = FIXTURES / "two_meetings"
FINAL = "최종보고회"


@pytest.fixture(scope="module")
def two_server() -> Iterator[str]:
    with streamlit_server(data=TWO) as url:
        yield url


def meeting_filter(page: Page):
    """The sidebar's meeting multiselect (the first one: it comes before the others)."""
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first


def test_meeting_filter_in_the_sidebar(app: Page, two_server: str, screenshots: Path) -> None:
    page = app
    page.set_viewport_size({"width": 1280, "height": 720})
    # the server's first run imports everything: on a busy machine the heading may take longer
    # than open_page's default wait, so the first visit waits for it as long as for a render
    page.goto(two_server)
    expect(title(page)).to_be_visible(timeout=RENDER_TIMEOUT)
    open_page(page, two_server)
    participants = page.get_by_test_id("stMetric").first.get_by_test_id("stMetricValue")
    banner = page.locator(".sed-banner")
    expect(participants).to_have_text("16")
    expect(banner).to_contain_text("회의: 중간보고회 · 최종보고회")
    expect(page.locator(".sed-caption").first).to_contain_text("중간보고회 · 최종보고회")
    expect(meeting_filter(page).get_by_test_id("stWidgetLabel")).to_have_text("회의")

    meeting_filter(page).get_by_role("combobox").click()
    page.get_by_role("option", name=f"{FINAL} (2015-06-30)", exact=True).click()
    page.keyboard.press("Escape")
    expect(participants).to_have_text("5")
    wait_for_render(page)
    expect(meeting_filter(page).locator("[data-tag]")).to_have_text([f"{FINAL} (2015-06-30)"])
    expect(banner).to_contain_text(f"회의: {FINAL}")
    expect(banner).to_contain_text("발췌 8 / 43 (아직 코딩되지 않은 3건 포함) · 참석자 5 / 16")
    expect(page.locator(".sed-caption").first).not_to_contain_text("중간보고회")
    expect(page.locator(".sed-notice")).to_contain_text("3개 발언은 아직 코딩되지 않았습니다")
    expect(page).to_have_url(re.compile(rf"[?&]mt={re.escape(quote(FINAL))}(&|$)"))
    page.screenshot(path=str(screenshots / "meetings-overview-final.png"), full_page=True)

    # the link reopens the same view, here on the who-said-what page with its cards
    link = page.url.replace(two_server.rstrip("/") + "/", two_server.rstrip("/") +
                            "/who_said_what")
    open_page(page, link)
    expect(meeting_filter(page).locator("[data-tag]")).to_have_text([f"{FINAL} (2015-06-30)"])
    cards = page.locator(".sed-card")
    expect(cards).to_have_count(8)
    expect(cards.locator(".sed-meeting")).to_have_count(8)
    expect(page.locator(".sed-uncoded")).to_have_count(3)
    untyped = page.locator('.sed-card[data-remark-id="M42"] .sed-type')
    expect(untyped).to_have_text("유형 미정")
    expect(untyped).to_have_css("background-color", "rgb(153, 153, 153)")
    page.locator('.sed-card[data-remark-id="M41"]').scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "meetings-who-final.png"))
