"""Browser tests: a real `streamlit run` driven with Debian's Chromium, clicked through as a
presenter would. Every test renders each view fully (no Python exception on the page) and fails
if the browser talks to any host other than the local server."""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from browser_helpers import open_page, settle, title, wait_for_render
from conftest import DATA, FIXTURES, URLS, streamlit_server
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

HOSTILE = FIXTURES / "hostile_data"
SIZES = ((1280, 720), (1920, 1080))
# Korean sidebar link labels and the heading each page shows.
LINKS = {"overview": "개요", "who": "누가 무엇을", "themes": "주제", "recs": "권고"}
TITLES_KO = {"overview": "광명시 사회적경제 기본계획 이해관계자 의견", "who": "누가 무엇을",
             "themes": "주제", "recs": "권고"}
TITLE_EN = "Gwangmyeong social economy plan: stakeholder remarks"
KNOWN = {URLS[name]: name for name in LINKS}  # URL path -> page name, of the four pages above


# --- data -----------------------------------------------------------------------------------

def read_csv(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def org_label(folder: Path, org_type: str) -> str:
    return next(r["label_ko"] for r in read_csv(folder, "org_types.csv")
                if r["org_type"] == org_type)


def remark_ids(folder: Path, *, org_type: str | None = None, theme: str | None = None,
               query: str = "") -> list[str]:
    """Ids of the remarks (file order) of an org type, tagged with a theme, matching a search
    the way the app searches (case-insensitive, excerpt/translation/speaker/organization, or
    the label of a theme the remark is coded with)."""
    needle = query.casefold()
    named = {t["theme_id"] for t in read_csv(folder, "codebook.csv")
             if needle and (needle in t["label_ko"].casefold()
                            or needle in t["label_en"].casefold())}
    return [r["remark_id"] for r in read_csv(folder, "remarks.csv")
            if (org_type is None or r["org_type"] == org_type)
            and (theme is None or theme in r["themes"].split(";"))
            and (not needle or any(needle in r[c].casefold() for c in
                                   ("excerpt", "excerpt_en", "speaker", "organization"))
                 or bool(named & set(r["themes"].split(";"))))]


def url_of(base: str, name: str, **query: str) -> str:
    return f"{base}/{URLS[name]}" + (f"?{urlencode(query)}" if query else "")


def sidebar(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar")


def sidebar_pages(page: Page) -> dict[str, str]:
    """URL path -> label of every page link in the sidebar (the four known ones first)."""
    links = sidebar(page).get_by_test_id("stPageLink-NavLink")
    expect(links.nth(len(KNOWN) - 1)).to_be_visible()  # all drawn, not just the first
    found = {urlsplit(link.get_attribute("href") or "").path.strip("/"):
             link.get_by_test_id("stMarkdownContainer").inner_text().strip()
             for link in links.all()}
    assert {path: found.get(path) for path in KNOWN} == {
        path: LINKS[name] for path, name in KNOWN.items()}, found
    return {**{path: LINKS[name] for path, name in KNOWN.items()}, **found}


def go_via_sidebar(page: Page, path: str, label: str) -> None:
    """Click the sidebar link `label` and wait for the page at `path` to render."""
    sidebar(page).get_by_role("link", name=label, exact=True).click()
    expect(page).to_have_url(re.compile(rf"^[^?#]*/{re.escape(path)}(\?.*)?$"))
    wait_for_render(page)
    if path in KNOWN:
        expect(title(page)).to_have_text(TITLES_KO[KNOWN[path]])
    else:  # a page beyond the four this suite knows: it renders something, without error
        expect(page.get_by_test_id("stMain").get_by_test_id("stElementContainer").first
               ).to_be_attached()
    wait_for_render(page)


def card_ids(scope: Page | Locator) -> list[str]:
    return scope.locator(".sed-card").evaluate_all(
        "cards => cards.map(c => c.dataset.remarkId)")


def banner(page: Page) -> Locator:
    return page.locator(".sed-banner")


# --- bundled data -----------------------------------------------------------------------------

def test_click_through_pages_and_org_type_filter(app: Page, server: str) -> None:
    page = app
    open_page(page, url_of(server, "overview"))
    expect(title(page)).to_have_text(TITLES_KO["overview"])
    pages = sidebar_pages(page)
    for name in ("who", "themes", "recs", "overview"):
        go_via_sidebar(page, URLS[name], LINKS[name])
    for path, label in pages.items():  # pages added since (e.g. a slide mode), then home again
        if path not in KNOWN:
            go_via_sidebar(page, path, label)
            open_page(page, url_of(server, "overview"))

    coop = org_label(DATA, "coop")
    participants = page.get_by_test_id("stMetric").first.get_by_test_id("stMetricValue")
    expect(participants).to_have_text("15")
    expect(banner(page)).to_contain_text("전체 보기")

    org_filter = sidebar(page).get_by_test_id("stMultiSelect").first
    org_filter.get_by_role("combobox").click()
    # Streamlit's own English bulk option reads in the UI language.
    expect(page.locator('[data-key="__select_all__"]')).to_be_visible()
    assert page.evaluate("""() => getComputedStyle(document.querySelector(
        '[data-key="__select_all__"] [data-item-hl]'), '::after').content""") == '"모두 선택"'
    page.get_by_role("option", name=coop, exact=True).click()
    page.keyboard.press("Escape")
    expect(participants).to_have_text("4")
    wait_for_render(page)
    expect(org_filter.locator("[data-tag]")).to_have_text([coop])
    expect(banner(page)).to_contain_text(f"기관 유형: {coop}")
    expect(banner(page)).to_contain_text("참석자 4 / 15")
    expect(page).to_have_url(re.compile(r"[?&]org=coop(&|$)"))

    go_via_sidebar(page, URLS["who"], LINKS["who"])
    expect(page).to_have_url(re.compile(r"[?&]org=coop(&|$)"))
    org_filter = sidebar(page).get_by_test_id("stMultiSelect").first
    expect(org_filter.locator("[data-tag]")).to_have_text([coop])
    expect(banner(page)).to_contain_text(f"기관 유형: {coop}")
    expected = remark_ids(DATA, org_type="coop")
    expect(page.locator(".sed-card")).to_have_count(len(expected))
    assert card_ids(page) == expected

    sidebar(page).get_by_role("button", name="필터 초기화").click()
    expect(banner(page)).to_contain_text("전체 보기: 필터 없음")
    wait_for_render(page)
    expect(sidebar(page).locator("[data-tag]")).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"[?&]org="))
    expect(sidebar(page).get_by_role("button", name="필터 초기화")).to_be_disabled()


