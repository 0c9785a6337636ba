"""The recommendation checklist on the bundled data, checked by hand."""

from dataclasses import replace

import pandas as pd

from se_dashboard.analysis.filters import Filters, apply
from se_dashboard.checklist import progress
from se_dashboard.data.loader import Dataset


def test_rows_carry_backers(dataset):
    rows = progress.recommendation_rows(dataset, dataset.remarks).set_index("rec_id")
    assert len(rows) == 20
    assert rows.at["R03", "speakers"] == ("이한준", "박미정", "윤혜갑", "박태현")
    assert rows.at["R03", "org_types"] == ("public", "coop", "enterprise", "civic")
    assert rows.at["R03", "remark_ids"] == ("M03", "M16", "M19", "M30")
    assert rows.at["R10", "n_participants"] == 4  # 한용명 서원희 백종심 문순용
    assert rows.at["R10", "n_excerpts"] == 5  # M12 M13 M20 M22 M34


def test_rows_follow_the_filter(dataset):
    rows = progress.recommendation_rows(dataset, apply(dataset, Filters(org_types=("coop",))))
    assert rows["rec_id"].tolist() == ["R03", "R05", "R10", "R12", "R14", "R20"]
    assert rows.set_index("rec_id").at["R03", "speakers"] == ("박미정",)


def _with_statuses(dataset: Dataset, statuses: dict[str, str]) -> Dataset:
    recs = dataset.recommendations.copy()
    recs["status"] = recs["rec_id"].map(statuses).fillna("검토중").astype(recs["status"].dtype)
    return replace(dataset, recommendations=recs)


def test_status_filter_and_counts(dataset):
    ds = _with_statuses(dataset, {"R01": "반영", "R03": "반영", "R05": "부분반영", "R12": "미반영"})
    rows = progress.recommendation_rows(ds, ds.remarks)
    assert progress.status_counts(rows).to_dict("list") == {
        "status": ["반영", "부분반영", "검토중", "미반영"], "count": [2, 1, 16, 1]}
    done = progress.recommendation_rows(ds, ds.remarks, statuses=["반영"])
    assert done["rec_id"].tolist() == ["R01", "R03"]


def test_status_by_org_type(dataset):
    ds = _with_statuses(dataset, {"R03": "반영", "R12": "미반영"})
    table = progress.status_by_org_type(ds, ds.remarks).pivot(
        index="org_type", columns="status", values="count")
    # coop backs R03 R05 R10 R12 R14 R20; civic backs R02 R03 R04 R05 R08 R13 R15 R16 R18 R19
    assert table.loc["coop"].to_dict() == {"반영": 1, "부분반영": 0, "검토중": 4, "미반영": 1}
    assert table.loc["civic"].sum() == 10
    assert list(table.index) == dataset.org_type_ids


def test_unbacked_recommendations_are_kept_on_request(dataset):
    recs = pd.concat([dataset.recommendations, pd.DataFrame([{
        "rec_id": "R99", "title_ko": "새 권고", "title_en": "New", "detail_ko": "", "detail_en": "",
        "detail": "", "themes": (),
        "status": "검토중"}]).astype({"status": dataset.recommendations["status"].dtype})],
        ignore_index=True)
    ds = replace(dataset, recommendations=recs)
    assert "R99" not in progress.recommendation_rows(ds, ds.remarks)["rec_id"].tolist()
    rows = progress.recommendation_rows(ds, ds.remarks, include_unbacked=True)
    r99 = rows.set_index("rec_id").loc["R99"]
    assert (r99["speakers"], r99["n_excerpts"]) == ((), 0)
