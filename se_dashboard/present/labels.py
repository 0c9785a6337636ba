"""Every UI string in Korean and English: the app's and the printable report's. Labels of data
(themes, org types) come from the data."""

from __future__ import annotations

from se_dashboard.present.vocab import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    # App and navigation
    "app_title": {"ko": "광명시 사회적경제 기본계획 이해관계자 의견",
                  "en": "Gwangmyeong social economy plan: stakeholder remarks"},
    "app_subtitle": {"ko": "연구용역 {meeting} 참석자 코멘터리: "
                           "누가 무엇을 말했고, 무엇이 반영되었나",
                     "en": "Participants' commentary at the {meeting} of the research: who said "
                           "what, and what became of it"},
    "nav_heading": {"ko": "페이지", "en": "Pages"},
    "page_overview": {"ko": "개요", "en": "Overview"},
    "page_who": {"ko": "누가 무엇을", "en": "Who said what"},
    "page_themes": {"ko": "주제", "en": "Themes"},
    "page_recs": {"ko": "권고", "en": "Recommendations"},
    "language": {"ko": "언어", "en": "Language"},
    "anonymize": {"ko": "익명 보기", "en": "Anonymized view"},
    "anonymize_help": {"ko": "이름을 '참석자 A · 기관 유형' 같은 일관된 가명으로 바꾸고 "
                             "소속과 직함을 숨깁니다. 모든 페이지, 차트, 슬라이드, 내보내기에 "
                             "적용됩니다.",
                       "en": "Replaces names with consistent pseudonyms such as 'Participant A · "
                             "type' and hides organizations and roles, on every page, chart, "
                             "slide and export."},
    # Filters
    "filters": {"ko": "필터", "en": "Filters"},
    "f_org_types": {"ko": "기관 유형", "en": "Organization type"},
    "f_speakers": {"ko": "참석자", "en": "Participant"},
    "f_themes": {"ko": "주제", "en": "Theme"},
    "f_kinds": {"ko": "발언 종류", "en": "Kind of remark"},
    "f_query": {"ko": "검색어", "en": "Search"},
    "f_query_help": {"ko": "발췌·이름·소속과 주제 이름에서 찾습니다(대소문자 무시).",
                     "en": "Searches excerpts, names, organizations and theme names "
                           "(case-insensitive)."},
    "f_all": {"ko": "전체", "en": "All"},
    "select_all": {"ko": "모두 선택", "en": "Select all"},
    "select_matches": {"ko": "검색 결과 모두 선택", "en": "Select all matches"},
    "f_reset": {"ko": "필터 초기화", "en": "Reset filters"},
    "view_all": {"ko": "전체 보기: 필터 없음", "en": "Showing everything: no filter"},
    "view_filtered": {"ko": "현재 필터", "en": "Current filter"},
    "view_counts": {"ko": "발췌 {n} / {total} · 참석자 {p} / {ptotal}",
                    "en": "{n} of {total} excerpts · {p} of {ptotal} participants"},
    "empty": {"ko": "현재 필터에 맞는 발언이 없습니다. 필터를 바꾸거나 초기화해 주세요.",
              "en": "No remark matches the current filter. Change the filter or reset it."},
    "data_error": {"ko": "데이터 폴더를 읽을 수 없습니다. 아래 문제를 고친 뒤 새로고침해 주세요.",
                   "en": "The data folder cannot be read. Fix the problems below, then reload."},
    "data_stale": {"ko": "디스크의 데이터 폴더에 아래 문제가 생겼습니다. 그동안 이 서버가 "
                         "마지막으로 읽은 정상 버전을 보여 줍니다. 문제를 고친 뒤 "
                         "새로고침하면 새 버전을 읽습니다.",
                   "en": "The data folder on disk now has the problems below. Meanwhile this page "
                         "shows the last version of it that loaded on this server; fix them and "
                         "reload to read the new version."},
    # Overview
    "m_participants": {"ko": "참석자", "en": "Participants"},
    "m_org_types": {"ko": "기관 유형", "en": "Organization types"},
    "m_excerpts": {"ko": "발췌", "en": "Excerpts"},
    "m_themes": {"ko": "주제", "en": "Themes"},
    # A soft hyphen: a narrow metric breaks the word as "Recommen-dations", not mid-letter.
    "m_recs": {"ko": "권고", "en": "Recommen\u00addations"},
    "m_reflected": {"ko": "반영", "en": "Reflected"},
    "m_reflected_of": {"ko": "{n} / {total}", "en": "{n} / {total}"},
    "top_themes": {"ko": "가장 많이 나온 주제 (참석자 수)", "en": "Top themes (participants)"},
    "participation": {"ko": "기관 유형별 참여", "en": "Participation by organization type"},
    "who_took_part": {"ko": "누가 참여했나 (기관 유형별)",
                      "en": "Who took part (by organization type)"},
    "who_counts": {"ko": "참석자 {n}명 · 발췌 {e}건", "en": "participants: {n} · excerpts: {e}"},
    "people_suffix": {"ko": "명", "en": ""},
    "status_overview": {"ko": "권고 반영 현황", "en": "Recommendation status"},
    "n_participants": {"ko": "참석자 수", "en": "Participants"},
    "n_excerpts": {"ko": "발췌 수", "en": "Excerpts"},
    "n_recs": {"ko": "권고 수", "en": "Recommendations"},
    # Who said what
    "participants_table": {"ko": "참석자", "en": "Participants"},
    "col_speaker": {"ko": "발언자", "en": "Speaker"},
    "col_organization": {"ko": "소속", "en": "Organization"},
    "col_role": {"ko": "직함", "en": "Role"},
    "col_org_type": {"ko": "기관 유형", "en": "Organization type"},
    "col_n_excerpts": {"ko": "발췌 수", "en": "Excerpts"},
    "read_one": {"ko": "한 참석자의 발언 전체 읽기", "en": "Read all remarks of one participant"},
    "everyone": {"ko": "모든 참석자", "en": "Everyone"},
    "person_in_filter": {"ko": "{name}의 발언 {total}건 중 현재 필터에 맞는 {n}건입니다.",
                         "en": "{n} of {name}'s {total} remarks match the current filter."},
    "excerpts_heading": {"ko": "발언 발췌", "en": "Excerpts"},
    "view_mode": {"ko": "보기", "en": "View"},
    "view_cards": {"ko": "카드", "en": "Cards"},
    "view_table": {"ko": "표", "en": "Table"},
    "show_en": {"ko": "영문 번역 함께 보기", "en": "Show English translation"},
    "download_csv": {"ko": "필터된 발췌 CSV 내려받기", "en": "Download filtered excerpts (CSV)"},
    "page_of": {"ko": "{page} / {pages} 쪽 · {n}건", "en": "Page {page} of {pages} · {n} items"},
    "page_no": {"ko": "쪽", "en": "Page"},
    "translation": {"ko": "번역", "en": "Translation"},
    # Themes
    "unit": {"ko": "세는 단위", "en": "Count"},
    "unit_participants": {"ko": "참석자 수", "en": "Participants"},
    "unit_excerpts": {"ko": "발췌 수", "en": "Excerpts"},
    "theme_freq": {"ko": "주제별 빈도 (기관 유형별 색)",
                   "en": "Theme frequency by organization type"},
    "theme_freq_help": {"ko": "막대를 누르면 근거 발언이 아래에 나옵니다.",
                        "en": "Click a bar to list its supporting excerpts below."},
    "crosstab": {"ko": "주제 × 기관 유형", "en": "Theme × organization type"},
    "measure": {"ko": "값", "en": "Value"},
    "measure_count": {"ko": "참석자 수", "en": "Participants"},
    "measure_share": {"ko": "유형 내 비율", "en": "Share of the type's participants"},
    "cooc": {"ko": "주제 동시 출현 (같은 발췌에 함께 코딩된 수)",
             "en": "Theme co-occurrence (excerpts coded with both)"},
    "tile_help": {"ko": "칸을 누르면 근거 발언이 아래에 나옵니다.",
                  "en": "Click a cell to list its supporting excerpts below."},
    "selected": {"ko": "선택한 항목의 근거 발언", "en": "Excerpts behind the selection"},
    "select_prompt": {"ko": "차트의 막대나 칸을 누르면 근거 발언을 여기에 보여 줍니다.",
                      "en": "Click a bar or a cell in a chart to list its excerpts here."},
    "clear_selection": {"ko": "선택 해제", "en": "Clear selection"},
    "codebook": {"ko": "코드북 (주제 정의)", "en": "Codebook (theme definitions)"},
    "col_theme": {"ko": "주제", "en": "Theme"},
    "col_definition": {"ko": "정의", "en": "Definition"},
    "col_keywords": {"ko": "핵심어", "en": "Keywords"},
    "share_note": {"ko": "비율은 현재 보기에서 해당 유형 참석자 중 그 주제를 말한 사람의 몫입니다"
                         " (n이 작으니 수와 함께 읽어 주세요).",
                   "en": "Share: of the type's participants in view, how many raised the theme "
                         "(n is small: read it with the counts)."},
    # Recommendations
    "f_status": {"ko": "반영 상태", "en": "Status"},
    "status_counts": {"ko": "상태별 권고 수", "en": "Recommendations by status"},
    "status_by_type": {"ko": "기관 유형별 권고 반영 상태 (그 유형 참석자가 낸 권고)",
                       "en": "Status of each organization type's recommendations"},
    "backers": {"ko": "제안한 참석자", "en": "Backed by"},
    "evidence": {"ko": "근거 발언 {n}건", "en": "{n} supporting excerpt(s)"},
    "no_recs": {"ko": "현재 필터에 맞는 권고가 없습니다.",
                "en": "No recommendation matches the current filter."},
    "rec_themes": {"ko": "주제", "en": "Themes"},
    "checklist": {"ko": "권고 체크리스트", "en": "Recommendation checklist"},
}


