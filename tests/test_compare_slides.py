"""Slide mode with several meetings: the slide "since the first meeting" (what is new, what
persisted, what was no longer raised, who spoke at both) appears with two meetings and not
with one, and the title slide and footers name the meetings in view. Figures hand-checked
against tests/fixtures/two_meetings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from se_dashboard.analysis.filters import Filters, apply
from se_dashboard.data.loader import load
from se_dashboard.present import slides

TWO = Path(__file__).resolve().parent / "fixtures" / "two_meetings"
INTERIM, FINAL = "중간보고회", "최종보고회"
SINCE = 5  # title, figures, themes, crosstab, then the "since" slide


@pytest.fixture(scope="module")
def two():
    return load(TWO)


def slide_html(at) -> str:
    return next(h.proto.body for h in at.html if 'class="sed-slide"' in h.proto.body)


def text(body: str) -> str:
    """The slide's text, tags dropped, non-breaking spaces as spaces."""
    return " ".join(re.sub(r"<[^>]+>", " ", body).replace("&nbsp;", " ").split())


def column(body: str, change: str) -> str:
    return text(re.search(rf'data-change="{change}">(.*?)</ul>', body, re.S).group(1))


def test_plan_has_the_since_slide_only_with_two_meetings(two, dataset):
    kinds = [s.kind for s in slides.plan(two, two.remarks)]
    assert kinds[:6] == ["title", "figures", "themes", "crosstab", "since", "org_type"]
    assert kinds.count("since") == 1
    assert "since" not in [s.kind for s in slides.plan(dataset, dataset.remarks)]
    final = apply(two, Filters(meetings=(FINAL,)))
    assert "since" not in [s.kind for s in slides.plan(two, final, [FINAL])]
    # other filters take no meeting away: enterprises spoke at the interim meeting only
    enterprise = apply(two, Filters(org_types=("enterprise",)))
    assert "since" in [s.kind for s in slides.plan(two, enterprise)]


def test_since_content(two):
    content = slides.since(two, two.remarks)
    assert (content.earlier, content.later) == (INTERIM, FINAL)
    changes = content.changes
    assert changes.loc[changes["change"] == "new"].empty
    assert changes.loc[changes["change"] == "persisted", "theme_id"].tolist()[:2] == [
        "support_center", "governance"]
    assert content.both["speaker"].tolist() == ["이한준", "이은애", "박미정", "강찬호"]
    assert content.not_coded == {INTERIM: 0, FINAL: 3}
    assert slides.since(two, two.remarks, [FINAL]) is None


def test_since_slide_in_korean(run_page, two):
    at = run_page("slides", query={"slide": str(SINCE)}, data=TWO)
    assert not at.exception
    body = slide_html(at)
    assert "<h1>중간보고회 이후</h1>" in body
    assert "<h2>중간보고회 → 최종보고회 · 주제를 말한 참석자 수</h2>" in body
    assert column(body, "new") == "새로 나온 주제 (0) 없음"
    # seven persisted: the three most raised (ties in codebook order), then how many more
    assert column(body, "persisted") == (
        "계속 나온 주제 (7) 지원센터·중간지원조직 7 → 2 참여형 계획·거버넌스 4 → 1 "
        "실행력·구체성 4 → 1 외 4개")
    assert column(body, "dropped") == (
        "더 이상 나오지 않은 주제 (5) 기업 지속가능성·자립 5 → 0 지역 특성·자원 4 → 0 "
        "연구·실태 분석 4 → 0 외 2개")
    assert ("두 회의 모두 발언한 참석자 4명 : 이한준 (행정·공공기관) · 이은애 (중간지원조직) · "
            "박미정 (소비자협동조합) · 강찬호 (시민사회·언론)") in text(body)
    assert "최종보고회 발언 3건은 아직 코딩 전이라 주제에 들지 않았습니다." in body
    total = len(slides.plan(two, two.remarks))
    assert "중간보고회 · 최종보고회 · 전체 보기: 필터 없음" in body
    assert f"{SINCE} / {total}" in body


