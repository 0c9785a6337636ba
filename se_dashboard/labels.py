"""Every UI string in Korean and English: the app's and the printable report's. Labels of data
(themes, org types) come from the data."""

from __future__ import annotations

from .vocab import Lang

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
