"""Dependency-free charts as HTML and CSS: no script, no external resource.

Every size is in `em`, so a chart scales with its container's font size (a dashboard card, a
slide at a large font size, a printed page). Every label and value passes through
`html.escape` (after `text.for_display`). Colour is never the only cue: values are printed,
and stacked segments carry a pattern per pattern index.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from se_dashboard.data.text import for_display
from se_dashboard.present.palette import HEAT_SCALE, text_colour_on

Segment = tuple[str, int, str, int]
"""(segment label, value, colour "#RRGGBB", pattern index)."""

# Pattern overlays, by pattern index modulo their number; index 0 is plain. They draw in
# `--hc-ink`, a translucent black or white chosen against the segment colour, so each pattern
# shows on light and dark colours alike. The shapes follow palette.ORG_TYPE_PATTERNS.
_PATTERNS: tuple[str, ...] = (
    "none",
    # 1 "/": diagonal stripes
    "repeating-linear-gradient(-45deg,var(--hc-ink) 0 .14em,transparent .14em .5em)",
    # 2 ".": fine dots (two crossing dashed gradients leave dots where they meet)
    "repeating-linear-gradient(0deg,transparent 0 .14em,var(--hc-bg) .14em .45em),"
    "repeating-linear-gradient(90deg,transparent 0 .14em,var(--hc-bg) .14em .45em),"
    "linear-gradient(var(--hc-ink),var(--hc-ink))",
    # 3 "x": cross-hatch
    "repeating-linear-gradient(45deg,var(--hc-ink) 0 .1em,transparent .1em .55em),"
    "repeating-linear-gradient(-45deg,var(--hc-ink) 0 .1em,transparent .1em .55em)",
    # 4 "\": diagonal stripes the other way
    "repeating-linear-gradient(45deg,var(--hc-ink) 0 .14em,transparent .14em .5em)",
    # 5 "+": grid
    "repeating-linear-gradient(0deg,var(--hc-ink) 0 .1em,transparent .1em .5em),"
    "repeating-linear-gradient(90deg,var(--hc-ink) 0 .1em,transparent .1em .5em)",
    # 6 "-": horizontal lines
    "repeating-linear-gradient(0deg,var(--hc-ink) 0 .14em,transparent .14em .45em)",
    # 7 "|": vertical lines
    "repeating-linear-gradient(90deg,var(--hc-ink) 0 .14em,transparent .14em .45em)",
)
N_PATTERNS = len(_PATTERNS)

CSS: str = (
    ".hc-chart{font-size:1em;line-height:1.3;color:#111;margin:.3em 0 .8em;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".hc-chart *,.hc-heat *{box-sizing:border-box}\n"
    ".hc-legend{display:flex;flex-wrap:wrap;gap:.3em 1.1em;margin:0 0 .6em;padding:0;"
    "list-style:none}\n"
    ".hc-legend-item{display:inline-flex;align-items:center;gap:.4em}\n"
    ".hc-swatch{display:inline-block;width:1.5em;height:1.1em;border:.06em solid #333;"
    "flex:none}\n"
    ".hc-row{display:grid;grid-template-columns:minmax(5em,12em) 1fr;align-items:center;"
    "gap:.6em;margin:.28em 0;break-inside:avoid;page-break-inside:avoid}\n"
    ".hc-label{text-align:right;overflow-wrap:anywhere;word-break:keep-all}\n"
    ".hc-track{display:flex;align-items:center;min-width:0;padding-right:4em;"
    "border-left:.1em solid #555}\n"
    ".hc-seg,.hc-bar{flex:none;height:1.6em;display:flex;align-items:center;"
    "justify-content:center;overflow:hidden;min-width:0;border-right:.06em solid #FFF}\n"
    ".hc-val{font-size:.85em;font-weight:700;padding:0 .25em;border-radius:.2em;"
    "line-height:1.3;white-space:nowrap}\n"
    ".hc-total{flex:none;padding-left:.45em;font-weight:700;white-space:nowrap}\n"
    ".hc-heat{border-collapse:collapse;font-size:1em;margin:.3em 0 .8em;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".hc-heat th,.hc-heat td{border:.06em solid #9AA3AD;padding:.3em .55em;"
    "vertical-align:middle}\n"
    ".hc-heat thead th{background:#EEF1F4;font-weight:700;text-align:center}\n"
    ".hc-heat thead td.hc-corner{background:#EEF1F4;min-width:0}\n"
    ".hc-heat tbody th{text-align:left;font-weight:600;background:#FAFBFC}\n"
    ".hc-heat td{text-align:center;white-space:pre-line;min-width:3em}\n"
    ".hc-heat tr{break-inside:avoid;page-break-inside:avoid}\n"
    + "".join(f".hc-p{i}{{background-image:{p}}}\n" for i, p in enumerate(_PATTERNS))
    + "@media print{.hc-chart,.hc-heat,.hc-seg,.hc-bar,.hc-swatch,.hc-val,.hc-heat td{"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
)


def _esc(value: object) -> str:
    """Return `value` as escaped HTML text (quotes included), neutralised for display."""
    return html.escape(for_display("" if value is None else str(value)), quote=True)


def _colour(value: str) -> str:
    """Return a safe #RRGGBB colour (a malformed one becomes grey)."""
    text = str(value).strip()
    if len(text) == 7 and text[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in text[1:]):
        return text.upper()
    return "#888888"


