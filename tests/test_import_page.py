"""The import page in AppTest: paste minutes → the turns found → correct a speaker's type →
save as a new version that the dashboard serves → switch back; a meeting name the data already
has is refused; a read-only or locked session gets no import or switch controls; broken input
gives the intake's message, never a traceback; an invalid result shows its report and switches
nothing; an input is read once, not on every rerun."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import APP
from helpers_data import copy_data
from streamlit.testing.v1 import AppTest

from se_dashboard.analysis.filters import Filters
from se_dashboard.data import versions
from se_dashboard.data.loader import DATA_ENV, base_folder, data_folder, load
from se_dashboard.intake import documents
from se_dashboard.ui import checklist_edit, import_view

PAGE = "pages/6_import.py"
NOTICE = re.compile(r'<div class="sed-notice"[^>]*>(.) (.*?)</div>', re.S)
SYMBOLS = {"✓": "success", "✕": "error", "⚠": "warning", "ℹ": "info"}
# Two speakers as the bundled article writes them (name(organization role) text), one already
# in the data (이은애 of 서울시 사회적경제지원센터), one new; the second remark carries markup.
MINUTES = (
    "광명시 사회적경제 기본계획 최종보고회\n"
    "일시: 2026년 11월 20일 14:00\n"
    "○ 이은애(서울시 사회적경제지원센터장) 실행 계획을 현장과 함께 점검해 주었으면 한다. "
    "분기마다 한 번은 모이면 좋겠다.\n"
    "○ 박새롬(새봄소비자협동조합 이사장) 공공구매를 <b>늘려</b> 주기 바란다. "
    "**별표**도 글자 그대로 남아야 한다.\n"
    "- 끝 -\n")
NEW = "박새롬"


def notices(at: AppTest, kind: str | None = None) -> list[str]:
    """The plain-text notices (render.notice) shown, of one kind or all."""
    found = [(SYMBOLS[m[1]], html.unescape(m[2])) for h in at.html
             for m in NOTICE.finditer(h.proto.body)]
    return [text for k, text in found if kind in (None, k)]


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first dataframe shown with this column (the speaker table is a data editor)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def keys(at: AppTest, kind: str) -> set[str]:
    return {w.key for w in at.get(kind) if getattr(w, "key", None)}


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled data, configured as the app's data folder."""
    folder = copy_data(tmp_path).resolve()
    monkeypatch.setenv(DATA_ENV, str(folder))
    return folder


