"""What the compare page shows: the side-by-side theme chart, the lists of themes that are
new, persisted or no longer raised, and the comparison tables with readable headers (meeting
names in them shown as typed, without bidi or zero-width characters), also for CSV. They take
what analysis/compare.py computes; they compute no statistics."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from se_dashboard.analysis import compare
from se_dashboard.data.loader import Dataset
from se_dashboard.data.text import for_display
from se_dashboard.present.palette import (
    FONT_FAMILY,
    TEXT_COLOUR,
    text_colour_on,
)
from se_dashboard.present.vocab import Lang, rec_titles, status_labels

from . import render
from .charts import BASE_FONT, inert

Translate = Callable[..., str]
def side_by_side(long: pd.DataFrame, unit: str, *, meetings: Mapping[str, str],
                 themes: Mapping[str, str], styles: Mapping[str, tuple[str, str]],
                 value_label: str) -> go.Figure:
    """Horizontal bars of a theme_by_meeting table: one group per theme raised at any of
    `meetings` (codebook order, first on top), one bar per meeting in the given order with its
    value beside it. `unit` is the column shown (participants or excerpts). customdata is
    [theme_id] (a meeting id is data and may hold any character, so it is not sent)."""
    shown = long[long["meeting"].isin(list(meetings))]
    raised = set(shown.loc[shown["participants"] > 0, "theme_id"])
    ids = [x for x in themes if x in raised]
    labels = [inert(themes[x]) for x in ids]
    values = shown.set_index(["theme_id", "meeting"])[unit]
    traces: list[dict[str, Any]] = []
    for meeting, title in meetings.items():
        colour, pattern = styles[meeting]
        name = inert(title)
        xs = [int(values.get((x, meeting), 0)) for x in ids]
        traces.append({
            "type": "bar", "orientation": "h", "y": labels, "x": xs, "name": name,
            "marker": {"color": colour, "line": {"color": "#333333", "width": 1},
                       "pattern": {"shape": pattern, "fillmode": "overlay",
                                   "fgcolor": text_colour_on(colour), "fgopacity": 0.35,
                                   "solidity": 0.2}},
            "text": [str(v) for v in xs], "textposition": "outside", "cliponaxis": False,
            "textfont": {"size": BASE_FONT, "color": TEXT_COLOUR},
            "customdata": [[x] for x in ids],
            "hovertemplate": f"%{{y}} · {name}: %{{x}} {inert(value_label)}<extra></extra>"})
    top = max((max(t["x"], default=0) for t in traces), default=0)
    layout = {
        "height": max(260, 90 + len(ids) * (14 + 26 * len(meetings))),
        "margin": {"l": 10, "r": 30, "t": 40, "b": 10}, "barmode": "group",
        "font": {"family": FONT_FAMILY, "size": BASE_FONT, "color": TEXT_COLOUR},
        "paper_bgcolor": "#FFFFFF", "plot_bgcolor": "#FFFFFF", "dragmode": False,
        "hoverlabel": {"font": {"size": BASE_FONT, "family": FONT_FAMILY}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0,
                   "traceorder": "normal"},
        "xaxis": {"automargin": True, "range": [0, max(top, 1) * 1.18], "tickformat": "d",
                  "dtick": max(1, round(max(top, 1) / 6)), "showgrid": True,
                  "gridcolor": "#E5E5E5", "fixedrange": True},
        # reversed: the first theme on top and, within a theme, the first meeting on top
        "yaxis": {"automargin": True, "autorange": "reversed", "categoryorder": "array",
                  "categoryarray": labels, "fixedrange": True, "ticklabelstandoff": 6},
    }
    return go.Figure(data=traces, layout=layout, _validate=False)


def theme_table(dataset: Dataset, long: pd.DataFrame, changes: pd.DataFrame,
                meetings: Mapping[str, str], themes: Mapping[str, str],
                t: Translate) -> pd.DataFrame:
    """Return every theme (codebook order) with its participants and excerpts at each meeting
    of `meetings` and what became of it (blank when raised at neither)."""
    change = changes.set_index("theme_id")["change"]
    table = pd.DataFrame({t("cmp_col_theme"): [themes[x] for x in dataset.theme_ids]})
    indexed = long.set_index(["theme_id", "meeting"])
    for meeting, title in meetings.items():
        for column, key in (("participants", "cmp_col_participants_at"),
                            ("excerpts", "cmp_col_excerpts_at")):
            table[t(key, meeting=for_display(title))] = [int(indexed.at[(x, meeting), column])
                                            for x in dataset.theme_ids]
    table[t("cmp_col_change")] = [t(f"cmp_change_{change[x]}") if x in change.index else ""
                                  for x in dataset.theme_ids]
    return table


def change_label(row: pd.Series, themes: Mapping[str, str]) -> str:
    """Return a theme of theme_changes as 'label (earlier → later)' in participants."""
    return f"{themes[row['theme_id']]} ({row['earlier']} → {row['later']})"


def change_lists_html(changes: pd.DataFrame, change: compare.Change,
                      themes: Mapping[str, str], t: Translate, help_text: str) -> str:
    """Return one list of theme_changes (new, persisted or dropped) as escaped HTML: its
    heading with the count, what it means, then each theme with its participants."""
    rows = changes[changes["change"] == change]
    items = "".join(f"<li>{render.esc(change_label(r, themes))}</li>"
                    for _, r in rows.iterrows())
    body = f"<ul>{items}</ul>" if items else f"<p>{render.esc(t('cmp_none'))}</p>"
    return (f'<div class="sed-cmp-list" data-change="{change}">'
            f'<div style="font-size:1.15rem"><b>{render.esc(t("cmp_" + change))}</b> '
            f"({len(rows)})</div>{render.caption(help_text)}{body}</div>")


def speakers_table(people: pd.DataFrame, meetings: Mapping[str, str],
                   org_labels: Mapping[str, str], t: Translate,
                   anonymized: bool) -> pd.DataFrame:
    """Return a speakers_across table with readable headers: speaker, organization (not in
    the anonymized view, where it is blank), type, where they spoke, excerpts at each.
    `meetings` maps the earlier then the later meeting's id to its title."""
    before, after = (for_display(title) for title in meetings.values())
    spoke = {"both": t("cmp_spoke_both"), "earlier": t("cmp_spoke_only", meeting=before),
             "later": t("cmp_spoke_only", meeting=after)}
    table = pd.DataFrame({t("col_speaker"): people["speaker"]})
    if not anonymized:
        table[t("col_organization")] = people["organization"]
    table[t("col_org_type")] = people["org_type"].astype(str).map(org_labels)
    table[t("cmp_col_spoke_at")] = people["spoke_at"].map(spoke)
    table[t("cmp_col_excerpts_at", meeting=before)] = people["earlier"]
    table[t("cmp_col_excerpts_at", meeting=after)] = people["later"]
    return table.reset_index(drop=True)


