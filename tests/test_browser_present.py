"""Browser tests of presenting and of the checklist: every slide fits the projector with large
type, the closing slides show every item (reasons included) large and in full view with a
checklist state saved through the store, a status ticked in the browser survives a reload, and
the printable report downloads with the current view. Every page render also runs the
no-foreign-request guard."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import RENDER_TIMEOUT, open_page, settle, wait_for_render
from conftest import DATA, URLS, streamlit_server
from playwright.sync_api import Page, expect

from se_dashboard.checklist import progress
from se_dashboard.checklist.store import Edit, Store
from se_dashboard.data.loader import load
from se_dashboard.present import slides

pytestmark = pytest.mark.browser


def deck_size(page: Page) -> int:
    """The number of slides, as the slide's footer counts them ("n / total")."""
    return int(re.search(r"/ (\d+)\s*$", page.locator(".sed-foot").inner_text()).group(1))


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
    total = deck_size(app)
    for number in range(1, total + 1):
        app.wait_for_url(re.compile(rf"/slides\?(.*&)?slide={number}(&|$)"))
        settle(app, ".sed-slide{")  # measured with the slide's own stylesheet in place
        box = slide_geometry(app)
        assert box["top"] >= 0 and box["left"] >= 0, box
        assert box["right"] <= width and box["bottom"] <= height, box
        assert box["navBottom"] <= height, box  # the previous/next buttons are on screen too
        assert box["scroll"] <= 1, box  # nothing to scroll
        assert box["clipped"] <= 1, (number, box)  # nothing cut off inside the slide
        if height >= 1080:
            assert box["font"] >= 24, box
        app.screenshot(path=screenshots / f"slide-{number:02d}-{lang}-{width}x{height}.png")
        if number < total:
            next_button.click()
            expect(app.locator(".sed-foot")).to_contain_text(f"{number + 1} / {total}")
            wait_for_render(app)
    expect(next_button).to_be_disabled()


def test_slide_number_in_the_url_reopens_that_slide(app: Page, server: str) -> None:
    open_page(app, f"{server}/{URLS['slides']}?slide=5&org=coop", heading=False)
    expect(app.locator(".sed-slide h1")).to_have_text(
        "소비자협동조합: 가장 많이 말한 주제와 목소리")
    expect(app.locator(".sed-foot")).to_contain_text("기관 유형: 소비자협동조합")
    total = deck_size(app)
    app.get_by_role("button", name="이전").click()
    expect(app.locator(".sed-foot")).to_contain_text(f"4 / {total}")
    wait_for_render(app)
    app.wait_for_url("**/slides?*slide=4*")
    assert "org=coop" in app.url


# Long enough that every clamped part of an item fills all its lines: the worst case the
# number of items per closing slide (slides.ITEMS_PER_SLIDE) has to fit.
LONG = ("시 권한 밖의 사항으로 법령 개정이 필요하며, 경기도와 협의한 결과 도 단위 사업으로 "
        "이관하기로 하였습니다. 다음 계획 수립 때 다시 검토하고 그 결과를 공개합니다. ") * 2
SHORT_REASON = "타기관 이첩: 경기도 소관"


def seed_closing_state(path: Path) -> dict[str, list[str]]:
    """Save through the store, before the server starts: the first three recommendations
    reflected with every field long (one partly), four of the last ones not reflected (one
    with a short reason, one without, two with long ones) and one under review with a long
    reason. Return which rec_ids got which role."""
    dataset = load(DATA)
    ids = dataset.recommendations["rec_id"].astype(str).tolist()
    roles = {"reflected": ids[:3], "declined": ids[-4:], "short": [ids[-1]],
             "no_reason": [ids[-2]], "review": [ids[3]]}
    store = Store(path)
    store.sync(dataset.recommendations)
    edits = [Edit(rec, {"status": "부분반영" if i == 1 else "반영", "plan_section": LONG[:90],
                        "response_note": LONG, "reason": LONG}, 1)
             for i, rec in enumerate(roles["reflected"])]
    edits += [Edit(rec, {"status": "미반영", "reason": {ids[-1]: SHORT_REASON,
                                                        ids[-2]: ""}.get(rec, LONG)}, 1)
              for rec in roles["declined"]]
    edits.append(Edit(ids[3], {"status": "검토중", "reason": LONG}, 1))
    store.save_many(edits, "브라우저 시험")
    return roles


