"""Plotly figure builders. They take computed tables and labels; they compute no statistics.

Each clickable mark carries ids in `customdata`, which `selected_ids` reads back from an
`on_select` event.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from se_dashboard.data.text import for_display
from se_dashboard.present.htmlcharts import blend
from se_dashboard.present.palette import FONT_FAMILY, TEXT_COLOUR, text_colour_on

BASE_FONT = 17


def inert(label: object) -> str:
    """Return a data label that Plotly shows as typed: its pseudo-HTML (<a href>, <b>, ...) and
    hovertemplate syntax (%{...}) are escaped, bidi and zero-width characters removed."""
    return html.escape(for_display(str(label)), quote=False).replace("%{", "%&#123;")


def _figure(traces: list[dict[str, Any]], height: int, xaxis: dict[str, Any],
            yaxis: dict[str, Any], **layout: Any) -> go.Figure:
    """Assemble a figure from plain trace and axis dicts in the shared style.

    The builders make only well-formed dicts, so Plotly's per-value validation (most of the
    cost of a 900-cell chart) is skipped with `_validate=False`."""
    layout = {
        "height": height, "margin": {"l": 10, "r": 30, "t": 30, "b": 10},
        "font": {"family": FONT_FAMILY, "size": BASE_FONT, "color": TEXT_COLOUR},
        "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF", "dragmode": False,
        "hoverlabel": {"font": {"size": BASE_FONT, "family": FONT_FAMILY}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left",
                   "x": 0, "title": {"text": ""}, "traceorder": "normal"},
        "clickmode": "event+select",
        "xaxis": {"automargin": True, **xaxis},
        "yaxis": {"automargin": True, "ticklabelstandoff": 6, **yaxis},
        **layout,
    }
    return go.Figure(data=traces, layout=layout, _validate=False)


def _value_axis(top: float) -> dict[str, Any]:
    """Integer ticks and room on the right for the value labels beside the bars."""
    top = max(float(top), 1.0)
    return {"range": [0, top * 1.22], "dtick": max(1, round(top / 6)), "tickformat": "d",
            "showgrid": True, "gridcolor": "#E5E5E5", "fixedrange": True}


def stacked_bars(long: pd.DataFrame, category: str, *, categories: Mapping[str, str],
                 groups: Mapping[str, str], colours: Mapping[str, str],
                 patterns: Mapping[str, str], value_label: str,
                 group: str = "org_type") -> go.Figure:
    """Horizontal bars of `long` (columns `category`, `group`, `count`), one stacked segment
    per group (org type by default), first category on top; each segment shows its count, each
    bar its total. customdata is [category id, group id] ([category id, None] on totals).

    `categories` and `groups` map ids to labels in display order.
    """
    labels = [inert(v) for v in categories.values()]
    counts = long.pivot_table(index=category, columns=group, values="count", aggfunc="sum",
                              observed=False).reindex(index=list(categories), columns=list(groups))
    counts = counts.fillna(0).astype(int)
    traces: list[dict[str, Any]] = []
    for group_id, raw_label in groups.items():
        group_label = inert(raw_label)
        values = counts[group_id].tolist()
        colour = colours[group_id]
        traces.append({
            "type": "bar", "y": labels, "x": values, "name": group_label, "orientation": "h",
            "marker": {"color": colour, "line": {"color": "#FFFFFF", "width": 1},
                       "pattern": {"shape": patterns.get(group_id, ""), "fillmode": "overlay",
                                   "fgcolor": text_colour_on(colour), "fgopacity": 0.22,
                                   "solidity": 0.15}},
            "text": [str(v) if v else "" for v in values], "textposition": "inside",
            "textangle": 0, "insidetextanchor": "middle",
            "textfont": {"color": text_colour_on(colour), "size": BASE_FONT},
            "customdata": [[c, group_id] for c in categories],
            "hovertemplate": f"%{{y}} · {group_label}: %{{x}} {value_label}<extra></extra>",
        })
    totals = counts.sum(axis=1)
    traces.append({
        "type": "scatter", "y": labels, "x": totals.tolist(), "mode": "text",
        "showlegend": False, "text": [f"  {int(v)}" for v in totals],
        "textposition": "middle right", "textfont": {"size": BASE_FONT, "color": TEXT_COLOUR},
        "hoverinfo": "skip", "customdata": [[c, None] for c in categories]})
    return _figure(traces, max(260, 60 + 42 * len(labels)),
                   xaxis=_value_axis(totals.max() if len(totals) else 0),
                   yaxis={"autorange": "reversed", "categoryorder": "array",
                          "categoryarray": labels, "fixedrange": True},
                   barmode="stack")


def simple_bars(labels: list[str], values: list[int], ids: list[str], *, colours: list[str],
                value_label: str, texts: list[str] | None = None) -> go.Figure:
    """Horizontal bars with their values (or `texts`) beside them, first label on top."""
    labels = [inert(v) for v in labels]
    texts = [inert(v) for v in texts] if texts else None
    trace = {
        "type": "bar", "y": labels, "x": values, "orientation": "h",
        "marker": {"color": colours, "line": {"color": "#333333", "width": 1}},
        "text": texts or [str(v) for v in values], "textposition": "outside",
        "cliponaxis": False, "textfont": {"size": BASE_FONT, "color": TEXT_COLOUR},
        "customdata": [[i] for i in ids],
        "hovertemplate": f"%{{y}}: %{{x}} {value_label}<extra></extra>"}
    return _figure([trace], max(220, 60 + 44 * len(labels)),
                   xaxis=_value_axis(max(values, default=0)),
                   yaxis={"autorange": "reversed", "fixedrange": True}, showlegend=False)


def tiles(table: pd.DataFrame, *, rows: Mapping[str, str], columns: Mapping[str, str],
          text: pd.DataFrame, hover_label: str) -> go.Figure:
    """A heatmap drawn as square markers (so cells can be clicked), each with its value as text.

    `table` holds the values (rows x columns, ids); `text` the label shown in each cell; `rows`
    and `columns` map ids to labels in display order. customdata is [row_id, column_id].
    """
    row_ids, column_ids = list(rows), list(columns)
    row_labels = [inert(rows[r]) for r in row_ids]
    column_labels = [inert(columns[c]) for c in column_ids]
    values = table.reindex(index=row_ids, columns=column_ids).to_numpy(dtype=float)
    cells = text.reindex(index=row_ids, columns=column_ids).astype(str).to_numpy()
    top = values.max() if values.size and values.max() > 0 else 1.0
    colours = [blend(v / top) for v in values.ravel()]
    cell = 46
    trace = {
        "type": "scatter", "mode": "markers+text",
        "x": column_labels * len(row_ids),
        "y": [label for label in row_labels for _ in column_ids],
        "text": cells.ravel().tolist(),
        "customdata": [[r, c] for r in row_ids for c in column_ids],
        "marker": {"symbol": "square", "size": cell, "color": colours,
                   "line": {"color": "#BBBBBB", "width": 1}},
        "textfont": {"size": BASE_FONT - 1, "color": [text_colour_on(c) for c in colours]},
        "hovertemplate": f"%{{y}} × %{{x}}: %{{text}} {hover_label}<extra></extra>"}
    return _figure(
        [trace], max(260, 120 + (cell + 6) * len(row_ids)),
        xaxis={"side": "top", "categoryorder": "array", "categoryarray": column_labels,
               "showgrid": False, "tickangle": 0 if len(column_ids) <= 6 else -35,
               "fixedrange": True},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": row_labels,
               "showgrid": False, "fixedrange": True},
        showlegend=False,
        margin={"l": 10, "r": 10, "t": 120 if len(column_ids) > 6 else 60, "b": 10})


def selected_ids(event: Any) -> list[list[Any]]:
    """Return the customdata of every point selected in a Plotly `on_select` event (may be
    empty); points without customdata are skipped."""
    if not event:
        return []
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return []
    return [list(p["customdata"]) for p in points if p.get("customdata")]


def share_text(count: pd.DataFrame, base: pd.Series) -> pd.DataFrame:
    """Return cell labels 'count/base<br>pct%' for a table of counts whose columns are divided
    by `base` (a zero base shows '0/0')."""
    def cell(n: int, of: int) -> str:
        return f"{n}/{of}<br>{round(100 * n / of)}%" if of else "0/0"
    return pd.DataFrame({c: [cell(int(n), int(base[c])) for n in count[c]] for c in count.columns},
                        index=count.index)
