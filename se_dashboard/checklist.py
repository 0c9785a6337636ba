"""The recommendation checklist: each recommendation with its backers, and status summaries."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .contract import STATUSES
from .counts import backed_recommendations
from .loader import Dataset


def recommendation_rows(dataset: Dataset, remarks: pd.DataFrame, statuses: Sequence[str] = (),
                        include_unbacked: bool = False) -> pd.DataFrame:
    """Return the recommendations backed by the given remarks (data order), each with
    `speakers` and `org_types` (tuples, in order of appearance), `remark_ids`, `n_participants`
    and `n_excerpts`.

    `statuses` keeps only those statuses (empty: all). `include_unbacked` also keeps
    recommendations that no remark backs (when the view is not filtered).
    """
    links = backed_recommendations(dataset, remarks)
    by_rec = links.groupby("rec_id", sort=False).agg(
        speakers=("speaker", lambda s: tuple(dict.fromkeys(s))),
        org_types=("org_type", lambda s: tuple(dict.fromkeys(s))),
        remark_ids=("remark_id", tuple),
        n_participants=("speaker", "nunique"),
        n_excerpts=("remark_id", "size"),
    )
    recs = dataset.recommendations.join(by_rec, on="rec_id",
                                        how="left" if include_unbacked else "inner")
    recs = recs.sort_index()
    for column in ("speakers", "org_types", "remark_ids"):
        recs[column] = recs[column].map(lambda v: v if isinstance(v, tuple) else ())
    for column in ("n_participants", "n_excerpts"):
        recs[column] = recs[column].fillna(0).astype("int64")
    if statuses:
        recs = recs[recs["status"].isin(statuses)]
    return recs.reset_index(drop=True)


def status_counts(recs: pd.DataFrame) -> pd.DataFrame:
    """Return `status`, `count` for every status in contract order, zeros included."""
    counts = recs["status"].value_counts().reindex(list(STATUSES), fill_value=0)
    return counts.rename_axis("status").rename("count").reset_index().astype({"count": "int64"})


def status_by_org_type(dataset: Dataset, remarks: pd.DataFrame,
                       statuses: Sequence[str] = ()) -> pd.DataFrame:
    """Return `org_type`, `status`, `count`: how many distinct recommendations the participants
    of each org type back, by status (every org type x status, zeros included)."""
    links = backed_recommendations(dataset, remarks)[["org_type", "rec_id"]].drop_duplicates()
    links = links.merge(dataset.recommendations[["rec_id", "status"]], on="rec_id")
    if statuses:
        links = links[links["status"].isin(statuses)]
    counts = links.groupby(["org_type", "status"], observed=False).size()
    full = pd.MultiIndex.from_product([dataset.org_type_ids, list(STATUSES)],
                                      names=["org_type", "status"])
    return counts.reindex(full, fill_value=0).rename("count").reset_index().astype(
        {"count": "int64"})
