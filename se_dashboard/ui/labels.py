"""Every UI string in Korean and English. Labels of data (themes, org types) come from the data."""

from __future__ import annotations

from se_dashboard.vocab import Lang

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
    # Filters
    "filters": {"ko": "필터", "en": "Filters"},
    "f_org_types": {"ko": "기관 유형", "en": "Organization type"},
    "f_speakers": {"ko": "참석자", "en": "Participant"},
    "f_themes": {"ko": "주제", "en": "Theme"},
    "f_kinds": {"ko": "발언 종류", "en": "Kind of remark"},
    "f_query": {"ko": "검색어", "en": "Search"},
    "f_query_help": {"ko": "발췌·이름·소속에서 찾습니다(대소문자 무시).",
                     "en": "Searches excerpts, names and organizations (case-insensitive)."},
    "f_all": {"ko": "전체", "en": "All"},
    "f_reset": {"ko": "필터 초기화", "en": "Reset filters"},
    "view_all": {"ko": "전체 보기: 필터 없음", "en": "Showing everything: no filter"},
    "view_filtered": {"ko": "현재 필터", "en": "Current filter"},
    "view_counts": {"ko": "발췌 {n} / {total} · 참석자 {p} / {ptotal}",
                    "en": "{n} of {total} excerpts · {p} of {ptotal} participants"},
    "empty": {"ko": "현재 필터에 맞는 발언이 없습니다. 필터를 바꾸거나 초기화해 주세요.",
              "en": "No remark matches the current filter. Change the filter or reset it."},
    "data_error": {"ko": "데이터 폴더를 읽을 수 없습니다. 아래 문제를 고친 뒤 새로고침해 주세요.",
                   "en": "The data folder cannot be read. Fix the problems below, then reload."},
    # Overview
    "m_participants": {"ko": "참석자", "en": "Participants"},
    "m_org_types": {"ko": "기관 유형", "en": "Organization types"},
    "m_excerpts": {"ko": "발췌", "en": "Excerpts"},
    "m_themes": {"ko": "주제", "en": "Themes"},
    "m_recs": {"ko": "권고", "en": "Recommendations"},
    "m_reflected": {"ko": "반영", "en": "Reflected"},
    "m_reflected_of": {"ko": "{n} / {total} 반영", "en": "{n} of {total} reflected"},
    "top_themes": {"ko": "가장 많이 나온 주제 (참석자 수)", "en": "Top themes (participants)"},
    "participation": {"ko": "기관 유형별 참여", "en": "Participation by organization type"},
    "status_overview": {"ko": "권고 반영 현황", "en": "Recommendation status"},
    "n_participants": {"ko": "참석자 수", "en": "Participants"},
    "n_excerpts": {"ko": "발췌 수", "en": "Excerpts"},
    "n_recs": {"ko": "권고 수", "en": "Recommendations"},
    "source_note": {"ko": "출처: {source}", "en": "Source: {source}"},
    # Who said what
    "participants_table": {"ko": "참석자", "en": "Participants"},
    "col_speaker": {"ko": "발언자", "en": "Speaker"},
    "col_organization": {"ko": "소속", "en": "Organization"},
    "col_role": {"ko": "직함", "en": "Role"},
    "col_org_type": {"ko": "기관 유형", "en": "Organization type"},
    "col_n_excerpts": {"ko": "발췌 수", "en": "Excerpts"},
    "read_one": {"ko": "한 참석자의 발언 전체 읽기", "en": "Read all remarks of one participant"},
    "everyone": {"ko": "모든 참석자", "en": "Everyone"},
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
