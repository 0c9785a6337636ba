"""Comparing meetings: theme frequencies side by side, what was new, what persisted and what
was no longer raised from one meeting to another, who spoke at both, and which meetings'
remarks back each recommendation.

Every function takes the Dataset and the filtered remarks (a subset of `dataset.remarks`), as
counts.py does, so the current filters and the anonymized view (the dataset's own speaker
names) carry through. Themes come back in codebook order and meetings in display order. Theme
counts are of coded remarks only (a remark not yet coded has no theme); `meeting_summary`
states how many remarks of each meeting are not yet coded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from se_dashboard.analysis import counts
from se_dashboard.data.loader import Dataset

Change = Literal["new", "persisted", "dropped"]
CHANGES: tuple[Change, ...] = ("new", "persisted", "dropped")
SpokeAt = Literal["both", "earlier", "later"]
SPOKE_AT: tuple[SpokeAt, ...] = ("both", "earlier", "later")


def meeting_order(dataset: Dataset) -> list[str]:
    """Return the dataset's meeting ids in display order."""
    return [str(m) for m in dataset.meeting_ids]


def meetings_in_view(dataset: Dataset, remarks: pd.DataFrame) -> list[str]:
    """Return the meetings with at least one of the given remarks, in display order."""
    present = {str(m) for m in remarks["meeting"].unique()}
    return [m for m in meeting_order(dataset) if m in present]


def comparable_meetings(dataset: Dataset, chosen: Sequence[str] = ()) -> list[str]:
    """Return the meetings that can be compared, in display order: those with remarks in the
    data, only the `chosen` ones (the meeting filter) when any is chosen. Other filters do not
    take a meeting away: that a type said nothing at a meeting is itself a finding."""
    meetings = meetings_in_view(dataset, dataset.remarks)
    return [m for m in meetings if m in set(chosen)] if chosen else meetings


def default_pair(meetings: Sequence[str]) -> tuple[str, str] | None:
    """Return the pair compared by default: the first and the last meeting (None with fewer
    than two)."""
    return (meetings[0], meetings[-1]) if len(meetings) >= 2 else None


def _meetings(dataset: Dataset, meetings: Sequence[str] | None) -> list[str]:
    return list(meetings) if meetings is not None else meeting_order(dataset)


def _meetings_at(dataset: Dataset, rows: pd.Series) -> pd.Categorical:
    """Return the meeting of the dataset's remarks at `rows` (positions in file order), as a
    categorical over the meetings in display order (codes, not 100,000 strings)."""
    column = pd.Categorical(dataset.remarks["meeting"], categories=meeting_order(dataset))
    return pd.Categorical.from_codes(column.codes[rows.to_numpy()], dtype=column.dtype)


def _tagged(dataset: Dataset, remarks: pd.DataFrame) -> pd.DataFrame:
    """Return the (remark_id, speaker, org_type, row, theme_id) rows of the given remarks with
    each remark's `meeting`."""
    tagged = counts.tagged_themes(dataset, remarks)
    return tagged.assign(meeting=_meetings_at(dataset, tagged["row"]))


def meeting_summary(dataset: Dataset, remarks: pd.DataFrame,
                    meetings: Sequence[str] | None = None) -> pd.DataFrame:
    """Return one row per meeting (display order, or `meetings` in their order; zeros kept):
    `meeting`, `participants`, `excerpts` (remarks in view), `coded` and `not_coded`."""
    wanted = _meetings(dataset, meetings)
    frame = pd.DataFrame({"meeting": _meetings_at(dataset, remarks["position"]),
                          "speaker": remarks["speaker"].to_numpy(),
                          "coded": remarks["coded"].to_numpy(dtype=bool)})
    grouped = frame.groupby("meeting", observed=True).agg(
        participants=("speaker", "nunique"), excerpts=("speaker", "size"),
        coded=("coded", "sum"))
    grouped = grouped.reindex(wanted, fill_value=0).astype("int64")
    grouped["not_coded"] = grouped["excerpts"] - grouped["coded"]
    return grouped.rename_axis("meeting").reset_index()


def theme_by_meeting(dataset: Dataset, remarks: pd.DataFrame,
                     meetings: Sequence[str] | None = None) -> pd.DataFrame:
    """Return theme x meeting counts in long form, theme (codebook) then meeting order, zeros
    included: `theme_id`, `meeting`, `participants` (distinct speakers who raised the theme at
    that meeting) and `excerpts` (excerpts coded with it)."""
    wanted = _meetings(dataset, meetings)
    tagged = _tagged(dataset, remarks)
    grouped = tagged.groupby(["theme_id", "meeting"], observed=True).agg(
        participants=("speaker", "nunique"), excerpts=("remark_id", "size"))
    full = pd.MultiIndex.from_product([dataset.theme_ids, wanted], names=["theme_id", "meeting"])
    return grouped.reindex(full, fill_value=0).astype("int64").reset_index()


