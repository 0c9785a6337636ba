"""HTML of each slide. Sizes are in `em` of a font that follows the viewport height, so a
slide fills a 1280x720 or 1920x1080 screen without scrolling; charts are HTML (htmlcharts)."""

from __future__ import annotations

import pandas as pd

from se_dashboard.analysis import compare, counts
from se_dashboard.checklist import progress
from se_dashboard.data.contract import STATUSES
from se_dashboard.present import handout, htmlcharts, slides
from se_dashboard.present.palette import STATUS_COLOURS, STATUS_SYMBOLS
from se_dashboard.present.vocab import rec_titles

from .page import Page
from .render import esc, status_badge

MAX_ROWS = 12  # themes on one slide
# Quotes on an org type's slide: (how many, characters of the excerpt, of its translation);
# English slides show the translation under each quote: 110 + 180 keeps three within the slide.
QUOTES = {"ko": (3, 140, None), "en": (3, 110, 180)}
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
.sed-slide ol.sed-recs{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;
 gap:.55em;min-height:0;font-size:max(24px,1em)}
.sed-slide ol.sed-recs li{font-size:1em;line-height:1.3;border-left:.3em solid var(--c);
 padding:.1em 0 .1em .6em;margin:0;min-height:0;overflow:hidden;flex:0 1 auto}
.sed-slide .sed-clamp{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden;
 -webkit-line-clamp:var(--lines,2);overflow-wrap:anywhere}
