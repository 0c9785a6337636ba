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

from se_dashboard.palette import FONT_FAMILY, HEAT_SCALE, TEXT_COLOUR, text_colour_on

BASE_FONT = 17


def inert(label: object) -> str:
    """Return a data label that Plotly shows as typed: its pseudo-HTML (<a href>, <b>, ...) and
    hovertemplate syntax (%{...}) are escaped."""
    return html.escape(str(label), quote=False).replace("%{", "%&#123;")


def _layout(fig: go.Figure, height: int, **extra: Any) -> go.Figure:
    extra.setdefault("margin", {"l": 10, "r": 30, "t": 30, "b": 10})
    fig.update_layout(
        height=height,
        font={"family": FONT_FAMILY, "size": BASE_FONT, "color": TEXT_COLOUR},
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", dragmode=False,
        hoverlabel={"font_size": BASE_FONT, "font_family": FONT_FAMILY},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0,
                "title": None, "traceorder": "normal"},
        clickmode="event+select", **extra)
    fig.update_yaxes(automargin=True, ticklabelstandoff=6)
    fig.update_xaxes(automargin=True)
    return fig


def _value_axis(fig: go.Figure, top: float) -> None:
    """Integer ticks and room on the right for the value labels beside the bars."""
    top = max(float(top), 1.0)
    fig.update_xaxes(range=[0, top * 1.22], dtick=max(1, round(top / 6)), tickformat="d",
                     showgrid=True, gridcolor="#E5E5E5", fixedrange=True, title=None)
    fig.update_yaxes(fixedrange=True)


def stacked_bars(long: pd.DataFrame, category: str, *, categories: Mapping[str, str],
                 groups: Mapping[str, str], colours: Mapping[str, str],
                 patterns: Mapping[str, str], value_label: str,
                 group: str = "org_type") -> go.Figure:
    """Horizontal bars of `long` (columns `category`, `group`, `count`), one stacked segment
    per group (org type by default), first category on top; each segment shows its count, each
    bar its total. customdata is [category id, group id] ([category id, None] on totals).

    `categories` and `groups` map ids to labels in display order.
    """
    fig = go.Figure()
    labels = [inert(v) for v in categories.values()]
    for group_id, raw_label in groups.items():
        group_label = inert(raw_label)
        part = long[long[group] == group_id].set_index(category).reindex(list(categories))
        values = part["count"].fillna(0).astype(int)
        colour = colours[group_id]
        fig.add_bar(
            y=labels, x=values, name=group_label, orientation="h",
            marker={"color": colour, "line": {"color": "#FFFFFF", "width": 1},
                    "pattern": {"shape": patterns.get(group_id, ""), "fillmode": "overlay",
                                "fgcolor": text_colour_on(colour), "fgopacity": 0.22,
                                "solidity": 0.15}},
            text=[str(v) if v else "" for v in values], textposition="inside", textangle=0,
            insidetextanchor="middle",
            textfont={"color": text_colour_on(colour), "size": BASE_FONT},
            customdata=[[c, group_id] for c in categories],
            hovertemplate=f"%{{y}} · {group_label}: %{{x}} {value_label}<extra></extra>",
        )
    totals = long.groupby(category, sort=False)["count"].sum().reindex(list(categories))
    fig.add_scatter(
        y=labels, x=totals.fillna(0).tolist(), mode="text", showlegend=False,
        text=[f"  {int(v)}" for v in totals.fillna(0)], textposition="middle right",
        textfont={"size": BASE_FONT, "color": TEXT_COLOUR}, hoverinfo="skip",
        customdata=[[c, None] for c in categories])
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    _value_axis(fig, totals.max() if len(totals) else 0)
    fig.update_layout(barmode="stack")
    return _layout(fig, height=max(260, 60 + 42 * len(labels)))


def simple_bars(labels: list[str], values: list[int], ids: list[str], *, colours: list[str],
                value_label: str, texts: list[str] | None = None) -> go.Figure:
    """Horizontal bars with their values (or `texts`) beside them, first label on top."""
    labels = [inert(v) for v in labels]
    texts = [inert(v) for v in texts] if texts else None
    fig = go.Figure(go.Bar(
        y=labels, x=values, orientation="h", marker={"color": colours,
                                                      "line": {"color": "#333333", "width": 1}},
        text=texts or [str(v) for v in values], textposition="outside", cliponaxis=False,
        textfont={"size": BASE_FONT, "color": TEXT_COLOUR}, customdata=[[i] for i in ids],
        hovertemplate=f"%{{y}}: %{{x}} {value_label}<extra></extra>"))
    fig.update_yaxes(autorange="reversed")
    _value_axis(fig, max(values, default=0))
    return _layout(fig, height=max(220, 60 + 44 * len(labels)), showlegend=False)


def tiles(table: pd.DataFrame, *, rows: Mapping[str, str], columns: Mapping[str, str],
          text: pd.DataFrame, hover_label: str) -> go.Figure:
    """A heatmap drawn as square markers (so cells can be clicked), each with its value as text.

    `table` holds the values (rows x columns, ids); `text` the label shown in each cell; `rows`
    and `columns` map ids to labels in display order. customdata is [row_id, column_id].
    """
    rows = {k: inert(v) for k, v in rows.items()}
    columns = {k: inert(v) for k, v in columns.items()}
    xs, ys, values, texts, custom = [], [], [], [], []
    for r_id, r_label in rows.items():
        for c_id, c_label in columns.items():
            xs.append(c_label)
            ys.append(r_label)
            values.append(float(table.at[r_id, c_id]))
            texts.append(str(text.at[r_id, c_id]))
            custom.append([r_id, c_id])
    top = max(values) if values and max(values) > 0 else 1.0
    colours = [_blend(v / top) for v in values]
    cell = 46
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=texts, customdata=custom,
        marker={"symbol": "square", "size": cell, "color": colours,
                "line": {"color": "#BBBBBB", "width": 1}},
        textfont={"size": BASE_FONT - 1, "color": [text_colour_on(c) for c in colours]},
        hovertemplate=f"%{{y}} × %{{x}}: %{{text}} {hover_label}<extra></extra>"))
    fig.update_xaxes(side="top", categoryorder="array", categoryarray=list(columns.values()),
                     showgrid=False, tickangle=0 if len(columns) <= 6 else -35)
    fig.update_yaxes(autorange="reversed", categoryorder="array",
                     categoryarray=list(rows.values()), showgrid=False)
    return _layout(fig, height=max(260, 120 + (cell + 6) * len(rows)), showlegend=False,
                   margin={"l": 10, "r": 10, "t": 120 if len(columns) > 6 else 60, "b": 10})


def _blend(weight: float) -> str:
    """Return the heat colour at `weight` (0-1) between the two ends of HEAT_SCALE."""
    lo, hi = HEAT_SCALE[0][1], HEAT_SCALE[-1][1]
    mix = [round(int(lo[i:i + 2], 16) + (int(hi[i:i + 2], 16) - int(lo[i:i + 2], 16)) * weight)
           for i in (1, 3, 5)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


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
