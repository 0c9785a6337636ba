"""Compare meetings: theme frequency side by side, what is new, what persisted and what was no
longer raised, who spoke at both, and the meetings behind each recommendation."""

import streamlit as st

from se_dashboard.analysis import compare
from se_dashboard.data.text import for_display
from se_dashboard.present import export
from se_dashboard.present.palette import meeting_styles
from se_dashboard.present.vocab import meeting_options, meetings_text
from se_dashboard.ui import compare_view, page, render

p = page.setup("compare", "page_compare")
page.stop_if_empty(p)
ds = p.dataset
titles = p.meeting_labels
options = compare.comparable_meetings(ds, p.filters.meetings)
if len(options) < 2:
    in_data = compare.meetings_in_view(ds, ds.remarks)
    if len(in_data) < 2:
        message = p.t("cmp_need_two_import", meeting=titles[in_data[0]])
    else:
        message = p.t("cmp_need_two_filter", meeting=meetings_text(ds, options, p.lang))
    st.html(render.notice("info", message))
    st.stop()

# A choice the options no longer hold (the meeting filter changed) goes back to the default.
defaults = dict(zip(("compare_earlier", "compare_later"), compare.default_pair(options),
                    strict=True))
for key, default in defaults.items():
    if st.session_state.get(key) not in options:
        st.session_state[key] = default
offered = meeting_options(ds, p.lang)  # with the date, as the meeting filter offers them
left, right = st.columns(2)
earlier = left.selectbox(p.t("cmp_earlier"), options, key="compare_earlier",
                         format_func=lambda m: for_display(offered[m]))
later = right.selectbox(p.t("cmp_later"), options, key="compare_later",
                        format_func=lambda m: for_display(offered[m]))
if earlier == later:
    st.html(render.notice("warning", p.t("cmp_same")))
    st.stop()
pair = {earlier: titles[earlier], later: titles[later]}

summary = compare.meeting_summary(ds, p.remarks, list(pair))
for row in summary.itertuples():
    line = p.t("cmp_in_view", meeting=pair[row.meeting], p=row.participants, e=row.excerpts)
    if row.not_coded:
        line += " · " + p.t("cmp_not_coded", n=row.not_coded)
    st.html(render.label_line(line))
for row in summary[summary["not_coded"] > 0].itertuples():
    st.html(render.notice("info", p.t("cmp_uncoded_note", meeting=pair[row.meeting],
                                      n=row.not_coded)))

st.header(p.t("cmp_theme_freq"))
st.caption(p.t("cmp_theme_freq_help"))
unit = st.segmented_control(
    p.t("unit"), ["participants", "excerpts"], key="compare_unit", default="participants",
    required=True, format_func=lambda u: p.t(f"unit_{u}"))
long = compare.theme_by_meeting(ds, p.remarks, list(pair))
changes = compare.theme_changes(ds, p.remarks, earlier, later)
styles = meeting_styles(options)
st.plotly_chart(
    compare_view.side_by_side(long, unit, meetings=pair, themes=p.theme_labels, styles=styles,
                              value_label=p.t(f"unit_{unit}")),
    key="compare_freq", theme=None, config={"displayModeBar": False})
themes_table = compare_view.theme_table(ds, long, changes, pair, p.theme_labels, p.t)
with st.expander(p.t("cmp_theme_table")):  # an expander label reads Markdown: no data in it
    st.dataframe(export.plain_table(themes_table), key="compare_themes_table", hide_index=True,
                 width="stretch")
    st.download_button(p.t("cmp_download"), lambda: export.to_excel_csv(themes_table),
                       file_name="compare-themes.csv", mime="text/csv",
                       key="compare_dl_themes", icon=":material/download:", on_click="ignore")

st.header(p.t("cmp_changes"))
st.html(render.caption(p.t("cmp_changes_help", earlier=pair[earlier], later=pair[later])))
helps = {"new": p.t("cmp_new_help", later=pair[later]),
         "persisted": p.t("cmp_persisted_help"),
         "dropped": p.t("cmp_dropped_help", earlier=pair[earlier])}
for column, change in zip(st.columns(3), compare.CHANGES, strict=True):
    column.html(compare_view.change_lists_html(changes, change, p.theme_labels, p.t,
                                               helps[change]))

st.header(p.t("cmp_speakers"))
people = compare.speakers_across(ds, p.remarks, earlier, later)
spoke = compare.spoke_at_counts(people)
st.html(render.label_line(p.t("cmp_speakers_counts", both=spoke["both"], e=spoke["earlier"],
                              l=spoke["later"], earlier=pair[earlier], later=pair[later])))
people_table = compare_view.speakers_table(people, pair, p.org_labels, p.t, p.anonymized)
st.dataframe(export.plain_table(people_table), key="compare_speakers", hide_index=True,
             width="stretch")
st.download_button(p.t("cmp_download"), lambda: export.to_excel_csv(people_table),
                   file_name="compare-speakers.csv", mime="text/csv",
                   key="compare_dl_speakers", icon=":material/download:", on_click="ignore")

st.header(p.t("cmp_recs"))
st.caption(p.t("cmp_recs_help"))
all_meetings = {m: titles[m] for m in options}
backing = compare.recommendation_meetings(ds, p.remarks, list(all_meetings))
if backing.empty:
    st.html(render.notice("info", p.t("cmp_no_recs")))
else:
    recs = compare_view.recs_table(ds, backing, all_meetings, p.lang, p.t)
    st.dataframe(export.plain_table(recs), key="compare_recs", hide_index=True,
                 width="stretch")
    st.download_button(p.t("cmp_download"), lambda: export.to_excel_csv(recs),
                       file_name="compare-recommendations.csv", mime="text/csv",
                       key="compare_dl_recs", icon=":material/download:", on_click="ignore")