.sed-slide ol.sed-recs .sed-status{font-size:.85em;padding:.02em .45em;vertical-align:.05em}
.sed-slide .sed-backed{font-size:.85em;color:#333;white-space:nowrap}
.sed-slide dl.sed-rec-detail{margin:.1em 0 0;display:grid;grid-template-columns:auto 1fr;
 gap:0 .7em;font-size:1em}
.sed-slide dl.sed-rec-detail dt{font-weight:700;color:#333;white-space:nowrap;font-size:1em}
.sed-slide dl.sed-rec-detail dd{margin:0;font-size:1em}
.sed-slide dl.sed-rec-detail dd.sed-missing{font-style:italic;color:#8A3B00}
.sed-slide .sed-title-main{margin-top:auto;margin-bottom:auto}
.sed-slide .sed-title-main h1{font-size:2.1em}
.sed-slide .sed-title-main p{font-size:1.05em;margin:.4em 0}
.sed-slide .sed-title-main p.sed-meeting-line{font-size:1em;margin:.15em 0}
.sed-slide .sed-since{display:flex;flex-direction:column;gap:.5em;flex:1;min-height:0;
 font-size:max(24px,1em);line-height:1.3}
.sed-slide .sed-since-cols{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:1em;
 min-height:0}
.sed-slide .sed-since-col{border-top:.22em solid var(--c);padding-top:.2em;min-height:0;
 overflow:hidden}
.sed-slide .sed-since-col h3{font-size:1em;line-height:1.25;margin:0 0 .15em;padding:0;
 color:#111;font-weight:700}
.sed-slide .sed-since-col ul{list-style:none;margin:0;padding:0;font-size:1em}
.sed-slide .sed-since-col li{margin:.12em 0;font-size:1em}
.sed-slide .sed-since-col li b{white-space:nowrap}
.sed-slide .sed-since-col li.sed-since-more{color:#333;font-style:italic}
.sed-slide .sed-since-people{border-top:1px solid #DDD;padding-top:.25em;font-size:1em}
.sed-slide .sed-since-note{font-size:.8em;color:#8A3B00;margin:0}
</style>"""
# The "since" slide's lists, by kind of change: the label key and the colour of the rule above
# (the heading says which list it is; the colour only repeats it).
SINCE_LISTS = (("new", "cmp_new", "#0B5394"), ("persisted", "cmp_persisted", "#767676"),
               ("dropped", "cmp_dropped", "#B07A00"))


def _frame(arc: str, title: str, body: str, foot_left: str, foot_right: str,
           subtitle: str = "") -> str:
    head = f'<div class="sed-arc">{esc(arc)}</div>' if arc else ""
    sub = f"<h2>{esc(subtitle)}</h2>" if subtitle else ""
    return (f'<section class="sed-slide" role="region" aria-label="{esc(title)}">{head}'
            f"<h1>{esc(title)}</h1>{sub}<div class=\"sed-body\">{body}</div>"
            f'<div class="sed-foot"><span>{esc(foot_left)}</span>'
            f"<span>{esc(foot_right)}</span></div></section>")


def _count(page: Page, key: str, n: int, **values: object) -> str:
    """Return a count with its noun: labels key `key`, or its singular twin `key_one` for 1."""
    return page.t(f"{key}_one" if n == 1 else key, n=n, **values)


def _clamped(tag: str, html: str, lines: int, extra: str = "") -> str:
    """Return `html` in a `tag` cut (with '…') after `lines` lines."""
    return f'<{tag} class="sed-clamp{extra}" style="--lines:{lines}">{html}</{tag}>'


def _closing_item(page: Page, rec: pd.Series, title: str, status_label: str) -> str:
    """Return one recommendation of a closing list: status, id, title and backers, then the
    plan section and the action (reflected ones), and the reason where there is one or where
    the status requires it (progress.reason_rule). Each part is clamped to the lines that
    slides.ITEMS_PER_SLIDE counts on."""
    status, reason = str(rec["status"]), str(rec["reason"]).strip()
    reflected = status in slides.REFLECTED
    rows = [(page.t("s_section"), rec["plan_section"], 1),
            (page.t("s_action"), rec["response_note"], 2)] if reflected else []
    rows.append((page.t("reason"), reason, 2))
    details = "".join(f"<dt>{esc(label)}</dt>{_clamped('dd', esc(value), lines)}"
                      for label, value, lines in rows if str(value).strip())
    if not reason and progress.reason_rule(status) == "required":
        details += (f"<dt>{esc(page.t('reason'))}</dt>"
                    + _clamped("dd", esc(page.t("s_no_reason")), 1, " sed-missing"))
    detail = f'<dl class="sed-rec-detail">{details}</dl>' if details else ""
    backed = _count(page, "s_backed_by", int(rec["n_participants"]))
    head = (f"{status_badge(status, status_label)} <b>{esc(rec['rec_id'])}</b> {esc(title)} "
            f'<span class="sed-backed">· {esc(backed)}</span>')
    return (f'<li style="--c:{STATUS_COLOURS.get(status, "#767676")}" '
            f'data-rec-id="{esc(rec["rec_id"])}">{_clamped("div", head, 1 if reflected else 2)}'
            f"{detail}</li>")


def _closing(page: Page, slide: slides.Slide, status_labels: dict[str, str]) -> tuple[str, str]:
    """Return the title and body of a closing slide: its share of the reflected or open list."""
    kind = "reflected" if slide.kind == "reflected" else "open"
    title = page.t("s_reflected" if kind == "reflected" else "s_open")
    if slide.parts > 1:
        title = page.t("s_part", title=title, n=slide.part, total=slide.parts)
    items = slides.slide_items(slides.closing_items(page.dataset, page.remarks, kind), slide)
    if items.empty:
        return title, f"<p>{esc(page.t('s_none_' + kind))}</p>"
    titles = rec_titles(page.dataset, page.lang)
    body = "".join(_closing_item(page, rec, titles[rec["rec_id"]],
                                 status_labels[str(rec["status"])])
                   for _, rec in items.iterrows())
    return title, f'<ol class="sed-recs">{body}</ol>'


def _theme_list(page: Page, rows: pd.DataFrame, kind: str, key: str, colour: str) -> str:
    """Return one list of the "since" slide: its heading with the count, its first
    SINCE_THEMES themes with participants before -> after, and how many more."""
    shown = rows.head(slides.SINCE_THEMES)
    items = "".join(
        _clamped("li", f"{esc(page.theme_labels[r.theme_id])} "
                       f"<b>{r.earlier}&nbsp;→&nbsp;{r.later}</b>", 2)
        for r in shown.itertuples())
    rest = len(rows) - len(shown)
    if rest:
        items += f'<li class="sed-since-more">{esc(page.t("s_since_more", n=rest))}</li>'
    if rows.empty:
        items = f"<li>{esc(page.t('cmp_none'))}</li>"
    return (f'<div class="sed-since-col" style="--c:{colour}" data-change="{kind}">'
            f"<h3>{esc(page.t(key))} ({len(rows)})</h3><ul>{items}</ul></div>")


def _since(page: Page) -> tuple[str, str, str]:
    """Return the title, subtitle and body of the slide on what changed since the first
    meeting in view: new, persisted and no longer raised themes, who spoke at both, and how
    many remarks are not yet coded (so an uncoded theme is not read as dropped)."""
    content = slides.since(page.dataset, page.remarks, page.filters.meetings)
    assert content is not None  # slides.plan shows this slide only with two meetings in view
    before, after = page.meeting_labels[content.earlier], page.meeting_labels[content.later]
    changes = content.changes
    cols = "".join(_theme_list(page, changes[changes["change"] == kind], kind, key, colour)
                   for kind, key, colour in SINCE_LISTS)
    both = content.both
    # a pseudonym carries the organization type already
    named = [esc(r.speaker) if page.anonymized else
             f"{esc(r.speaker)}&nbsp;({esc(page.org_labels[str(r.org_type)])})"
             for r in both.head(slides.SINCE_PEOPLE).itertuples()]
    if len(both) > slides.SINCE_PEOPLE:
        named.append(esc(page.t("s_since_more", n=len(both) - slides.SINCE_PEOPLE)))
    people = f"<b>{esc(_count(page, 's_since_both', len(both)))}</b>"
    if named:
        people += ": " + " · ".join(named)
    notes = "".join(
        f'<p class="sed-since-note">'
        f"{esc(_count(page, 's_since_uncoded', n, meeting=title))}</p>"
        for title, n in ((before, content.not_coded[content.earlier]),
                         (after, content.not_coded[content.later])) if n)
    body = (f'<div class="sed-since"><div class="sed-since-cols">{cols}</div>'
            f'{_clamped("div", people, 2, " sed-since-people")}{notes}</div>')
    return (page.t("s_since", meeting=before), page.t("s_since_sub", earlier=before, later=after),
            body)


def _title_lines(page: Page) -> str:
    """Return one line per meeting the view covers (only with two or more): its participants
    and excerpts in view, and how many are not yet coded, so the title slide never merges
    meetings silently."""
    if len(page.meetings) < 2:
        return ""
    summary = compare.meeting_summary(page.dataset, page.remarks, page.meetings)
    lines = []
    for row in summary.itertuples():
        line = (f"{page.meeting_labels[row.meeting]}: "
                + " · ".join((_count(page, "s_n_participants", row.participants),
                              _count(page, "s_n_excerpts", row.excerpts))))
        if row.not_coded:
            line += f" ({page.t('cmp_not_coded', n=row.not_coded)})"
        lines.append(f'<p class="sed-meeting-line">{esc(line)}</p>')
    return "".join(lines)


def render(page: Page, slide: slides.Slide, number: int, total: int, filter_text: str,
           status_labels: dict[str, str]) -> str:
    """Return the HTML of one slide of the deck. The title and every footer name the
    meeting(s) the view covers (the footer's filter text does when a meeting filter is on)."""
    ds, remarks, t = page.dataset, page.remarks, page.t
    meeting = page.meetings_text
    where = filter_text if page.filters.meetings else f"{meeting} · {filter_text}"
    foot = (where, t("slide_of", n=number, total=total))
    if slide.kind == "title":
        head = counts.headline(ds, remarks)
        orgs = remarks["organization"].replace("", pd.NA).nunique()
        line = " · ".join(_count(page, key, n) for key, n in (
            ("s_n_participants", head.participants), ("s_n_orgs", orgs),
            ("s_n_org_types", head.org_types), ("s_n_excerpts", head.excerpts))
            if n or key != "s_n_orgs")  # no organizations: the anonymized view hides them
        body = (f'<div class="sed-title-main"><h1>{esc(t("app_title"))}</h1>'
                f"<p>{esc(t('app_subtitle', meeting=meeting))}</p><p><b>{esc(line)}</b></p>"
                f"{_title_lines(page)}</div>")
        return _frame("", meeting, body, *foot)
    if slide.kind == "figures":
        head = counts.headline(ds, remarks)
        done = progress.reflection(progress.recommendation_rows(ds, remarks))
        cells = [(t("m_participants"), head.participants), (t("m_org_types"), head.org_types),
                 (t("m_excerpts"), head.excerpts), (t("m_themes"), head.themes),
                 (t("m_recs"), done.total),
                 (t("m_reflected"), f"{done.reflected} / {done.total}")]
        body = '<div class="sed-big">' + "".join(
            f"<div>{esc(label)}<b>{esc(value)}</b></div>" for label, value in cells) + "</div>"
        return _frame(t("s_you_said"), t("s_figures"), body, *foot)
    if slide.kind == "themes":
        rows, legend, hidden = handout.theme_bar_rows(ds, remarks, page.lang, limit=MAX_ROWS)
        body = htmlcharts.stacked_bars(rows, legend=legend)
        if hidden:
            body += f"<p>{esc(_count(page, 's_more_themes', hidden))}</p>"
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
    if slide.kind == "since":
        title, subtitle, body = _since(page)
        return _frame(t("s_you_said"), title, body, *foot, subtitle=subtitle)
    if slide.kind == "org_type":
        org = slide.org_type or ""
        mine = remarks[remarks["org_type"] == org]
        themes = slides.type_themes(ds, remarks, org)
        bars = htmlcharts.bars([(page.theme_labels[x], int(n), page.colours[org])
                                for x, n in zip(themes["theme_id"], themes["total"],
                                                strict=True)])
        english = page.lang == "en"
        n, limit, limit_en = QUOTES[page.lang]
        quotes = "".join(
            f'<blockquote class="sed-quote" style="--c:{page.colours[org]}">{esc(q.excerpt)}'
            + (f'<span class="sed-quote-en">{esc(q.excerpt_en)}</span>'
               if english and q.excerpt_en else "")
            + f"<cite>— {esc(q.speaker)}</cite></blockquote>"
            for q in slides.key_quotes(ds, remarks, org, n=n, limit=limit, limit_en=limit_en)
            .itertuples())
        subtitle = " · ".join((_count(page, "s_n_participants", mine["speaker"].nunique()),
                               _count(page, "s_n_excerpts", len(mine))))
        body = f'<div class="sed-cols"><div>{bars}</div><div>{quotes}</div></div>'
        return _frame(t("s_you_said"), t("s_type", type=page.org_labels[org]), body, *foot,
                      subtitle=subtitle)
    if slide.kind == "progress":
        rows = progress.recommendation_rows(ds, remarks)
        done = progress.reflection(rows)
        status = progress.status_counts(rows)
        bars = htmlcharts.bars([(f"{STATUS_SYMBOLS[s]} {status_labels[s]}", int(n),
                                 STATUS_COLOURS[s]) for s, n in zip(status["status"],
                                                                    status["count"],
                                                                    strict=True)])
        by_type = progress.reflection_by_org_type(ds, remarks)
        by_type = by_type[by_type["total"] > 0]
        table = htmlcharts.heat_table(
            [page.org_labels[o] for o in by_type["org_type"]],
            [t("rate"), *(status_labels[s] for s in STATUSES)],
            [[f"{round(100 * r.rate)}%", *(str(int(getattr(r, s))) for s in STATUSES)]
             for r in by_type.itertuples()],
            [[r.rate, 0, 0, 0, 0] for r in by_type.itertuples()])
        rate = t("rate_value", pct=round(100 * done.rate), r=done.reflected,
                 p=done.partly, n=done.total)
        body = (f"<p><b>{esc(t('rate'))}: {esc(rate)}</b></p>"
                f'<div class="sed-cols"><div>{bars}</div><div>{table}</div></div>')
        return _frame(t("s_we_did"), t("s_progress"), body, *foot)
    title, body = _closing(page, slide, status_labels)
    return _frame(t("s_we_did" if slide.kind == "reflected" else "s_still_open"), title, body,
                  *foot)
