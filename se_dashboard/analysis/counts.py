"""Counts over a filtered set of remarks: headline figures, participation, theme frequencies,
theme x organization-type crosstabs and theme co-occurrence.

Every function takes the Dataset and the filtered remarks (a subset of `dataset.remarks`).
Themes and organization types always come back in the data folder's order, zeros included.
Remarks not yet coded (no themes) count everywhere but in theme figures, which say how many
they left out through `not_coded`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from se_dashboard.data.loader import Dataset

Unit = Literal["participants", "excerpts"]


@dataclass(frozen=True)
class Headline:
    """Headline figures of the filtered view."""

    participants: int
    org_types: int
    excerpts: int
    themes: int
    recommendations: int
    reflected: int
    not_coded: int  # excerpts in view not yet coded (counted in `excerpts`, in no theme figure)
    meetings: int  # meetings with an excerpt in view


def selected_rows(dataset: Dataset, remarks: pd.DataFrame) -> np.ndarray | None:
    """Return a boolean mask over the dataset's remarks (file order) of the given remarks, or
    None when they are all of them."""
    if len(remarks) == len(dataset.remarks):
        return None
    mask = np.zeros(len(dataset.remarks), dtype=bool)
    mask[remarks["position"].to_numpy()] = True
    return mask


def _rows_of(long: pd.DataFrame, mask: np.ndarray | None) -> pd.DataFrame:
    return long if mask is None else long[mask[long["row"].to_numpy()]]


def tagged_themes(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return the (remark_id, speaker, org_type, row, theme_id) rows of the given remarks."""
    return _rows_of(dataset.remark_themes, selected_rows(dataset, remarks))


