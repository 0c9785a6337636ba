"""Recommendations: the checklist for the five-year plan: progress, status by organization type,
each recommendation with its backers and evidence, editing, history, snapshots and export."""

import streamlit as st

from se_dashboard.checklist import progress
from se_dashboard.data.contract import STATUSES
from se_dashboard.present import disposition, export
from se_dashboard.present.palette import STATUS_COLOURS, STATUS_SYMBOLS
from se_dashboard.present.vocab import rec_details, rec_titles, status_labels
from se_dashboard.ui import cards, charts, checklist_edit, page, render

EVIDENCE_SHOWN = 10
RECS_PER_PAGE = 20

p = page.setup("recs", "page_recs")
page.stop_if_empty(p)
ds = p.dataset
labels = status_labels(p.lang)
titles = rec_titles(ds, p.lang)
details = rec_details(ds, p.lang)
checklist_edit.show_flash()

in_view = progress.recommendation_rows(ds, p.remarks, include_unbacked=not p.filters.active)
done = progress.reflection(in_view)
st.header(p.t("progress"))
cols = st.columns(len(STATUSES) + 1)
cols[0].metric(p.t("rate"), f"{round(100 * done.rate)}%", border=True)  # rule: below
for col, row in zip(cols[1:], progress.status_counts(in_view).itertuples(), strict=True):
    col.metric(f"{STATUS_SYMBOLS[row.status]} {labels[row.status]}", row.count, border=True)
st.caption(p.t("rate_value", pct=round(100 * done.rate), r=done.reflected,
               p=done.partly, n=done.total) + " · " + p.t("rate_rule"))

# Export, snapshots, bulk editing and the whole history sit in one row of tabs above the list,
# so none of them needs scrolling past the checklist; editors give their name once, here.
gate = checklist_edit.editing_gate(p.lang)
editable = gate == "on"


def export_view(by_remark: bool, snapshot: str):
    """The table to export: by recommendation or by remark, of the current checklist or of a
    named snapshot."""
    data = (disposition.with_snapshot(ds, checklist_edit.store().snapshot(snapshot))
            if snapshot else ds)
    build = disposition.remark_table if by_remark else disposition.disposition_table
    return build(data, p.remarks, p.lang, hide_organizations=p.anonymized)


def export_title(by_remark: bool, snapshot: str, taken: dict[str, str]) -> str:
    """The XLSX title: table, meeting, state exported and its as-of time (at download)."""
    source = (disposition.ExportSource(progress.local_time(taken[snapshot]), snapshot)
              if snapshot else disposition.ExportSource(export.local_stamp()))
    return disposition.export_title(p.lang, p.meetings_text, source, by_remark)


tab_names = [p.t("tab_export"), p.t("tab_snapshots"), *([p.t("bulk_edit")] if editable else []),
             p.t("history_all")]
tabs = dict(zip(tab_names, st.tabs(tab_names), strict=True))
with tabs[p.t("tab_export")]:
    st.html(render.caption(p.t("export")))
    snaps = checklist_edit.snapshots()
    taken = dict(zip(snaps["name"], snaps["taken_at"], strict=True))
    rows_at, state_at, _ = st.columns([2, 2, 4], vertical_alignment="bottom")
    by_remark = rows_at.radio(p.t("export_rows"), ["rec", "remark"], horizontal=True,
                              format_func=lambda k: p.t(f"export_per_{k}"),
                              key="recs_export_rows", help=p.t("export_rows_help")) == "remark"
    snapshot = state_at.selectbox(p.t("export_state"), ["", *taken],
                                  format_func=lambda n: n or p.t("export_current"),
                                  key="recs_export_state")
    snapshot = snapshot if snapshot in taken else ""
    stem = "disposition-by-remark" if by_remark else "disposition"
    left, right, _ = st.columns([2, 2, 4])
    left.download_button(
        p.t("export_xlsx"),
        lambda b=by_remark, s=snapshot, when=taken: disposition.to_xlsx(
            export_view(b, s), export_title(b, s, when), sheet_name=p.t("sheet_name")),
        file_name=f"{stem}.xlsx", key="recs_export_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:")
    right.download_button(
        p.t("export_csv"),
        lambda b=by_remark, s=snapshot: disposition.to_csv(export_view(b, s)),
        file_name=f"{stem}.csv", mime="text/csv", key="recs_export_csv", on_click="ignore",
        icon=":material/download:")
