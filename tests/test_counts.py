"""Counts over the bundled data, checked by hand against data/remarks.csv."""

from se_dashboard.analysis import counts
from se_dashboard.analysis.filters import Filters, apply


def test_headline_without_filter(dataset):
    h = counts.headline(dataset, dataset.remarks)
    assert (h.participants, h.org_types, h.excerpts, h.themes, h.recommendations,
            h.reflected) == (15, 5, 35, 12, 20, 0)


def test_headline_for_consumer_coops(dataset):
    h = counts.headline(dataset, apply(dataset, Filters(org_types=("coop",))))
    # 박미정, 서원희, 김미숙, 최미자; M16 M17 M20 M21 M27 M32 M33; implementation
    # support_center sustainability evidence governance trust village incubation;
    # R03 R12 R10 R14 R05 R20
    assert (h.participants, h.org_types, h.excerpts, h.themes, h.recommendations) == (
        4, 1, 7, 8, 6)


def test_participation_by_org_type(dataset):
    table = counts.participation_by_org_type(dataset, dataset.remarks)
    assert table.to_dict("list") == {
        "org_type": ["public", "support", "enterprise", "coop", "civic"],
        "participants": [3, 2, 2, 4, 4],
        "excerpts": [7, 10, 3, 7, 8],
    }


def test_participation_keeps_zero_rows(dataset):
    table = counts.participation_by_org_type(dataset, apply(dataset, Filters(
        org_types=("coop",))))
    assert table["participants"].tolist() == [0, 0, 0, 4, 0]


def test_theme_frequency_counts_participants_by_default(dataset):
    long = counts.theme_frequency(dataset, dataset.remarks)
    totals = long.drop_duplicates("theme_id").set_index("theme_id")["total"]
    # support_center: 이한준 조한수 박미정 윤혜갑 강옥희 강찬호 박태현
    assert totals["support_center"] == 7
    assert totals["governance"] == 4  # 이은애 강옥희 김미숙 최미자
    assert list(totals.index) == dataset.theme_ids
    civic = long[(long["theme_id"] == "support_center") & (long["org_type"] == "civic")]
    assert civic["count"].item() == 3  # 강옥희 강찬호 박태현
    assert (long.groupby("theme_id", sort=False)["count"].sum() == totals).all()


def test_theme_frequency_in_excerpts(dataset):
    long = counts.theme_frequency(dataset, dataset.remarks, unit="excerpts")
    totals = long.drop_duplicates("theme_id").set_index("theme_id")["total"]
    assert totals["governance"] == 8  # M04 M05 M06 M07 M08 M23 M27 M33
    assert totals.sum() == 63  # every theme code of every excerpt: 12 x 1 + 18 x 2 + 5 x 3


def test_top_themes(dataset):
    top = counts.top_themes(dataset, dataset.remarks, n=3)
    # support_center 7, sustainability 5, then the first of the ties at 4 in codebook order
    assert top.to_dict("list") == {"theme_id": ["support_center", "sustainability",
                                                "governance"], "total": [7, 5, 4]}


def test_theme_by_org_type_counts_and_shares(dataset):
    table = counts.theme_by_org_type(dataset, dataset.remarks)
    assert table.loc["trust"].tolist() == [0, 1, 0, 1, 1]  # 이은애, 김미숙, 강찬호
    share = counts.theme_by_org_type(dataset, dataset.remarks, share=True)
    assert share.at["support_center", "civic"] == 0.75  # 3 of 4 civic participants
    assert share.at["trust", "coop"] == 1 / 4


def test_share_is_zero_for_types_out_of_view(dataset):
    share = counts.theme_by_org_type(dataset, apply(dataset, Filters(org_types=("coop",))),
                                     share=True)
    assert share["civic"].eq(0).all()
    assert share.at["trust", "coop"] == 1 / 4


def test_cooccurrence(dataset):
    matrix = counts.cooccurrence(dataset, dataset.remarks)
    assert matrix.at["governance", "governance"] == 8
    assert matrix.at["governance", "trust"] == matrix.at["trust", "governance"] == 1  # M27
    assert matrix.at["mini_cluster", "trust"] == 1  # M10
    assert matrix.at["village", "incubation"] == 1  # M32
    assert matrix.at["village", "governance"] == 2  # M08 M33
    assert (matrix.values == matrix.values.T).all()
    assert list(matrix.index) == dataset.theme_ids


def test_remarks_for_selection(dataset):
    r = dataset.remarks
    assert counts.remarks_for(dataset, r, theme="trust", org_type="coop")[
        "remark_id"].tolist() == ["M27"]
    assert counts.remarks_for(dataset, r, theme="governance", other_theme="trust")[
        "remark_id"].tolist() == ["M27"]
    both = counts.remarks_for_points(dataset, r, [["trust", "coop"], ["mini_cluster", None]])
    assert both["remark_id"].tolist() == ["M10", "M18", "M27", "M31"]
    diagonal = counts.remarks_for_points(dataset, r, [["mini_cluster", "mini_cluster"]],
                                         pair_of_themes=True)
    assert diagonal["remark_id"].tolist() == ["M10", "M18", "M31"]


def test_participants_in_view_and_remarks_of(dataset):
    people = counts.participants_in_view(dataset, apply(dataset, Filters(themes=("trust",))))
    assert people[["speaker", "n_excerpts"]].values.tolist() == [
        ["이은애", 1], ["김미숙", 1], ["강찬호", 1]]
    assert counts.remarks_of(dataset, "최미자")["remark_id"].tolist() == ["M32", "M33"]


def test_who_spoke_lists_people_by_type(dataset):
    groups = counts.who_spoke(dataset, dataset.remarks)
    assert [g[0] for g in groups] == ["public", "support", "enterprise", "coop", "civic"]
    assert [(g[1], g[2]) for g in groups] == [(3, 7), (2, 10), (2, 3), (4, 7), (4, 8)]
    assert groups[1][3] == ["이은애 (서울시 사회적경제지원센터)", "조한수 (사람과세상)"]
    coop = counts.who_spoke(dataset, apply(dataset, Filters(org_types=("coop",), kinds=("제안",))))
    # proposals of consumer co-ops: 박미정 M17, 서원희 M21, 김미숙 M27, 최미자 M33
    assert coop == [("coop", 4, 4, ["박미정 (광명나래아이쿱)", "서원희 (다살림협동조합)",
                                    "김미숙 (등대생협)", "최미자 (등대생협)"])]