def _ink(colour: str) -> str:
    """Return the translucent pattern ink that shows on `colour`."""
    return "rgba(0,0,0,.38)" if text_colour_on(colour) == "#000000" else "rgba(255,255,255,.5)"


def _percent(value: float, maximum: float) -> str:
    """Return value/maximum as a CSS percentage, clamped to 0-100."""
    share = 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum))
    return f"{100 * share:.3f}".rstrip("0").rstrip(".") + "%"


def pattern_class(index: int) -> str:
    """Return the CSS class of a pattern index (index 0, and every multiple of the number of
    patterns, is plain)."""
    return f"hc-p{int(index) % N_PATTERNS}"


def _fill_style(colour: str) -> str:
    return f"background-color:{colour};--hc-bg:{colour};--hc-ink:{_ink(colour)}"


def legend_html(legend: Sequence[tuple[str, str, int]]) -> str:
    """Return the legend list: one swatch (colour and pattern) and label per item."""
    if not legend:
        return ""
    items = "".join(
        f'<li class="hc-legend-item"><span class="hc-swatch {pattern_class(p)}" '
        f'style="{_fill_style(_colour(c))}" aria-hidden="true"></span>{_esc(label)}</li>'
        for label, c, p in legend)
    return f'<ul class="hc-legend">{items}</ul>'


def stacked_bars(rows: Sequence[tuple[str, Sequence[Segment]]], *, max_value: int | None = None,
                 legend: Sequence[tuple[str, str, int]] = ()) -> str:
    """Return a horizontal stacked bar chart as an HTML <div>: one bar per row, each segment
    value/max wide with its value printed inside, the row total after the bar, the legend
    above. `max_value` defaults to the largest row total."""
    totals = [sum(max(0, int(v)) for _, v, _, _ in segments) for _, segments in rows]
    maximum = max_value if max_value is not None else max(totals, default=0)
    parts = [f'<div class="hc-chart hc-stacked">{legend_html(legend)}']
    for (label, segments), total in zip(rows, totals, strict=True):
        cells = []
        for seg_label, value, colour, pattern in segments:
            value = int(value)
            if value <= 0:
                continue
            fill = _colour(colour)
            cells.append(
                f'<span class="hc-seg {pattern_class(pattern)}" '
                f'style="width:{_percent(value, maximum)};{_fill_style(fill)}" '
                f'title="{_esc(seg_label)}: {value}">'
                f'<span class="hc-val" style="background:{fill};color:{text_colour_on(fill)}">'
                f"{value}</span></span>")
        parts.append(
            f'<div class="hc-row"><div class="hc-label" title="{_esc(label)}">{_esc(label)}</div>'
            f'<div class="hc-track">{"".join(cells)}<span class="hc-total">{total}</span>'
            f"</div></div>")
    parts.append("</div>")
    return "".join(parts)


def bars(rows: Sequence[tuple[str, int, str]], *, max_value: int | None = None,
         suffix: str = "") -> str:
    """Return a horizontal single-colour bar chart as an HTML <div>: one bar per row,
    value/max wide, with the value (and `suffix`) printed after the bar."""
    maximum = max_value if max_value is not None else max(
        (max(0, int(v)) for _, v, _ in rows), default=0)
    parts = ['<div class="hc-chart hc-bars">']
    for label, value, colour in rows:
        value = int(value)
        fill = _colour(colour)
        bar = (f'<span class="hc-bar" style="width:{_percent(value, maximum)};'
               f'{_fill_style(fill)}" title="{_esc(label)}: {value}{_esc(suffix)}"></span>'
               if value > 0 else "")
        parts.append(
            f'<div class="hc-row"><div class="hc-label" title="{_esc(label)}">{_esc(label)}</div>'
            f'<div class="hc-track">{bar}<span class="hc-total">{value}{_esc(suffix)}</span>'
            f"</div></div>")
    parts.append("</div>")
    return "".join(parts)


def blend(shade: float) -> str:
    """Return the #RRGGBB colour at `shade` (clamped to 0-1) between white and #4A8CC9."""
    share = max(0.0, min(1.0, float(shade))) if shade == shade else 0.0  # NaN reads as 0
    start, end = HEAT_SCALE[0][1], HEAT_SCALE[-1][1]
    channels = (round(int(start[i:i + 2], 16) + share * (int(end[i:i + 2], 16)
                                                          - int(start[i:i + 2], 16)))
                for i in (1, 3, 5))
    return "#" + "".join(f"{c:02X}" for c in channels)


def heat_table(row_labels: Sequence[str], column_labels: Sequence[str],
               cells: Sequence[Sequence[str]], shade: Sequence[Sequence[float]]) -> str:
    """Return an HTML <table> with a header row of `column_labels`, one row per row label, each
    cell's text (a "\\n" becomes a line break) on a background blended from white to #4A8CC9
    by its shade (0-1), in black or white text, whichever contrasts more."""
    head = "".join(f'<th scope="col">{_esc(c)}</th>' for c in column_labels)
    body = []
    for label, texts, shades in zip(row_labels, cells, shade, strict=True):
        tds = []
        for text, value in zip(texts, shades, strict=True):
            fill = blend(value)
            shown = "<br>".join(_esc(line) for line in str(text).split("\n"))
            tds.append(f'<td style="background:{fill};color:{text_colour_on(fill)}">{shown}</td>')
        body.append(f'<tr><th scope="row">{_esc(label)}</th>{"".join(tds)}</tr>')
    return (f'<table class="hc-heat"><thead><tr><td class="hc-corner"></td>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')