def test_theme_bar_click_lists_its_excerpts(app: Page, server: str) -> None:
    page = app
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_page(page, url_of(server, "themes"))
    themes = [r["theme_id"] for r in read_csv(DATA, "codebook.csv")]
    org_types = [r["org_type"] for r in read_csv(DATA, "org_types.csv")]
    # A bar segment whose theme is raised by several org types, so the org type matters.
    theme, org_type = "support_center", "civic"
    expected = remark_ids(DATA, org_type=org_type, theme=theme)
    assert expected and set(expected) < set(remark_ids(DATA, theme=theme))

    chart = page.get_by_test_id("stPlotlyChart").first
    plot = chart.locator(".js-plotly-plot")
    trace, point = org_types.index(org_type), themes.index(theme)
    assert plot.evaluate("(gd, [t, i]) => gd.data[t].customdata[i]",
                         [trace, point]) == [theme, org_type]
    bar = plot.locator("g.barlayer g.trace.bars").nth(trace).locator("g.point").nth(point)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    assert box and box["width"] > 4 and box["height"] > 4, box
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    time.sleep(0.2)  # let Plotly hand the selection to Streamlit

    selected = page.locator(".st-key-themes_selected")
    expect(selected.locator(".sed-card").first).to_be_visible()
    wait_for_render(page)
    theme_label = next(r["label_ko"] for r in read_csv(DATA, "codebook.csv")
                       if r["theme_id"] == theme)
    expect(selected).to_contain_text(f"{theme_label} · {org_label(DATA, org_type)}")
    expect(selected.locator(".sed-card")).to_have_count(len(expected))
    assert card_ids(selected) == expected