@pytest.fixture(scope="module")
def closing_server() -> Iterator[tuple[str, Path, dict[str, list[str]]]]:
    """A server whose checklist state was saved through the store before it started."""
    with tempfile.TemporaryDirectory(prefix="se-closing-") as folder:
        path = Path(folder) / "progress.sqlite"
        roles = seed_closing_state(path)
        with streamlit_server(state=path) as url:
            yield url, path, roles


ITEMS_JS = """() => [...document.querySelectorAll('.sed-slide li[data-rec-id]')].map(li => {
    const box = e => e.getBoundingClientRect();
    const dd = [...li.querySelectorAll('dd')];
    const head = li.querySelector('.sed-clamp');
    return {id: li.dataset.recId, bottom: box(li).bottom, right: box(li).right,
            font: Math.min(...[li, head, ...dd].map(e => parseFloat(getComputedStyle(e).fontSize))),
            details: [...li.querySelectorAll('dt')].map((dt, i) => ({
                label: dt.innerText, text: dd[i].innerText, bottom: box(dd[i]).bottom,
                whole: dd[i].scrollHeight <= dd[i].clientHeight + 1}))};
})"""


@pytest.mark.parametrize(("width", "height", "lang"),
                         [(1920, 1080, "ko"), (1280, 720, "ko"), (1280, 720, "en")])
def test_closing_slides_show_every_item_large_with_its_reason(
        app: Page, closing_server: tuple[str, Path, dict[str, list[str]]], screenshots: Path,
        width: int, height: int, lang: str) -> None:
    url, path, roles = closing_server
    dataset = load(DATA)
    deck = slides.plan(progress.with_state(dataset, Store(path).checklist()), dataset.remarks)
    app.set_viewport_size({"width": width, "height": height})
    reason, missing = ("처리 사유", "사유 미기재") if lang == "ko" else (
        "Reason", "no reason recorded yet")
    least = 24  # px, at 1280x720 as well as at 1920x1080
    seen: dict[str, dict] = {}
    for number, slide in enumerate(deck, start=1):
        if slide.kind not in ("reflected", "open"):
            continue
        open_page(app, f"{url}/{URLS['slides']}?slide={number}&lang={lang}", heading=False)
        expect(app.locator(".sed-foot")).to_contain_text(f"{number} / {len(deck)}")
        settle(app, ".sed-slide{")
        box = slide_geometry(app)
        assert box["scroll"] <= 1 and box["clipped"] <= 1, (number, box)
        assert box["bottom"] <= height and box["navBottom"] <= height, (number, box)
        items = app.evaluate(ITEMS_JS)
        assert 0 < len(items) <= slides.ITEMS_PER_SLIDE[slide.kind], number
        for item in items:
            assert item["font"] >= least, (number, item)
            assert item["bottom"] <= box["bottom"] and item["right"] <= width, (number, item)
            assert all(d["bottom"] <= box["bottom"] for d in item["details"]), (number, item)
            seen[item["id"]] = item
        app.screenshot(path=screenshots / (f"closing-{slide.kind}-{slide.part}of{slide.parts}"
                                           f"-{lang}-{width}x{height}.png"))
    for rec in roles["declined"]:  # every 미반영 item, with its reason
        details = {d["label"]: d for d in seen[rec]["details"]}
        assert reason in details, seen[rec]
    short = {d["label"]: d for d in seen[roles["short"][0]]["details"]}[reason]
    assert short["text"] == SHORT_REASON and short["whole"]
    assert {d["label"]: d for d in seen[roles["no_reason"][0]]["details"]}[reason]["text"] == (
        missing)
    assert [rec for rec, item in seen.items()
            if any(d["text"] == missing for d in item["details"])] == roles["no_reason"]
    for rec in roles["reflected"]:
        assert len(seen[rec]["details"]) == 3, seen[rec]  # plan section, action, reason


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
    expect(item.locator(".sed-status")).to_contain_text("반영", timeout=RENDER_TIMEOUT)
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
    assert html.startswith("<!doctype html>") and "기관 유형: 소비자협동조합" in html
    assert "참석자 E · 소비자협동조합" in html and "박미정" not in html and "등대생협" not in html
    wait_for_render(app)
