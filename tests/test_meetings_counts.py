"""The meeting filter, "not yet coded" counts and the summary on tests/fixtures/two_meetings,
checked by hand against its remarks.csv (M01-M35 중간보고회, M36-M43 최종보고회; M38, M41
and M42 not yet coded)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from se_dashboard.analysis import counts
from se_dashboard.analysis.filters import (
    Filters,
    apply,
    meetings_in_view,
    speaker_options,
    uncoded_left_out,
)
from se_dashboard.analysis.summary import summarize
from se_dashboard.data.loader import Dataset, load

ROOT = Path(__file__).resolve().parent.parent
TWO = ROOT / "tests" / "fixtures" / "two_meetings"
FINAL = "최종보고회"
INTERIM = "중간보고회"


@pytest.fixture(scope="module")
def two() -> Dataset:
    return load(TWO)


def ids(frame) -> list[str]:
    return frame["remark_id"].tolist()


def test_meeting_filter_keeps_that_meeting(two) -> None:
    assert ids(apply(two, Filters(meetings=(FINAL,)))) == [f"M{i}" for i in range(36, 44)]
    assert ids(apply(two, Filters(meetings=(INTERIM,)))) == [f"M{i:02d}" for i in range(1, 36)]
    assert len(apply(two, Filters(meetings=(INTERIM, FINAL)))) == 43
    assert ids(apply(two, Filters(meetings=(FINAL,), org_types=("civic",)))) == ["M40", "M41"]
    assert ids(apply(two, Filters(meetings=(INTERIM,), speakers=("정하늘",)))) == []


def test_meetings_in_view_names_every_meeting_without_a_filter(two, dataset) -> None:
    assert meetings_in_view(two, Filters()) == [INTERIM, FINAL]
    assert meetings_in_view(two, Filters(meetings=(FINAL,))) == [FINAL]
    assert meetings_in_view(two, Filters(meetings=(FINAL, INTERIM))) == [INTERIM, FINAL]
    assert meetings_in_view(dataset, Filters()) == [INTERIM]


def test_meeting_query_string_round_trip() -> None:
    f = Filters(meetings=(FINAL,), org_types=("coop",))
    assert f.to_query() == {"mt": [FINAL], "org": ["coop"]}
    assert Filters.from_query({"mt": FINAL}) == Filters(meetings=(FINAL,))
    assert Filters.from_query({"mt": [FINAL, "", FINAL, INTERIM]}).meetings == (FINAL, INTERIM)
    assert Filters(meetings=(FINAL,)).active


def test_restricted_to_drops_unknown_meetings_and_people_of_other_meetings(two, dataset) -> None:
    stale = Filters(meetings=(FINAL, "착수보고회"), speakers=("조한수", "이은애"))
    assert stale.restricted_to(two) == Filters(meetings=(FINAL,), speakers=("이은애",))
    # the bundled data has no 최종보고회: the link falls back to everything, not to nothing
    assert Filters(meetings=(FINAL,)).restricted_to(dataset) == Filters()


def test_speaker_options_follow_the_meetings(two) -> None:
    assert speaker_options(two, meetings=(FINAL,)) == ["이한준", "이은애", "박미정", "강찬호",
                                                       "정하늘"]
    assert speaker_options(two, ("support",), (FINAL,)) == ["이은애"]
    assert "정하늘" not in speaker_options(two, meetings=(INTERIM,))
    assert len(speaker_options(two)) == 16


def test_headline_of_each_meeting(two) -> None:
    final = counts.headline(two, apply(two, Filters(meetings=(FINAL,))))
    # 이한준 이은애 박미정 강찬호 정하늘; public support coop civic untyped; support_center
    # policy_tools governance implementation trust incubation mini_cluster; R03 R05 R12 R18 R08
    assert (final.participants, final.org_types, final.excerpts, final.themes,
            final.recommendations, final.not_coded, final.meetings) == (5, 5, 8, 7, 5, 3, 1)
    both = counts.headline(two, two.remarks)
    assert (both.participants, both.org_types, both.excerpts, both.themes,
            both.recommendations, both.not_coded, both.meetings) == (16, 6, 43, 12, 20, 3, 2)
    interim = counts.headline(two, apply(two, Filters(meetings=(INTERIM,))))
    assert (interim.participants, interim.excerpts, interim.not_coded) == (15, 35, 0)


def test_not_coded(two, dataset) -> None:
    assert counts.not_coded(two, two.remarks) == 3
    assert counts.not_coded(two, apply(two, Filters(org_types=("civic",)))) == 1  # M41
    assert counts.not_coded(two, apply(two, Filters(meetings=(INTERIM,)))) == 0
    assert counts.not_coded(dataset, dataset.remarks) == 0


def test_by_meeting(two) -> None:
    assert counts.by_meeting(two, two.remarks).to_dict("list") == {
        "meeting_id": [INTERIM, FINAL], "excerpts": [35, 8], "participants": [15, 5],
        "not_coded": [0, 3]}
    civic = counts.by_meeting(two, apply(two, Filters(org_types=("civic",))))
    assert civic.to_dict("list") == {"meeting_id": [INTERIM, FINAL], "excerpts": [8, 2],
                                     "participants": [4, 1], "not_coded": [0, 1]}
    final = counts.by_meeting(two, apply(two, Filters(meetings=(FINAL,))))
    assert final["excerpts"].tolist() == [0, 8]


def test_theme_counts_leave_uncoded_remarks_out_and_keep_coded_ones(two, dataset) -> None:
    interim = apply(two, Filters(meetings=(INTERIM,)))
    # the interim meeting counts exactly as the bundled data
    mine = counts.theme_frequency(two, interim)
    assert (mine.loc[mine["org_type"] == "untyped", "count"] == 0).all()
    mine = mine[mine["org_type"] != "untyped"].astype({"org_type": str})
    bundled = counts.theme_frequency(dataset, dataset.remarks).astype({"org_type": str})
    assert mine.to_dict("list") == bundled.to_dict("list")
    final = counts.theme_frequency(two, apply(two, Filters(meetings=(FINAL,))))
    totals = final.drop_duplicates("theme_id").set_index("theme_id")["total"]
    assert totals[totals > 0].to_dict() == {
        "governance": 1, "support_center": 2, "implementation": 1, "mini_cluster": 1,
        "trust": 1, "incubation": 1, "policy_tools": 1}
    both = counts.theme_frequency(two, two.remarks, "excerpts")
    by_theme = both.drop_duplicates("theme_id").set_index("theme_id")["total"]
    assert by_theme["support_center"] == 8 + 2  # M36, M40 added
    mini = both[both["theme_id"] == "mini_cluster"].set_index("org_type")["count"]
    assert mini["untyped"] == 1 and mini.sum() == 4  # M10 M18 M31 + M43
    assert counts.cooccurrence(two, two.remarks).loc["trust", "support_center"] == 2  # M28 M40


def test_share_base_counts_participants_with_a_coded_remark(two) -> None:
    only_uncoded = apply(two, Filters(query="작은 실험 공간"))  # M42, not yet coded
    assert ids(only_uncoded) == ["M42"]
    assert counts.participation_by_org_type(two, only_uncoded)["participants"].sum() == 1
    assert counts.share_base(two, only_uncoded).sum() == 0
    assert counts.theme_by_org_type(two, only_uncoded, share=True).to_numpy().sum() == 0
    final = apply(two, Filters(meetings=(FINAL,)))
    assert counts.share_base(two, final).to_dict() == {
        "public": 1, "support": 1, "enterprise": 0, "coop": 1, "civic": 1, "untyped": 1}


def test_uncoded_left_out_by_a_theme_filter(two) -> None:
    assert uncoded_left_out(two, Filters()) == 0
    assert uncoded_left_out(two, Filters(themes=("trust",))) == 3
    assert uncoded_left_out(two, Filters(themes=("trust",), org_types=("civic",))) == 1
    assert uncoded_left_out(two, Filters(themes=("trust",), meetings=(INTERIM,))) == 0


def test_summary_counts_meetings_and_uncoded(two) -> None:
    assert summarize(two) == {"participants": 16, "excerpts": 43, "org_types": 6, "themes": 12,
                              "recommendations": 20, "meetings": 2, "not_coded": 3}


def test_validate_prints_meetings_and_uncoded() -> None:
    result = subprocess.run([sys.executable, "-m", "se_dashboard", "validate", str(TWO)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  meetings: 2" in result.stdout.splitlines()
    assert "  not_coded: 3" in result.stdout.splitlines()