def test_english_switch_survives_reload(app: Page, server: str) -> None:
    page = app
    open_page(page, url_of(server, "overview"))
    expect(title(page)).to_have_text(TITLES_KO["overview"])
    sidebar(page).get_by_test_id("stRadioOption").filter(has_text="English").click()
    expect(title(page)).to_have_text(TITLE_EN)
    wait_for_render(page)
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
    expect(sidebar(page).get_by_role("link", name="Who said what")).to_be_visible()

    page.reload()
    title(page).wait_for()
    wait_for_render(page)
    expect(title(page)).to_have_text(TITLE_EN)
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
    expect(sidebar(page).get_by_role("radio", name="English")).to_be_checked()


def test_deep_link_with_org_type_and_search(app: Page, server: str) -> None:
    page = app
    open_page(page, url_of(server, "who", org="coop", q="신뢰"))
    coop = org_label(DATA, "coop")
    expect(title(page)).to_have_text(TITLES_KO["who"])
    expect(sidebar(page).get_by_test_id("stMultiSelect").first.locator("[data-tag]")
           ).to_have_text([coop])
    expect(sidebar(page).get_by_test_id("stTextInput").locator("input")).to_have_value("신뢰")
    expect(banner(page)).to_contain_text(f"기관 유형: {coop}")
    expect(banner(page)).to_contain_text("검색어: “신뢰”")

    expected = remark_ids(DATA, org_type="coop", query="신뢰")
    assert expected
    expect(page.locator(".sed-card")).to_have_count(len(expected))
    assert card_ids(page) == expected
    marks = page.locator(".sed-card mark")
    expect(marks.first).to_be_visible()
    assert set(marks.all_inner_texts()) == {"신뢰"}
    for card in page.locator(".sed-card").all():
        expect(card.locator("mark").first).to_have_text("신뢰")


def test_overview_at_1280_in_english_cuts_no_label(app: Page, server: str,
                                                  screenshots: Path) -> None:
    page = app
    page.set_viewport_size({"width": 1280, "height": 720})
    open_page(page, url_of(server, "overview", lang="en"))
    page.evaluate("document.fonts.ready.then(() => true)")
    settle(page, "stMetricLabel", ".sed-ws{", ".hc-row{")  # measured with our styles on
    cut = page.evaluate("""() => [...document.querySelectorAll(
        '[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *, .sed-ws *, .hc-label')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)""")
    assert cut == []
    people = {r["speaker"] for r in read_csv(DATA, "remarks.csv")}
    panel = page.locator(".sed-ws").inner_text()
    assert all(name in panel for name in people)  # who took part, at a glance
    page.screenshot(path=screenshots / "overview-en-1280x720.png")


def test_screenshots_of_every_page(app: Page, server: str, screenshots: Path) -> None:
    page = app
    open_page(page, url_of(server, "overview"))
    paths = list(sidebar_pages(page))
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for path in paths:
            open_page(page, f"{server}/{path}", heading=path in KNOWN)
            for chart in page.get_by_test_id("stPlotlyChart").all():
                chart.locator(".main-svg").first.wait_for(state="attached")
            page.evaluate("document.fonts.ready.then(() => true)")
            wait_for_render(page)
            shot = screenshots / f"{path or 'overview'}-{width}x{height}.png"
            page.screenshot(path=shot)
            assert shot.stat().st_size > 10_000


