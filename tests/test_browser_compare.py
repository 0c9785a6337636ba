"""Browser tests of comparing meetings on a server started on the two-meeting fixture: the
compare page renders and answers a change of the compared meetings, and the title slide and
the slide "since the interim meeting" fit the projector with large type, in Korean and
English. Every page render also runs the no-foreign-request guard."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import RENDER_TIMEOUT, open_page, settle, wait_for_render
from conftest import streamlit_server
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TWO = Path(__file__).resolve().parent / "fixtures" / "two_meetings"
SINCE = 5


@pytest.fixture(scope="module")
def two_server() -> Iterator[str]:
    with streamlit_server(data=TWO) as url:
        yield url


def test_compare_page_renders_and_follows_the_chosen_meetings(app: Page, two_server: str,
                                                              screenshots: Path) -> None:
    app.set_viewport_size({"width": 1280, "height": 900})
    open_page(app, f"{two_server}/compare", heading=False)  # a cold server: wait longer
    expect(app.get_by_role("heading", level=1).first).to_have_text("회의 비교",
                                                                   timeout=RENDER_TIMEOUT)
    dropped = app.locator('.sed-cmp-list[data-change="dropped"]')
    expect(dropped).to_contain_text("더 이상 나오지 않은 주제 (5)", timeout=RENDER_TIMEOUT)
    expect(app.locator('[data-testid="stPlotlyChart"] .js-plotly-plot')).to_have_count(
        1, timeout=RENDER_TIMEOUT)
    app.screenshot(path=screenshots / "compare-ko-1280.png")
    earlier = app.get_by_test_id("stSelectbox").filter(has_text="이전 회의")
    earlier.get_by_role("combobox").click()
    app.get_by_role("option", name=re.compile("^최종보고회")).click()
    wait_for_render(app)
    later = app.get_by_test_id("stSelectbox").filter(has_text="이후 회의")
    later.get_by_role("combobox").click()
    app.get_by_role("option", name=re.compile("^중간보고회")).click()
    wait_for_render(app)
    expect(app.locator('.sed-cmp-list[data-change="new"]')).to_contain_text(
        "새로 나온 주제 (5)", timeout=RENDER_TIMEOUT)
    expect(dropped).to_contain_text("더 이상 나오지 않은 주제 (0)", timeout=RENDER_TIMEOUT)


SLIDE_JS = """() => {
    const box = e => e.getBoundingClientRect();
    const slide = document.querySelector('.sed-slide');
    const inner = slide.querySelector('.sed-body');
    const main = document.querySelector('[data-testid="stMain"]');
    const texts = [...slide.querySelectorAll('.sed-since li, .sed-since h3, .sed-since-people')];
    return {bottom: box(slide).bottom, right: box(slide).right,
            scroll: main.scrollHeight - main.clientHeight,
            clipped: inner.scrollHeight - inner.clientHeight,
            lowest: Math.max(0, ...[...slide.querySelectorAll('.sed-body *')].map(
                e => box(e).bottom)),
            bodyBottom: box(inner).bottom,
            smallest: Math.min(...texts.map(e => parseFloat(getComputedStyle(e).fontSize))),
            items: texts.length,
            cut: [...slide.querySelectorAll('.sed-since li, .sed-since-people')].filter(
                e => e.scrollHeight > e.clientHeight + 1).map(e => e.innerText),
            hidden: [...slide.querySelectorAll('.sed-since-col')].filter(
                col => col.scrollHeight > col.clientHeight + 1).map(col => col.innerText)};
}"""


@pytest.mark.parametrize(("width", "height", "lang"),
                         [(1280, 720, "ko"), (1920, 1080, "ko"), (1280, 720, "en")])
def test_title_and_since_slides_fit_the_projector(app: Page, two_server: str, screenshots: Path,
                                                  width: int, height: int, lang: str) -> None:
    app.set_viewport_size({"width": width, "height": height})
    for number in (1, SINCE):
        open_page(app, f"{two_server}/slides?slide={number}&lang={lang}", heading=False)
        settle(app, ".sed-since{")
        box = app.evaluate(SLIDE_JS)
        assert box["bottom"] <= height and box["right"] <= width, box
        assert box["scroll"] <= 1 and box["clipped"] <= 1, (number, box)
        assert box["lowest"] <= box["bodyBottom"] + 1, (number, box)
        if number == SINCE:
            expect(app.locator(".sed-slide h1")).to_have_text(
                "중간보고회 이후" if lang == "ko" else "Since the Interim report meeting")
            # 3 headings, 1 + 4 + 4 lines (none; three themes and "외 N개" twice), both
            assert box["items"] == 13, box
            assert box["smallest"] >= 24, box  # projector type, at 1280x720 too
            assert not box["cut"], box  # no theme line or name list clamped
            assert not box["hidden"], box  # nothing below a list's visible end
        else:
            expect(app.locator(".sed-meeting-line")).to_have_count(2)
        app.screenshot(path=screenshots / f"compare-slide-{number}-{lang}-{width}x{height}.png")
