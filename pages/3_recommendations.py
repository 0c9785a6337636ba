"""Recommendations: the checklist for the five-year plan: progress, status by organization type,
each recommendation with its backers and evidence, editing, history, snapshots and export."""

import streamlit as st

from se_dashboard import checklist, disposition
from se_dashboard.contract import STATUSES
from se_dashboard.palette import STATUS_COLOURS, STATUS_SYMBOLS
from se_dashboard.ui import cards, charts, checklist_edit, page, render
from se_dashboard.vocab import rec_details, rec_titles, status_labels

EVIDENCE_SHOWN = 10
RECS_PER_PAGE = 20

p = page.setup("recs", "page_recs")
page.stop_if_empty(p)
ds = p.dataset
labels = status_labels(p.lang)
titles = rec_titles(ds, p.lang)
details = rec_details(ds, p.lang)
checklist_edit.show_flash()

in_view = checklist.recommendation_rows(ds, p.remarks, include_unbacked=not p.filters.active)
progress = checklist.reflection(in_view)
st.subheader(p.t("progress"))
cols = st.columns(len(STATUSES) + 1)
cols[0].metric(p.t("rate"), f"{round(100 * progress.rate)}%", border=True,
               help=p.t("rate_rule"))
for col, row in zip(cols[1:], checklist.status_counts(in_view).itertuples(), strict=True):
    col.metric(f"{STATUS_SYMBOLS[row.status]} {labels[row.status]}", row.count, border=True)
st.caption(p.t("rate_value", pct=round(100 * progress.rate), r=progress.reflected,
               p=progress.partly, n=progress.total) + " · " + p.t("rate_rule"))

chosen = st.multiselect(p.t("f_status"), list(STATUSES), key="recs_status",
                        format_func=labels.__getitem__, placeholder=p.t("f_all"))

st.subheader(p.t("status_by_type"))
by_status = checklist.status_by_org_type(ds, p.remarks)
by_type = checklist.reflection_by_org_type(ds, p.remarks, by_status)
st.plotly_chart(
    charts.stacked_bars(
        checklist.status_by_org_type(ds, p.remarks, chosen) if chosen else by_status,
        "org_type", group="status",
        categories={o: f"{p.org_labels[o]} · {round(100 * r)}%"
                    for o, r in zip(by_type["org_type"], by_type["rate"], strict=True)},
        groups={s: f"{STATUS_SYMBOLS[s]} {labels[s]}" for s in STATUSES},
        colours=STATUS_COLOURS, patterns={}, value_label=p.t("n_recs")),
    key="recs_by_type", theme=None, config={"displayModeBar": False})
st.caption(p.t("rate_by_type") + " · " + p.t("rate_rule"))

editable = False
with st.expander(p.t("edit_section"), icon=":material/edit:"):
    editable = checklist_edit.can_edit(p.lang)
    if editable:
        st.caption(p.t("editing_as", name=st.session_state[checklist_edit.EDITOR_KEY]))
        st.markdown(f"**{p.t('bulk_edit')}**")
        checklist_edit.bulk_editor(in_view, titles, p.lang)

recs = checklist.with_statuses(in_view, chosen)
st.subheader(f"{p.t('checklist')} ({len(recs)})")
if recs.empty:
    st.info(p.t("no_recs"), icon=":material/search_off:")
shown = cards.paged(p, recs, "recs_page", RECS_PER_PAGE)
evidence_ids = [rid for ids in shown["remark_ids"] for rid in ids[:EVIDENCE_SHOWN]]
evidence = dict(zip(evidence_ids, cards.excerpt_card_list(
    p, p.remarks.set_index("remark_id", drop=False).loc[evidence_ids], show_en=p.lang == "en"),
    strict=True))
org_of = dict(zip(ds.participants["speaker"], ds.participants["org_type"].astype(str),
                  strict=True))
history = checklist_edit.store().history()
history_html = checklist_edit.history_by_rec(history, p.lang, titles, shown["rec_id"].tolist())
for rec in shown.itertuples():
    with st.container(border=True, key=f"recs_item_{rec.rec_id}"):
        st.html(render.recommendation_head(
            rec_id=rec.rec_id, title=titles[rec.rec_id], status=rec.status,
            status_label=labels[rec.status], detail=details[rec.rec_id],
            theme_labels=[p.theme_labels[x] for x in rec.themes],
            backers=[(s, p.org_labels[org_of[s]], p.colours[org_of[s]]) for s in rec.speakers],
            response=[(p.t("plan_section"), rec.plan_section),
                      (p.t("responsible_unit"), rec.responsible_unit),
                      (p.t("response_note"), rec.response_note)]))
        checklist_edit.show_flash(rec.rec_id)
        if rec.remark_ids:
            with st.expander(p.t("evidence", n=len(rec.remark_ids))):
                st.html("".join(evidence[rid] for rid in rec.remark_ids[:EVIDENCE_SHOWN]))
                if len(rec.remark_ids) > EVIDENCE_SHOWN:
                    st.caption(f"+ {len(rec.remark_ids) - EVIDENCE_SHOWN}")
        if editable:
            with st.expander(p.t("edit"), icon=":material/edit:"):
                checklist_edit.edit_form(rec, p.lang, labels)
        with st.expander(p.t("history"), icon=":material/history:"):
            st.html(history_html.get(rec.rec_id, p.t("history_empty")))

orphans = p.checklist_state[p.checklist_state["orphaned"]] if len(p.checklist_state) else []
if len(orphans):
    st.subheader(p.t("orphaned"))
    st.dataframe(orphans[["rec_id", "status", "plan_section", "responsible_unit",
                          "response_note", "updated_at", "updated_by"]],
                 hide_index=True, width="stretch", key="recs_orphans")

st.subheader(p.t("export"))
table_title = f"{p.t('disposition_title')} · {ds.remarks['meeting'].iat[0]}"


def disposition_view():
    return disposition.disposition_table(ds, p.remarks, p.lang, hide_organizations=p.anonymized)


left, right, _ = st.columns([2, 2, 4])
left.download_button(
    p.t("export_xlsx"), lambda: disposition.to_xlsx(disposition_view(), table_title),
    file_name="disposition.xlsx", key="recs_export_xlsx", on_click="ignore",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:")
right.download_button(
    p.t("export_csv"), lambda: disposition.to_csv(disposition_view()),
    file_name="disposition.csv", mime="text/csv", key="recs_export_csv", on_click="ignore",
    icon=":material/download:")

st.subheader(p.t("snapshots"))
checklist_edit.snapshot_controls(p.lang, editable)

with st.expander(p.t("history_all"), icon=":material/history:"):
    if history.empty:
        st.caption(p.t("history_empty"))
    else:
        st.download_button(p.t("download_history"),
                           lambda: checklist_edit.history_csv(p.lang, titles),
                           file_name="checklist-history.csv", mime="text/csv",
                           key="recs_history_csv", on_click="ignore",
                           icon=":material/download:")
        st.dataframe(checklist_edit.history_table(history, p.lang, titles), hide_index=True,
                     width="stretch", key="recs_history_all")