with tabs[p.t("tab_snapshots")]:
    checklist_edit.snapshot_controls(p.lang, gate, titles)
if editable:
    with tabs[p.t("bulk_edit")]:
        checklist_edit.bulk_editor(in_view, titles, p.lang)
history = checklist_edit.history()
with tabs[p.t("history_all")]:
    if history.empty:
        st.html(render.caption(p.t("history_empty")))
    else:
        st.download_button(p.t("download_history"),
                           lambda: checklist_edit.history_csv(p.lang, titles),
                           file_name="checklist-history.csv", mime="text/csv",
                           key="recs_history_csv", on_click="ignore",
                           icon=":material/download:")
        st.dataframe(export.plain_table(checklist_edit.history_table(history, p.lang, titles)),
                     hide_index=True, width="stretch", key="recs_history_all",
                     column_config=checklist_edit.history_column_config(p.lang))

chosen = st.multiselect(p.t("f_status"), list(STATUSES), key="recs_status",
                        format_func=labels.__getitem__, placeholder=p.t("f_all"))

st.header(p.t("status_by_type"))
by_status = progress.status_by_org_type(ds, p.remarks)
by_type = progress.reflection_by_org_type(ds, p.remarks, by_status)
st.plotly_chart(
    charts.stacked_bars(
        progress.status_by_org_type(ds, p.remarks, chosen) if chosen else by_status,
        "org_type", group="status",
        categories={o: f"{p.org_labels[o]} · {round(100 * r)}%"
                    for o, r in zip(by_type["org_type"], by_type["rate"], strict=True)},
        groups={s: f"{STATUS_SYMBOLS[s]} {labels[s]}" for s in STATUSES},
        colours=STATUS_COLOURS, patterns={}, value_label=p.t("n_recs")),
    key="recs_by_type", theme=None, config={"displayModeBar": False})
st.caption(p.t("rate_by_type") + " · " + p.t("rate_rule"))

recs = progress.with_statuses(in_view, chosen)
st.header(f"{p.t('checklist')} ({len(recs)})")
if recs.empty:
    st.info(p.t("no_recs"), icon=":material/search_off:")
shown = cards.paged(p, recs, "recs_page", RECS_PER_PAGE)
evidence_ids = [rid for ids in shown["remark_ids"] for rid in ids[:EVIDENCE_SHOWN]]
evidence = dict(zip(evidence_ids, cards.excerpt_card_list(
    p, p.remarks.set_index("remark_id", drop=False).loc[evidence_ids], show_en=p.lang == "en"),
    strict=True))
org_of = dict(zip(ds.participants["speaker"], ds.participants["org_type"].astype(str),
                  strict=True))
history_html = checklist_edit.history_by_rec(history, p.lang, shown["rec_id"].tolist())
for rec in shown.itertuples():
    rule = progress.reason_rule(str(rec.status))
    reason = (p.t("reason"), rec.reason or (p.t("reason_missing") if rule == "required" else ""))
    response = [(p.t("plan_section"), rec.plan_section),
                (p.t("responsible_unit"), rec.responsible_unit),
                (p.t("response_note"), rec.response_note)]
    with st.container(border=True, key=f"recs_item_{rec.rec_id}"):
        st.html(render.recommendation_head(
            rec_id=rec.rec_id, title=titles[rec.rec_id], status=rec.status,
            status_label=labels[rec.status], detail=details[rec.rec_id],
            theme_labels=[p.theme_labels[x] for x in rec.themes],
            backers=[(s, p.org_labels[org_of[s]], p.colours[org_of[s]]) for s in rec.speakers],
            response=[reason, *response] if rule else [*response, reason]))
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
            st.html(history_html.get(rec.rec_id, render.caption(p.t("history_empty"))))

if len(p.checklist_state) and p.checklist_state["orphaned"].any():
    st.header(p.t("orphaned"))
    st.dataframe(export.plain_table(checklist_edit.orphans_table(p.checklist_state, p.lang)),
                 hide_index=True, width="stretch", key="recs_orphans")
