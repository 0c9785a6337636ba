"""HTML snippets for `st.html`. Every data value passes through `esc` (bidi controls and
zero-width characters taken out, then `html.escape`), so HTML or Markdown inside a remark shows
as the characters it is and never renders or runs, in the order it was typed."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

from se_dashboard.data.text import for_display, match_segments
from se_dashboard.present.palette import STATUS_COLOURS, STATUS_SYMBOLS, text_colour_on

STYLE = """<style>
[data-testid="stMainBlockContainer"]{padding-top:3.5rem}
h1,h2,h3,[data-testid="stMetricValue"],[data-testid="stMetricLabel"]{word-break:keep-all}
[data-testid="stMetricValue"]{font-size:2.1rem}
/* A metric label wraps instead of ending in "…" (long English labels at 1280 px). */
[data-testid="stMetricLabel"],[data-testid="stMetricLabel"] *{white-space:normal !important;
 overflow:visible !important;text-overflow:clip !important}
/* Section headings are h2 (st.header) under the h1, drawn at st.subheader size. */
[data-testid="stMain"] [data-testid="stHeadingWithActionElements"] h2{font-size:1.75rem;
 line-height:1.2;padding:.75rem 0 1rem;letter-spacing:-.005em}
/* st.caption fades its text to 60% opacity: #333 kept opaque has 12.6:1 on white. */
[data-testid="stCaptionContainer"]{opacity:1 !important}
[data-testid="stCaptionContainer"],[data-testid="stCaptionContainer"] *{color:#333 !important}
.sed-card{border:1px solid #C9CED6;border-left:8px solid var(--c);border-radius:6px;
 padding:.7rem 1rem;margin:.45rem 0;background:#FFF;color:#111;font-size:1.08rem;line-height:1.6}
.sed-who{font-weight:700;margin-bottom:.25rem}
.sed-who .sed-meta{font-weight:400;color:#333}
.sed-text{white-space:pre-wrap;word-break:keep-all;overflow-wrap:anywhere}
.sed-en{white-space:pre-wrap;color:#333;font-size:.98rem;margin-top:.3rem}
.sed-chips{margin-top:.4rem}
.sed-chip{display:inline-block;border-radius:999px;padding:.05rem .6rem;margin:.1rem .25rem .1rem 0;
 font-size:.9rem;border:1px solid #777;background:#F4F4F4;color:#111}
.sed-type{display:inline-block;border-radius:4px;padding:.02rem .5rem;margin-left:.4rem;
 font-size:.88rem;font-weight:600}
.sed-kind{display:inline-block;border:1px solid #444;border-radius:4px;padding:0 .4rem;
 margin-left:.4rem;font-size:.88rem;font-weight:400}
.sed-meeting{display:inline-block;border:1px solid #0B5394;border-radius:4px;padding:0 .4rem;
 margin-left:.4rem;font-size:.88rem;font-weight:400;color:#0B3D6E;background:#EEF4FB}
.sed-chip.sed-uncoded{border-style:dashed;background:#FFF;color:#333}
.sed-mark{background:#FFE066;color:#000;padding:0 .1rem;border-radius:2px}
.sed-banner{border:2px solid #0B5394;border-radius:6px;padding:.45rem .8rem;background:#EEF4FB;
 color:#111;font-size:1.02rem;line-height:1.5}
.sed-banner b{color:#0B3D6E}
.sed-status{display:inline-block;border-radius:4px;padding:.05rem .55rem;font-weight:700;
 border:1px solid #555}
.sed-rec-title{font-size:1.15rem;font-weight:700}
.sed-table{border-collapse:collapse;width:100%;font-size:.92rem}
.sed-table th,.sed-table td{border:1px solid #C9CED6;padding:.2rem .45rem;text-align:left;
 vertical-align:top;white-space:pre-wrap}
.sed-table th{background:#F0F2F6}
.sed-response{margin-top:.3rem;white-space:pre-wrap;background:#F6F7F9;color:#111;
 border-left:4px solid var(--c,#767676);padding:.2rem .6rem}
.sed-caption{color:#333;font-size:.95rem;line-height:1.5;margin:-.2rem 0 .4rem}
.sed-notice{border-radius:6px;padding:.6rem .9rem;margin:.3rem 0;color:#111;line-height:1.5;
 white-space:pre-wrap;overflow-wrap:anywhere;border-left:6px solid var(--c);background:var(--b)}
</style>"""
# (border, background, symbol) of a notice: the symbol says what colour alone would not.
NOTICE_STYLES = {"success": ("#009E73", "#E8F5EF", "✓"), "error": ("#D55E00", "#FBECE4", "✕"),
                 "warning": ("#B07A00", "#FFF6DD", "⚠"), "info": ("#0B5394", "#EEF4FB", "ℹ")}


def esc(value: object) -> str:
    """Return `value` as escaped HTML text (quotes included), neutralised for display."""
    return html.escape(for_display("" if value is None else str(value)), quote=True)


def caption(text: str) -> str:
    """Return a caption line of plain text: unlike st.caption, no Markdown, emoji shortcode,
    icon or KaTeX in data or user input takes effect."""
    return f'<div class="sed-caption">{esc(text)}</div>'


def notice(kind: str, text: str) -> str:
    """Return a success / error / warning / info box of plain text (see `caption`), marked
    with a symbol as well as a colour, announced to screen readers."""
    border, background, symbol = NOTICE_STYLES[kind]
    role = "alert" if kind in ("error", "warning") else "status"
    return (f'<div class="sed-notice" role="{role}" style="--c:{border};--b:{background}">'
            f"{symbol} {esc(text)}</div>")


def highlighted(text: str, query: str) -> str:
    """Return escaped `text` with each case-insensitive match of `query` in a <mark>."""
    return "".join(f'<mark class="sed-mark">{esc(s)}</mark>' if hit else esc(s)
                   for s, hit in match_segments(text, query))


def org_type_badge(label: str, colour: str) -> str:
    """Return a coloured badge naming an organization type (text, not colour alone)."""
    return (f'<span class="sed-type" style="background:{colour};color:{text_colour_on(colour)}">'
            f"{esc(label)}</span>")


def chips(labels: Iterable[str]) -> str:
    """Return theme chips."""
    return "".join(f'<span class="sed-chip">{esc(label)}</span>' for label in labels)


def status_badge(status: str, label: str) -> str:
    """Return a status badge with a symbol and a label, coloured by status."""
    colour = STATUS_COLOURS.get(status, "#BBBBBB")
    return (f'<span class="sed-status" style="background:{colour};'
            f'color:{text_colour_on(colour)}">{STATUS_SYMBOLS.get(status, "")} {esc(label)}</span>')


def excerpt_card(*, speaker: str, organization: str, role: str, org_type_label: str,
                 colour: str, kind_label: str, excerpt: str, excerpt_en: str,
                 theme_labels: Iterable[str], query: str = "", remark_id: str = "",
                 meeting: str = "", not_coded_label: str = "") -> str:
    """Return one remark as a card: who (with org type badge, kind and, when given, the
    meeting), the excerpt with search matches marked, an optional translation, and theme chips
    (or, for a remark without themes, `not_coded_label` as a dashed chip)."""
    meta = " · ".join(esc(p) for p in (organization, role) if p)
    meta = f' <span class="sed-meta">({meta})</span>' if meta else ""
    kind = f'<span class="sed-kind">{esc(kind_label)}</span>' if kind_label else ""
    if meeting:
        kind += f'<span class="sed-meeting">{esc(meeting)}</span>'
    theme_labels = list(theme_labels)
    tags = (chips(theme_labels) if theme_labels or not not_coded_label else
            f'<span class="sed-chip sed-uncoded">{esc(not_coded_label)}</span>')
    en = f'<div class="sed-en">{highlighted(excerpt_en, query)}</div>' if excerpt_en else ""
    rid = f' data-remark-id="{esc(remark_id)}"' if remark_id else ""
    return (f'<div class="sed-card" style="--c:{colour}"{rid}>'
            f'<div class="sed-who">{esc(speaker)}{meta}'
            f"{org_type_badge(org_type_label, colour)}{kind}</div>"
            f'<div class="sed-text">{highlighted(excerpt, query)}</div>{en}'
            f'<div class="sed-chips">{tags}</div></div>')


def filter_banner(parts: Mapping[str, list[str]], counts: str, heading: str) -> str:
    """Return the banner stating the current filter: `heading`, each field's values, counts."""
    fields = " · ".join(f"<b>{esc(name)}</b>: {esc(', '.join(values))}"
                        for name, values in parts.items() if values)
    body = f"{esc(heading)} — {fields}" if fields else f"<b>{esc(heading)}</b>"
    return f'<div class="sed-banner" role="status">{body}<br>{esc(counts)}</div>'


def label_line(label: str, detail: str = "") -> str:
    """Return a bold label with an optional detail after it, as escaped text."""
    tail = f" · {esc(detail)}" if detail else ""
    return f'<div style="font-size:1.1rem"><b>{esc(label)}</b>{tail}</div>'


def recommendation_head(*, rec_id: str, title: str, status: str, status_label: str,
                        theme_labels: Iterable[str], backers: Iterable[tuple[str, str, str]],
                        detail: str = "", response: Iterable[tuple[str, str]] = ()) -> str:
    """Return a recommendation's heading: id and title, status badge, detail, themes, its
    backers as (name, org type label, colour) triples, and the (label, value) pairs of the
    response that are filled in, in neutral boxes edged in the status colour (a 미반영
    reason is not dressed as a reflected item)."""
    people = " ".join(f"{esc(name)}{org_type_badge(label, colour)}"
                      for name, label, colour in backers)
    body = f'<div style="margin:.3rem 0;color:#222">{esc(detail)}</div>' if detail else ""
    edge = STATUS_COLOURS.get(status, "#767676")
    answer = "".join(f'<div class="sed-response" style="--c:{edge}"><b>{esc(label)}</b>: '
                     f"{esc(value)}</div>" for label, value in response if value)
    return (f'<div class="sed-rec-title">{status_badge(status, status_label)} '
            f"{esc(rec_id)} · {esc(title)}</div>{body}"
            f'<div class="sed-chips">{chips(theme_labels)}</div>'
            f'<div style="margin-top:.35rem">{people}</div>{answer}')


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return rows as an escaped HTML table (for short lists such as one recommendation's
    history, where a data grid would be heavy)."""
    head = "".join(f"<th>{esc(c)}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                   for row in rows)
    return (f'<table class="sed-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


WHO_SPOKE_CSS = """<style>
.sed-ws{display:flex;flex-direction:column;gap:.55rem;margin:.2rem 0 .6rem}
.sed-ws-head{display:flex;align-items:center;gap:.5rem;flex-wrap:wrap;font-size:1.05rem}
.sed-ws-head .sed-type{margin-left:0;font-size:.95rem}
.sed-ws-bar{height:.55rem;border-radius:3px;border:1px solid #333;margin:.2rem 0}
.sed-ws-names{color:#111;line-height:1.5;word-break:keep-all}
</style>"""


def who_spoke(rows: Iterable[tuple[str, str, int, str, Sequence[str]]]) -> str:
    """Return who took part, one block per organization type: its badge and counts, a bar as
    long as its number of participants (the count is written, the bar only repeats it), and
    the names. `rows`: (type label, colour, participants, counts text, names)."""
    rows = list(rows)
    top = max((n for _, _, n, _, _ in rows), default=0) or 1
    blocks = "".join(
        f'<div><div class="sed-ws-head">{org_type_badge(label, colour)}<b>{esc(counts)}</b>'
        f'</div><div class="sed-ws-bar" style="width:{100 * n / top:.1f}%;background:{colour}"'
        f' aria-hidden="true"></div>'
        f'<div class="sed-ws-names">{" · ".join(esc(name) for name in names)}</div></div>'
        for label, colour, n, counts, names in rows)
    return f'{WHO_SPOKE_CSS}<div class="sed-ws">{blocks}</div>'


def multiselect_strings(select_all: str, select_matches: str) -> str:
    """Return CSS that shows the bulk options Streamlit 1.67 writes in English into every
    multiselect's list ("Select all", "Select N matches") in the UI language instead."""
    rules = []
    for key, text in (("__select_all__", select_all), ("__select_matches__", select_matches)):
        label = text.replace("\\", "\\\\").replace('"', '\\"')
        rules.append(f'[role="option"][data-key="{key}"] [data-item-hl]{{font-size:0}}'
                     f'[role="option"][data-key="{key}"] [data-item-hl]::after'
                     f'{{content:"{label}";font-size:.875rem}}')
    return "<style>" + "".join(rules) + "</style>"

