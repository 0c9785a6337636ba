"""Browser tests of presenting and of the checklist: every slide fits the projector with large
type, a status ticked in the browser survives a reload, and the printable report downloads
with the current view. Every page render also runs the no-foreign-request guard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import open_page, wait_for_render
from conftest import URLS
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SLIDES = 12  # title, figures, themes, crosstab, five org types, progress, reflected, open


def slide_geometry(page: Page) -> dict:
    return page.evaluate("""() => {
        const slide = document.querySelector('.sed-slide').getBoundingClientRect();
        const main = document.querySelector('[data-testid="stMain"]');
        const nav = [...document.querySelectorAll('button')].filter(
            b => /이전|다음|Previous|Next/.test(b.innerText)).map(
            b => b.getBoundingClientRect().bottom);
        const body = document.querySelector('.sed-slide');
        const inner = body.querySelector('.sed-body');
        return {top: slide.top, bottom: slide.bottom, left: slide.left, right: slide.right,
                navBottom: Math.max(...nav), scroll: main.scrollHeight - main.clientHeight,
                clipped: inner.scrollHeight - inner.clientHeight,
                font: parseFloat(getComputedStyle(body).fontSize),
                width: innerWidth, height: innerHeight};
    }""")


@pytest.mark.parametrize(("width", "height", "lang"),
                         [(1280, 720, "ko"), (1920, 1080, "ko"), (1280, 720, "en")])
def test_every_slide_fits_the_screen(app: Page, server: str, screenshots: Path,
                                     width: int, height: int, lang: str) -> None:
    app.set_viewport_size({"width": width, "height": height})
    suffix = "&lang=en" if lang == "en" else ""
    open_page(app, f"{server}/{URLS['slides']}?slide=1{suffix}", heading=False)
    next_button = app.get_by_role("button", name="Next" if lang == "en" else "다음")
    sidebar_right = app.get_by_test_id("stSidebar").evaluate(
        "e => e.getBoundingClientRect().right")
    assert sidebar_right <= 1, "the sidebar starts collapsed in slide mode"
    for number in range(1, SLIDES + 1):
        app.wait_for_url(re.compile(rf"/slides\?(.*&)?slide={number}(&|$)"))
        box = slide_geometry(app)
        assert box["top"] >= 0 and box["left"] >= 0, box
        assert box["right"] <= width and box["bottom"] <= height, box
        assert box["navBottom"] <= height, box  # the previous/next buttons are on screen too
        assert box["scroll"] <= 1, box  # nothing to scroll
        assert box["clipped"] <= 1, (number, box)  # nothing cut off inside the slide
        if height >= 1080:
            assert box["font"] >= 24, box
        app.screenshot(path=screenshots / f"slide-{number:02d}-{lang}-{width}x{height}.png")
        if number < SLIDES:
            next_button.click()
            expect(app.locator(".sed-foot")).to_contain_text(f"{number + 1} / {SLIDES}")
            wait_for_render(app)
    expect(next_button).to_be_disabled()


def test_slide_number_in_the_url_reopens_that_slide(app: Page, server: str) -> None:
    open_page(app, f"{server}/{URLS['slides']}?slide=5&org=coop", heading=False)
    expect(app.locator(".sed-slide h1")).to_have_text("생협: 가장 많이 말한 주제와 목소리")
    expect(app.locator(".sed-foot")).to_contain_text("기관 유형: 생협")
    app.get_by_role("button", name="이전").click()
    expect(app.locator(".sed-foot")).to_contain_text("4 / 8")
    wait_for_render(app)
    app.wait_for_url("**/slides?*slide=4*")
    assert "org=coop" in app.url


def test_ticked_status_is_kept_after_reload(app: Page, server: str) -> None:
    open_page(app, f"{server}/{URLS['recs']}")
    app.get_by_text("체크리스트 편집").click()
    name = app.get_by_label("편집자 이름 (변경 이력에 남습니다)")
    name.fill("브라우저 시험")
    name.press("Enter")
    wait_for_render(app)
    item = app.locator(".st-key-recs_item_R07")
    item.get_by_text("편집", exact=True).click()
    item.get_by_label("반영 상태").click()
    app.get_by_role("option", name="반영", exact=True).click()
    item.get_by_label("반영 위치 (계획 항목)").fill("전략 3-2")
    item.get_by_role("button", name="저장").click()
    wait_for_render(app)
    expect(item).to_contain_text("R07 저장됨 (버전 2)")
    app.reload()
    wait_for_render(app)
    item = app.locator(".st-key-recs_item_R07")
    expect(item.locator(".sed-status")).to_contain_text("반영")
    expect(item).to_contain_text("전략 3-2")
    expect(app.get_by_test_id("stMetricValue").nth(1)).to_have_text("1")  # ● 반영


def test_printable_report_downloads_with_the_view(app: Page, server: str,
                                                  tmp_path: Path) -> None:
    open_page(app, f"{server}/?org=coop&anon=1")
    with app.expect_download() as download:
        app.get_by_test_id("stSidebar").get_by_role("button", name="인쇄용 보고서 (HTML)").click()
    path = tmp_path / "report.html"
    download.value.save_as(path)
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "기관 유형: 생협" in html
    assert "참석자 E · 생협" in html and "박미정" not in html and "등대생협" not in html
    wait_for_render(app)