def t(key: str, lang: Lang, **values: object) -> str:
    """Return the UI string `key` in `lang`, formatted with `values`."""
    text = STRINGS[key][lang]
    return text.format(**values) if values else text

STRINGS.update({
    # Checklist editing (recommendations page)
    "edit": {"ko": "편집", "en": "Edit"},
    "edit_section": {"ko": "체크리스트 편집", "en": "Edit the checklist"},
    "editor_name": {"ko": "편집자 이름 (변경 이력에 남습니다)",
                    "en": "Your name (recorded in the change history)"},
    "editor_needed": {"ko": "편집하려면 먼저 이름을 입력해 주세요.",
                      "en": "Enter your name to start editing."},
    "editing_as": {"ko": "편집자: {name}", "en": "Editing as {name}"},
    "passcode": {"ko": "편집 암호", "en": "Edit passcode"},
    "unlock": {"ko": "편집 잠금 해제", "en": "Unlock editing"},
    "wrong_passcode": {"ko": "암호가 맞지 않습니다.", "en": "Wrong passcode."},
    "read_only": {"ko": "읽기 전용입니다: 이 서버는 네트워크에 공개되어 있고 편집 암호가 설정되지 "
                        "않았습니다. 편집하려면 환경 변수 SE_DASHBOARD_EDIT_PASSCODE 또는 "
                        "st.secrets의 edit_passcode를 설정하고 다시 시작하세요.",
                  "en": "Read-only: this server is open to the network and no edit passcode is "
                        "set. To enable editing, set SE_DASHBOARD_EDIT_PASSCODE or edit_passcode "
                        "in st.secrets and restart."},
    # The state file's faults: state_unusable / state_read_only with one state_why_* / state_ro_*
    "state_unusable": {"ko": "체크리스트 상태 파일 '{path}'을(를) 사용할 수 없습니다: {why} 그동안 "
                             "데이터 폴더의 상태를 보여 주며 편집은 꺼져 있습니다.",
                       "en": "The checklist state file '{path}' cannot be used: {why} Meanwhile "
                             "the data folder's statuses are shown and editing is off."},
    "state_why_directory": {"ko": "파일이 아니라 폴더입니다. SE_DASHBOARD_STATE에 파일 경로(예: "
                                  "state/checklist.sqlite)를 지정하고 다시 시작하세요.",
                            "en": "it is a folder, not a file. Set SE_DASHBOARD_STATE to a file "
                                  "path (e.g. state/checklist.sqlite) and restart."},
    "state_why_not_file": {"ko": "일반 파일이 아닙니다(장치, 파이프 또는 소켓). "
                                 "SE_DASHBOARD_STATE에 일반 파일 경로를 지정하고 다시 시작하세요.",
                           "en": "it is not a regular file (a device, pipe or socket). Set "
                                 "SE_DASHBOARD_STATE to a regular file and restart."},
    "state_why_unreachable": {"ko": "경로에 닿을 수 없습니다({detail}): 경로의 한 부분이 폴더가 "
                                    "아닌 파일일 수 있습니다. 있는 폴더 안의 파일을 지정하고 다시 "
                                    "시작하세요.",
                              "en": "its path cannot be reached ({detail}): a part of it may be a "
                                    "file, not a folder. Point SE_DASHBOARD_STATE at a file in an "
                                    "existing folder and restart."},
    "state_why_cannot_create": {"ko": "만들 수 없습니다({detail}). 폴더에 쓰기 권한을 주거나 다른 "
                                      "파일을 지정한 뒤 새로 고치세요.",
                                "en": "it cannot be created ({detail}). Make its folder "
                                      "writable, or point SE_DASHBOARD_STATE at another file, "
                                      "then reload."},
    "state_why_unreadable": {"ko": "읽을 수 없습니다({detail}). 파일 권한을 확인하고 새로 "
                                   "고치세요.",
                             "en": "it cannot be read ({detail}). Check its permissions and "
                                   "reload."},
    "state_why_not_sqlite": {"ko": "SQLite 데이터베이스가 아니거나 손상되었습니다({detail}). "
                                   "백업에서 되살리거나, 파일을 다른 곳으로 옮겨 새 파일이 "
                                   "만들어지게 한 뒤 새로 고치세요.",
                             "en": "it is not an SQLite database, or it is damaged ({detail}). "
                                   "Restore it from a backup, or move it away so that a new one "
                                   "is created, then reload."},
    "state_why_foreign": {"ko": "다른 프로그램의 SQLite 데이터베이스입니다(이 대시보드의 "
                                "체크리스트가 아님). 파일은 바꾸지 않았습니다. "
                                "SE_DASHBOARD_STATE에 다른 파일을 지정하고 다시 시작하세요.",
                          "en": "it is another application's SQLite database (not this "
                                "dashboard's checklist); it was not changed. Point "
                                "SE_DASHBOARD_STATE at another file and restart."},
    "state_why_newer": {"ko": "더 새 버전의 대시보드가 쓴 파일입니다(스키마 버전 {detail}, 이 "
                              "버전은 2까지 읽음). 대시보드를 업데이트하거나 다른 파일을 "
                              "지정하세요.",
                        "en": "it was written by a newer version of this dashboard (schema "
                              "version {detail}; this version reads 2). Update the dashboard, or "
                              "point SE_DASHBOARD_STATE at another file."},
    "state_why_cannot_init": {"ko": "비어 있는데 쓸 수 없어 체크리스트를 만들 수 없습니다. 파일과 "
                                    "폴더에 쓰기 권한을 주고 새로 고치세요.",
                              "en": "it is empty and cannot be written, so no checklist can be "
                                    "created in it. Make the file and its folder writable and "
                                    "reload."},
    "state_why_read_only": {"ko": "쓸 수 없습니다. 파일과 폴더의 권한을 확인하고 새로 고치세요.",
                            "en": "it cannot be written. Check the permissions of the file and "
                                  "its folder, then reload."},
    "state_why_failed": {"ko": "{detail}. 파일을 확인하거나 백업에서 되살린 뒤 새로 고치세요.",
                         "en": "{detail}. Check the file, or restore it from a backup, then "
                               "reload."},
    "state_read_only": {"ko": "체크리스트 상태 파일 '{path}'은(는) 읽기 전용입니다({why}). 저장된 "
                              "상태를 보여 주지만 편집은 꺼져 있습니다. 편집하려면 앱을 실행하는 "
                              "사용자에게 파일과 그 폴더의 쓰기 권한을 주고 새로 고치세요.",
                        "en": "The checklist state file '{path}' is read-only ({why}). The saved "
                              "state is shown, but editing is off. To edit, give the user "
                              "running the app write access to the file and its folder, then "
                              "reload."},
    "state_ro_file": {"ko": "파일에 쓸 수 없음", "en": "the file is not writable"},
    "state_ro_folder": {"ko": "파일이 있는 폴더에 쓸 수 없음: SQLite는 그 폴더에 저널 파일을 "
                              "만듭니다",
                        "en": "its folder is not writable, and SQLite keeps its journal files "
                              "there"},
    "edit_off_state": {"ko": "체크리스트 상태 파일에 쓸 수 없어 편집이 꺼져 있습니다(페이지 위 "
                             "안내 참고).",
                       "en": "Editing is off: the checklist state file cannot be written (see "
                             "the notice at the top of the page)."},
    "save_failed": {"ko": "저장하지 못했습니다: 체크리스트 상태 파일 '{path}'에 쓸 수 없습니다"
                          "({error}). 파일과 폴더를 확인하고 새로 고치세요.",
                    "en": "Not saved: the checklist state file '{path}' cannot be written "
                          "({error}). Check the file and its folder, then reload."},
    "read_only_not_local": {"ko": "읽기 전용입니다: 암호 없는 편집은 이 컴퓨터에서 "
                                  "http://localhost:{port} 로 연 경우에만 됩니다. 이 요청은 다른 "
                                  "주소(프록시, 터널, 포트 연결 또는 다른 호스트 이름)를 거쳐 "
                                  "왔습니다. 다른 곳에서 편집하려면 편집 암호 "
                                  "SE_DASHBOARD_EDIT_PASSCODE를 설정하고 다시 시작하세요.",
                            "en": "Read-only: editing without a passcode works only when the "
                                  "dashboard is opened on this machine at "
                                  "http://localhost:{port}; this request came another way (a "
                                  "proxy, tunnel, port mapping or another host name). To edit "
                                  "from elsewhere, set an edit passcode "
                                  "(SE_DASHBOARD_EDIT_PASSCODE) and restart."},
    "blank_passcode": {"ko": "편집 암호가 공백뿐이라 받아들이지 않았습니다. 편집은 꺼져 있습니다. "
                             "SE_DASHBOARD_EDIT_PASSCODE(또는 .streamlit/secrets.toml의 "
                             "edit_passcode)에 실제 암호를 넣거나 설정을 지우고 다시 시작하세요.",
                       "en": "The edit passcode is only whitespace and was refused; editing is "
                             "off. Set SE_DASHBOARD_EDIT_PASSCODE (or edit_passcode in "
                             ".streamlit/secrets.toml) to a real passcode, or remove it, and "
                             "restart."},
    "anonymize_forced": {"ko": "이 서버는 모든 사람에게 익명 보기를 적용합니다(관리자 설정).",
                         "en": "This server shows the anonymized view to everyone (set by the "
                               "administrator)."},
    "f_plan_section": {"ko": "반영 위치 (계획 항목)", "en": "Where reflected (plan section)"},
    "f_responsible_unit": {"ko": "담당 부서", "en": "Responsible unit"},
    "f_response_note": {"ko": "조치 내용 (무엇을 했는지)", "en": "Response (what was done)"},
    "f_change_note": {"ko": "변경 메모 (선택)", "en": "Change note (optional)"},
    "save": {"ko": "저장", "en": "Save"},
    "saved": {"ko": "{rec} 저장됨 (버전 {version})", "en": "{rec} saved (version {version})"},
    "nothing_changed": {"ko": "바뀐 내용이 없습니다.", "en": "Nothing changed."},
    "bulk_edit": {"ko": "표로 한꺼번에 편집", "en": "Bulk edit as a table"},
    "bulk_save": {"ko": "변경 모두 저장", "en": "Save all changes"},
    "bulk_reload": {"ko": "최신 상태로 다시 불러오기", "en": "Reload the latest state"},
    "bulk_saved": {"ko": "권고 {n}건 저장됨", "en": "{n} recommendation(s) saved"},
    "plan_section": {"ko": "반영 위치", "en": "Where reflected"},
    "responsible_unit": {"ko": "담당", "en": "Responsible"},
    "response_note": {"ko": "조치 내용", "en": "Response"},
    "version": {"ko": "버전", "en": "Version"},
    "history": {"ko": "변경 이력", "en": "Change history"},
    "history_all": {"ko": "전체 변경 이력", "en": "All changes"},
    "history_empty": {"ko": "아직 변경 이력이 없습니다.", "en": "No changes yet."},
    "download_history": {"ko": "변경 이력 CSV", "en": "History (CSV)"},
    "h_at": {"ko": "시각", "en": "When"},
    "h_editor": {"ko": "편집자", "en": "Editor"},
    "h_rec": {"ko": "권고", "en": "Recommendation"},
    "h_field": {"ko": "항목", "en": "Field"},
    "h_old": {"ko": "이전", "en": "Before"},
    "h_new": {"ko": "이후", "en": "After"},
    "h_note": {"ko": "메모", "en": "Note"},
    "snapshots": {"ko": "스냅샷 (예: 중간보고회, 최종보고회)",
                  "en": "Snapshots (e.g. interim and final report meetings)"},
    "snapshot_name": {"ko": "스냅샷 이름", "en": "Snapshot name"},
    "snapshot_take": {"ko": "현재 체크리스트를 스냅샷으로 저장",
                      "en": "Save the checklist as a snapshot"},
    "snapshot_taken": {"ko": "스냅샷 '{name}' 저장됨", "en": "Snapshot '{name}' saved"},
    "snapshot_before": {"ko": "이전 스냅샷", "en": "Before"},
    "snapshot_after": {"ko": "이후 스냅샷", "en": "After"},
    "snapshot_none": {"ko": "비교하려면 스냅샷이 두 개 이상 필요합니다.",
                      "en": "Take at least two snapshots to compare them."},
    "change_newly_reflected": {"ko": "새로 반영됨", "en": "Newly reflected"},
    "change_decided_not": {"ko": "미반영 결정", "en": "Declined"},
    "change_reopened": {"ko": "재검토", "en": "Reopened"},
    "change_regressed": {"ko": "후퇴", "en": "Moved back"},
    "change_unchanged": {"ko": "변동 없음", "en": "Unchanged"},
    "change_added": {"ko": "추가됨", "en": "Added"},
    "change_removed": {"ko": "삭제됨", "en": "Removed"},
    "orphaned": {"ko": "데이터에서 빠진 권고 (상태는 보존됨)",
                 "en": "Recommendations no longer in the data (their state is kept)"},
    "export": {"ko": "의견 반영 결과표 내보내기", "en": "Export the disposition table"},
    "export_xlsx": {"ko": "엑셀 (XLSX)", "en": "Excel (XLSX)"},
    "export_csv": {"ko": "CSV", "en": "CSV"},
    "disposition_title": {"ko": "의견 반영 결과표", "en": "Disposition of stakeholder opinions"},
    "sheet_name": {"ko": "의견 반영 결과", "en": "Disposition"},
    "export_rows": {"ko": "행 단위", "en": "One row per"},
    "export_per_rec": {"ko": "권고별", "en": "recommendation"},
    "export_per_remark": {"ko": "발언별", "en": "remark"},
    "export_state": {"ko": "내보낼 상태", "en": "State to export"},
    "export_current": {"ko": "현재 상태", "en": "current state"},
    "export_snapshot": {"ko": "스냅샷 '{name}'", "en": "snapshot '{name}'"},
    "export_as_of": {"ko": "{when} 기준", "en": "as of {when}"},
    "export_rows_help": {"ko": "발언별: 발언마다 한 행 (두 권고를 뒷받침한 발언은 권고마다 한 "
                               "행)",
                         "en": "By remark: one row per remark (a remark behind two "
                               "recommendations has a row for each)"},
    "progress": {"ko": "반영 진척", "en": "Progress"},
    "rate": {"ko": "반영률", "en": "Reflection rate"},
    "rate_value": {"ko": "{pct}% (반영 {r} + 부분반영 {p}×0.5) / {n}",
                   "en": "{pct}% (reflected {r} + partly {p}×0.5) / {n}"},
    "rate_rule": {"ko": "반영률 = (반영 + 0.5 × 부분반영) / 전체. 참석자가 적으니 수와 함께 읽어 "
                        "주세요.",
                  "en": "Reflection rate = (reflected + 0.5 × partly) / all. With few "
                        "participants, read it with the counts."},
    "rate_by_type": {"ko": "기관 유형별 반영률 (그 유형 참석자가 낸 권고)",
                     "en": "Reflection rate by organization type (its participants' "
                           "recommendations)"},
})