# --- hostile data -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_server() -> Iterator[str]:
    with streamlit_server(HOSTILE) as url:
        yield url


def assert_nothing_ran(page: Page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    expect(page.locator('img[src="x"]')).to_have_count(0)
    expect(page.locator('a[href^="javascript:" i]')).to_have_count(0)
    expect(page.locator('a[href*="evil.example"]')).to_have_count(0)
    for frame in page.frames:
        expect(frame.locator("script", has_text="__pwned")).to_have_count(0)
        expect(frame.locator('img[src="x"]')).to_have_count(0)


def test_hostile_data_shows_as_text(app: Page, hostile_server: str) -> None:
    page = app
    open_page(page, url_of(hostile_server, "who"))
    assert_nothing_ran(page)
    cards = page.locator(".sed-card")
    for text in ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">',
                 "**bold**", "[x](javascript:window.__pwned=3)",
                 '=HYPERLINK("http://evil.example","x")', "<b>bold</b>"):
        expect(cards.get_by_text(text, exact=True)).to_be_visible()
    expect(page.get_by_text("<script>window.__pwned=1</script>", exact=True)).to_be_visible()
    expect(page.get_by_text("**bold**", exact=True)).to_be_visible()
    expect(cards.locator("strong, b").filter(has_text="bold")).to_have_count(0)
    expect(cards.locator("a")).to_have_count(0)
    expect(cards.locator("i, em")).to_have_count(0)
    expect(cards.locator(".sed-chip").filter(has_text="<i>기울임</i>").first).to_be_visible()

    open_page(page, url_of(hostile_server, "themes"))
    assert_nothing_ran(page)
    chart = page.get_by_test_id("stPlotlyChart").first
    expect(chart.locator("g.ytick text").filter(has_text="<i>기울임</i>")).to_have_count(1)
    expect(chart.locator('i, em, tspan[style*="italic"]')).to_have_count(0)
    expect(page.get_by_test_id("stPlotlyChart").locator('tspan[style*="italic"]')
           ).to_have_count(0)

    for name in ("recs", "overview"):
        open_page(page, url_of(hostile_server, name))
        assert_nothing_ran(page)
        expect(page.get_by_test_id("stPlotlyChart").locator('i, tspan[style*="italic"]')
               ).to_have_count(0)
    for path in sidebar_pages(page):  # pages beyond the four (e.g. a slide mode) too
        if path not in KNOWN:
            open_page(page, f"{hostile_server}/{path}", heading=False)
            assert_nothing_ran(page)
            expect(page.locator('i, tspan[style*="italic"]').filter(has_text="기울임")
                   ).to_have_count(0)


# Markup the hostile fixture carries in every field (speaker, organization, role, meeting,
# org-type and theme labels, recommendation titles and details, excerpts); see
# tests/fixtures/hostile_data. None of it may render or fetch anything.
INVISIBLE_JS = ("/[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c"
                "\\u200b-\\u200d\\u2060\\ufeff]/")
HOSTILE_VIEWS = {"ko": {}, "en": {"lang": "en"}, "anon": {"anon": "1"}}


def assert_markup_inert(page: Page, scope: str = "body") -> None:
    """No image, link, formula, emoji or icon from the data; no bidi or zero-width character
    shown in `scope` (text, SVG text and labels); nothing ran."""
    assert_nothing_ran(page)
    for frame in page.frames:
        # An image or link made from the data points at its host; the app's own page links
        # may carry the data in their query string (the filter), which goes nowhere else.
        expect(frame.locator('img[src*="example.invalid"]')).to_have_count(0)
        assert frame.evaluate("""() => [...document.querySelectorAll('a[href]')]
            .filter(a => new URL(a.href, location.href).hostname.endsWith('example.invalid'))
            .length""") == 0
        expect(frame.locator(".katex, .katex-display, mjx-container")).to_have_count(0)
        expect(frame.get_by_test_id("stIconMaterial").filter(has_text="home")).to_have_count(0)
        expect(frame.get_by_test_id("stIconEmoji")).to_have_count(0)
        assert "😄" not in frame.locator("body").inner_text()
    shown = page.evaluate(f"""(scope) => {{
        const out = [], bad = {INVISIBLE_JS};
        for (const root of document.querySelectorAll(scope)) {{
            const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {{
                const node = walk.currentNode, tag = node.parentElement?.tagName;
                if (tag !== 'SCRIPT' && tag !== 'STYLE' && bad.test(node.data))
                    out.push(node.data);
            }}
            for (const el of root.querySelectorAll('[aria-label], [title]'))
                for (const v of [el.getAttribute('aria-label'), el.getAttribute('title')])
                    if (v && bad.test(v)) out.push(v);
        }}
        return out;
    }}""", scope)
    assert shown == [], shown