def recs_table(dataset: Dataset, long: pd.DataFrame, meetings: Mapping[str, str],
               lang: Lang, t: Translate) -> pd.DataFrame:
    """Return one row per recommendation of a recommendation_meetings table: id, title,
    status, participants and excerpts at each meeting, and the meetings that back it."""
    rec_ids = list(dict.fromkeys(long["rec_id"]))
    titles, statuses = rec_titles(dataset, lang), status_labels(lang)
    status = dataset.recommendations.set_index("rec_id")["status"].astype(str)
    table = pd.DataFrame({t("cmp_col_rec_id"): rec_ids,
                          t("cmp_col_rec"): [titles[r] for r in rec_ids],
                          t("cmp_col_status"): [statuses[status[r]] for r in rec_ids]})
    indexed = long.set_index(["rec_id", "meeting"])
    for meeting, title in meetings.items():
        for column, key in (("participants", "cmp_col_participants_at"),
                            ("excerpts", "cmp_col_excerpts_at")):
            table[t(key, meeting=for_display(title))] = [int(indexed.at[(r, meeting), column])
                                            for r in rec_ids]
    backing = compare.backing_meetings(long)
    table[t("cmp_col_backed_at")] = [", ".join(meetings[m] for m in backing[r])
                                     for r in rec_ids]
    return table