def test_since_slide_in_english_and_anonymized(run_page):
    at = run_page("slides", query={"slide": str(SINCE), "lang": "en", "anon": "1"}, data=TWO)
    assert not at.exception
    body = slide_html(at)
    assert "<h1>Since the Interim report meeting</h1>" in body
    assert column(body, "persisted").startswith(
        "Persisted (7) Support centre &amp; intermediary body 7 → 2")
    assert column(body, "persisted").endswith("and 4 more")
    assert "4 participants spoke at both : Participant A · Government &amp; public agencies" \
        in text(body)
    assert "3 remarks of the Final report meeting are not yet coded" in body
    assert not [n for n in ("이한준", "이은애", "중간보고회", "최종보고회") if n in body]


def test_since_slide_follows_the_org_type_filter(run_page):
    at = run_page("slides", query={"slide": str(SINCE), "org": ["coop"]}, data=TWO)
    body = slide_html(at)
    # coops: 박미정 서원희 김미숙 최미자 at the interim meeting, 박미정 (M39, implementation) at
    # the final one; governance by 김미숙 and 최미자, the other dropped themes by one each
    assert column(body, "persisted") == "계속 나온 주제 (1) 실행력·구체성 1 → 1"
    assert column(body, "dropped") == (
        "더 이상 나오지 않은 주제 (7) 참여형 계획·거버넌스 2 → 0 "
        "지원센터·중간지원조직 1 → 0 기업 지속가능성·자립 1 → 0 외 4개")
    assert "두 회의 모두 발언한 참석자 1명 : 박미정 (소비자협동조합)" in text(body)
    assert "코딩 전" not in body  # 박미정's final remark is coded
    assert "중간보고회 · 최종보고회 · 기관 유형: 소비자협동조합" in body


def test_title_slide_names_both_meetings(run_page):
    at = run_page("slides", query={"slide": "1"}, data=TWO)
    body = slide_html(at)
    assert "<h1>중간보고회 · 최종보고회</h1>" in body
    assert "연구용역 중간보고회 · 최종보고회 참석자 코멘터리" in body
    assert "참석자 16명 · 기관 15곳 · 기관 유형 6개 · 발췌 43건" in body
    assert "중간보고회: 참석자 15명 · 발췌 35건" in body
    assert "최종보고회: 참석자 5명 · 발췌 8건 (코딩 전 3건)" in body
    english = slide_html(run_page("slides", query={"slide": "1", "lang": "en"}, data=TWO))
    assert "<h1>Interim report meeting · Final report meeting</h1>" in english
    assert "Final report meeting: 5 participants · 8 excerpts (3 not yet coded)" in english


def test_a_meeting_filter_names_only_that_meeting(run_page, two):
    at = run_page("slides", query={"slide": "1", "mt": [FINAL]}, data=TWO)
    body = slide_html(at)
    assert "<h1>최종보고회</h1>" in body and "중간보고회" not in body
    assert "참석자 5명 · 기관 5곳 · 기관 유형 5개 · 발췌 8건" in body
    total = len(slides.plan(two, apply(two, Filters(meetings=(FINAL,))), [FINAL]))
    assert f"1 / {total}" in body
    foot = re.search(r'<div class="sed-foot"><span>(.*?)</span>', body).group(1)
    assert foot == "회의: 최종보고회"  # the filter names it; not twice
    second = slide_html(run_page("slides", query={"slide": str(SINCE), "mt": [FINAL]},
                                 data=TWO))
    assert "이후" not in second  # no "since" slide: one meeting in view


def test_one_meeting_title_and_footer(run_page):
    body = slide_html(run_page("slides", query={"slide": "2"}))
    assert "중간보고회 · 전체 보기: 필터 없음" in body  # the footer names the meeting
    title = slide_html(run_page("slides", query={"slide": "1"}))
    assert "<h1>중간보고회</h1>" in title and "sed-meeting-line" not in title