@pytest.mark.parametrize("view", list(HOSTILE_VIEWS))
def test_hostile_markup_and_bidi_stay_inert_on_every_page(app: Page, hostile_server: str,
                                                           view: str) -> None:
    page = app
    query = HOSTILE_VIEWS[view]
    # The main area; the sidebar's option labels are checked by the AppTest sweep
    # (tests/test_inert_text.py), and its page links are the app's own <a> elements.
    main = '[data-testid="stMain"]'
    open_page(page, url_of(hostile_server, "overview", **query))
    assert_markup_inert(page, main)
    if view == "ko":  # the subtitle names the meeting, shown as typed
        expect(page.locator(".sed-caption").first).to_contain_text(
            "중간보고회 ![meeting](http://example.invalid/meeting.png)")

    # One participant's remarks under a filter: the caption names them (a pseudonym carrying
    # the org-type label when anonymized).
    open_page(page, url_of(hostile_server, "who", org="public", **query))
    assert_markup_inert(page, main)
    person = page.get_by_test_id("stMain").get_by_test_id("stSelectbox")
    person.get_by_role("combobox").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    for frame in page.frames:  # option labels are plain text
        expect(frame.get_by_role("listbox").locator("img, a, .katex")).to_have_count(0)
    options.filter(has_text=re.compile(r"^(이한준|참석자 A|Participant A) ")).first.click()
    wait_for_render(page)
    caption = page.get_by_test_id("stMain").locator(".sed-caption")
    expect(caption).to_be_visible()
    expect(caption).to_contain_text(
        "참석자 A · 행정·공공 ![type](http://example.invalid/type.png)" if view == "anon"
        else "이한준 ![speaker](http://example.invalid/speaker.png)")
    assert_markup_inert(page, main)

    speakers = sidebar(page).get_by_test_id("stMultiSelect").nth(1)
    # Below the sidebar's fold at 720 px: scrolled to first, as a person would, since a list
    # opened by the click that also scrolls the sidebar closes again with the scroll.
    speakers.scroll_into_view_if_needed()
    speakers.get_by_role("combobox").click()
    expect(page.get_by_role("option").first).to_be_visible()
    assert_markup_inert(page, main)
    page.keyboard.press("Escape")

    for name in ("themes", "recs"):
        open_page(page, url_of(hostile_server, name, **query))
        assert_markup_inert(page, main)
    for expander in page.get_by_test_id("stMain").get_by_test_id("stExpander").all()[:6]:
        expander.locator("summary").click()
    assert_markup_inert(page, main)

    open_page(page, url_of(hostile_server, "slides", **query), heading=False)
    counter = page.locator(".sed-slide .sed-foot span").last
    expect(counter).to_have_text(re.compile(r"^1 / \d+$"))
    total = int(counter.inner_text().split("/")[1])
    assert_markup_inert(page, main)
    for number in range(2, total + 1):  # every slide
        page.locator(".st-key-slides_next button").click()
        expect(counter).to_have_text(f"{number} / {total}")
        wait_for_render(page)
        assert_markup_inert(page, main)
