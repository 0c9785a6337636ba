"""Which chart selection is the one to answer: the most recently changed one on the page."""

from __future__ import annotations

from typing import Any

import streamlit as st

from .charts import selected_ids


def latest(page: str, events: dict[str, Any]) -> tuple[str, list[list[Any]]] | None:
    """Return (chart name, selected customdata) of the chart whose selection changed last, or
    None when no chart holds a selection. `events` maps chart names to `on_select` results."""
    seen_key, active_key = f"{page}_selection_seen", f"{page}_selection_active"
    seen: dict[str, list] = st.session_state.setdefault(seen_key, {})
    current = {name: selected_ids(event) for name, event in events.items()}
    for name, ids in current.items():
        if ids and ids != seen.get(name):
            st.session_state[active_key] = name
    st.session_state[seen_key] = current
    active = st.session_state.get(active_key)
    if current.get(active):
        return active, current[active]
    for name, ids in current.items():
        if ids:
            return name, ids
    return None


def describe(points: list[list[Any]], theme_labels: dict[str, str], org_labels: dict[str, str],
             pair_of_themes: bool = False) -> str:
    """Return a readable name of the selected points, e.g. '신뢰 형성 · 생협' or 'A × B'."""
    names = []
    for first, second in points:
        if pair_of_themes:
            pair = dict.fromkeys([theme_labels[first], theme_labels[second]])
            names.append(" × ".join(pair))
        else:
            names.append(" · ".join([theme_labels[first], *([org_labels[second]] if second
                                                             else [])]))
    return "; ".join(dict.fromkeys(names))