def theme_changes(dataset: Dataset, remarks: pd.DataFrame, earlier: str,
                  later: str) -> pd.DataFrame:
    """Return the themes raised at `earlier` or `later` with what became of them: `theme_id`,
    `change` ("new": raised at the later meeting only; "persisted": at both; "dropped": no
    longer raised, i.e. at the earlier meeting only), `earlier` and `later` (participants who
    raised it there), `earlier_excerpts` and `later_excerpts`.

    Rows come new, persisted, dropped; within each the most raised first (participants at the
    later meeting, for dropped themes at the earlier one), ties in codebook order."""
    long = theme_by_meeting(dataset, remarks, [earlier, later] if earlier != later else [earlier])
    wide = long.pivot(index="theme_id", columns="meeting",
                      values=["participants", "excerpts"]).reindex(dataset.theme_ids)
    table = pd.DataFrame({
        "theme_id": dataset.theme_ids,
        "earlier": wide[("participants", earlier)].to_numpy(),
        "later": wide[("participants", later)].to_numpy(),
        "earlier_excerpts": wide[("excerpts", earlier)].to_numpy(),
        "later_excerpts": wide[("excerpts", later)].to_numpy(),
    })
    before, after = table["earlier"] > 0, table["later"] > 0
    table.insert(1, "change", np.select([after & ~before, after & before, before],
                                        ["new", "persisted", "dropped"], default=""))
    table = table[table["change"] != ""].assign(
        group=lambda f: f["change"].map({c: i for i, c in enumerate(CHANGES)}),
        weight=lambda f: f["later"].where(f["change"] != "dropped", f["earlier"]),
        codebook=lambda f: f.index)
    table = table.sort_values(["group", "weight", "codebook"], ascending=[True, False, True],
                              kind="stable")
    return table.drop(columns=["group", "weight", "codebook"]).reset_index(drop=True).astype(
        {c: "int64" for c in ("earlier", "later", "earlier_excerpts", "later_excerpts")})


def themes_with(changes: pd.DataFrame, change: Change) -> list[str]:
    """Return the theme ids of one kind of change, in the order theme_changes gives."""
    return changes.loc[changes["change"] == change, "theme_id"].tolist()


def speakers_across(dataset: Dataset, remarks: pd.DataFrame, earlier: str,
                    later: str) -> pd.DataFrame:
    """Return each participant with remarks in view at `earlier` or `later`: `speaker`,
    `organization`, `org_type`, `spoke_at` ("both", "earlier" only or "later" only),
    `earlier` and `later` (their excerpts in view at each). Rows come both, earlier only,
    later only, each in order of first appearance in the data."""
    pair = list(dict.fromkeys([earlier, later]))  # a meeting compared with itself: once
    meeting = _meetings_at(dataset, remarks["position"])
    mine = pd.DataFrame({"speaker": remarks["speaker"].to_numpy(), "meeting": meeting})
    mine = mine[mine["meeting"].isin(pair)]
    per = mine.groupby(["speaker", "meeting"], observed=True).size().unstack(
        fill_value=0).reindex(columns=pair, fill_value=0)
    people = dataset.participants[["speaker", "organization", "org_type"]]
    people = people[people["speaker"].isin(per.index)].reset_index(drop=True)
    before = per[earlier].reindex(people["speaker"]).to_numpy()
    after = per[later].reindex(people["speaker"]).to_numpy()
    spoke = np.select([(before > 0) & (after > 0), before > 0], ["both", "earlier"],
                      default="later")
    people = people.assign(spoke_at=spoke, earlier=before.astype("int64"),
                           later=after.astype("int64"))
    order = people["spoke_at"].map({s: i for i, s in enumerate(SPOKE_AT)})
    return people.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def spoke_at_counts(people: pd.DataFrame) -> dict[SpokeAt, int]:
    """Return how many participants of a speakers_across table spoke at both meetings, at the
    earlier one only and at the later one only."""
    found = people["spoke_at"].value_counts()
    return {s: int(found.get(s, 0)) for s in SPOKE_AT}


def recommendation_meetings(dataset: Dataset, remarks: pd.DataFrame,
                            meetings: Sequence[str] | None = None) -> pd.DataFrame:
    """Return, for each recommendation backed by the given remarks (data order) and each
    meeting (display order, zeros included): `rec_id`, `meeting`, `participants` and
    `excerpts` of that meeting's remarks in view that back it."""
    wanted = _meetings(dataset, meetings)
    links = counts.backed_recommendations(dataset, remarks)
    links = links.assign(meeting=_meetings_at(dataset, links["row"]))
    grouped = links.groupby(["rec_id", "meeting"], observed=True).agg(
        participants=("speaker", "nunique"), excerpts=("remark_id", "size"))
    backed = set(links["rec_id"].unique())
    recs = [r for r in dataset.recommendations["rec_id"] if r in backed]
    full = pd.MultiIndex.from_product([recs, wanted], names=["rec_id", "meeting"])
    return grouped.reindex(full, fill_value=0).astype("int64").reset_index()


def backing_meetings(long: pd.DataFrame) -> dict[str, list[str]]:
    """Return rec_id -> the meetings (in the order of `long`, a recommendation_meetings table)
    whose remarks back it."""
    backed = long[long["excerpts"] > 0]
    found: dict[str, list[str]] = {r: [] for r in dict.fromkeys(long["rec_id"])}
    for rec, meeting in zip(backed["rec_id"], backed["meeting"], strict=True):
        found[rec].append(meeting)
    return found