@pytest.fixture
def local(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest sends no request headers: these sessions are a browser on this machine."""
    monkeypatch.setattr(checklist_edit, "request_headers", lambda: {"Host": "localhost"})
    monkeypatch.setattr(checklist_edit, "sleep", lambda seconds: None)


def open_import(query: dict[str, str] | None = None) -> AppTest:
    """Run the import page (reached from the app, as the sidebar link will)."""
    at = AppTest.from_file(str(APP), default_timeout=90)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    return at


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="import_paste_text").set_value(text)
    at.button(key="import_paste_read").click().run()
    assert not at.exception
    return at


def name_meeting(at: AppTest, title: str, title_en: str = "") -> AppTest:
    at.text_input(key="import_title").set_value(title)
    at.text_input(key="import_title_en").set_value(title_en)
    at.run()
    assert not at.exception
    return at


def edit_speaker(at: AppTest, row: int, **changes: str) -> AppTest:
    """Edit one row of the speaker table the way the data editor reports an edit."""
    rev = at.session_state.get("import_rev", 0)
    at.session_state[f"import_speakers_{rev}"] = {
        "edited_rows": {row: changes}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def planned(data: Path, local: None) -> AppTest:
    """The page with MINUTES pasted and the meeting named 최종보고회."""
    at = paste(open_import(), MINUTES)
    return name_meeting(at, "최종보고회")


def test_paste_correct_save_shows_the_new_meeting(planned: AppTest, data: Path) -> None:
    at = planned
    assert any("발언자 2명, 발언 2개, 발췌 4개" in n for n in notices(at, "success"))
    speakers = frame_with(at, "org_type")
    assert speakers["speaker"].tolist() == ["이은애", NEW]
    # 이은애 is in the data: her organization and type come from it; the new co-op is untyped.
    assert speakers["organization"].tolist() == ["서울시 사회적경제지원센터", "새봄소비자협동조합"]
    assert speakers["org_type"].tolist() == ["중간지원조직", "유형 미정"]
    assert speakers["known"].tolist() == [True, False]
    assert speakers["excerpts"].tolist() == [2, 2]
    turns = frame_with(at, "내용")
    assert turns["발언자"].tolist() == ["이은애", NEW]
    assert turns["내용"].iat[1] == ("공공구매를 <b>늘려</b> 주기 바란다. **별표**도 글자 "
                                  "그대로 남아야 한다.")  # inert: a dataframe cell, as typed
    assert not any("별표" in m.value for m in at.markdown)
    skipped = next(e for e in at.expander if "건너뛴" in e.label)
    assert skipped.label == "발언이 아니어서 건너뛴 줄 (3)"  # title, date line, end mark
    assert any("'유형 미정'인 발언자가 1명" in n for n in notices(at, "info"))

    # The type is chosen by its Korean label and saved as its id.
    edit_speaker(at, 1, org_type="소비자협동조합")
    assert frame_with(at, "org_type")["org_type"].tolist() == ["중간지원조직", "소비자협동조합"]
    assert "고친 내용을 반영했습니다." in notices(at, "success")
    assert not any("유형 미정" in n for n in notices(at, "info"))
    assert versions.current_name(data) is None  # nothing written before saving

    at.button(key="import_save").click().run()
    assert not at.exception
    made = versions.list_versions(data)
    assert len(made) == 1 and made[0].current and made[0].label == "최종보고회"
    assert data_folder() == made[0].path and base_folder() == data
    saved = next(n for n in notices(at, "success") if "저장했습니다" in n)
    assert "발췌 4개(발언자 2명)" in saved and made[0].name in saved
    link = next(e for e in at.get("page_link") if "최종보고회" in e.proto.label)
    assert link.proto.label == "개요에서 '최종보고회' 보기"
    assert "mt=%EC%B5%9C%EC%A2%85%EB%B3%B4%EA%B3%A0%ED%9A%8C" in link.proto.query_string
    assert at.session_state["sed_filters"] == Filters(meetings=("최종보고회",))
    # The import is cleared: a fresh uploader, no turns, no meeting name.
    assert "import_upload_1" in keys(at, "file_uploader")
    assert "import_save" not in keys(at, "button")
    assert at.text_area(key="import_paste_text").value == ""

    dataset = load(data_folder())
    assert dataset.meeting_ids == ["중간보고회", "최종보고회"]
    new = dataset.remarks[dataset.remarks["meeting"] == "최종보고회"]
    assert new["remark_id"].tolist() == ["M36", "M37", "M38", "M39"]
    assert new["speaker"].tolist() == ["이은애", "이은애", NEW, NEW]
    assert new["org_type"].astype(str).tolist() == ["support", "support", "coop", "coop"]
    assert new["excerpt"].tolist() == [
        "실행 계획을 현장과 함께 점검해 주었으면 한다.", "분기마다 한 번은 모이면 좋겠다.",
        "공공구매를 <b>늘려</b> 주기 바란다.", "**별표**도 글자 그대로 남아야 한다."]
    assert not new["coded"].any()
    assert dataset.meetings.set_index("meeting_id").at["최종보고회", "coding"] == "진행중"
    assert len(load(data).remarks) == 35  # the base folder is as it was

    # The overview of the same session opens on the new meeting.
    at.switch_page("app.py").run()
    assert not at.exception
    banner = next(h.proto.body for h in at.html if "sed-banner" in h.proto.body)
    assert "최종보고회" in html.unescape(banner)


def test_switching_back_restores_the_previous_version(planned: AppTest, data: Path) -> None:
    at = planned
    at.button(key="import_save").click().run()
    new = versions.current_name(data)
    assert new is not None
    table = frame_with(at, "만든 시각")
    assert table["이름"].tolist() == ["최종보고회", "원본 데이터 폴더"]
    assert table["사용 중"].tolist() == ["✓", ""]
    # Choosing asks for a confirmation; cancelling changes nothing.
    at.selectbox(key="import_switch_choice").set_value(import_view.BASE_OPTION)
    at.button(key="import_switch").click().run()
    assert any("'원본 데이터 폴더'(으)로 바꿀까요?" in n for n in notices(at, "warning"))
    at.button(key="import_switch_no").click().run()
    assert versions.current_name(data) == new
    assert "import_switch_yes" not in keys(at, "button")
    # Confirmed: the base is served again, and the dashboard follows on the next run.
    at.selectbox(key="import_switch_choice").set_value(import_view.BASE_OPTION)
    at.button(key="import_switch").click().run()
    at.button(key="import_switch_yes").click().run()
    assert not at.exception
    assert versions.current_name(data) is None and data_folder() == data
    assert "'원본 데이터 폴더'(으)로 바꿨습니다." in notices(at, "success")
    assert frame_with(at, "만든 시각")["사용 중"].tolist() == ["", "✓"]
    assert load(data_folder()).meeting_ids == ["중간보고회"]
    at.switch_page("app.py").run()
    assert not at.exception
    assert "최종보고회" not in " ".join(h.proto.body for h in at.html)
    # And forward again to the imported version.
    at.switch_page(PAGE).run()
    at.selectbox(key="import_switch_choice").set_value(new)
    at.button(key="import_switch").click().run()
    at.button(key="import_switch_yes").click().run()
    assert versions.current_name(data) == new
    assert "최종보고회" in load(data_folder()).meeting_ids


def test_a_meeting_name_the_data_has_is_refused(data: Path, local: None) -> None:
    at = name_meeting(paste(open_import(), MINUTES), "  중간보고회 ")
    assert ("'중간보고회' 회의는 이미 데이터에 있습니다. 다른 이름을 적어 주세요(예: '중간보고회 "
            "2차').") in notices(at, "error")
    assert "import_save" not in keys(at, "button")
    assert not any("발언자 2명" in n for n in notices(at))
    name_meeting(at, "중간보고회 2차")
    assert "import_save" in keys(at, "button")


@pytest.mark.parametrize(("host", "reason"), [("192.168.0.10:8501", "http://localhost"),
                                             (None, "http://localhost")])
def test_a_non_local_session_sees_the_versions_only(data: Path, monkeypatch, host, reason
                                                    ) -> None:
    if host:
        monkeypatch.setattr(checklist_edit, "request_headers", lambda: {"Host": host})
    at = open_import()
    assert [t.value for t in at.title] == ["가져오기"]
    info = " ".join(notices(at, "info"))
    assert "데이터 버전 목록만 볼 수 있습니다" in info and reason in info
    assert not at.get("file_uploader") and not at.text_area
    assert not keys(at, "button") & {"import_save", "import_switch", "import_paste_read"}
    assert not at.selectbox  # no version to switch to
    table = frame_with(at, "만든 시각")
    assert table["이름"].tolist() == ["원본 데이터 폴더"]
    assert table["폴더"].tolist() == ["data"]  # the folder's name, not the server's path


def test_a_passcode_unlocks_import(data: Path, local: None, monkeypatch) -> None:
    monkeypatch.setenv("SE_DASHBOARD_EDIT_PASSCODE", "s3cret")
    at = open_import()
    assert not at.get("file_uploader") and "import_switch" not in keys(at, "button")
    at.text_input(key="import_passcode").set_value("wrong")
    at.button[0].click().run()  # the unlock form's submit button
    assert "암호가 맞지 않습니다." in notices(at, "error")
    assert not at.get("file_uploader")
    at.text_input(key="import_passcode").set_value("s3cret")
    next(b for b in at.button if "import_unlock_form" in (b.key or "")).click().run()
    assert not at.exception
    assert at.get("file_uploader") and "import_switch" in keys(at, "button")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("회의록.docx", b"PK\x03\x04 not really a zip", "DOCX 파일이 아니거나 손상되었습니다"),
    ("회의록.hwpx", b"PK\x05\x06" + b"\0" * 18, "HWPX 파일을 읽을 수 없습니다"),
    ("회의록.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "'HWPX 문서(*.hwpx)'로 골라 저장한 뒤"),
    ("회의록.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
     "Excel 97-2003 형식(.xls)은 읽을 수 없습니다"),
    ("회의록.csv", "이름,나이\n홍길동,3\n".encode(), "발언자 열과 발언 내용 열을 찾지 못했습니다"),
    ("회의록.txt", "그냥 메모입니다.\n누가 말했는지 없습니다.\n".encode(),
     "발언자를 찾지 못했습니다"),
])
def test_broken_input_gives_the_intake_message(data: Path, local: None, name: str,
                                                content: bytes, message: str) -> None:
    at = open_import()
    at.get("file_uploader")[0].set_value((name, content, "application/octet-stream")).run()
    assert not at.exception
    errors = notices(at, "error")
    assert len(errors) == 1 and errors[0].startswith(f"{name}: ") and message in errors[0]
    assert "import_title" not in keys(at, "text_input")  # nothing to name yet


def test_an_oversized_upload_is_refused(data: Path, local: None) -> None:
    at = open_import()
    uploader = at.get("file_uploader")[0]
    assert uploader.proto.max_upload_size_mb == 20
    assert "최대 20 MB" in " ".join(h.proto.body for h in at.html)
    assert import_view.MAX_UPLOAD_MB * 1024 * 1024 == documents.MAX_FILE_BYTES


def test_an_uploaded_table_in_english(data: Path, local: None) -> None:
    sheet = "발언자,소속,직위,발언 내용\n박새롬,광명YMCA,사무국장,청년 참여를 늘려야 한다.\n"
    at = open_import({"lang": "en"})
    assert [t.value for t in at.title] == ["Import"]
    at.get("file_uploader")[0].set_value(("minutes.csv", sheet.encode("cp949"), "text/csv"))
    at.run()
    name_meeting(at, "연례점검 2027", "Annual review 2027")
    assert "Found 1 speakers, 1 turns and 1 excerpts." in notices(at, "success")
    speakers = frame_with(at, "org_type")
    # 광명YMCA is typed in the data (civic): a new speaker of it takes that type.
    assert speakers[["organization", "role", "org_type"]].values.tolist() == [
        ["광명YMCA", "사무국장", "Civil society & media"]]
    at.button(key="import_save").click().run()
    assert any("Saved 1 excerpts (1 speakers) of '연례점검 2027'" in n
               for n in notices(at, "success"))
    meetings = load(data_folder()).meetings.set_index("meeting_id")
    assert meetings.at["연례점검 2027", "title_en"] == "Annual review 2027"


def test_an_input_is_read_once(data: Path, local: None, monkeypatch) -> None:
    calls: list[str] = []
    real = documents.read_document

    def counted(source, filename=None, *args, **kwargs):
        calls.append(filename)
        return real(source, filename, *args, **kwargs)

    monkeypatch.setattr(documents, "read_document", counted)
    at = paste(open_import(), MINUTES)
    name_meeting(at, "최종보고회")
    edit_speaker(at, 1, role="조합장")
    assert frame_with(at, "org_type")["role"].tolist() == ["센터장", "조합장"]
    assert calls == [import_view.PASTED_NAME]
    at.button(key="import_paste_read").click().run()  # the same text again: not read again
    assert calls == [import_view.PASTED_NAME]
    paste(at, MINUTES + "○ 김하나(광명시 사회적경제과 주무관) 잘 듣겠습니다.\n")
    assert len(calls) == 2
    assert frame_with(at, "org_type")["role"].tolist() == ["센터장", "이사장", "주무관"]


def test_a_known_speakers_type_stays_the_datas(planned: AppTest) -> None:
    edit_speaker(planned, 0, org_type="행정·공공기관")
    errors = notices(planned, "error")
    assert len(errors) == 1 and errors[0].startswith("고치지 못했습니다: 이은애은(는) 기존 데이터")
    assert frame_with(planned, "org_type")["org_type"].tolist() == ["중간지원조직", "유형 미정"]


def test_a_turn_is_given_to_another_speaker(planned: AppTest, data: Path) -> None:
    at = planned
    at.selectbox(key="import_reassign_turn").set_value(1)
    assert "이한준" in at.selectbox(key="import_reassign_to").options[2]  # a base participant
    at.selectbox(key="import_reassign_to").set_value("이한준")
    at.button(key="import_reassign_apply").click().run()
    assert not at.exception
    assert "발언 2의 발언자를 '이한준'(으)로 바꿨습니다." in notices(at, "success")
    assert frame_with(at, "내용")["발언자"].tolist() == ["이은애", "이한준"]
    speakers = frame_with(at, "org_type")
    assert speakers["speaker"].tolist() == ["이은애", "이한준"]
    assert speakers["org_type"].tolist() == ["중간지원조직", "행정·공공기관"]
    # Renaming the meeting makes the plan again and keeps the correction.
    name_meeting(at, "최종 보고회")
    assert frame_with(at, "내용")["발언자"].tolist() == ["이은애", "이한준"]
    at.button(key="import_save").click().run()
    new = load(data_folder()).remarks.query("meeting == '최종 보고회'")
    assert new["speaker"].tolist() == ["이은애", "이은애", "이한준", "이한준"]
    assert new["organization"].tolist()[-1] == "경기도"


def test_an_invalid_result_shows_its_report_and_switches_nothing(planned: AppTest, data: Path,
                                                                 monkeypatch) -> None:
    def broken(base, plan, out):
        for source in Path(base).glob("*.csv"):
            (Path(out) / source.name).write_bytes(source.read_bytes())
        remarks = Path(out) / "remarks.csv"
        remarks.write_bytes(remarks.read_bytes().replace(b",public,", b",nonsense,", 1))

    monkeypatch.setattr(import_view.write, "write_folder", broken)
    planned.button(key="import_save").click().run()
    assert not planned.exception
    assert any(n.startswith("저장하지 않았습니다: 새 데이터 폴더가 검사를 통과하지 못했습니다")
               for n in notices(planned, "error"))
    report = planned.code[0].value
    assert "remarks.csv, line 2, column 'org_type'" in report and "nonsense" in report
    assert versions.current_name(data) is None
    assert versions.list_versions(data) == []
    assert not [p for p in versions.versions_root().iterdir() if p.name.startswith(".staging")]
    assert "import_save" in keys(planned, "button")  # the import is kept to try again


def test_the_template_is_offered(data: Path, local: None) -> None:
    at = open_import()
    button = next(b for b in at.get("download_button") if b.key == "import_template")
    assert button.proto.label == "엑셀 양식 내려받기"
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(import_view.template_xlsx())).active
    assert [c.value for c in sheet[1]] == ["발언자", "소속", "직위", "발언 내용"]


def test_a_forced_anonymized_server_lists_no_participant_by_name(data: Path, local: None,
                                                                 monkeypatch) -> None:
    monkeypatch.setenv("SE_DASHBOARD_FORCE_ANON", "1")
    at = name_meeting(paste(open_import(), MINUTES), "최종보고회")
    # Only the speakers of the minutes themselves can be chosen.
    assert at.selectbox(key="import_reassign_to").options == [
        "이은애 · 찾은 발언자", f"{NEW} · 찾은 발언자"]


def test_reading_an_empty_paste_says_so(data: Path, local: None) -> None:
    at = open_import()
    at.button(key="import_paste_read").click().run()
    assert notices(at, "warning") == ["붙여 넣은 내용이 없습니다."]
    assert "import_title" not in keys(at, "text_input")
    at.run()
    assert notices(at, "warning") == []  # said once
