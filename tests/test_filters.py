"""Filters: hand-checked matches on the bundled data, and the URL round trip."""

import pandas as pd
import pytest

from se_dashboard.analysis.filters import Filters, apply, search_mask, speaker_options


def ids(frame: pd.DataFrame) -> list[str]:
    return frame["remark_id"].tolist()


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(), [f"M{i:02d}" for i in range(1, 36)]),
    (Filters(org_types=("coop",)), ["M16", "M17", "M20", "M21", "M27", "M32", "M33"]),
    (Filters(themes=("mini_cluster",)), ["M10", "M18", "M31"]),
    (Filters(kinds=("공감",)), ["M06", "M10", "M18"]),
    (Filters(query="미니 클러스터"), ["M10", "M18", "M31"]),
    (Filters(query="MINI CLUSTER"), ["M10", "M18", "M31"]),  # English translation, any case
    (Filters(speakers=("이은애",)), [f"M{i:02d}" for i in range(4, 12)]),
    (Filters(org_types=("coop",), themes=("trust",)), ["M27"]),
    (Filters(org_types=("coop", "support"), kinds=("우려",)), ["M16", "M20", "M32"]),
    (Filters(query="등대생협"), ["M27", "M32", "M33"]),  # organization is searched too
    # theme labels are searched too: no excerpt says 지속가능성 (M22 has 지속 가능성), but seven
    # are coded 기업 지속가능성·자립; "Policy tools" is policy_tools' English label
    (Filters(query="지속가능성"), ["M12", "M13", "M20", "M21", "M22", "M25", "M34"]),
    (Filters(query="policy TOOLS"), ["M03", "M08", "M15", "M22"]),
    (Filters(query="신뢰 형성"), ["M10", "M27", "M28"]),
    (Filters(org_types=("public",), speakers=("이은애",)), []),
])
def test_apply_matches_hand_checked_rows(dataset, filters, expected):
    assert ids(apply(dataset, filters)) == expected


def test_search_is_literal_not_a_pattern(dataset):
    assert not search_mask(dataset, ".*").any()
    assert search_mask(dataset, "TFT(Task").sum() == 1


def test_blank_query_keeps_everything(dataset):
    assert search_mask(dataset, "   ").all()


def test_query_string_round_trip():
    f = Filters(org_types=("coop", "civic"), speakers=("김미숙",), themes=("trust",),
                kinds=("제안",), query="신뢰")
    params = f.to_query()
    assert params == {"org": ["coop", "civic"], "who": ["김미숙"], "theme": ["trust"],
                      "kind": ["제안"], "q": "신뢰"}
    assert Filters.from_query(params) == f
    assert Filters().to_query() == {}


def test_from_query_accepts_single_strings_and_drops_blanks_and_repeats():
    f = Filters.from_query({"org": "coop", "theme": ["trust", "", "trust"], "q": ["  "]})
    assert f == Filters(org_types=("coop",), themes=("trust",))


def test_active():
    assert not Filters().active
    assert Filters(query="x").active
    assert Filters(kinds=("제안",)).active


def test_participants_offered_follow_the_organization_types(dataset):
    assert speaker_options(dataset) == dataset.participants["speaker"].tolist()
    assert speaker_options(dataset, ("coop",)) == ["박미정", "서원희", "김미숙", "최미자"]
    assert speaker_options(dataset, ("support", "enterprise")) == [
        "이은애", "조한수", "윤혜갑", "백종심"]


def test_restricted_to_drops_participants_of_other_types(dataset):
    f = Filters(org_types=("coop",), speakers=("이은애", "최미자"))
    assert f.restricted_to(dataset) == Filters(org_types=("coop",), speakers=("최미자",))
    everyone = Filters(speakers=("이은애", "최미자"))
    assert everyone.restricted_to(dataset) == everyone


def test_restricted_to_drops_values_the_data_does_not_know(dataset):
    f = Filters(org_types=("coop", "nope"), speakers=("누구",), themes=("trust", "x"),
                kinds=("기타",), query="q")
    assert f.restricted_to(dataset) == Filters(org_types=("coop",), themes=("trust",), query="q")