def backed_recommendations(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return the (remark_id, speaker, org_type, row, rec_id) rows of the given remarks."""
    return _rows_of(dataset.remark_recs, selected_rows(dataset, remarks))


def headline(dataset: Dataset, remarks: pd.DataFrame) -> Headline:
    """Return participants, org types, excerpts, themes and recommendations in the view, and how
    many of those recommendations have status 반영."""
    rec_ids = backed_recommendations(dataset, remarks)["rec_id"].unique()
    recs = dataset.recommendations
    in_view = recs[recs["rec_id"].isin(rec_ids)]
    return Headline(
        participants=remarks["speaker"].nunique(),
        org_types=remarks["org_type"].nunique(),
        excerpts=len(remarks),
        themes=tagged_themes(dataset, remarks)["theme_id"].nunique(),
        recommendations=len(in_view),
        reflected=int((in_view["status"] == "반영").sum()),
        not_coded=not_coded(dataset, remarks),
        meetings=remarks["meeting"].nunique(),
    )


def not_coded(dataset: Dataset, remarks: pd.DataFrame) -> int:
    """Return how many of the given remarks are not yet coded (no themes)."""
    del dataset
    return int((~remarks["coded"]).sum())


def by_meeting(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return one row per meeting of the data (display order): `meeting_id`, `excerpts`,
    `participants` and `not_coded` among the given remarks (zeros for meetings not in view)."""
    grouped = remarks.groupby("meeting", observed=False).agg(
        excerpts=("remark_id", "size"), participants=("speaker", "nunique"),
        not_coded=("coded", lambda coded: int((~coded).sum())))
    grouped = grouped.reindex(dataset.meeting_ids, fill_value=0)
    return grouped.rename_axis("meeting_id").reset_index().astype(
        {"excerpts": "int64", "participants": "int64", "not_coded": "int64"})


def participation_by_org_type(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return one row per org type (data order): `org_type`, `participants`, `excerpts`."""
    grouped = remarks.groupby("org_type", observed=False).agg(
        participants=("speaker", "nunique"), excerpts=("remark_id", "size"))
    grouped = grouped.reindex(dataset.org_type_ids, fill_value=0)
    return grouped.rename_axis("org_type").reset_index().astype(
        {"participants": "int64", "excerpts": "int64"})


def _count(frame: pd.DataFrame, by: list[str], unit: Unit) -> pd.Series:
    grouped = frame.groupby(by, observed=False)
    return grouped["speaker"].nunique() if unit == "participants" else grouped["remark_id"].size()


def theme_frequency(dataset: Dataset, remarks: pd.DataFrame,
                    unit: Unit = "participants") -> pd.DataFrame:
    """Return theme x org type counts in long form: `theme_id`, `org_type`, `count`, plus `total`
    (the theme's count over all org types), in theme then org-type order.

    `unit` counts distinct participants (default) or excerpts. A participant has one org type,
    so the counts of a theme add up to its total.
    """
    tagged = tagged_themes(dataset, remarks)
    counts = _count(tagged, ["theme_id", "org_type"], unit)
    full = pd.MultiIndex.from_product([dataset.theme_ids, dataset.org_type_ids],
                                      names=["theme_id", "org_type"])
    long = counts.reindex(full, fill_value=0).rename("count").reset_index()
    totals = _count(tagged, ["theme_id"], unit).reindex(dataset.theme_ids, fill_value=0)
    long["total"] = long["theme_id"].map(totals).astype("int64")
    long["count"] = long["count"].astype("int64")
    return long


def top_themes(dataset: Dataset, remarks: pd.DataFrame, n: int = 5,
               unit: Unit = "participants") -> pd.DataFrame:
    """Return the `n` most frequent themes with a non-zero count: `theme_id`, `total`.
    Ties keep the codebook order."""
    totals = theme_frequency(dataset, remarks, unit).drop_duplicates("theme_id")
    totals = totals[totals["total"] > 0][["theme_id", "total"]]
    return totals.sort_values("total", ascending=False, kind="stable").head(n).reset_index(
        drop=True)


def theme_by_org_type(dataset: Dataset, remarks: pd.DataFrame, unit: Unit = "participants",
                      share: bool = False) -> pd.DataFrame:
    """Return a theme (rows) x org type (columns) table of counts.

    With `share`, each cell is the share (0-1) of that org type's participants in the view who
    raised the theme (`unit` is then participants), out of those with a coded remark in view
    (`share_base`); a type with no such participant gives 0.
    """
    long = theme_frequency(dataset, remarks, "participants" if share else unit)
    table = long.pivot(index="theme_id", columns="org_type", values="count")
    table = table.reindex(index=dataset.theme_ids, columns=dataset.org_type_ids)
    if not share:
        return table
    base = share_base(dataset, remarks)
    return table.div(base.where(base > 0)).fillna(0.0)


def share_base(dataset: Dataset, remarks: pd.DataFrame) -> pd.Series:
    """Return, per org type (data order), the participants with at least one coded remark in
    view: the base of theme shares (someone whose remarks are not coded yet raised no theme
    yet, rather than none)."""
    coded = remarks[remarks["coded"]]
    return participation_by_org_type(dataset, coded).set_index("org_type")["participants"]


def cooccurrence(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return a symmetric theme x theme table: the number of excerpts coded with both themes.
    The diagonal holds the number of excerpts coded with the theme."""
    mask = selected_rows(dataset, remarks)
    onehot = dataset.theme_matrix if mask is None else dataset.theme_matrix[mask]
    ids = dataset.theme_ids
    return pd.DataFrame(np.rint(onehot.T @ onehot).astype("int64"), index=ids, columns=ids)


def remarks_for(dataset: Dataset, remarks: pd.DataFrame, theme: str | None = None,
                org_type: str | None = None, other_theme: str | None = None) -> pd.DataFrame:
    """Return the remarks (file order) behind a chart selection: coded with `theme` (and with
    `other_theme`, for a co-occurrence cell) and from `org_type`, each when given."""
    selected = remarks
    for theme_id in (theme, other_theme):
        if theme_id:
            tagged = tagged_themes(dataset, selected)
            selected = selected[selected["remark_id"].isin(
                tagged.loc[tagged["theme_id"] == theme_id, "remark_id"])]
    if org_type:
        selected = selected[selected["org_type"] == org_type]
    return selected


def participants_in_view(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return the participants with at least one remark in view (order of first appearance):
    `speaker`, `organization`, `role`, `org_type`, `n_excerpts` (excerpts in view)."""
    in_view = remarks.groupby("speaker", sort=False).size().rename("n_excerpts")
    people = dataset.participants.drop(columns="n_excerpts")
    return people.join(in_view, on="speaker", how="inner").reset_index(drop=True)


def who_spoke(dataset: Dataset, remarks: pd.DataFrame) -> list[tuple[str, int, int, list[str]]]:
    """Return, for each organization type with a participant in view (data order): the type,
    its participants and excerpts in view, and its participants as 'name (organization)' (just
    the name when the organization is blank), in order of first appearance."""
    people = participants_in_view(dataset, remarks)
    named = people["speaker"].str.cat(people["organization"], sep=" (").add(")").where(
        people["organization"] != "", people["speaker"])
    groups: dict[str, tuple[int, int, list[str]]] = {}
    for org_type, name, n in zip(people["org_type"].astype(str), named, people["n_excerpts"],
                                 strict=True):
        count, excerpts, names = groups.get(org_type, (0, 0, []))
        groups[org_type] = (count + 1, excerpts + int(n), [*names, name])
    return [(o, *groups[o]) for o in dataset.org_type_ids if o in groups]


def remarks_of(dataset: Dataset, speaker: str) -> pd.DataFrame:
    """Return every remark of one participant, in file order."""
    return dataset.remarks[dataset.remarks["speaker"] == speaker]


def remarks_for_points(dataset: Dataset, remarks: pd.DataFrame, points: list[list[str | None]],
                       pair_of_themes: bool = False) -> pd.DataFrame:
    """Return the remarks behind several selected chart points (union, file order).

    A point is [theme_id, org_type or None], or with `pair_of_themes` [theme_id, theme_id].
    """
    ids: set[str] = set()
    for first, second in points:
        if pair_of_themes:
            chosen = remarks_for(dataset, remarks, theme=first,
                                 other_theme=second if second != first else None)
        else:
            chosen = remarks_for(dataset, remarks, theme=first, org_type=second)
        ids.update(chosen["remark_id"])
    return remarks[remarks["remark_id"].isin(ids)]
