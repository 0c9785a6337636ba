"""Recommendations: the checklist for the five-year plan, with status, backers and evidence."""

import streamlit as st

from se_dashboard import checklist
from se_dashboard.contract import STATUSES
from se_dashboard.ui import cards, charts, page, render
from se_dashboard.ui.palette import STATUS_COLOURS, STATUS_SYMBOLS
from se_dashboard.vocab import rec_titles, status_labels

EVIDENCE_SHOWN = 10

p = page.setup("recs", "page_recs")
page.stop_if_empty(p)
ds = p.dataset
labels = status_labels(p.lang)
titles = rec_titles(ds, p.lang)

all_in_view = checklist.recommendation_rows(ds, p.remarks, include_unbacked=not p.filters.active)
st.subheader(p.t("status_counts"))
for col, row in zip(st.columns(len(STATUSES)),
                    checklist.status_counts(all_in_view).itertuples(), strict=True):
    col.metric(f"{STATUS_SYMBOLS[row.status]} {labels[row.status]}", row.count, border=True)

chosen = st.multiselect(p.t("f_status"), list(STATUSES), key="recs_status",
                        format_func=labels.__getitem__, placeholder=p.t("f_all"))

st.subheader(p.t("status_by_type"))
st.plotly_chart(
    charts.stacked_bars(
        checklist.status_by_org_type(ds, p.remarks, chosen), "org_type", group="status",
        categories=p.org_labels, groups={s: f"{STATUS_SYMBOLS[s]} {labels[s]}" for s in STATUSES},
        colours=STATUS_COLOURS, patterns={}, value_label=p.t("n_recs")),
    key="recs_by_type", theme=None, config={"displayModeBar": False})

recs = checklist.recommendation_rows(ds, p.remarks, chosen,
                                     include_unbacked=not p.filters.active)
st.subheader(f"{p.t('checklist')} ({len(recs)})")
if recs.empty:
    st.info(p.t("no_recs"), icon=":material/search_off:")
by_id = p.remarks.set_index("remark_id", drop=False)
people = ds.participants.set_index("speaker")
for rec in recs.itertuples():
    with st.container(border=True, key=f"recs_item_{rec.rec_id}"):
        st.html(render.recommendation_head(
            rec_id=rec.rec_id, title=titles[rec.rec_id], status=rec.status,
            status_label=labels[rec.status], detail=rec.detail,
            theme_labels=[p.theme_labels[x] for x in rec.themes],
            backers=[(s, p.org_labels[str(people.at[s, "org_type"])],
                      p.colours[str(people.at[s, "org_type"])]) for s in rec.speakers]))
        if rec.remark_ids:
            with st.expander(p.t("evidence", n=len(rec.remark_ids))):
                evidence = by_id.loc[list(rec.remark_ids[:EVIDENCE_SHOWN])]
                st.html(cards.excerpt_cards_html(p, evidence, show_en=p.lang == "en"))
                if len(rec.remark_ids) > EVIDENCE_SHOWN:
                    st.caption(f"+ {len(rec.remark_ids) - EVIDENCE_SHOWN}")
