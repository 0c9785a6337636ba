"""The recommendation checklist: each recommendation with its backers, status summaries, the
reason rule (which statuses need a 처리 사유) and stored times shown in local time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Literal

import numpy as np
import pandas as pd

from se_dashboard.analysis.counts import backed_recommendations
from se_dashboard.data.contract import STATUSES
from se_dashboard.data.loader import Dataset


def recommendation_rows(dataset: Dataset, remarks: pd.DataFrame, statuses: Sequence[str] = (),
                        include_unbacked: bool = False) -> pd.DataFrame:
    """Return the recommendations backed by the given remarks (data order), each with
    `speakers` and `org_types` (tuples, in order of appearance), `remark_ids`, `n_participants`
    and `n_excerpts`.

    `statuses` keeps only those statuses (empty: all). `include_unbacked` also keeps
    recommendations that no remark backs (when the view is not filtered).
    """
    links = backed_recommendations(dataset, remarks)
    keys = links["rec_id"].to_numpy(dtype=object)
    by_rec = pd.DataFrame({
        "speakers": _tuples_by_key(keys, links["speaker"], distinct=True),
        "org_types": _tuples_by_key(keys, links["org_type"].astype(str), distinct=True),
        "remark_ids": _tuples_by_key(keys, links["remark_id"], distinct=False),
    })
    by_rec["n_participants"] = by_rec["speakers"].map(len)
    by_rec["n_excerpts"] = by_rec["remark_ids"].map(len)
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


def _tuples_by_key(keys: np.ndarray, values: pd.Series, distinct: bool) -> pd.Series:
    """Return key -> tuple of its values in order of appearance (each once when `distinct`),
    grouping with one stable sort instead of a Python call per group."""
    if not len(keys):
        return pd.Series(dtype=object)
    codes, uniques = pd.factorize(keys)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    groups = np.split(values.to_numpy(dtype=object)[order], bounds)
    make = (lambda g: tuple(dict.fromkeys(g))) if distinct else tuple
    return pd.Series([make(g) for g in groups], index=pd.Index(uniques, name="rec_id"),
                     dtype=object)


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


STATE_COLUMNS = ("plan_section", "responsible_unit", "response_note", "reason")
# The reason (처리 사유) a status asks for: each opinion's 반영 여부 is published with its reason.
REASON_REQUIRED = ("미반영",)
REASON_PROMPTED = ("부분반영",)
ReasonRule = Literal["required", "prompted", ""]


@dataclass(frozen=True)
class Reflection:
    """Status counts of a set of recommendations and the reflection rate reports use:
    (반영 + 0.5 x 부분반영) / all (0 when there are none)."""

    total: int
    reflected: int
    partly: int
    under_review: int
    not_reflected: int

    @property
    def rate(self) -> float:
        return (self.reflected + 0.5 * self.partly) / self.total if self.total else 0.0


def reflection(recs: pd.DataFrame) -> Reflection:
    """Return the status counts and reflection rate of the given recommendation rows."""
    counts = status_counts(recs).set_index("status")["count"]
    return Reflection(total=int(counts.sum()), reflected=int(counts["반영"]),
                      partly=int(counts["부분반영"]), under_review=int(counts["검토중"]),
                      not_reflected=int(counts["미반영"]))


def with_statuses(recs: pd.DataFrame, statuses: Sequence[str]) -> pd.DataFrame:
    """Return the recommendation rows whose status is one of `statuses` (empty: all)."""
    return recs[recs["status"].isin(statuses)].reset_index(drop=True) if statuses else recs


def reflection_by_org_type(dataset: Dataset, remarks: pd.DataFrame,
                           by_status: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per org type (data order): `org_type`, the four status counts of the
    recommendations its participants back, `total` and `rate`. `by_status` is
    status_by_org_type(dataset, remarks) when the caller has it already."""
    if by_status is None:
        by_status = status_by_org_type(dataset, remarks)
    table = by_status.pivot(
        index="org_type", columns="status", values="count").reindex(
        index=dataset.org_type_ids, columns=list(STATUSES))
    table.columns = list(table.columns)
    table["total"] = table.sum(axis=1)
    table["rate"] = ((table["반영"] + 0.5 * table["부분반영"]) / table["total"].where(
        table["total"] > 0)).fillna(0.0)
    return table.rename_axis("org_type").reset_index()


def with_state(dataset: Dataset, state: pd.DataFrame) -> Dataset:
    """Return the dataset with each recommendation's status and plan section, responsible unit,
    response note, reason and version taken from the checklist state (rows of recommendations
    the state does not know, and fields the state lacks, keep their data values or blank)."""
    recs = dataset.recommendations.drop(
        columns=[c for c in (*STATE_COLUMNS, "version") if c in dataset.recommendations])
    live = state[~state["orphaned"]].set_index("rec_id") if "orphaned" in state else (
        state.set_index("rec_id"))
    status = recs["rec_id"].map(live["status"]).fillna(recs["status"].astype(str))
    recs["status"] = status.astype(recs["status"].dtype)
    for column in STATE_COLUMNS:
        values = recs["rec_id"].map(live[column]) if column in live else None
        recs[column] = "" if values is None else values.fillna("").astype(str)
    recs["version"] = recs["rec_id"].map(live["version"]).fillna(0).astype("int64")
    return replace(dataset, recommendations=recs)


def changed_fields(base: pd.DataFrame, edited_rows: dict[int, dict[str, object]],
                   fields: Sequence[str]) -> dict[str, dict[str, str]]:
    """Return rec_id -> {field: new value} for the cells of a bulk table edit that really differ
    from `base` (rows by position, as st.data_editor reports `edited_rows`)."""
    changes: dict[str, dict[str, str]] = {}
    for position, cells in edited_rows.items():
        row = base.iloc[int(position)]
        diff = {f: "" if v is None else str(v).strip() for f, v in cells.items()
                if f in fields and ("" if v is None else str(v).strip()) != str(row[f])}
        if diff:
            changes[str(row["rec_id"])] = diff
    return changes


def reason_rule(status: str) -> ReasonRule:
    """Return whether a status needs a reason: "required" (미반영), "prompted" (부분반영: what
    was left out, and why) or "" (반영, 검토중)."""
    if status in REASON_REQUIRED:
        return "required"
    return "prompted" if status in REASON_PROMPTED else ""


def missing_reasons(rows: pd.DataFrame, rule: ReasonRule = "required") -> list[str]:
    """Return the rec_ids of the rows (rec_id, status, reason) whose status has `rule` and whose
    reason is blank, in row order."""
    if rows.empty:
        return []
    blank = rows["reason"].fillna("").astype(str).str.strip() == ""
    wanted = rows["status"].astype(str).map(reason_rule) == rule
    return rows.loc[blank & wanted, "rec_id"].astype(str).tolist()


def local_time(stamp: str, zone: tzinfo | None = None) -> str:
    """Return a stored ISO 8601 UTC time in the server's local time zone (or `zone`) with the
    zone's name, e.g. '2025-05-01 18:30:00 KST'; text that is not a time comes back as it is."""
    try:
        moment = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp)
    if moment.tzinfo is None:
        return str(stamp)
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %Z")