STRINGS.update({
    # Slide mode
    "page_slides": {"ko": "발표 모드", "en": "Slide mode"},
    "prev": {"ko": "이전", "en": "Previous"},
    "next": {"ko": "다음", "en": "Next"},
    "slide_of": {"ko": "{n} / {total}", "en": "{n} / {total}"},
    # A count and its noun on slides: the "_one" key is used when the count is 1.
    "s_n_participants": {"ko": "참석자 {n}명", "en": "{n} participants"},
    "s_n_participants_one": {"ko": "참석자 {n}명", "en": "{n} participant"},
    "s_n_orgs": {"ko": "기관 {n}곳", "en": "{n} organizations"},
    "s_n_orgs_one": {"ko": "기관 {n}곳", "en": "{n} organization"},
    "s_n_org_types": {"ko": "기관 유형 {n}개", "en": "{n} organization types"},
    "s_n_org_types_one": {"ko": "기관 유형 {n}개", "en": "{n} organization type"},
    "s_n_excerpts": {"ko": "발췌 {n}건", "en": "{n} excerpts"},
    "s_n_excerpts_one": {"ko": "발췌 {n}건", "en": "{n} excerpt"},
    "s_figures": {"ko": "한눈에 보기", "en": "At a glance"},
    "s_you_said": {"ko": "말씀하신 것", "en": "You said"},
    "s_we_did": {"ko": "반영한 것", "en": "We did"},
    "s_still_open": {"ko": "아직 남은 것", "en": "Still open"},
    "s_themes": {"ko": "주제별로 말한 참석자 수", "en": "Participants who raised each theme"},
    "s_crosstab": {"ko": "주제 × 기관 유형 (참석자 수)",
                   "en": "Theme × organization type (participants)"},
    "s_more_themes": {"ko": "외 주제 {n}개", "en": "and {n} more themes"},
    "s_more_themes_one": {"ko": "외 주제 {n}개", "en": "and {n} more theme"},
    "s_type": {"ko": "{type}: 가장 많이 말한 주제와 목소리",
               "en": "{type}: what they raised most, in their words"},
    "s_progress": {"ko": "권고 반영 현황", "en": "Where the recommendations stand"},
    "s_reflected": {"ko": "계획에 반영한 권고", "en": "Recommendations the plan takes up"},
    "s_open": {"ko": "아직 반영되지 않은 권고", "en": "Recommendations not yet reflected"},
    "s_none_reflected": {"ko": "아직 반영 또는 부분반영으로 표시된 권고가 없습니다.",
                         "en": "No recommendation is marked reflected or partly reflected yet."},
    "s_none_open": {"ko": "남은 권고가 없습니다: 모두 반영 또는 부분반영되었습니다.",
                    "en": "Nothing is left open: every recommendation is reflected or partly "
                          "reflected."},
    "s_part": {"ko": "{title} ({n}/{total})", "en": "{title} ({n}/{total})"},
    "s_section": {"ko": "반영 위치", "en": "Where in the plan"},
    "s_action": {"ko": "조치 내용", "en": "Action taken"},
    "s_no_reason": {"ko": "사유 미기재", "en": "no reason recorded yet"},
    "s_backed_by": {"ko": "참석자 {n}명 제안", "en": "raised by {n} participants"},
    "s_backed_by_one": {"ko": "참석자 {n}명 제안", "en": "raised by {n} participant"},
    "handout": {"ko": "인쇄용 보고서 (HTML)", "en": "Printable report (HTML)"},
    "handout_help": {"ko": "현재 필터와 익명 설정을 반영한 단일 HTML 파일입니다. "
                           "인터넷 없이 열리고 A4로 인쇄됩니다.",
                     "en": "One HTML file with the current filters and anonymization; opens "
                           "offline and prints on A4."},
})

