"""Slide mode and the anonymized view: the pure slide plan and pseudonyms, and both in
AppTest (navigation, deep link to a slide, pseudonyms on every page and in exports)."""

import math
import re

import pytest
from conftest import PAGES

from se_dashboard.analysis.filters import Filters, apply
from se_dashboard.checklist.progress import recommendation_rows
from se_dashboard.present import slides
from se_dashboard.present.anonymize import anonymize, letters, pseudonyms
from se_dashboard.present.vocab import kind_labels, meeting_titles, org_type_labels, theme_labels
from se_dashboard.ui import page as ui_page


def test_letters():
    assert [letters(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]


def test_pseudonyms_are_consistent_and_carry_the_type(dataset):
    names = pseudonyms(dataset, "ko")
    assert names["이한준"] == "참석자 A · 행정·공공기관"  # first to speak
    assert names["이은애"] == "참석자 B · 중간지원조직"
    assert names["문순용"] == "참석자 O · 행정·공공기관"  # fifteenth
    assert pseudonyms(dataset, "ko") == names
    assert pseudonyms(dataset, "en")["박미정"] == "Participant E · Consumer co-ops"
    assert len(set(names.values())) == 15


def test_anonymize_hides_names_organizations_and_roles(dataset):
    anon = anonymize(dataset, "ko")
    for frame in (anon.remarks, anon.participants, anon.remark_themes, anon.remark_recs):
        assert not set(frame["speaker"]) & set(dataset.participants["speaker"])
    assert set(anon.remarks["organization"]) == {""} and set(anon.remarks["role"]) == {""}
    assert anon.remarks["excerpt"].equals(dataset.remarks["excerpt"])
    assert (anon.participants["org_type"] == dataset.participants["org_type"]).all()


def closing_parts(dataset, remarks) -> dict[str, int]:
    """Slides each closing list needs: its recommendations over ITEMS_PER_SLIDE, at least 1."""
    status = recommendation_rows(dataset, remarks)["status"]
    return {kind: max(1, math.ceil(status.isin(statuses).sum() / slides.ITEMS_PER_SLIDE[kind]))
            for kind, statuses in (("reflected", slides.REFLECTED), ("open", slides.OPEN))}


def deck_size(dataset, remarks) -> int:
    return 5 + remarks["org_type"].nunique() + sum(closing_parts(dataset, remarks).values())


def test_slide_plan(dataset):
    deck = slides.plan(dataset, dataset.remarks)
    parts = closing_parts(dataset, dataset.remarks)
    assert [s.kind for s in deck] == ["title", "figures", "themes", "crosstab", *["org_type"] * 5,
                                      "progress", *["reflected"] * parts["reflected"],
                                      *["open"] * parts["open"]]
    assert [(s.part, s.parts) for s in deck if s.kind == "open"] == [
        (i, parts["open"]) for i in range(1, parts["open"] + 1)]
    assert [s.org_type for s in deck if s.kind == "org_type"] == dataset.org_type_ids
    coop = slides.plan(dataset, apply(dataset, Filters(org_types=("coop",))))
    assert [s.org_type for s in coop if s.kind == "org_type"] == ["coop"]


def test_key_quotes_come_from_distinct_speakers_of_the_type(dataset):
    quotes = slides.key_quotes(dataset, dataset.remarks, "coop")
    # coop's top theme is governance (최미자 M33, 김미숙 M27: proposals, the shorter first);
    # then the next theme in codebook order, support_center (박미정 M16)
    assert quotes["remark_id"].tolist() == ["M33", "M27", "M16"]
    assert quotes["speaker"].is_unique
    support = slides.key_quotes(dataset, dataset.remarks, "support")
    # support's top theme is evidence (이은애 M09 and 조한수 M15, the shorter first)
    assert support["remark_id"].tolist() == ["M09", "M15"]
    long = slides.key_quotes(dataset, dataset.remarks, "enterprise", limit=60)
    assert all(len(q) <= 60 for q in long["excerpt"])


def test_shorten():
    assert slides.shorten("짧은 문장", 20) == "짧은 문장"
    cut = slides.shorten("가나다 라마바 사아자 차카타 파하", 12)
    assert cut.endswith("…") and len(cut) <= 12 and cut.startswith("가나다")


def test_recommendations_with_status(dataset):
    assert len(slides.recommendations_with(dataset, dataset.remarks, slides.OPEN)) == 20
    assert slides.recommendations_with(dataset, dataset.remarks, slides.REFLECTED).empty
    ordered = slides.recommendations_with(dataset, dataset.remarks, slides.OPEN)
    assert ordered["rec_id"].iloc[0] == "R03"  # backed by 4 participants, the most


def slide_html(at) -> str:
    return next(h.proto.body for h in at.html if 'class="sed-slide"' in h.proto.body)


def test_slides_navigate_and_mirror_the_number_in_the_url(run_page, dataset):
    at = run_page("slides")
    assert not at.exception
    total = deck_size(dataset, dataset.remarks)
    assert "광명시 사회적경제 기본계획" in slide_html(at) and f"1 / {total}" in slide_html(at)
    at.button(key="slides_next").click().run()
    assert "한눈에 보기" in slide_html(at) and at.query_params["slide"] == "2"
    at.button(key="slides_prev").click().run()
    assert at.query_params["slide"] == "1"


def test_slide_deep_link_and_clamping(run_page, dataset):
    total = deck_size(dataset, dataset.remarks)
    at = run_page("slides", query={"slide": "9"})
    assert "시민사회·언론" in slide_html(at) and f"9 / {total}" in slide_html(at)
    assert at.button(key="slides_next").disabled is False
    last = run_page("slides", query={"slide": "99"})
    assert "아직 반영되지 않은 권고" in slide_html(last)
    assert last.query_params["slide"] == str(total)
    assert last.button(key="slides_next").disabled is True


@pytest.mark.parametrize("wanted", ["²", "9" * 5000, "-3", "", "٣", "１", " 2", "2"])
def test_slide_parameter_takes_ascii_digits_only(run_page, dataset, wanted):
    at = run_page("slides", query={"slide": wanted})
    assert not at.exception
    total = len(slides.plan(dataset, dataset.remarks))
    number = {"9" * 5000: total, "2": 2}.get(wanted, 1)  # anything else: the first slide
    assert f"{number} / {total}" in slide_html(at)
    assert at.query_params["slide"] == str(number)


def test_slides_follow_the_filter(run_page, dataset):
    at = run_page("slides", query={"org": ["coop"], "slide": "5"})
    body = slide_html(at)
    total = deck_size(dataset, apply(dataset, Filters(org_types=("coop",))))
    assert "소비자협동조합: 가장 많이 말한 주제와 목소리" in body and f"5 / {total}" in body
    assert "기관 유형: 소비자협동조합" in body  # the filter is on the slide
    assert "박미정" in body


def test_anonymized_view_on_every_page(run_page):
    real = ["이한준", "이은애", "박미정", "등대생협", "광명YMCA"]
    for name in [*PAGES, "slides"]:
        at = run_page(name, query={"anon": "1", "slide": "5"})
        assert not at.exception
        shown = " ".join(h.proto.body for h in at.html) + " ".join(
            str(d.value.to_dict()) for d in at.dataframe) + " ".join(
            c.proto.spec for c in at.get("plotly_chart"))
        assert not [r for r in real if r in shown], name
    who = run_page("who", query={"anon": "1"})
    assert re.search(r"참석자 [A-O] · ", " ".join(h.proto.body for h in who.html))
    assert who.sidebar.toggle(key="who_anon").value is True


def test_anonymized_switch_drops_speaker_filters(run_page):
    at = run_page("who", query={"who": ["이은애"]})
    assert at.sidebar.multiselect(key="who_f_speakers").value == ["이은애"]
    at.sidebar.toggle(key="who_anon").set_value(True).run()
    assert not at.exception
    assert at.sidebar.multiselect(key="who_f_speakers").value == []
    assert at.query_params["anon"] == "1" and "who" not in at.query_params


@pytest.mark.parametrize("anon", [False, True])
def test_handout_follows_the_view(run_page, dataset, anon):
    at = run_page("overview", query={"org": ["coop"], **({"anon": "1"} if anon else {})})
    assert not at.exception
    assert at.sidebar.get("download_button")  # the printable report is offered on every page
    # The button builds the report on click from the page's context; build it the same way.
    shown = anonymize(dataset, "ko") if anon else dataset
    view = Filters(org_types=("coop",))
    context = ui_page.Page(
        name="overview", dataset=shown, filters=view, lang="ko", remarks=apply(shown, view),
        anonymized=anon, org_labels=org_type_labels(shown, "ko"),
        theme_labels=theme_labels(shown, "ko"), kind_labels=kind_labels("ko"),
        meeting_labels=meeting_titles(shown, "ko"), meetings=shown.meeting_ids)
    html = ui_page.handout_html(context)
    assert "기관 유형: 소비자협동조합" in html
    assert ("박미정" in html) is (not anon) and ("등대생협" in html) is (not anon)
    assert ("참석자 E · 소비자협동조합" in html) is anon
    assert "이은애" not in html  # not in the filtered view
