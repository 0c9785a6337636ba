"""Home page: the overview of who took part, what they raised and what became of it."""

import streamlit as st

from se_dashboard.analysis import counts
from se_dashboard.checklist import progress
from se_dashboard.present import htmlcharts
from se_dashboard.present.palette import STATUS_COLOURS, STATUS_SYMBOLS
from se_dashboard.present.vocab import status_labels
from se_dashboard.ui import charts, page, render

p = page.setup("overview", "app_title", subtitle_key="app_subtitle")
page.stop_if_empty(p)

head = counts.headline(p.dataset, p.remarks)
in_view = progress.recommendation_rows(p.dataset, p.remarks,
                                        include_unbacked=not p.filters.active)
done = progress.reflection(in_view)
st.html(render.caption(page.scope_text(p)))
cols = st.columns(6)
for col, (key, value) in zip(cols[:-1], [
    ("m_participants", head.participants), ("m_org_types", head.org_types),
    ("m_excerpts", head.excerpts), ("m_themes", head.themes), ("m_recs", done.total),
], strict=True):
    col.metric(p.t(key), value, border=True,
               help=p.t("mt_themes_help") if key == "m_themes" and head.not_coded else None)
cols[-1].metric(p.t("m_reflected"), p.t("m_reflected_of", n=done.reflected,
                                         total=done.total), border=True)
st.caption(f"{p.t('rate')}: " + p.t("rate_value", pct=round(100 * done.rate),
                                     r=done.reflected, p=done.partly, n=done.total),
           help=p.t("rate_rule"))

left, right = st.columns(2, gap="large")
with left:
    st.header(p.t("who_took_part"))
    st.html(render.who_spoke(
        (p.org_labels[o], p.colours[o], n, p.t("who_counts", n=n, e=e), names)
        for o, n, e, names in counts.who_spoke(p.dataset, p.remarks)))
with right:
    st.header(p.t("top_themes"))
    page.not_coded_note(p)
    top = counts.top_themes(p.dataset, p.remarks, n=5)
    st.html(f"<style>{htmlcharts.CSS}</style>" + htmlcharts.bars(
        [(p.theme_labels[x], int(n), "#0B5394") for x, n in zip(top["theme_id"], top["total"],
                                                                 strict=True)],
        suffix=p.t("people_suffix")))

st.header(p.t("status_overview"))
statuses = progress.status_counts(in_view)
labels = status_labels(p.lang)
st.plotly_chart(
    charts.simple_bars(
        [f"{STATUS_SYMBOLS[s]} {labels[s]}" for s in statuses["status"]],
        statuses["count"].tolist(), statuses["status"].tolist(),
        colours=[STATUS_COLOURS[s] for s in statuses["status"]], value_label=p.t("n_recs")),
    key="overview_status", theme=None, config={"displayModeBar": False})