STRINGS.update({
    # The printable report (handout.py)
    "ho_filter": {"ko": "필터", "en": "Filter"},
    "ho_generated": {"ko": "작성 시각", "en": "Generated"},
    "ho_source": {"ko": "출처: {source} 참석자 발언. 발췌는 원문 그대로이며, 주제와 권고는 "
                     "발췌에서 코딩한 것입니다.",
               "en": "Source: participants' remarks at {source}. Excerpts are quoted as "
                     "published; themes and recommendations are coded from them."},
    "ho_empty": {"ko": "현재 필터에 맞는 발언이 없습니다. 필터를 바꾸어 다시 출력해 주세요.",
              "en": "No remark matches the filter. Change the filter and print again."},
    "ho_summary": {"ko": "요약", "en": "Summary"},
    "ho_participants": {"ko": "참석자", "en": "Participants"},
    "ho_org_types": {"ko": "기관 유형", "en": "Organization types"},
    "ho_excerpts": {"ko": "발췌", "en": "Excerpts"},
    "ho_themes": {"ko": "주제", "en": "Themes"},
    "ho_recs": {"ko": "권고", "en": "Recommendations"},
    "ho_reflected": {"ko": "반영", "en": "Reflected"},
    "ho_reflected_of": {"ko": "{n} / {total}", "en": "{n} of {total}"},
    "ho_rate": {"ko": "반영률", "en": "Reflection rate"},
    "ho_rate_value": {"ko": "(반영 {r} + 부분반영 {p} × 0.5) / {n}",
                   "en": "(reflected {r} + partly {p} × 0.5) / {n}"},
    "ho_rate_rule": {"ko": "반영률 = (반영 + 0.5 × 부분반영) / 전체. 수가 적으니 개수와 함께 "
                        "읽어 주세요.",
                  "en": "Reflection rate = (reflected + 0.5 × partly) / all. The numbers are "
                        "small: read the rate with the counts."},
    "ho_participation": {"ko": "기관 유형별 참여", "en": "Participation by organization type"},
    "ho_participation_note": {"ko": "참석자 수 (괄호 안은 발췌 수)",
                           "en": "Participants (excerpts in brackets)"},
    "ho_people_suffix": {"ko": "명", "en": ""},
    "ho_theme_frequency": {"ko": "주제별 빈도", "en": "Theme frequency"},
    "ho_theme_frequency_note": {"ko": "주제를 언급한 참석자 수, 기관 유형별. 한 참석자는 주제마다 "
                                   "한 번만 셉니다. 주제는 코드북 순서입니다.",
                             "en": "Participants who raised each theme, by organization type; "
                                   "each participant counts once per theme. Codebook order."},
    "ho_theme_table": {"ko": "주제 × 기관 유형", "en": "Theme × organization type"},
    "ho_theme_table_note": {"ko": "칸의 수는 참석자 수이며, 진할수록 많습니다.",
                         "en": "Each cell counts participants; darker means more."},
    "ho_total": {"ko": "계", "en": "Total"},
    "ho_disposition": {"ko": "의견 반영 결과표", "en": "Disposition of stakeholder opinions"},
    "ho_col_no": {"ko": "연번", "en": "No."},
    "ho_col_opinion": {"ko": "권고 및 의견", "en": "Recommendation and opinions"},
    "ho_col_backers": {"ko": "제안한 참석자 (기관 유형)", "en": "Backed by (organization type)"},
    "ho_col_status_reason": {"ko": "반영 여부 · 처리 사유", "en": "Status · reason"},
    "ho_col_action": {"ko": "조치 내용 · 반영 위치", "en": "Action taken · where reflected"},
    "ho_by_participant": {"ko": "참석자별 발췌", "en": "Excerpts by participant"},
    "ho_n_excerpts": {"ko": "발췌 {n}개", "en": "{n} excerpts"},
    "ho_n_excerpt": {"ko": "발췌 {n}개", "en": "{n} excerpt"},
    "ho_translation": {"ko": "영어 번역", "en": "English translation"},
})

