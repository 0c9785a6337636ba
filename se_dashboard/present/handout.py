"""A printable handout of the current view: one standalone HTML document (inline CSS only, no
script, no external resource) that opens offline in any browser and prints on A4.

Every data value passes through `html.escape` (after `text.for_display`), so HTML, Markdown
or formulas in a remark show as typed, and bidi or zero-width characters cannot reorder it.
Its strings (Korean and English) are in labels.py with the app's, prefixed ho_.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from se_dashboard.analysis.counts import (
    headline,
    participants_in_view,
    participation_by_org_type,
    theme_frequency,
)
from se_dashboard.checklist.progress import recommendation_rows, reflection
from se_dashboard.data.contract import STATUSES
from se_dashboard.data.loader import Dataset
from se_dashboard.data.text import for_display
from se_dashboard.present import htmlcharts, labels
from se_dashboard.present.disposition import disposition_table
from se_dashboard.present.export import local_stamp
from se_dashboard.present.palette import (
    FONT_FAMILY,
    STATUS_COLOURS,
    STATUS_SYMBOLS,
    TEXT_COLOUR,
    org_type_colours,
    org_type_pattern_indices,
    text_colour_on,
)
from se_dashboard.present.vocab import (
    Lang,
    kind_labels,
    meetings_text,
    org_type_labels,
    status_labels,
    theme_labels,
)

# Page numbers are CSS page-margin boxes (Chromium 131+; other browsers print none).
CSS = f"""
@page {{ size: A4; margin: 14mm 14mm 16mm;
  @bottom-center {{ content: counter(page) " / " counter(pages); font-family: {FONT_FAMILY};
    font-size: 9pt; color: #444; }} }}
:root {{ color-scheme: light; }}
html {{ font-family: {FONT_FAMILY}; font-size: 10.5pt; line-height: 1.5; color: {TEXT_COLOUR};
  background: #FFFFFF; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 0 auto; max-width: 182mm; padding: 10mm 6mm 16mm; }}
@media print {{ body {{ max-width: none; padding: 0; }} }}
h1 {{ font-size: 1.75em; line-height: 1.3; margin: 0 0 .2em; word-break: keep-all; }}
h2 {{ font-size: 1.3em; margin: 1.4em 0 .5em; padding-bottom: .15em;
  border-bottom: .12em solid #0B5394; color: #0B3D6E;
  break-after: avoid; page-break-after: avoid; }}
section {{ break-inside: avoid; page-break-inside: avoid; }}
section.ho-long {{ break-inside: auto; page-break-inside: auto; }}
.ho-subtitle {{ font-size: 1.1em; margin: 0 0 .6em; color: #333; }}
.ho-meta {{ display: grid; grid-template-columns: max-content 1fr; gap: .15em .8em;
  margin: 0 0 .4em; padding: .5em .8em; border: .12em solid #0B5394; border-radius: .3em;
  background: #EEF4FB; }}
.ho-meta dt {{ font-weight: 700; }}
.ho-meta dd {{ margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }}
.ho-source, .ho-note {{ font-size: .88em; color: #444; margin: .2em 0 .4em; }}
.ho-empty {{ margin: 2em 0; padding: 1em 1.2em; border: .15em solid #D55E00;
  border-radius: .3em; font-size: 1.2em; font-weight: 700; break-inside: avoid; }}
.ho-figures {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: .5em; }}
.ho-figure {{ border: .08em solid #C9CED6; border-radius: .3em; padding: .4em .6em;
  break-inside: avoid; }}
.ho-figure-wide {{ grid-column: span 2; }}
.ho-num {{ display: block; font-size: 1.8em; font-weight: 700; line-height: 1.2; }}
.ho-flabel {{ display: block; font-size: .92em; color: #333; }}
.ho-counts {{ display: block; font-size: .85em; color: #333; }}
.ho-table {{ width: 100%; border-collapse: collapse; font-size: .9em; }}
.ho-table thead {{ display: table-header-group; }}
/* A long row may break across pages (the header repeats) rather than leave half a page empty;
   at least three lines of a cell stay on each side. */
.ho-table tr {{ break-inside: auto; page-break-inside: auto; }}
.ho-table td {{ orphans: 3; widows: 3; }}
.ho-table th, .ho-table td {{ border: .08em solid #9AA3AD; padding: .35em .45em;
  vertical-align: top; text-align: left; }}
.ho-table thead th {{ background: #D9E1F2; text-align: center; }}
.ho-table td.ho-c {{ text-align: center; }}
.ho-pre {{ white-space: pre-wrap; overflow-wrap: anywhere; word-break: keep-all; }}
.ho-table thead th {{ word-break: keep-all; }}
.ho-backer {{ display: block; margin-bottom: .2em; word-break: keep-all;
  overflow-wrap: anywhere; }}
.ho-types {{ display: block; margin-top: .25em; font-size: .88em; color: #444; }}
.ho-status {{ display: inline-block; border: .08em solid #555; border-radius: .25em;
  padding: .05em .4em; font-weight: 700; white-space: nowrap; }}
.ho-person {{ margin: .7em 0 1em; }}
.ho-who {{ margin: 0 0 .3em; font-size: 1.08em; font-weight: 700;
  break-after: avoid; page-break-after: avoid; }}
/* Participant blocks and long excerpts break across pages; a heading keeps the first lines
   of its first excerpt, and an excerpt of five lines or fewer stays whole. */
.ho-text, .ho-en {{ orphans: 3; widows: 3; }}
.ho-reason {{ display: block; margin-top: .35em; text-align: left; }}
.ho-line {{ display: block; margin-top: .3em; font-size: .92em; color: #333; }}
.ho-org {{ font-weight: 400; color: #333; }}
.ho-type {{ display: inline-block; border-radius: .25em; padding: 0 .45em; margin-left: .4em;
  font-size: .85em; font-weight: 700; }}
.ho-excerpt {{ margin: 0 0 .45em; padding: .35em .7em; border-left: .4em solid var(--c);
  background: #FAFBFC; box-decoration-break: clone; -webkit-box-decoration-break: clone; }}
.ho-excerpt-meta {{ break-after: avoid; page-break-after: avoid; }}
.ho-excerpt-meta {{ font-size: .85em; color: #333; margin-bottom: .15em; }}
.ho-id {{ font-weight: 700; margin-right: .4em; }}
.ho-kind {{ display: inline-block; border: .08em solid #444; border-radius: .25em;
  padding: 0 .35em; margin-right: .4em; }}
.ho-chip {{ display: inline-block; border: .08em solid #777; border-radius: 1em;
  padding: 0 .5em; margin: 0 .25em .1em 0; background: #F1F3F5; }}
.ho-en {{ margin-top: .2em; color: #333; font-size: .95em; }}
{htmlcharts.CSS}
"""


def _t(key: str, lang: Lang, **values: object) -> str:
    """Return the report's string `key` (labels.py, prefixed ho_) in `lang`, formatted with
    `values` (not escaped)."""
    return labels.t(f"ho_{key}", lang, **values)


def _esc(value: object) -> str:
    """Return `value` as escaped HTML text, neutralised for display ("" for missing values)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(for_display(str(value)), quote=True)


def _text(value: object) -> str:
    """Return a cell as stripped plain text ("" for missing values)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).strip()


def _header(lang: Lang, title: str, subtitle: str, filter_text: str, generated_at: str,
            source: str) -> str:
    sub = f'<p class="ho-subtitle">{_esc(subtitle)}</p>' if subtitle else ""
    return (f"<header><h1>{_esc(title)}</h1>{sub}"
            f'<dl class="ho-meta"><dt>{_esc(_t("meetings", lang))}</dt>'
            f'<dd data-meta="meetings">{_esc(source)}</dd>'
            f'<dt>{_esc(_t("filter", lang))}</dt>'
            f"<dd>{_esc(filter_text)}</dd>"
            f'<dt>{_esc(_t("generated", lang))}</dt><dd>{_esc(generated_at)}</dd></dl>'
            f'<p class="ho-source">{_esc(_t("source", lang, source=source))}</p></header>')


def _figure(key: str, number: str, label: str, extra: str = "", wide: bool = False) -> str:
    cls = "ho-figure ho-figure-wide" if wide else "ho-figure"
    return (f'<div class="{cls}" data-figure="{key}"><span class="ho-num">{number}</span>'
            f'<span class="ho-flabel">{label}</span>{extra}</div>')


def _summary(dataset: Dataset, remarks: pd.DataFrame, lang: Lang, left_out: int = 0) -> str:
    head = headline(dataset, remarks)
    progress = reflection(recommendation_rows(dataset, remarks))
    statuses = status_labels(lang)
    by_status = (progress.reflected, progress.partly, progress.under_review,
                 progress.not_reflected)
    breakdown = " · ".join(f"{STATUS_SYMBOLS[s]} {_esc(statuses[s])} {n}"
                           for s, n in zip(STATUSES, by_status, strict=True))
    counts = _t("rate_value", lang, r=progress.reflected, p=progress.partly, n=progress.total)
    rate = _figure("rate", f"{round(100 * progress.rate)}%", _esc(_t("rate", lang)),
                   f'<span class="ho-counts">{_esc(counts)}</span>'
                   f'<span class="ho-counts">{breakdown}</span>', wide=True)
    figures = [
        _figure("participants", str(head.participants), _esc(_t("participants", lang))),
        _figure("org_types", str(head.org_types), _esc(_t("org_types", lang))),
        _figure("excerpts", str(head.excerpts), _esc(_t("excerpts", lang))),
        _figure("themes", str(head.themes), _esc(_t("themes", lang))),
        _figure("recommendations", str(head.recommendations), _esc(_t("recs", lang))),
        _figure("reflected", _esc(_t("reflected_of", lang, n=head.reflected,
                                     total=head.recommendations)),
                _esc(_t("reflected", lang))),
        rate,
    ]
    if head.not_coded:
        figures.insert(3, _figure("not_coded", str(head.not_coded),
                                  _esc(_t("not_coded", lang))))
    notes = [_not_coded_note(head.not_coded, "mt_not_coded", lang),
             _not_coded_note(left_out, "mt_left_out", lang)]
    return (f'<section id="summary"><h2>{_esc(_t("summary", lang))}</h2>'
            f'<div class="ho-figures">{"".join(figures)}</div>{"".join(notes)}'
            f'<p class="ho-note">{_esc(_t("rate_rule", lang))}</p></section>')


def _not_coded_note(n: int, key: str, lang: Lang) -> str:
    """Return a note on `n` remarks not yet coded (mt_not_coded: in view, in no theme figure;
    mt_left_out: left out by the theme filter), or "" when n is 0."""
    if not n:
        return ""
    text = labels.t(f"{key}_one" if n == 1 else key, lang, n=n)
    return f'<p class="ho-note" data-note="{key}">{_esc(text)}</p>'


def _theme_note(remarks: pd.DataFrame, lang: Lang) -> str:
    return _not_coded_note(int((~remarks["coded"]).sum()), "mt_not_coded", lang)


def _participation(dataset: Dataset, remarks: pd.DataFrame, lang: Lang) -> str:
    table = participation_by_org_type(dataset, remarks)
    labels = org_type_labels(dataset, lang)
    colours = org_type_colours(dataset.org_type_ids)
    rows = [(f"{labels[o]} ({e})", int(p), colours[o])
            for o, p, e in zip(table["org_type"], table["participants"], table["excerpts"],
                               strict=True)]
    chart = htmlcharts.bars(rows, suffix=_t("people_suffix", lang))
    return (f'<section id="participation"><h2>{_esc(_t("participation", lang))}</h2>'
            f'<p class="ho-note">{_esc(_t("participation_note", lang))}</p>{chart}</section>')


def theme_bar_rows(dataset: Dataset, remarks: pd.DataFrame, lang: Lang,
                   limit: int | None = None) -> tuple[list, list, int]:
    """Return htmlcharts.stacked_bars rows of participants per theme by org type (codebook
    order), its legend, and how many themes were left out: with `limit`, only the `limit` most
    raised themes are kept and themes nobody raised are dropped."""
    long = theme_frequency(dataset, remarks, "participants")
    themes = theme_labels(dataset, lang)
    types = org_type_labels(dataset, lang)
    colours = org_type_colours(dataset.org_type_ids)
    pattern = org_type_pattern_indices(dataset.org_type_ids)
    count = {(t, o): int(c) for t, o, c in zip(long["theme_id"], long["org_type"],
                                                long["count"], strict=True)}
    kept, hidden = list(dataset.theme_ids), 0
    if limit is not None:
        total = long.drop_duplicates("theme_id").set_index("theme_id")["total"]
        raised = [t for t in kept if total[t] > 0]
        top = set(total[raised].sort_values(ascending=False, kind="stable").index[:limit])
        kept, hidden = [t for t in raised if t in top], max(0, len(raised) - limit)
    rows = [(themes[t], [(types[o], count[(t, o)], colours[o], pattern[o])
                         for o in dataset.org_type_ids])
            for t in kept]
    legend = [(types[o], colours[o], pattern[o]) for o in dataset.org_type_ids]
    return rows, legend, hidden


def _theme_frequency(dataset: Dataset, remarks: pd.DataFrame, lang: Lang) -> str:
    rows, legend, _ = theme_bar_rows(dataset, remarks, lang)
    chart = htmlcharts.stacked_bars(rows, legend=legend)
    return (f'<section id="theme-frequency"><h2>{_esc(_t("theme_frequency", lang))}</h2>'
            f'<p class="ho-note">{_esc(_t("theme_frequency_note", lang))}</p>'
            f"{_theme_note(remarks, lang)}{chart}</section>")


def _theme_table(dataset: Dataset, remarks: pd.DataFrame, lang: Lang) -> str:
    long = theme_frequency(dataset, remarks, "participants")
    themes = theme_labels(dataset, lang)
    types = org_type_labels(dataset, lang)
    count = {(t, o): int(c) for t, o, c in zip(long["theme_id"], long["org_type"],
                                                long["count"], strict=True)}
    total = dict(zip(long["theme_id"], long["total"], strict=False))
    biggest = max(count.values(), default=0)
    cells, shade = [], []
    for t in dataset.theme_ids:
        values = [count[(t, o)] for o in dataset.org_type_ids]
        cells.append([str(v) for v in values] + [str(int(total[t]))])
        shade.append([v / biggest if biggest else 0.0 for v in values] + [0.0])
    table = htmlcharts.heat_table([themes[t] for t in dataset.theme_ids],
                                  [*(types[o] for o in dataset.org_type_ids), _t("total", lang)],
                                  cells, shade)
    return (f'<section id="theme-table"><h2>{_esc(_t("theme_table", lang))}</h2>'
            f'<p class="ho-note">{_esc(_t("theme_table_note", lang))}</p>{table}</section>')


# The disposition table's columns (label key, share of the width in %): the action column
# gets about a quarter of the page and the status column room for its reason.
DISPOSITION_COLUMNS = (("col_no", 5), ("col_opinion", 35), ("col_backers", 14),
                       ("col_status_reason", 19), ("col_action", 27))


def _status_badge(status: str, label: str) -> str:
    colour = STATUS_COLOURS.get(status, "#BBBBBB")
    return (f'<span class="ho-status" style="background:{colour};'
            f'color:{text_colour_on(colour)}">{STATUS_SYMBOLS.get(status, "")} '
            f"{_esc(label)}</span>")


def _disposition(dataset: Dataset, remarks: pd.DataFrame, lang: Lang,
                 hide_organizations: bool) -> str:
    table = disposition_table(dataset, remarks, lang, hide_organizations=hide_organizations)
    status_of = {label: status for status, label in status_labels(lang).items()}
    head = "".join(f'<th scope="col">{_esc(_t(h, lang))}</th>' for h, _ in DISPOSITION_COLUMNS)
    widths = "".join(f'<col style="width:{w}%">' for _, w in DISPOSITION_COLUMNS)
    section_label = table.columns[7]  # 반영 위치 / Where reflected
    rows = []
    for values in table.itertuples(index=False):
        number, types, people, opinion, action, status, reason, section, notes = (
            _text(v) for v in values)
        title, _, lines = opinion.partition("\n")
        # The reason sits under the status it explains; the action column carries where the
        # plan reflects it and the notes (responsible unit), each labelled.
        reason_html = (f'<span class="ho-reason ho-pre">{_esc(f"{table.columns[6]}: {reason}")}'
                       f"</span>" if reason else "")
        extra = "".join(f'<span class="ho-line ho-pre">{_esc(line)}</span>'
                        for line in (f"{section_label}: {section}" if section else "", notes)
                        if line)
        backers = "".join(f'<span class="ho-backer">{_esc(p)}</span>' for p in people.split("\n"))
        rows.append(
            f'<tr><td class="ho-c">{_esc(number)}</td>'
            f'<td><strong>{_esc(title)}</strong><div class="ho-pre">{_esc(lines)}</div></td>'
            f'<td class="ho-backers">{backers}'
            f'<span class="ho-types">{_esc(types)}</span></td>'
            f'<td class="ho-c">{_status_badge(status_of.get(status, status), status)}'
            f"{reason_html}</td>"
            f'<td><div class="ho-pre">{_esc(action)}</div>{extra}</td></tr>')
    return (f'<section id="disposition" class="ho-long"><h2>{_esc(_t("disposition", lang))}'
            f'</h2><table class="ho-table"><colgroup>{widths}</colgroup>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>")


def _excerpts(dataset: Dataset, remarks: pd.DataFrame, lang: Lang,
              hide_organizations: bool) -> str:
    people = participants_in_view(dataset, remarks)
    types = org_type_labels(dataset, lang)
    colours = org_type_colours(dataset.org_type_ids)
    themes = theme_labels(dataset, lang)
    kinds = kind_labels(lang)
    has_en = "excerpt_en" in remarks.columns
    blocks = []
    for person in people.to_dict("records"):
        org_type = str(person["org_type"])
        colour = colours.get(org_type, "#888888")
        org = ""
        if not hide_organizations:
            detail = " · ".join(_esc(v) for v in (_text(person["organization"]),
                                                    _text(person["role"])) if v)
            org = f' <span class="ho-org">({detail})</span>' if detail else ""
        n = int(person["n_excerpts"])
        count = _t("n_excerpt" if n == 1 else "n_excerpts", lang, n=n)
        badge = (f'<span class="ho-type" style="background:{colour};'
                 f'color:{text_colour_on(colour)}">{_esc(types.get(org_type, org_type))}</span>')
        items = []
        for remark in remarks[remarks["speaker"] == person["speaker"]].to_dict("records"):
            kind = _text(remark.get("kind"))
            kind_html = (f'<span class="ho-kind">{_esc(kinds.get(kind, kind))}</span>'
                         if kind else "")
            chips = "".join(f'<span class="ho-chip">{_esc(themes.get(t, t))}</span>'
                            for t in remark["themes"])
            english = _text(remark.get("excerpt_en")) if has_en and lang == "en" else ""
            en_html = (f'<div class="ho-pre ho-en" lang="en">{_esc(english)}</div>'
                       if english else "")
            items.append(
                f'<div class="ho-excerpt" style="--c:{colour}" '
                f'data-remark-id="{_esc(remark["remark_id"])}">'
                f'<div class="ho-excerpt-meta"><span class="ho-id">{_esc(remark["remark_id"])}'
                f"</span>{kind_html}{chips}</div>"
                f'<div class="ho-pre ho-text" lang="ko">{_esc(_text(remark["excerpt"]))}</div>'
                f"{en_html}</div>")
        blocks.append(
            f'<div class="ho-person"><h3 class="ho-who">{_esc(person["speaker"])}{org}{badge}'
            f' <span class="ho-org">· {_esc(count)}</span></h3>{"".join(items)}</div>')
    return (f'<section id="excerpts" class="ho-long"><h2>{_esc(_t("by_participant", lang))}'
            f'</h2>{"".join(blocks)}</section>')


def handout_html(dataset: Dataset, remarks: pd.DataFrame, *, lang: Lang, title: str,
                 subtitle: str, filter_text: str, generated_at: str | None = None,
                 hide_organizations: bool = False, meetings: Sequence[str] | None = None,
                 left_out: int = 0) -> str:
    """Return the handout as one standalone HTML document (A4 print rules, inline CSS, no
    script, no external resource): header, summary figures, participation, theme frequency,
    theme x organization type table, key terms (or a note while the word index is being
    built), the disposition table and every excerpt by participant.

    `dataset` is the view to print (checklist state applied, pseudonyms if anonymized);
    `remarks` are the filtered remarks. With no remark, the document says so instead.
    `hide_organizations` leaves organizations and roles out of the participant sections and
    the disposition table's backers. `generated_at` defaults to now, in the server's local
    time zone with its name (`local_stamp`). `meetings` are the ids of the meetings the view
    covers (default: every meeting of the data), named in the header; `left_out` is how many
    remarks not yet coded a theme filter leaves out (said in the summary)."""
    if generated_at is None:
        generated_at = local_stamp()
    source = meetings_text(dataset, dataset.meeting_ids if meetings is None else meetings, lang)
    parts = [_header(lang, title, subtitle, filter_text, generated_at, source)]
    if remarks.empty:
        parts.append(f'<p class="ho-empty" role="status">{_esc(_t("empty", lang))}</p>')
    else:
        parts += [
            _summary(dataset, remarks, lang, left_out),
            _participation(dataset, remarks, lang),
            _theme_frequency(dataset, remarks, lang),
            _theme_table(dataset, remarks, lang),
            _disposition(dataset, remarks, lang, hide_organizations),
            _excerpts(dataset, remarks, lang, hide_organizations),
        ]
    return (f'<!doctype html>\n<html lang="{"en" if lang == "en" else "ko"}">\n<head>\n'
            f'<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + "\n</body>\n</html>\n")
