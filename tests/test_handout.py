"""The printable handout on the bundled data: hand-checked figures, every excerpt, filters,
English, hidden organizations, hostile text, and a real print to PDF in Chromium."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, Route
from pypdf import PdfReader

from se_dashboard.data.loader import Dataset
from se_dashboard.present.handout import handout_html

TITLE = "광명시 사회적경제 기본계획 이해관계자 의견"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
COOP_IDS = ["M16", "M17", "M20", "M21", "M27", "M32", "M33"]


def make(dataset: Dataset, remarks: pd.DataFrame | None = None, **options: object) -> str:
    """The handout with test header values (Korean unless `lang` is given)."""
    args: dict[str, object] = {"lang": "ko", "title": TITLE, "subtitle": "중간보고회",
                               "filter_text": "전체", "generated_at": "2025-03-12 10:00"}
    args.update(options)
    return handout_html(dataset, dataset.remarks if remarks is None else remarks, **args)


def figure(doc: str, key: str) -> str:
    """The number shown in one summary figure."""
    return re.search(rf'data-figure="{key}"><span class="ho-num">([^<]*)<', doc).group(1)


def section(doc: str, name: str) -> str:
    """The HTML of one section, by id."""
    start = doc.index(f'<section id="{name}"')
    return doc[start:doc.index("</section>", start)]


def texts(doc: str, pattern: str) -> list[str]:
    """The unescaped text of every match of `pattern` (one group), tags removed."""
    return [html.unescape(re.sub(r"<[^>]+>", " ", m)) for m in re.findall(pattern, doc, re.S)]


@pytest.fixture(scope="module")
def doc(dataset: Dataset) -> str:
    return make(dataset)


def test_standalone_document_for_a4(doc: str) -> None:
    assert doc.startswith("<!doctype html>")
    assert '<html lang="ko">' in doc and '<meta charset="utf-8">' in doc
    assert "@page { size: A4; margin: 14mm 14mm 16mm;" in doc
    assert 'content: counter(page) " / " counter(pages)' in doc  # page numbers
    assert "<thead>" in doc and "display: table-header-group" in doc
    assert re.search(r"section \{ break-inside: avoid;", doc)
    assert "print-color-adjust: exact" in doc
    # Nothing to fetch and nothing to run.
    for bad in ("<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import",
                "http://", "https://", "@font-face"):
        assert bad not in doc.lower(), bad
    assert doc.count("<style>") == 1 and f"<title>{TITLE}</title>" in doc


def test_hand_checked_figures(doc: str) -> None:
    assert figure(doc, "participants") == "15"
    assert figure(doc, "org_types") == "5"
    assert figure(doc, "excerpts") == "35"
    assert figure(doc, "themes") == "12"
    assert figure(doc, "recommendations") == "20"
    assert figure(doc, "reflected") == "0 / 20"
    assert figure(doc, "rate") == "0%"
    assert "(반영 0 + 부분반영 0 × 0.5) / 20" in doc
    assert len(re.findall(r"<tr><td class=\"ho-c\">", section(doc, "disposition"))) == 20


def test_every_excerpt_once_in_file_order(dataset: Dataset, doc: str) -> None:
    part = section(doc, "excerpts")
    ids = re.findall(r'data-remark-id="([^"]+)"', part)
    remarks = dataset.remarks
    assert ids == [r for speaker in dataset.participants["speaker"]
                   for r in remarks.loc[remarks["speaker"] == speaker, "remark_id"]]
    assert len(ids) == len(set(ids)) == 35
    for remark in dataset.remarks.itertuples():
        assert html.escape(remark.excerpt) in part, remark.remark_id
    # Each participant once, with organization, role and org type label.
    who = texts(part, r'<h3 class="ho-who">(.*?)</h3>')
    assert len(who) == 15
    assert who[1].split()[0] == "이은애"
    assert "서울시 사회적경제지원센터" in who[1] and "센터장" in who[1]
    assert "중간지원조직" in who[1] and "발췌 8개" in who[1]
    # Excerpts carry kind and theme labels.
    m04 = part[part.index('data-remark-id="M04"'):part.index('data-remark-id="M05"')]
    assert ">평가<" in m04 and ">참여형 계획·거버넌스<" in m04


def test_charts_and_theme_table(dataset: Dataset, doc: str) -> None:
    participation = section(doc, "participation")
    assert re.findall(r'class="hc-total">([^<]+)<', participation) == ["3명", "2명", "2명",
                                                                       "4명", "4명"]
    assert "background-color:#0072B2" in participation  # the first org type's colour
    frequency = section(doc, "theme-frequency")
    labels = texts(frequency, r'<div class="hc-label" title="[^"]*">(.*?)</div>')
    assert labels == dataset.themes["label_ko"].tolist()  # codebook order
    assert re.findall(r'class="hc-total">(\d+)<', frequency)[1] == "7"  # support centre
    assert {"hc-p0", "hc-p1", "hc-p2", "hc-p3", "hc-p4"} <= set(
        re.findall(r"hc-swatch (hc-p\d)", frequency))
    table = section(doc, "theme-table")
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th>(.*?)</tr>', table)
    assert [r for r, _ in rows] == dataset.themes["label_ko"].tolist()
    support = dict(rows)["지원센터·중간지원조직"]
    assert re.findall(r">(\d+)</td>", support) == ["1", "1", "1", "1", "3", "7"]
    assert "background:#4A8CC9" in support  # the largest count is the darkest


def test_filtered_to_consumer_coops(dataset: Dataset) -> None:
    remarks = dataset.remarks[dataset.remarks["org_type"] == "coop"]
    doc = make(dataset, remarks, filter_text="기관 유형: 소비자협동조합")
    assert (figure(doc, "participants"), figure(doc, "excerpts"),
            figure(doc, "recommendations")) == ("4", "7", "6")
    assert re.findall(r'data-remark-id="([^"]+)"', doc) == COOP_IDS
    who = [w.split()[0] for w in texts(doc, r'<h3 class="ho-who">(.*?)</h3>')]
    assert who == ["박미정", "서원희", "김미숙", "최미자"]
    disposition = section(doc, "disposition")
    titles = texts(disposition, r"<td><strong>(.*?)</strong>")
    assert titles == ["지원센터 확대와 인력 충원", "현장과 함께 만드는 참여형 실행계획",
                      "기존 기업의 지속·자립 방안", "시장·시의회의 지원 의지 표명",
                      "기업 위기·폐업 실태 진단", "주민 삶과 연계한 지원과 주민 간담회"]
    others = set(dataset.participants["speaker"]) - {"박미정", "서원희", "김미숙", "최미자"}
    assert not [name for name in others if name in doc]
    assert "기관 유형: 소비자협동조합" in doc


def test_english(dataset: Dataset) -> None:
    doc = make(dataset, lang="en", title="Stakeholder remarks")
    assert '<html lang="en">' in doc
    for heading in ("Summary", "Participation by organization type", "Theme frequency",
                    "Disposition of stakeholder opinions", "Excerpts by participant"):
        assert f">{heading}</h2>" in doc
    assert "(reflected 0 + partly 0 × 0.5) / 20" in doc
    assert "Participatory planning &amp; governance" in doc
    assert "Under review" in doc and ">Proposal<" in doc
    for remark in dataset.remarks.itertuples():
        assert html.escape(remark.excerpt) in doc
        if remark.excerpt_en:
            assert html.escape(remark.excerpt_en) in doc
    assert "Present good practice from Gyeonggi" in doc


def test_hide_organizations(dataset: Dataset) -> None:
    shown = make(dataset)
    hidden = make(dataset, hide_organizations=True)
    orgs = dataset.participants["organization"].tolist()
    roles = dataset.participants["role"].tolist()

    def people_parts(doc: str) -> str:
        return " ".join(texts(doc, r'<h3 class="ho-who">(.*?)</h3>')
                        + texts(doc, r'<span class="ho-backer">(.*?)</span>'))

    assert all(org in people_parts(shown) for org in orgs)  # the check can see them
    visible = people_parts(hidden)
    assert not [org for org in orgs if org in visible]
    assert not [role for role in roles if role in visible]
    assert all(name in visible for name in dataset.participants["speaker"])
    assert len(texts(hidden, r'<h3 class="ho-who">(.*?)</h3>')) == 15


def test_state_statuses_and_reflection_rate(dataset: Dataset) -> None:
    recs = dataset.recommendations.copy()
    recs["status"] = recs["status"].astype(str)
    recs.loc[recs["rec_id"] == "R01", "status"] = "반영"
    recs.loc[recs["rec_id"] == "R02", "status"] = "부분반영"
    recs["status"] = recs["status"].astype(dataset.recommendations["status"].dtype)
    recs["plan_section"] = ["3장 2절" if r == "R01" else "" for r in recs["rec_id"]]
    recs["response_note"] = ["=HYPERLINK(\"x\") <b>note</b>" if r == "R01" else ""
                             for r in recs["rec_id"]]
    recs["responsible_unit"] = ""
    doc = make(replace(dataset, recommendations=recs))
    assert figure(doc, "reflected") == "1 / 20"
    assert figure(doc, "rate") == "8%"  # (1 + 0.5 × 1) / 20 = 7.5%, rounded half to even
    assert "(반영 1 + 부분반영 1 × 0.5) / 20" in doc
    first_row = section(doc, "disposition").split("<tr>")[2]
    assert "● 반영" in first_row and "3장 2절" in first_row
    assert "=HYPERLINK(&quot;x&quot;) &lt;b&gt;note&lt;/b&gt;" in first_row
    assert "◐ 부분반영" in section(doc, "disposition").split("<tr>")[3]


def hostile(dataset: Dataset) -> Dataset:
    """The bundled data with hostile text in an excerpt, its translation and a theme label."""
    remarks = dataset.remarks.copy()
    first = remarks.index[0]
    remarks.loc[first, "excerpt"] = f"{HOSTILE_SCRIPT} {HOSTILE_IMG} **굵게** =SUM(A1)"
    remarks.loc[first, "excerpt_en"] = HOSTILE_IMG
    themes = dataset.themes.copy()
    themes.loc[themes.index[0], "label_ko"] = HOSTILE_IMG
    return replace(dataset, remarks=remarks, themes=themes)


def test_hostile_text_is_escaped(dataset: Dataset) -> None:
    data = hostile(dataset)
    for lang in ("ko", "en"):
        doc = make(data, data.remarks, lang=lang, title=HOSTILE_SCRIPT,
                   filter_text=HOSTILE_IMG, subtitle=HOSTILE_IMG)
        assert "<script" not in doc and "<img" not in doc
        assert html.escape(HOSTILE_SCRIPT) in doc and html.escape(HOSTILE_IMG) in doc
        assert "**굵게** =SUM(A1)" in doc


def test_no_remark_matches(dataset: Dataset) -> None:
    for lang, message in (("ko", "현재 필터에 맞는 발언이 없습니다"),
                          ("en", "No remark matches the filter")):
        doc = make(dataset, dataset.remarks.iloc[0:0], lang=lang)
        assert doc.startswith("<!doctype html>") and message in doc
        assert "<section" not in doc and TITLE in doc


@pytest.mark.browser
def test_offline_open_and_print_to_pdf(dataset: Dataset, page: Page, tmp_path: Path) -> None:
    path = tmp_path / "handout.html"
    path.write_text(make(dataset), encoding="utf-8")
    hostile_path = tmp_path / "hostile.html"
    hostile_data = hostile(dataset)
    hostile_path.write_text(make(hostile_data, hostile_data.remarks), encoding="utf-8")
    allowed = {path.as_uri(), hostile_path.as_uri()}
    requested: list[str] = []
    aborted: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url in allowed:
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("request", lambda request: requested.append(request.url))

    page.goto(path.as_uri())
    body = page.inner_text("body")
    assert TITLE in body
    assert "서울과 경기도는 다른 지역 특성을 가지고 있는 만큼" in body
    pdf = tmp_path / "handout.pdf"
    page.pdf(path=str(pdf), format="A4")

    page.goto(hostile_path.as_uri())
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    assert HOSTILE_SCRIPT in page.inner_text("body")

    assert aborted == []
    assert set(requested) == allowed

    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    text = "".join(p.extract_text() or "" for p in reader.pages)
    assert len(HANGUL.findall(text)) > 1000
    assert "이은애" in text and "지원센터·중간지원조직" in text
    # Backgrounds print: the first org type's colour #0072B2 is a fill in the PDF.
    content = b"".join(p.get_contents().get_data() for p in reader.pages[:2])
    assert re.search(rb"\b0 \.447\d* \.698\d* rg", content)


# --- issue 11: A4 layout, page numbers, breaks, local time --------------------------------------

def test_disposition_gives_the_action_and_the_reason_room(dataset: Dataset) -> None:
    recs = dataset.recommendations.copy()
    first = recs["rec_id"].iat[0]
    recs["status"] = recs["status"].astype(str)
    recs.loc[recs["rec_id"] == first, "status"] = "미반영"
    recs["status"] = recs["status"].astype(dataset.recommendations["status"].dtype)
    recs["reason"] = ["시 권한 밖" if r == first else "" for r in recs["rec_id"]]
    recs["response_note"] = ["경기도에 이첩" if r == first else "" for r in recs["rec_id"]]
    recs["plan_section"] = ["4장" if r == first else "" for r in recs["rec_id"]]
    recs["responsible_unit"] = ["일자리정책과" if r == first else "" for r in recs["rec_id"]]
    doc = make(replace(dataset, recommendations=recs))
    part = section(doc, "disposition")
    heads = texts(part, r'<th scope="col">(.*?)</th>')
    assert heads == ["연번", "권고 및 의견", "제안한 참석자 (기관 유형)", "반영 여부 · 처리 사유",
                     "조치 내용 · 반영 위치"]
    widths = [int(w) for w in re.findall(r'<col style="width:(\d+)%">', part)]
    assert sum(widths) == 100 and widths[4] >= 25 and widths[3] >= 18
    cells = re.findall(r"<td[^>]*>(.*?)</td>", part.split("<tr>")[2], re.S)
    assert "미반영" in cells[3] and "처리 사유: 시 권한 밖" in cells[3]  # under its status
    action = html.unescape(re.sub(r"<[^>]+>", "|", cells[4]))
    assert [a for a in action.split("|") if a] == ["경기도에 이첩", "반영 위치: 4장",
                                                    "담당: 일자리정책과"]


def test_generated_at_is_local_time_with_the_zone(dataset: Dataset, seoul: None) -> None:
    doc = handout_html(dataset, dataset.remarks, lang="ko", title=TITLE, subtitle="",
                       filter_text="전체")
    stamp = re.search(r"<dt>작성 시각</dt><dd>([^<]*)</dd>", doc).group(1)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d KST", stamp), stamp


def _lines(page) -> list[tuple[float, str]]:
    """The text pieces of a PDF page with their height on the page (points from the bottom)."""
    found: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[5] * cm[3] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return found


def _print(page: Page, doc: str, path: Path) -> PdfReader:
    path.with_suffix(".html").write_text(doc, encoding="utf-8")
    page.goto(path.with_suffix(".html").as_uri())
    page.pdf(path=str(path), format="A4")
    return PdfReader(path)


@pytest.mark.browser
def test_a4_columns_page_numbers_and_no_half_empty_pages(dataset: Dataset, page: Page,
                                                         tmp_path: Path) -> None:
    doc = make(dataset)
    # The disposition table at the printed width (A4 less 14 mm margins: 182 mm = 688 px).
    page.set_viewport_size({"width": 688, "height": 1000})
    page.emulate_media(media="print")
    page.set_content(doc)
    table = page.locator("#disposition table").bounding_box()["width"]
    heads = page.locator("#disposition th")
    width = {heads.nth(i).inner_text(): heads.nth(i).bounding_box()["width"]
             for i in range(heads.count())}
    action = next(w for h, w in width.items() if h.startswith("조치 내용"))
    status = next(w for h, w in width.items() if h.startswith("반영 여부"))
    assert action >= 0.25 * table and action >= 160, width
    assert status >= 0.18 * table, width
    page.emulate_media(media="screen")

    # Long excerpts (each twice as long) make participant blocks taller than half a page.
    remarks = dataset.remarks.copy()
    remarks["excerpt"] = remarks["excerpt"] + " " + remarks["excerpt"]
    longer = replace(dataset, remarks=remarks)
    reader = _print(page, make(longer), tmp_path / "long.pdf")
    pages = reader.pages
    total = len(pages)
    height = float(pages[0].mediabox.height)
    bottom = 16 / 25.4 * 72  # the bottom page margin, where the page number sits
    content = height - bottom - 14 / 25.4 * 72
    start = next(i for i, p in enumerate(pages) if "의견 반영 결과표" in (p.extract_text() or ""))
    for number, pdf_page in enumerate(pages, start=1):
        lines = _lines(pdf_page)
        footer = " ".join(t for y, t in sorted(lines, key=lambda x: x[0]) if y < bottom)
        assert re.search(rf"\b{number}\s*/\s*{total}\b", footer), (number, footer)
        body = [(y, t) for y, t in lines if y >= bottom]
        if start <= number - 1 < total - 1:
            # Disposition table and excerpts: no page left more than a quarter empty.
            gap = (min(y for y, _ in body) - bottom) / content
            assert gap < 0.25, (number, round(gap, 2))
            # A participant heading never ends a page: its first lines come with it.
            low = min(y for y, _ in body)
            last = " ".join(t for y, t in body if y < low + 3)
            assert not re.search(r"발췌 \d+개", last), (number, last)