STRINGS.update({
    # The checklist's reason field, history, snapshots and toolbar (recommendations page)
    "reason": {"ko": "처리 사유", "en": "Reason"},
    "f_reason": {"ko": "처리 사유 (미반영은 필수, 부분반영은 반영하지 않은 부분과 그 이유)",
                 "en": "Reason (required when not reflected; when partly reflected, what was "
                       "left out and why)"},
    "reason_help": {"ko": "의견마다 반영 여부와 그 사유를 공개합니다. 미반영이면 반드시 적고, "
                          "부분반영이면 반영하지 않은 부분과 그 이유를 적어 주세요. 추진불가나 "
                          "타기관 이첩도 미반영으로 두고 여기에 적습니다.",
                    "en": "Each opinion's status is published with its reason. Required when not "
                          "reflected; when partly reflected, say what was left out and why. "
                          "Infeasible items and items referred to another agency are marked not "
                          "reflected, with that reason here."},
    "reason_required": {"ko": "저장하지 않았습니다: 미반영으로 두려면 처리 사유를 적어 "
                              "주세요({recs}).",
                        "en": "Not saved: a recommendation marked not reflected needs its "
                              "reason ({recs})."},
    "reason_prompt": {"ko": "부분반영의 처리 사유가 비어 있습니다({recs}). 반영하지 않은 부분과 "
                            "그 이유를 적어 두면 결과표에 함께 나갑니다.",
                      "en": "The reason of a partly reflected recommendation is blank ({recs}). "
                            "Note what was left out and why: it goes into the disposition "
                            "table."},
    "reason_missing": {"ko": "사유 미기재", "en": "no reason recorded yet"},
    "h_seed_editor": {"ko": "데이터 폴더", "en": "data folder"},
    "h_seed_note": {"ko": "데이터에서 가져옴", "en": "loaded from the data"},
    "h_when_who": {"ko": "시각 · 편집자", "en": "When · who"},
    "h_change": {"ko": "변경 내용", "en": "Change"},
    "h_blank": {"ko": "(빈칸)", "en": "(blank)"},
    "h_updated": {"ko": "마지막 저장", "en": "Last saved"},
    "c_before": {"ko": "이전 상태", "en": "Status before"},
    "c_after": {"ko": "이후 상태", "en": "Status after"},
    "c_reason": {"ko": "처리 사유 (이후)", "en": "Reason (after)"},
    "c_change": {"ko": "변화", "en": "Change"},
    "compare_rule": {"ko": "변동 없음: 두 스냅샷에서 상태가 같음 · 미반영 결정: 검토중 → 미반영 "
                           "(사유와 함께 내린 결정이며 후퇴가 아님) · 후퇴: 반영 또는 부분반영에서 "
                           "낮아짐 · 재검토: 미반영 → 검토중",
                     "en": "Unchanged: the same status in both snapshots · Declined: under "
                           "review → not reflected (a decision with its reason, not a step "
                           "back) · Moved back: lower than reflected or partly reflected · "
                           "Reopened: not reflected → under review"},
    "snapshot_open_after": {"ko": "'{name}' 기준 아직 검토중인 권고: {n}건",
                            "en": "Still under review in '{name}': {n}"},
    "sn_name": {"ko": "이름", "en": "Name"},
    "sn_taken": {"ko": "저장 시각", "en": "Taken"},
    "sn_items": {"ko": "권고 수", "en": "Recommendations"},
    "snapshot_need_name": {"ko": "스냅샷을 저장하려면 페이지 위쪽에 편집자 이름을 입력해 "
                                 "주세요.",
                           "en": "Enter your name near the top of the page to save a snapshot."},
    "tab_snapshots": {"ko": "스냅샷", "en": "Snapshots"},
    "tab_export": {"ko": "결과표 내보내기", "en": "Export"},
})

