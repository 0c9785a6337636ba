"""The closing slides (what the plan reflects, what is still open and why), the meeting's name
per language, quotes in whole sentences and singular counts on slides: pure functions and the
slide page in AppTest, with checklist states saved through the store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from se_dashboard.analysis.filters import Filters, apply
from se_dashboard.checklist import progress
from se_dashboard.checklist.store import Edit, Store
from se_dashboard.data.loader import Dataset
from se_dashboard.present import slides
from se_dashboard.present.vocab import (
    kind_labels,
    meeting_label,
    meeting_titles,
    org_type_labels,
    theme_labels,
)
from se_dashboard.ui import page as ui_page
from se_dashboard.ui import slide_render

REASON = "추진불가: 시 권한 밖(법령 개정 필요)"
PARTLY_REASON = "인력 충원은 예산 사정으로 2027년 이후로 미룸"
ITEM = re.compile(r'<li [^>]*data-rec-id="([^"]+)"[^>]*>(.*?)</li>', re.S)


def seed(path: Path, dataset: Dataset) -> dict[str, str]:
    """Save a checklist state through the store: the first recommendations reflected (one
    partly, with a reason), the last two not reflected (one with a reason, one without); the
    rest stay as the data has them. Return role -> rec_id."""
    ids = dataset.recommendations["rec_id"].astype(str).tolist()
    roles = {"reflected": ids[0], "partly": ids[1], "declined": ids[-1], "no_reason": ids[-2]}
    store = Store(path)
    store.sync(dataset.recommendations)
    store.save_many([
        Edit(roles["reflected"], {"status": "반영", "plan_section": "전략 3-2",
                                  "response_note": "지원센터 인력 2명 충원"}, 1),
        Edit(roles["partly"], {"status": "부분반영", "plan_section": "전략 1-1",
                               "response_note": "잠재 분야 조사 포함", "reason": PARTLY_REASON}, 1),
        Edit(roles["declined"], {"status": "미반영", "reason": REASON}, 1),
        Edit(roles["no_reason"], {"status": "미반영"}, 1),
    ], "시험")
    return roles


def slide_html(at) -> str:
    return next(h.proto.body for h in at.html if 'class="sed-slide"' in h.proto.body)


def closing_slides(run_page, dataset: Dataset, path: Path, query: dict | None = None
                   ) -> dict[str, list[str]]:
    """Return kind -> the HTML of each of its closing slides, walking the deck in AppTest."""
    shown = progress.with_state(dataset, Store(path).checklist())
    deck = slides.plan(shown, dataset.remarks)
    pages: dict[str, list[str]] = {"reflected": [], "open": []}
    for number, slide in enumerate(deck, start=1):
        if slide.kind in pages:
            at = run_page("slides", query={**(query or {}), "slide": str(number)})
            assert not at.exception
            body = slide_html(at)
            assert f"{number} / {len(deck)}" in body
            pages[slide.kind].append(body)
    return pages


def test_meeting_label():
    assert meeting_label("중간보고회", "en") == "Interim report meeting"
    assert meeting_label("최종보고회", "en") == "Final report meeting"
    assert meeting_label(" 최종보고회 ", "en") == "Final report meeting"
    assert meeting_label("중간보고회", "ko") == "중간보고회"
    assert meeting_label("주민 워크숍", "en") == "주민 워크숍"  # anything else as typed
    assert meeting_label("Town hall", "ko") == "Town hall"


def test_open_list_puts_declined_first_and_continues_on_further_slides(dataset, checklist_state):
    roles = seed(checklist_state, dataset)
    shown = progress.with_state(dataset, Store(checklist_state).checklist())
    items = slides.closing_items(shown, shown.remarks, "open")
    statuses = items["status"].astype(str).tolist()
    assert statuses == sorted(statuses, key=slides.OPEN_ORDER.index)  # 미반영, then 검토중
    assert set(items["rec_id"][:2]) == {roles["declined"], roles["no_reason"]}
    deck = [s for s in slides.plan(shown, shown.remarks) if s.kind == "open"]
    pages = [slides.slide_items(items, s)["rec_id"].tolist() for s in deck]
    assert [rec for page in pages for rec in page] == items["rec_id"].tolist()  # each once
    assert all(0 < len(page) <= slides.ITEMS_PER_SLIDE["open"] for page in pages)
    reflected = slides.closing_items(shown, shown.remarks, "reflected")
    assert set(reflected["rec_id"]) == {roles["reflected"], roles["partly"]}
    assert reflected.set_index("rec_id").loc[roles["partly"], "reason"] == PARTLY_REASON


def test_closing_slides_show_every_item_with_section_action_and_reason(
        run_page, dataset, checklist_state):
    roles = seed(checklist_state, dataset)
    pages = closing_slides(run_page, dataset, checklist_state)
    assert len(pages["open"]) > 1  # the open list continues instead of ending in "외 N건"
    for kind, title in (("reflected", "계획에 반영한 권고"), ("open", "아직 반영되지 않은 권고")):
        total = len(pages[kind])
        for part, body in enumerate(pages[kind], start=1):
            assert not re.search(r"외 \d+건", body)
            heading = f"{title} ({part}/{total})" if total > 1 else title
            assert f"<h1>{heading}</h1>" in body
            assert len(ITEM.findall(body)) <= slides.ITEMS_PER_SLIDE[kind]
    reflected = dict(ITEM.findall("".join(pages["reflected"])))
    assert "전략 3-2" in reflected[roles["reflected"]]
    assert "지원센터 인력 2명 충원" in reflected[roles["reflected"]]
    assert "반영 위치" in reflected[roles["reflected"]]
    assert "조치 내용" in reflected[roles["reflected"]]
    assert PARTLY_REASON in reflected[roles["partly"]]
    shown = ITEM.findall("".join(pages["open"]))
    ids = [rec for rec, _ in shown]
    open_recs = slides.recommendations_with(
        progress.with_state(dataset, Store(checklist_state).checklist()), dataset.remarks,
        slides.OPEN)
    assert sorted(ids) == sorted(open_recs["rec_id"])  # every open item, once
    assert set(ids[:2]) == {roles["declined"], roles["no_reason"]}  # 미반영 first
    items = dict(shown)
    assert REASON in items[roles["declined"]] and "사유 미기재" not in items[roles["declined"]]
    assert "사유 미기재" in items[roles["no_reason"]]
    # 검토중 needs no reason: never "사유 미기재" on one
    assert [rec for rec, html in shown if "사유 미기재" in html] == [roles["no_reason"]]


def test_prev_next_and_slide_number_walk_the_closing_parts(run_page, dataset, checklist_state):
    seed(checklist_state, dataset)
    deck = slides.plan(progress.with_state(dataset, Store(checklist_state).checklist()),
                       dataset.remarks)
    last, parts = len(deck), deck[-1].parts
    assert parts > 1
    at = run_page("slides", query={"slide": str(last)})
    assert f"<h1>아직 반영되지 않은 권고 ({parts}/{parts})</h1>" in slide_html(at)
    assert f"{last} / {last}" in slide_html(at) and at.button(key="slides_next").disabled
    at.button(key="slides_prev").click().run()
    assert f"<h1>아직 반영되지 않은 권고 ({parts - 1}/{parts})</h1>" in slide_html(at)
    assert at.query_params["slide"] == str(last - 1)
    at.button(key="slides_next").click().run()
    assert at.query_params["slide"] == str(last) and f"({parts}/{parts})" in slide_html(at)


def test_open_items_show_the_reason_not_the_response_note(run_page, dataset, checklist_state):
    rec = str(dataset.recommendations["rec_id"].iat[-1])
    store = Store(checklist_state)
    store.sync(dataset.recommendations)
    store.save(rec, {"status": "미반영", "response_note": "내부 메모: 담당 부서 협의"}, 1, "시험")
    items = dict(ITEM.findall("".join(closing_slides(run_page, dataset, checklist_state)["open"])))
    assert "사유 미기재" in items[rec] and "내부 메모" not in items[rec]


def test_english_slides_name_the_meeting_in_english(run_page):
    title = run_page("slides", query={"lang": "en", "slide": "1"})
    body = slide_html(title)
    assert "Interim report meeting" in body and "중간보고회" not in body
    overview = run_page("overview", query={"lang": "en"})
    caption = " ".join(h.proto.body for h in overview.html if "sed-caption" in h.proto.body)
    assert "Interim report meeting" in caption and "중간보고회" not in caption
    korean = run_page("overview").html
    assert "중간보고회" in " ".join(h.proto.body for h in korean if "sed-caption" in h.proto.body)


def test_printable_report_subtitle_names_the_meeting_in_the_ui_language(dataset):
    def subtitle(lang):
        context = ui_page.Page(
            name="overview", dataset=dataset, filters=Filters(), lang=lang,
            remarks=dataset.remarks, anonymized=False, org_labels=org_type_labels(dataset, lang),
            theme_labels=theme_labels(dataset, lang), kind_labels=kind_labels(lang),
            meeting_labels=meeting_titles(dataset, lang), meetings=dataset.meeting_ids)
        html = ui_page.handout_html(context)
        return re.search(r'<p class="ho-subtitle">(.*?)</p>', html).group(1)

    assert "Interim report meeting" in subtitle("en") and "중간보고회" not in subtitle("en")
    assert "중간보고회" in subtitle("ko")


def test_english_slides_count_one_in_the_singular(run_page, dataset):
    one = dataset.participants["speaker"].iat[1]
    view = apply(dataset, Filters(speakers=(one,)))
    plural = re.compile(r"\b1 (participants|organizations|organization types|excerpts|"
                        r"more themes)\b")
    bodies = [slide_html(run_page("slides", query={"lang": "en", "who": [one],
                                                   "slide": str(n)}))
              for n in range(1, len(slides.plan(dataset, view)) + 1)]
    assert not [b for b in bodies if plural.search(b)]
    assert "1 participant · 1 organization · 1 organization type · " in bodies[0]
    assert any("raised by 1 participant<" in b or "raised by 1 participant " in b
               for b in bodies)


def test_fit_sentences():
    first, second = "첫 문장은 여기서 끝난다.", "둘째 문장도 끝난다!"
    text = f"{first} {second} 셋째 문장은 아주 길게 이어지는 문장이다."
    assert slides.fit_sentences(text, len(text)) == (text, 0)
    two = f"{first} {second}"
    assert slides.fit_sentences(text, len(two) + len(slides.OMITTED)) == (
        two + slides.OMITTED, 1)
    assert slides.fit_sentences(text, len(two) + len(slides.OMITTED) - 1) == (
        first + slides.OMITTED, 1)
    cut, rank = slides.fit_sentences(text, 8)  # not even one sentence fits: a word cut
    assert rank == 2 and cut.endswith("…") and len(cut) <= 8
    english = "It works. “Quoted.” Then more (and more)."
    assert slides.sentences(english) == ["It works.", "“Quoted.”", "Then more (and more)."]


def _whole_sentences(shown: str, full: str, limit: int) -> bool:
    """Whether a shown quote is the whole text, whole leading sentences marked as shortened,
    or (the fallback) a word cut of a text whose first sentence alone is over the limit."""
    full = " ".join(full.split())
    if shown == full:
        return True
    if shown.endswith(slides.OMITTED):
        kept = shown[: -len(slides.OMITTED)]
        parts = slides.sentences(full)
        return any(kept == " ".join(parts[:i]) for i in range(1, len(parts)))
    return len(slides.sentences(full)[0]) + len(slides.OMITTED) > limit and shown.endswith("…")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_quotes_are_whole_sentences_and_whole_quotes_are_preferred(dataset, lang):
    n, limit, limit_en = slide_render.QUOTES[lang]
    remarks = dataset.remarks.set_index("remark_id")
    for org in dataset.org_type_ids:
        quotes = slides.key_quotes(dataset, dataset.remarks, org, n=n, limit=limit,
                                   limit_en=limit_en)
        for q in quotes.itertuples():
            assert len(q.excerpt) <= limit
            assert _whole_sentences(q.excerpt, remarks.at[q.remark_id, "excerpt"], limit)
            if limit_en:
                assert len(q.excerpt_en) <= limit_en
                assert _whole_sentences(q.excerpt_en, remarks.at[q.remark_id, "excerpt_en"],
                                        limit_en), (q.remark_id, q.excerpt_en)

        def word_cut(rid):
            cut = slides.fit_sentences(remarks.at[rid, "excerpt"], limit)[1]
            if limit_en:
                cut = max(cut, slides.fit_sentences(remarks.at[rid, "excerpt_en"], limit_en)[1])
            return cut == 2

        mine = dataset.remarks[dataset.remarks["org_type"] == org]
        if any(word_cut(r) for r in quotes["remark_id"]):
            # a word cut only when no other speaker of the type has a quote without one
            others = mine[~mine["speaker"].isin(quotes["speaker"])]
            assert all(word_cut(r) for r in others["remark_id"]), org
