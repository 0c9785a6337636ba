"""Filters over the remarks, and their round trip through a URL query string."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from se_dashboard.data.loader import Dataset

# Query-string key of each filter field.
QUERY_KEYS = {"meetings": "mt", "org_types": "org", "speakers": "who", "themes": "theme",
              "kinds": "kind", "query": "q"}


@dataclass(frozen=True)
class Filters:
    """What the audience is looking at: values OR-ed within a field, fields AND-ed together.

    An empty field does not filter. `meetings` holds meeting ids.
    """

    meetings: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    query: str = ""

    @property
    def active(self) -> bool:
        """True when any field filters."""
        return any(getattr(self, f.name) for f in fields(self))

    def to_query(self) -> dict[str, list[str] | str]:
        """Return the query-string parameters of the active fields."""
        params: dict[str, list[str] | str] = {}
        for name, key in QUERY_KEYS.items():
            value = getattr(self, name)
            if value:
                params[key] = value if isinstance(value, str) else list(value)
        return params

    @classmethod
    def from_query(cls, params: Mapping[str, Sequence[str] | str]) -> Filters:
        """Build filters from query parameters (a key maps to a value or a list of values)."""
        values: dict[str, tuple[str, ...] | str] = {}
        for name, key in QUERY_KEYS.items():
            raw = params.get(key)
            items = [raw] if isinstance(raw, str) else list(raw or [])
            items = [v.strip() for v in items if v and v.strip()]
            values[name] = (items[-1] if items else "") if name == "query" else tuple(
                dict.fromkeys(items))
        return cls(**values)  # type: ignore[arg-type]

    def restricted_to(self, dataset: Dataset) -> Filters:
        """Return these filters without values the dataset does not know (e.g. a stale link),
        and without participants outside the chosen organization types and meetings (who would
        empty the view: fields are AND-ed)."""
        org_types = tuple(o for o in self.org_types if o in set(dataset.org_type_ids))
        meetings = tuple(m for m in self.meetings if m in set(dataset.meeting_ids))
        known = {
            "meetings": set(meetings),
            "org_types": set(org_types),
            "speakers": set(speaker_options(dataset, org_types, meetings)),
            "themes": set(dataset.theme_ids),
            "kinds": set(dataset.remarks["kind"].dropna().unique()),
        }
        return replace(self, **{name: tuple(v for v in getattr(self, name) if v in allowed)
                                for name, allowed in known.items()})


def speaker_options(dataset: Dataset, org_types: Sequence[str] = (),
                    meetings: Sequence[str] = ()) -> list[str]:
    """Return the participants to offer as a filter, in order of first appearance: those of the
    given organization types who spoke at one of the given meetings (each condition only when
    given)."""
    people = dataset.participants
    if org_types:
        people = people[people["org_type"].isin(org_types)]
    if meetings:
        remarks = dataset.remarks
        spoke = remarks.loc[remarks["meeting"].isin(meetings), "speaker"].unique()
        people = people[people["speaker"].isin(spoke)]
    return people["speaker"].tolist()


def search_mask(dataset: Dataset, query: str) -> pd.Series:
    """Return a boolean mask over all remarks: those whose excerpt, translation, speaker or
    organization contains `query`, or that are coded with a theme whose Korean or English label
    contains it (case-insensitive, literal, not a pattern)."""
    needle = query.strip().lower()
    if not needle:
        return pd.Series(True, index=dataset.remarks.index)
    found = dataset.search_text.str.contains(needle, regex=False).to_numpy(dtype=bool, copy=True)
    labels = dataset.themes[["label_ko", "label_en"]]
    named = np.flatnonzero(labels.apply(lambda c: c.str.lower().str.contains(needle, regex=False))
                           .any(axis=1).to_numpy())
    if len(named):
        found |= dataset.theme_matrix[:, named].any(axis=1)
    return pd.Series(found, index=dataset.remarks.index)


def meetings_in_view(dataset: Dataset, filters: Filters) -> list[str]:
    """Return the ids of the meetings the view covers, in display order: the chosen ones, or
    every meeting of the data when none is chosen (a view never silently merges meetings: pages
    name all of these)."""
    chosen = set(filters.meetings)
    return [m for m in dataset.meeting_ids if not chosen or m in chosen]


def uncoded_left_out(dataset: Dataset, filters: Filters) -> int:
    """Return how many remarks not yet coded match every filter but the theme filter, i.e.
    are left out of the view only because they have no theme yet (0 without a theme filter)."""
    if not filters.themes or dataset.remarks["coded"].all():
        return 0
    rest = apply(dataset, replace(filters, themes=()))
    return int((~rest["coded"]).sum())


def apply(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """Return the remarks (rows of `dataset.remarks`, file order) that match the filters; with
    no filter, `dataset.remarks` itself (no copy for each page run to hold)."""
    remarks = dataset.remarks
    if not filters.active:
        return remarks
    mask = pd.Series(True, index=remarks.index)
    if filters.meetings:
        mask &= remarks["meeting"].isin(filters.meetings)
    if filters.org_types:
        mask &= remarks["org_type"].isin(filters.org_types)
    if filters.speakers:
        mask &= remarks["speaker"].isin(filters.speakers)
    if filters.kinds:
        mask &= remarks["kind"].isin(filters.kinds)
    if filters.themes:
        tagged = dataset.remark_themes
        ids = tagged.loc[tagged["theme_id"].isin(filters.themes), "remark_id"]
        mask &= remarks["remark_id"].isin(ids)
    if filters.query.strip():
        mask &= search_mask(dataset, filters.query)
    return remarks[mask]