# --- import page ---
STRINGS.update({
    # The import page (pages/6_import.py): bringing a meeting's minutes in, data versions
    "page_import": {"ko": "가져오기", "en": "Import"},
    "import_intro": {"ko": "새 회의의 회의록을 불러와 대시보드에 더합니다. 저장하면 데이터 폴더의 "
                           "새 버전이 만들어지고 검사를 통과한 뒤에만 그 버전으로 바뀝니다. 이전 "
                           "버전은 그대로 남아 언제든 되돌릴 수 있습니다.",
                     "en": "Adds a new meeting's minutes to the dashboard. Saving writes a new "
                           "version of the data folder and switches to it only once it passes "
                           "the checks. Earlier versions are kept and can be switched back to at "
                           "any time."},
    "import_rule": {"ko": "가져오기와 버전 전환은 체크리스트 편집과 같은 규칙을 따릅니다.",
                    "en": "Importing and switching versions follow the same rule as editing the "
                          "checklist."},
    "import_read_only": {"ko": "이 화면에서는 데이터 버전 목록만 볼 수 있습니다.",
                         "en": "Here you can only see the list of data versions."},
    "import_step_source": {"ko": "1. 회의록", "en": "1. The minutes"},
    "import_upload": {"ko": "회의록 파일 (TXT, MD, DOCX, HWPX, XLSX, CSV)",
                      "en": "Minutes file (TXT, MD, DOCX, HWPX, XLSX, CSV)"},
    "import_upload_help": {"ko": "파일 하나에 최대 {mb} MB. 한글 HWP 파일은 한글에서 "
                                 "'다른 이름으로 저장'으로 HWPX 형식으로 저장해 올려 주세요.",
                           "en": "Up to {mb} MB per file. Save a 한글 HWP file as HWPX (File → "
                                 "Save as) in 한글, then upload that."},
    "import_limit": {"ko": "올릴 수 있는 파일 크기: 최대 {mb} MB", "en": "Largest file: {mb} MB"},
    "import_paste": {"ko": "또는 회의록 본문 붙여 넣기",
                     "en": "Or paste the text of the minutes"},
    "import_paste_help": {"ko": "한글이나 워드에서 본문을 복사해 붙여 넣은 뒤 "
                                "'붙여 넣은 내용 읽기'를 누르세요.",
                          "en": "Copy the text from 한글 or Word, paste it here, then press "
                                "'Read the pasted text'."},
    "import_paste_read": {"ko": "붙여 넣은 내용 읽기", "en": "Read the pasted text"},
    "import_paste_empty": {"ko": "붙여 넣은 내용이 없습니다.", "en": "Nothing was pasted."},
    "import_template": {"ko": "엑셀 양식 내려받기", "en": "Download the Excel template"},
    "import_template_help": {"ko": "발언자·소속·직위·발언 내용 열이 있는 양식입니다. 한 줄에 발언 "
                                   "하나씩 채운 뒤 위에 올리세요.",
                             "en": "A sheet with columns for speaker, organization, role and "
                                   "remark. Fill in one remark a row, then upload it above."},
    "import_parsing": {"ko": "회의록을 읽는 중…", "en": "Reading the minutes…"},
    "import_read_from": {"ko": "읽은 회의록: {name}", "en": "Minutes read: {name}"},
    "import_start_over": {"ko": "처음부터 다시", "en": "Start over"},
    "import_step_meeting": {"ko": "2. 회의", "en": "2. The meeting"},
    "import_title_ko": {"ko": "회의 이름 (예: 최종보고회)",
                        "en": "Meeting name in Korean (e.g. 최종보고회)"},
    "import_title_en": {"ko": "영어 이름 (선택)", "en": "English name (optional)"},
    "import_title_en_help": {"ko": "비워 두면 알려진 이름(최종보고회 → Final report meeting)이나 "
                                   "한국어 이름을 씁니다.",
                             "en": "Left blank: the usual English name (최종보고회 → Final report "
                                   "meeting) or the Korean name."},
    "import_date": {"ko": "회의 날짜 (선택)", "en": "Date of the meeting (optional)"},
    "import_meeting_needed": {"ko": "회의 이름을 적으면 찾은 발언과 저장 단추가 나옵니다.",
                              "en": "Name the meeting to see the remarks found and save them."},
    "import_meeting_exists": {"ko": "'{name}' 회의는 이미 데이터에 있습니다. 다른 이름을 적어 "
                                    "주세요(예: '{name} 2차').",
                              "en": "The data already has a meeting '{name}'. Give this one "
                                    "another name (e.g. '{name} 2차')."},
    "import_step_turns": {"ko": "3. 찾은 발언", "en": "3. Remarks found"},
    "import_found": {"ko": "발언자 {speakers}명, 발언 {turns}개, 발췌 {excerpts}개를 찾았습니다.",
                     "en": "Found {speakers} speakers, {turns} turns and {excerpts} excerpts."},
    "import_col_no": {"ko": "번호", "en": "No."},
    "import_col_speaker": {"ko": "발언자", "en": "Speaker"},
    "import_col_where": {"ko": "위치", "en": "Where"},
    "import_col_text": {"ko": "내용", "en": "Text"},
    "import_col_why": {"ko": "이유", "en": "Why"},
    "import_col_organization": {"ko": "소속", "en": "Organization"},
    "import_col_role": {"ko": "직함", "en": "Role"},
    "import_col_org_type": {"ko": "기관 유형", "en": "Organization type"},
    "import_col_known": {"ko": "기존 참석자", "en": "Already in the data"},
    "import_col_turns": {"ko": "발언 수", "en": "Turns"},
    "import_col_excerpts": {"ko": "발췌 수", "en": "Excerpts"},
    "import_turns": {"ko": "발언 목록", "en": "The turns"},
    "import_skipped": {"ko": "발언이 아니어서 건너뛴 줄 ({n})",
                       "en": "Lines skipped as not remarks ({n})"},
    "import_unattributed": {"ko": "발언자를 알 수 없는 부분 ({n})",
                            "en": "Text with no speaker ({n})"},
    "import_unattributed_help": {"ko": "이 부분은 저장되지 않습니다. 회의록에서 발언자를 적어 다시 "
                                       "올리거나 본문을 고쳐 붙여 넣으세요.",
                                 "en": "This text is not saved. Add its speaker in the minutes "
                                       "and upload them again, or paste a corrected text."},
    "import_speakers": {"ko": "발언자별 소속·직함·기관 유형",
                        "en": "Each speaker's organization, role and type"},
    "import_speakers_help": {"ko": "칸을 눌러 고칩니다. 기관 유형은 목록에서 고르세요. "
                                   "데이터에 이미 있는 참석자는 데이터의 값을 가져왔습니다.",
                             "en": "Click a cell to correct it; choose the organization type from "
                                   "the list. Speakers already in the data come with their values "
                                   "from it."},
    "import_untyped_note": {"ko": "기관 유형이 '{label}'인 발언자가 {n}명 있습니다. 그대로 "
                                  "저장해도 되고, 대시보드에는 '{label}'(으)로 나옵니다.",
                            "en": "{n} speaker(s) have the type '{label}'. You can save them as "
                                  "they are; the dashboard shows them as '{label}'."},
    "import_corrected": {"ko": "고친 내용을 반영했습니다.", "en": "Correction applied."},
    "import_correct_failed": {"ko": "고치지 못했습니다: {why}", "en": "Not changed: {why}"},
    "import_reassign": {"ko": "발언자 다시 지정", "en": "Give a turn to another speaker"},
    "import_reassign_help": {"ko": "발언자를 잘못 찾은 발언을 골라, 찾은 발언자나 기존 참석자 중 "
                                   "맞는 사람에게 돌립니다.",
                             "en": "Pick a turn attributed to the wrong speaker and give it to "
                                   "one of the speakers found or of the participants already in "
                                   "the data."},
    "import_reassign_turn": {"ko": "발언", "en": "Turn"},
    "import_reassign_to": {"ko": "맞는 발언자", "en": "Right speaker"},
    "import_reassign_button": {"ko": "발언자 바꾸기", "en": "Change the speaker"},
    "import_reassigned": {"ko": "발언 {n}의 발언자를 '{name}'(으)로 바꿨습니다.",
                          "en": "Turn {n} is now attributed to '{name}'."},
    "import_found_speaker": {"ko": "찾은 발언자", "en": "found"},
    "import_known_speaker": {"ko": "기존 참석자", "en": "in the data"},
    "import_step_save": {"ko": "4. 저장", "en": "4. Save"},
    "import_save": {"ko": "새 버전으로 저장", "en": "Save as a new version"},
    "import_save_help": {"ko": "지금 데이터에 이 회의의 발언을 더한 새 데이터 폴더를 만들고, "
                               "검사를 통과하면 그 버전으로 바꿉니다. 지금 버전은 그대로 남습니다.",
                         "en": "Writes a new data folder: the current data plus this meeting's "
                               "remarks; switches to it once it passes the checks. The current "
                               "version is kept."},
    "import_saving": {"ko": "새 버전을 쓰고 검사하는 중…",
                      "en": "Writing and checking the new version…"},
    "import_saved": {"ko": "'{title}' 회의의 발췌 {n}개(발언자 {p}명)를 새 버전 '{version}'(으)로 "
                           "저장했습니다. 이제 대시보드의 모든 페이지가 이 버전을 보여 줍니다. "
                           "이 발언들은 아직 주제 코딩 전입니다.",
                     "en": "Saved {n} excerpts ({p} speakers) of '{title}' as the new version "
                           "'{version}'. Every page of the dashboard now shows this version. "
                           "These remarks are not yet coded with themes."},
    "import_open_meeting": {"ko": "개요에서 '{title}' 보기", "en": "See '{title}' in the overview"},
    "import_invalid": {"ko": "저장하지 않았습니다: 새 데이터 폴더가 검사를 통과하지 못했습니다. "
                             "지금 버전은 그대로입니다. 문제:",
                       "en": "Not saved: the new data folder did not pass the checks. The "
                             "current version is unchanged. Problems:"},
    "import_failed": {"ko": "저장하지 않았습니다: {why}. 지금 버전은 그대로입니다.",
                      "en": "Not saved: {why}. The current version is unchanged."},
    "import_versions": {"ko": "데이터 버전", "en": "Data versions"},
    "import_versions_help": {"ko": "가져오기로 저장할 때마다 새 버전이 생깁니다. 아래에서 다른 "
                                   "버전(이전 버전이나 원본 데이터 폴더)으로 바꾸면 다음 화면부터 "
                                   "대시보드가 그 버전을 보여 줍니다. 버전은 지워지지 않습니다.",
                             "en": "Every import saved makes a new version. Switching to another "
                                   "one below (an earlier version or the original data folder) "
                                   "makes the dashboard show it from the next screen on. No "
                                   "version is deleted."},
    "import_v_label": {"ko": "이름", "en": "Name"},
    "import_v_created": {"ko": "만든 시각", "en": "Created"},
    "import_v_current": {"ko": "사용 중", "en": "In use"},
    "import_v_folder": {"ko": "폴더", "en": "Folder"},
    "import_v_base": {"ko": "원본 데이터 폴더", "en": "Original data folder"},
    "import_v_none": {"ko": "아직 저장한 버전이 없습니다: 원본 데이터 폴더를 사용 중입니다.",
                      "en": "No version saved yet: the original data folder is in use."},
    "import_v_in_use": {"ko": "지금 사용 중: {name}", "en": "In use now: {name}"},
    "import_v_switch_to": {"ko": "바꿀 버전", "en": "Version to switch to"},
    "import_v_switch": {"ko": "이 버전으로 바꾸기…", "en": "Switch to this version…"},
    "import_v_confirm": {"ko": "'{name}'(으)로 바꿀까요? 대시보드의 모든 페이지가 다음 화면부터 "
                               "이 버전을 보여 줍니다. 언제든 다시 바꿀 수 있습니다.",
                         "en": "Switch to '{name}'? Every page of the dashboard shows this "
                               "version from the next screen on. You can switch again at any "
                               "time."},
    "import_v_confirm_yes": {"ko": "바꾸기", "en": "Switch"},
    "import_v_cancel": {"ko": "취소", "en": "Cancel"},
    "import_v_switched": {"ko": "'{name}'(으)로 바꿨습니다.", "en": "Switched to '{name}'."},
    "import_v_already": {"ko": "이미 사용 중인 버전입니다.",
                         "en": "This version is already in use."},
    "import_v_switch_failed": {"ko": "바꾸지 못했습니다: {why}", "en": "Not switched: {why}"},
})
# --- end import page ---

