"""HTML of each slide. Sizes are in `em` of a font that follows the viewport height, so a
slide fills a 1280x720 or 1920x1080 screen without scrolling; charts are HTML (htmlcharts)."""

from __future__ import annotations

import pandas as pd

from se_dashboard import checklist, counts, handout, htmlcharts, slides
from se_dashboard.contract import STATUSES
from se_dashboard.palette import STATUS_COLOURS, STATUS_SYMBOLS
from se_dashboard.vocab import rec_titles

from .page import Page
from .render import esc, status_badge

MAX_ROWS = 12  # themes or recommendations on one slide
CSS = "<style>" + htmlcharts.CSS + """
[data-testid="stMainBlockContainer"]{padding-top:3.75rem !important;
 padding-bottom:0 !important}
.sed-slide{box-sizing:border-box;height:calc(100vh - 8.25rem);word-break:keep-all;
 min-height:300px;overflow:hidden;
 display:flex;flex-direction:column;gap:.5em;padding:1.1em 1.6em .6em;border:1px solid #C9CED6;
 border-radius:10px;background:#FFF;color:#111;font-size:clamp(15px,2.35vh,34px);
 line-height:1.35}
.sed-slide h1{font-size:1.75em;line-height:1.2;margin:0;padding:0;color:#0B3D6E}
.sed-slide h2{font-size:1.05em;margin:0;padding:0;color:#333;font-weight:600}
.sed-slide .sed-arc{font-size:.8em;font-weight:700;letter-spacing:.04em;color:#0B5394;
 text-transform:uppercase}
.sed-slide .sed-body{flex:1;min-height:0;overflow:hidden;display:flex;flex-direction:column}
.sed-slide .sed-foot{font-size:.62em;color:#333;display:flex;justify-content:space-between;
 border-top:1px solid #DDD;padding-top:.3em}
.sed-slide .sed-big{display:grid;grid-template-columns:repeat(3,1fr);gap:.5em 1em}
.sed-slide .sed-big div{border:1px solid #C9CED6;border-radius:8px;padding:.35em .6em}
.sed-slide .sed-big b{display:block;font-size:2.1em;line-height:1.1}
.sed-slide .sed-quote{border-left:.25em solid var(--c);padding:.15em .6em;margin:.3em 0 .6em;
 font-size:1em}
.sed-slide .hc-row{grid-template-columns:minmax(5em,21em) 1fr;margin:.18em 0}
.sed-slide .hc-label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sed-slide .hc-heat{font-size:.82em}
.sed-slide .hc-heat th,.sed-slide .hc-heat td{padding:.18em .5em}
.sed-slide .hc-heat tbody th{white-space:nowrap}
.sed-slide .sed-quote-en{display:block;font-size:.8em;color:#333;margin-top:.15em}
.sed-slide .sed-quote cite{display:block;font-style:normal;font-weight:700;font-size:.85em}
.sed-slide .sed-cols{display:grid;grid-template-columns:2fr 3fr;gap:1.2em;flex:1;
 min-height:0}
.sed-slide ul.sed-recs{list-style:none;margin:0;padding:0}
.sed-slide ul.sed-recs li{margin:.25em 0;font-size:.88em}
.sed-slide ul.sed-recs .sed-status{font-size:.8em}
.sed-slide .sed-where{color:#333;font-size:.85em}
.sed-slide .sed-title-main{margin-top:auto;margin-bottom:auto}
.sed-slide .sed-title-main h1{font-size:2.1em}
.sed-slide .sed-title-main p{font-size:1.05em;margin:.4em 0}
</style>"""


def _frame(arc: str, title: str, body: str, foot_left: str, foot_right: str,
           subtitle: str = "") -> str:
    head = f'<div class="sed-arc">{esc(arc)}</div>' if arc else ""
    sub = f"<h2>{esc(subtitle)}</h2>" if subtitle else ""
    return (f'<section class="sed-slide" role="region" aria-label="{esc(title)}">{head}'
            f"<h1>{esc(title)}</h1>{sub}<div class=\"sed-body\">{body}</div>"
            f'<div class="sed-foot"><span>{esc(foot_left)}</span>'
            f"<span>{esc(foot_right)}</span></div></section>")


def _recs_list(page: Page, recs: pd.DataFrame, status_labels: dict[str, str],
               reason: bool) -> str:
    titles = rec_titles(page.dataset, page.lang)
    items = []
    for rec in recs.head(MAX_ROWS - 3).itertuples():
        detail = rec.response_note if reason else rec.plan_section
        if reason and not detail:
            detail = page.t("s_no_reason")
        where = f' <span class="sed-where">— {esc(detail)}</span>' if detail else ""
        items.append(f"<li>{status_badge(rec.status, status_labels[rec.status])} "
                     f"<b>{esc(rec.rec_id)}</b> {esc(titles[rec.rec_id])}{where}</li>")
    more = len(recs) - min(len(recs), MAX_ROWS - 3)
    tail = f"<li>{esc(page.t('s_more_recs', n=more))}</li>" if more > 0 else ""
    return f'<ul class="sed-recs">{"".join(items)}{tail}</ul>'


