"""Filters over the remarks, and their round trip through a URL query string."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace

import pandas as pd

from .loader import Dataset

# Query-string key of each filter field.
QUERY_KEYS = {"org_types": "org", "speakers": "who", "themes": "theme", "kinds": "kind",
              "query": "q"}


@dataclass(frozen=True)
class Filters:
    """What the audience is looking at: values OR-ed within a field, fields AND-ed together.

    An empty field does not filter.
    """

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
        """Return these filters without values the dataset does not know (e.g. a stale link)."""
        known = {
            "org_types": set(dataset.org_type_ids),
            "speakers": set(dataset.participants["speaker"]),
            "themes": set(dataset.theme_ids),
            "kinds": set(dataset.remarks["kind"].dropna().unique()),
        }
        return replace(self, **{name: tuple(v for v in getattr(self, name) if v in allowed)
                                for name, allowed in known.items()})


def search_mask(dataset: Dataset, query: str) -> pd.Series:
    """Return a boolean mask over all remarks: those whose excerpt, translation, speaker or
    organization contains `query` (case-insensitive, literal, not a pattern)."""
    needle = query.strip().lower()
    if not needle:
        return pd.Series(True, index=dataset.remarks.index)
    return dataset.search_text.str.contains(needle, regex=False)


def apply(dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """Return the remarks (rows of `dataset.remarks`, file order) that match the filters."""
    remarks = dataset.remarks
    mask = pd.Series(True, index=remarks.index)
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