# --- compare ---
STRINGS.update({
    # Comparing meetings (pages/5_compare.py) and the slide "since the first meeting in view"
    "page_compare": {"ko": "회의 비교", "en": "Compare meetings"},
    "cmp_need_two_import": {
        "ko": "회의 비교에는 회의가 두 개 이상 필요합니다. 지금 데이터에는 회의가 하나({meeting})뿐"
              "입니다. 다음 회의의 회의록은 가져오기 페이지에서 들여올 수 있습니다: 회의록 파일을 "
              "올리고 회의 이름과 날짜를 적어 저장하면 이 페이지에서 두 회의를 비교합니다.",
        "en": "Comparing meetings needs at least two meetings; the data holds one ({meeting}). "
              "Bring in the next meeting's minutes on the Import page (가져오기): upload the "
              "minutes, name the meeting and its date, and save; this page then compares the "
              "two."},
    "cmp_need_two_filter": {
        "ko": "사이드바의 회의 필터에 회의가 하나({meeting})만 골라져 있습니다. "
              "비교하려면 회의를 두 개 이상 고르거나 회의 필터를 비워 주세요.",
        "en": "The sidebar's meeting filter keeps one meeting ({meeting}). To compare, choose two "
              "or more meetings there, or clear the meeting filter."},
    "cmp_earlier": {"ko": "이전 회의", "en": "Earlier meeting"},
    "cmp_later": {"ko": "이후 회의", "en": "Later meeting"},
    "cmp_same": {"ko": "같은 회의를 두 번 골랐습니다. 서로 다른 두 회의를 골라 주세요.",
                 "en": "The same meeting is chosen twice. Choose two different meetings."},
    "cmp_in_view": {"ko": "{meeting}: 참석자 {p}명 · 발췌 {e}건",
                    "en": "{meeting}: {p} participants · {e} excerpts"},
    "cmp_not_coded": {"ko": "코딩 전 {n}건", "en": "{n} not yet coded"},
    "cmp_uncoded_note": {
        "ko": "{meeting} 발언 {n}건은 아직 주제를 코딩하지 않아 주제 비교에 들어가지 않았습니다. "
              "'더 이상 나오지 않은 주제'와 '새로 나온 주제'는 코딩이 끝나면 달라질 수 있습니다.",
        "en": "{n} remarks of the {meeting} are not yet coded, so they are not in the theme "
              "comparison; what is 'new' and what is 'no longer raised' may change once they are "
              "coded."},
    "cmp_theme_freq": {"ko": "주제별 빈도: 두 회의 나란히", "en": "Theme frequency, side by side"},
    "cmp_theme_freq_help": {
        "ko": "두 회의 중 한 곳에서라도 나온 주제를 코드북 순서로 보여 줍니다. 코딩된 발언만 "
              "셉니다. 막대마다 회의를 무늬와 순서로도 구분하고 값을 적었습니다.",
        "en": "Themes raised at either meeting, in codebook order; coded remarks only. Each "
              "meeting's bars have their own pattern and place in the pair, and carry their "
              "value."},
    "cmp_theme_table": {"ko": "주제 × 회의 표 (참석자 수와 발췌 수)",
                        "en": "Theme × meeting table (participants and excerpts)"},
    "cmp_changes": {"ko": "새로 나온 주제, 이어진 주제, 더 이상 나오지 않은 주제",
                    "en": "What is new, what persisted, what was no longer raised"},
    "cmp_changes_help": {"ko": "괄호 안은 그 주제를 말한 참석자 수입니다: {earlier} → {later}.",
                         "en": "In brackets: participants who raised the theme, {earlier} → "
                               "{later}."},
    "cmp_new": {"ko": "새로 나온 주제", "en": "New"},
    "cmp_new_help": {"ko": "{later}에서만 나옴", "en": "raised at the {later} only"},
    "cmp_persisted": {"ko": "계속 나온 주제", "en": "Persisted"},
    "cmp_persisted_help": {"ko": "두 회의 모두에서 나옴", "en": "raised at both meetings"},
    "cmp_dropped": {"ko": "더 이상 나오지 않은 주제", "en": "No longer raised"},
    "cmp_dropped_help": {"ko": "{earlier}에서만 나옴", "en": "raised at the {earlier} only"},
    "cmp_none": {"ko": "없음", "en": "None"},
    "cmp_speakers": {"ko": "누가 두 회의 모두에서 발언했나", "en": "Who spoke at both"},
    "cmp_speakers_counts": {"ko": "두 회의 모두 {both}명 · {earlier}에서만 {e}명 · {later}에서만 "
                                  "{l}명",
                            "en": "At both: {both} · at the {earlier} only: {e} · at the "
                                  "{later} only: {l}"},
    "cmp_spoke_both": {"ko": "두 회의 모두", "en": "Both"},
    "cmp_spoke_only": {"ko": "{meeting}에서만", "en": "{meeting} only"},
    "cmp_col_spoke_at": {"ko": "발언한 회의", "en": "Spoke at"},
    "cmp_col_theme": {"ko": "주제", "en": "Theme"},
    "cmp_col_change": {"ko": "변화", "en": "Change"},
    "cmp_change_new": {"ko": "새로 나옴", "en": "New"},
    "cmp_change_persisted": {"ko": "계속 나옴", "en": "Persisted"},
    "cmp_change_dropped": {"ko": "더 이상 안 나옴", "en": "No longer raised"},
    "cmp_col_participants_at": {"ko": "{meeting} 참석자", "en": "{meeting}: participants"},
    "cmp_col_excerpts_at": {"ko": "{meeting} 발췌", "en": "{meeting}: excerpts"},
    "cmp_recs": {"ko": "권고별로 근거 발언이 나온 회의",
                 "en": "The meetings behind each recommendation"},
    "cmp_recs_help": {"ko": "현재 보기에서 각 권고를 뒷받침하는 발언을 회의별로 셉니다(참석자 수와 "
                            "발췌 수).",
                      "en": "The remarks in view that back each recommendation, counted per "
                            "meeting (participants and excerpts)."},
    "cmp_col_rec_id": {"ko": "ID", "en": "ID"},
    "cmp_col_rec": {"ko": "권고", "en": "Recommendation"},
    "cmp_col_status": {"ko": "반영 상태", "en": "Status"},
    "cmp_col_backed_at": {"ko": "근거가 나온 회의", "en": "Backed at"},
    "cmp_no_recs": {"ko": "현재 보기의 발언이 뒷받침하는 권고가 없습니다.",
                    "en": "No recommendation is backed by the remarks in view."},
    "cmp_download": {"ko": "CSV 내려받기", "en": "Download CSV"},
    # The slide (slide mode) and the meetings named on slides
    "s_since": {"ko": "{meeting} 이후", "en": "Since the {meeting}"},
    "s_since_sub": {"ko": "{earlier} → {later} · 주제를 말한 참석자 수",
                    "en": "{earlier} → {later} · participants who raised each theme"},
    "s_since_both": {"ko": "두 회의 모두 발언한 참석자 {n}명",
                     "en": "{n} participants spoke at both"},
    "s_since_both_one": {"ko": "두 회의 모두 발언한 참석자 {n}명",
                         "en": "{n} participant spoke at both"},
    "s_since_uncoded": {"ko": "{meeting} 발언 {n}건은 아직 코딩 전이라 주제에 들지 않았습니다.",
                        "en": "{n} remarks of the {meeting} are not yet coded and not counted "
                              "in the themes."},
    "s_since_uncoded_one": {"ko": "{meeting} 발언 {n}건은 아직 코딩 전이라 주제에 들지 않았습니다.",
                            "en": "{n} remark of the {meeting} is not yet coded and not counted "
                                  "in the themes."},
    "s_since_more": {"ko": "외 {n}개", "en": "and {n} more"},
})
# --- end compare ---