def render(page: Page, slide: slides.Slide, number: int, total: int, filter_text: str,
           status_labels: dict[str, str]) -> str:
    """Return the HTML of one slide of the deck."""
    ds, remarks, t = page.dataset, page.remarks, page.t
    foot = (filter_text, t("slide_of", n=number, total=total))
    meeting = str(ds.remarks["meeting"].iat[0])
    if slide.kind == "title":
        head = counts.headline(ds, remarks)
        orgs = remarks["organization"].replace("", pd.NA).nunique()
        line = (t("s_title_counts", p=head.participants, o=orgs, t=head.org_types,
                  e=head.excerpts) if orgs else
                t("s_title_counts_anon", p=head.participants, t=head.org_types, e=head.excerpts))
        body = (f'<div class="sed-title-main"><h1>{esc(t("app_title"))}</h1>'
                f"<p>{esc(t('app_subtitle', meeting=meeting))}</p><p><b>{esc(line)}</b></p></div>")
        return _frame("", meeting, body, *foot)
    if slide.kind == "figures":
        head = counts.headline(ds, remarks)
        progress = checklist.reflection(checklist.recommendation_rows(ds, remarks))
        cells = [(t("m_participants"), head.participants), (t("m_org_types"), head.org_types),
                 (t("m_excerpts"), head.excerpts), (t("m_themes"), head.themes),
                 (t("m_recs"), progress.total),
                 (t("m_reflected"), f"{progress.reflected} / {progress.total}")]
        body = '<div class="sed-big">' + "".join(
            f"<div>{esc(label)}<b>{esc(value)}</b></div>" for label, value in cells) + "</div>"
        return _frame(t("s_you_said"), t("s_figures"), body, *foot)
    if slide.kind == "themes":
        rows, legend, hidden = handout.theme_bar_rows(ds, remarks, page.lang, limit=MAX_ROWS)
        body = htmlcharts.stacked_bars(rows, legend=legend)
        if hidden:
            body += f"<p>{esc(t('s_more_themes', n=hidden))}</p>"
        return _frame(t("s_you_said"), t("s_themes"), body, *foot)
    if slide.kind == "crosstab":
        table = counts.theme_by_org_type(ds, remarks)
        totals = table.sum(axis=1)
        keep = [x for x in ds.theme_ids if totals[x] > 0]
        keep = [x for x in keep if x in set(
            totals[keep].sort_values(ascending=False, kind="stable").index[:MAX_ROWS])]
        top = max(1, int(table.loc[keep].to_numpy().max())) if keep else 1
        body = htmlcharts.heat_table(
            [page.theme_labels[x] for x in keep], [page.org_labels[o] for o in ds.org_type_ids],
            [[str(int(v)) for v in table.loc[x]] for x in keep],
            [[float(v) / top for v in table.loc[x]] for x in keep])
        return _frame(t("s_you_said"), t("s_crosstab"), body, *foot)
    if slide.kind == "org_type":
        org = slide.org_type or ""
        mine = remarks[remarks["org_type"] == org]
        themes = slides.type_themes(ds, remarks, org)
        bars = htmlcharts.bars([(page.theme_labels[x], int(n), page.colours[org])
                                for x, n in zip(themes["theme_id"], themes["total"],
                                                strict=True)])
        english = page.lang == "en"
        quotes = "".join(
            f'<blockquote class="sed-quote" style="--c:{page.colours[org]}">{esc(q.excerpt)}'
            + (f'<span class="sed-quote-en">{esc(q.excerpt_en)}</span>'
               if english and q.excerpt_en else "")
            + f"<cite>— {esc(q.speaker)}</cite></blockquote>"
            for q in slides.key_quotes(ds, remarks, org, limit=110 if english else 140)
            .itertuples())
        subtitle = t("s_type_people", n=mine["speaker"].nunique(), e=len(mine))
        body = f'<div class="sed-cols"><div>{bars}</div><div>{quotes}</div></div>'
        return _frame(t("s_you_said"), t("s_type", type=page.org_labels[org]), body, *foot,
                      subtitle=subtitle)
    if slide.kind == "progress":
        rows = checklist.recommendation_rows(ds, remarks)
        progress = checklist.reflection(rows)
        status = checklist.status_counts(rows)
        bars = htmlcharts.bars([(f"{STATUS_SYMBOLS[s]} {status_labels[s]}", int(n),
                                 STATUS_COLOURS[s]) for s, n in zip(status["status"],
                                                                    status["count"],
                                                                    strict=True)])
        by_type = checklist.reflection_by_org_type(ds, remarks)
        by_type = by_type[by_type["total"] > 0]
        table = htmlcharts.heat_table(
            [page.org_labels[o] for o in by_type["org_type"]],
            [t("rate"), *(status_labels[s] for s in STATUSES)],
            [[f"{round(100 * r.rate)}%", *(str(int(getattr(r, s))) for s in STATUSES)]
             for r in by_type.itertuples()],
            [[r.rate, 0, 0, 0, 0] for r in by_type.itertuples()])
        rate = t("rate_value", pct=round(100 * progress.rate), r=progress.reflected,
                 p=progress.partly, n=progress.total)
        body = (f"<p><b>{esc(t('rate'))}: {esc(rate)}</b></p>"
                f'<div class="sed-cols"><div>{bars}</div><div>{table}</div></div>')
        return _frame(t("s_we_did"), t("s_progress"), body, *foot)
    if slide.kind == "reflected":
        recs = slides.recommendations_with(ds, remarks, slides.REFLECTED)
        body = (_recs_list(page, recs, status_labels, reason=False) if len(recs)
                else f"<p>{esc(t('s_none_reflected'))}</p>")
        return _frame(t("s_we_did"), t("s_reflected"), body, *foot)
    recs = slides.recommendations_with(ds, remarks, slides.OPEN)
    body = (_recs_list(page, recs, status_labels, reason=True) if len(recs)
            else f"<p>{esc(t('s_none_open'))}</p>")
    return _frame(t("s_still_open"), t("s_open"), body, *foot)