# --- meetings ---
STRINGS.update({
    # Meetings as a dimension: the meeting filter, the meetings a view covers, remarks not yet
    # coded (no themes yet) and how pages and the printable report say so
    "f_meetings": {"ko": "회의", "en": "Meeting"},
    "mt_banner": {"ko": "회의: {meetings}", "en": "Meetings: {meetings}"},
    "mt_view_counts": {"ko": "발췌 {n} / {total} (아직 코딩되지 않은 {u}건 포함) · "
                             "참석자 {p} / {ptotal}",
                       "en": "{n} of {total} excerpts ({u} not yet coded) · {p} of {ptotal} "
                             "participants"},
    "mt_not_coded": {"ko": "{n}개 발언은 아직 코딩되지 않았습니다. 발췌·참석자 수에는 들어가고 "
                           "주제 집계에는 들지 않습니다.",
                     "en": "{n} remarks not yet coded: they count as excerpts and participants "
                           "but are in no theme figure."},
    "mt_not_coded_one": {"ko": "{n}개 발언은 아직 코딩되지 않았습니다. 발췌·참석자 수에는 "
                               "들어가고 주제 집계에는 들지 않습니다.",
                         "en": "{n} remark not yet coded: it counts as an excerpt and its "
                               "participant as a participant, but is in no theme figure."},
    "mt_left_out": {"ko": "아직 코딩되지 않은 발언 {n}개는 주제가 없어 주제 필터가 걸린 이 "
                          "보기에 들지 않습니다.",
                    "en": "{n} remarks not yet coded have no theme yet, so the theme filter "
                          "leaves them out of this view."},
    "mt_left_out_one": {"ko": "아직 코딩되지 않은 발언 {n}개는 주제가 없어 주제 필터가 걸린 이 "
                              "보기에 들지 않습니다.",
                        "en": "{n} remark not yet coded has no theme yet, so the theme filter "
                              "leaves it out of this view."},
    "mt_uncoded_chip": {"ko": "아직 코딩되지 않음", "en": "Not yet coded"},
    "mt_scope": {"ko": "집계 범위: {meetings}", "en": "Counted over: {meetings}"},
    "mt_scope_meeting": {"ko": "{meeting} 발췌 {e}건 · 참석자 {p}명",
                         "en": "{meeting}: {e} excerpts · {p} participants"},
    "mt_scope_meeting_not_coded": {"ko": "{meeting} 발췌 {e}건(코딩 전 {u}건) · 참석자 {p}명",
                                   "en": "{meeting}: {e} excerpts ({u} not yet coded) · {p} "
                                         "participants"},
    "mt_themes_help": {"ko": "코딩된 발췌에 나온 주제의 수입니다. 아직 코딩되지 않은 발췌는 "
                             "들지 않습니다.",
                       "en": "Themes raised in the coded excerpts; excerpts not yet coded are "
                             "not in it."},
    "mt_col_meeting": {"ko": "회의", "en": "Meeting"},
    "ho_meetings": {"ko": "회의", "en": "Meetings"},
    "ho_not_coded": {"ko": "아직 코딩되지 않은 발췌", "en": "Excerpts not yet coded"},
})
# --- end meetings ---

