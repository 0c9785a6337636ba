"""The disposition table (의견 반영 결과표) on the bundled data, checked by hand against
data/remarks.csv and data/recommendations.csv, and its XLSX and CSV exports."""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from openpyxl import load_workbook

from se_dashboard.data.loader import Dataset, load
from se_dashboard.present.disposition import (
    COLUMNS_EN,
    COLUMNS_KO,
    REMARK_COLUMNS_EN,
    REMARK_COLUMNS_KO,
    ExportSource,
    disposition_table,
    export_title,
    remark_table,
    to_csv,
    to_xlsx,
    with_snapshot,
)

HOSTILE_DATA = Path(__file__).resolve().parent / "fixtures" / "hostile_data"
R03_TYPES = "행정·공공기관, 소비자협동조합, 사회적기업(생산·서비스), 시민사회·언론"
HOSTILE = ('=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)")
R03_EXCERPTS = {  # M03, M16, M19, M30, verbatim from data/remarks.csv
    "이한준": "마지막으로 사회적경제가 발전하는 지역을 보면 조직과 인력이 함께 따라감을 확인할 수 "
             "있다. 경기도 내에도 사회적경제 지원센터를 별도 운영하는 곳이 13곳 정도며, 2017년까지 "
             "20곳을 목표로 운영비 지원도 계획하고 있다. 광명시도 센터가 있지만 좀 더 "
             "확대·발전시킬 수 있는 방안을 고민할 필요가 있다.",
    "박미정": "아무리 좋은 계획도 이를 실행하는 단위의 의지가 부족하면 좋은 성과를 내기 힘들다. "
             "현재 사회적 경제기업지원센터 일을 1인 실무자가 모두 도맡아 하는 현실에서는 이러한 "
             "많은 과제를 해 나가기가 현실적으로 어렵다고 본다.",
    "윤혜갑": "또한 사회적경제 주체들 스스로 관련 이슈들에 대한 인식을 키우고 계속해서 "
             "변화·성장하려는 노력을 기울여야 하고, 이를 뒷받침할 지원센터의 조직보강도 필요하다.",
    "박태현": "아무리 좋은 계획이라도 실행력이 담보되지 않으면 유명무실한 계획이 된다는 점을 "
             "강조하고 싶다. 그런 차원에서 TFT(Task Force Team) 내에 예산 담당으로 회계 관련 "
             "중간관리자급의 위원이 배치되어야 할 것 같고, 사회적경제기업지원센터의 인원 충원 역시 "
             "필수적이라 생각한다.",
}


def _with_state(dataset: Dataset, **columns: dict[str, str]) -> Dataset:
    """Return a copy of the dataset whose recommendations carry the given state columns
    (column -> {rec_id: value}); `status` keeps its categorical dtype."""
    recs = dataset.recommendations.copy()
    for column, values in columns.items():
        if column == "status":
            recs["status"] = (recs["rec_id"].map(values).fillna("검토중")
                              .astype(recs["status"].dtype))
        else:
            recs[column] = recs["rec_id"].map(values).fillna("")
    return replace(dataset, recommendations=recs)


def _row(table: pd.DataFrame, title: str) -> pd.Series:
    """Return the row whose opinion starts with the given recommendation title."""
    opinion = table.columns[3]
    found = table[table[opinion].str.split("\n").str[0] == title]
    assert len(found) == 1, title
    return found.iloc[0]


def test_one_row_per_backed_recommendation_in_data_order(dataset):
    table = disposition_table(dataset, dataset.remarks)
    assert tuple(table.columns) == COLUMNS_KO
    assert len(table) == 20
    assert table["연번"].tolist() == list(range(1, 21))
    titles = dataset.recommendations["title_ko"].tolist()
    assert table["의견"].str.split("\n").str[0].tolist() == titles
    assert table["의견"].str.split("\n").str[1].tolist() == (
        dataset.recommendations["detail_ko"].tolist())  # the description in the UI language
    # Nothing edited yet: every status is the default, the other state columns are blank.
    assert set(table["반영 여부"]) == {"검토중"}
    assert (table[["조치 내용", "반영 위치", "비고"]] == "").all().all()


def test_r03_lists_its_four_backers_and_their_excerpts(dataset):
    row = disposition_table(dataset, dataset.remarks).iloc[2]
    assert row["연번"] == 3
    assert row["기관 유형"] == R03_TYPES
    assert row["기관 및 참석자"].split("\n") == [
        "경기도 이한준", "광명나래아이쿱 박미정", "부모사랑노인복지센터 윤혜갑",
        "광명시지역사회복지협의체 박태현"]
    lines = row["의견"].split("\n")
    assert lines[0] == "지원센터 확대와 인력 충원"
    assert lines[1].startswith("1인 실무자가 모든 일을 맡고 있는 광명시 사회적경제 지원센터를")
    assert lines[2:] == [f"- {name}: {text}" for name, text in R03_EXCERPTS.items()]


def test_one_backer_with_several_excerpts_is_listed_once(dataset):
    # R10: 한용명 (M12, M13), 서원희 (M20), 백종심 (M22), 문순용 (M34).
    row = _row(disposition_table(dataset, dataset.remarks), "기존 기업의 지속·자립 방안")
    assert row["기관 및 참석자"].split("\n") == [
        "소상공인시장진흥공단 광명센터 한용명", "다살림협동조합 서원희", "행원 백종심",
        "광명시평생학습원 문순용"]
    assert row["기관 유형"] == "행정·공공기관, 소비자협동조합, 사회적기업(생산·서비스)"
    names = [line.split(":")[0] for line in row["의견"].split("\n")[2:]]
    assert names == ["- 한용명", "- 한용명", "- 서원희", "- 백종심", "- 문순용"]


def test_filtered_to_consumer_coops(dataset):
    coops = dataset.remarks[dataset.remarks["org_type"] == "coop"]
    table = disposition_table(dataset, coops)
    assert table["의견"].str.split("\n").str[0].tolist() == [
        "지원센터 확대와 인력 충원", "현장과 함께 만드는 참여형 실행계획",
        "기존 기업의 지속·자립 방안", "시장·시의회의 지원 의지 표명", "기업 위기·폐업 실태 진단",
        "주민 삶과 연계한 지원과 주민 간담회"]  # R03 R05 R10 R12 R14 R20
    assert table["연번"].tolist() == [1, 2, 3, 4, 5, 6]
    assert set(table["기관 유형"]) == {"소비자협동조합"}
    r03 = table.iloc[0]
    assert r03["기관 및 참석자"] == "광명나래아이쿱 박미정"
    assert r03["의견"].split("\n")[2:] == [f"- 박미정: {R03_EXCERPTS['박미정']}"]
    # R10 keeps only 서원희's excerpt (M20) of its five; R20 both of 최미자's (M32, M33).
    assert table.iloc[2]["기관 및 참석자"] == "다살림협동조합 서원희"
    assert len(table.iloc[2]["의견"].split("\n")) == 3
    assert len(table.iloc[5]["의견"].split("\n")) == 4


def test_no_remarks_gives_an_empty_table_with_the_columns(dataset):
    table = disposition_table(dataset, dataset.remarks.iloc[:0], lang="en")
    assert tuple(table.columns) == COLUMNS_EN
    assert table.empty


def test_state_columns_show_up(dataset):
    ds = _with_state(
        dataset,
        status={"R03": "반영", "R05": "부분반영", "R12": "미반영"},
        plan_section={"R03": "제4장 2절 추진체계"},
        response_note={"R03": "지원센터 인력 2명 증원 계획 반영", "R12": "시의회 협의 필요"},
        responsible_unit={"R03": "일자리정책과"},
        reason={"R12": "시의 권한 밖: 시의회 의결 사항"},
    )
    table = disposition_table(ds, ds.remarks)
    r03 = table.iloc[2]
    assert r03["반영 여부"] == "반영"
    assert r03["반영 위치"] == "제4장 2절 추진체계"
    assert r03["조치 내용"] == "지원센터 인력 2명 증원 계획 반영"
    assert r03["비고"] == "담당: 일자리정책과"
    r12 = _row(table, "시장·시의회의 지원 의지 표명")
    assert (r12["반영 여부"], r12["처리 사유"], r12["조치 내용"], r12["반영 위치"],
            r12["비고"]) == ("미반영", "시의 권한 밖: 시의회 의결 사항", "시의회 협의 필요", "", "")
    assert r03["처리 사유"] == ""
    assert table["반영 여부"].value_counts().to_dict() == {
        "검토중": 17, "반영": 1, "부분반영": 1, "미반영": 1}


def test_blank_or_missing_state_reads_as_blank(dataset):
    recs = dataset.recommendations.copy()
    recs["response_note"] = None
    recs["responsible_unit"] = float("nan")
    ds = replace(dataset, recommendations=recs)  # no plan_section or reason at all
    table = disposition_table(ds, ds.remarks)
    assert (table[["조치 내용", "처리 사유", "반영 위치", "비고"]] == "").all().all()


def test_names_mapping_and_hidden_organizations(dataset):
    names = {"이한준": "참석자 A", "박미정": "참석자 B", "윤혜갑": "참석자 C", "박태현": "참석자 D"}
    row = disposition_table(dataset, dataset.remarks, names=names).iloc[2]
    assert row["기관 및 참석자"].split("\n") == [
        "경기도 참석자 A", "광명나래아이쿱 참석자 B", "부모사랑노인복지센터 참석자 C",
        "광명시지역사회복지협의체 참석자 D"]
    assert [line.split(":")[0] for line in row["의견"].split("\n")[2:]] == [
        "- 참석자 A", "- 참석자 B", "- 참석자 C", "- 참석자 D"]

    hidden = disposition_table(dataset, dataset.remarks, names=names, hide_organizations=True)
    row = hidden.iloc[2]
    assert row["기관 및 참석자"] == "참석자 A\n참석자 B\n참석자 C\n참석자 D"
    assert row["기관 유형"] == R03_TYPES
    everything = "\n".join(hidden["기관 및 참석자"]) + "\n".join(hidden["의견"])
    assert "등대생협" not in hidden["기관 및 참석자"].str.cat()
    assert "이한준" not in everything and "박미정" not in everything


def test_english_columns_and_labels(dataset):
    ds = _with_state(dataset, status={"R03": "반영", "R05": "부분반영", "R12": "미반영"},
                     responsible_unit={"R03": "Jobs Policy Division"})
    table = disposition_table(ds, ds.remarks, lang="en")
    assert tuple(table.columns) == COLUMNS_EN
    r03 = table.iloc[2]
    assert r03["Status"] == "Reflected"
    assert r03["Notes"] == "Responsible: Jobs Policy Division"
    assert r03["Organization type"] == ("Government & public agencies, Consumer co-ops, "
                                        "Social enterprises (goods & services), "
                                        "Civil society & media")
    lines = r03["Opinion"].split("\n")
    assert lines[0] == "Expand and staff the support centre"
    assert lines[1].startswith("Expand and develop the social economy support centre")
    assert lines[2].startswith("- 이한준: Where the social economy thrives, organization and staff")
    assert set(table["Status"]) == {"Reflected", "Partly reflected", "Under review",
                                    "Not reflected"}


def test_english_falls_back_to_the_korean_excerpt(dataset):
    remarks = dataset.remarks.copy()
    remarks.loc[remarks["remark_id"] == "M16", "excerpt_en"] = ""
    row = disposition_table(dataset, remarks, lang="en").iloc[2]
    assert row["Opinion"].split("\n")[3] == f"- 박미정: {R03_EXCERPTS['박미정']}"


# --- XLSX -----------------------------------------------------------------------------------

@pytest.fixture
def edited(dataset) -> Dataset:
    return _with_state(
        dataset,
        status={"R01": "반영", "R02": "부분반영", "R03": "미반영"},
        response_note={"R01": HOSTILE[0], "R02": HOSTILE[1], "R04": "정상 조치"},
        plan_section={"R01": HOSTILE[2], "R02": "제3장"},
        responsible_unit={"R01": HOSTILE[3]},
    )


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_xlsx_layout(edited):
    table = disposition_table(edited, edited.remarks)
    ws = _sheet(to_xlsx(table, "광명시 사회적경제 5개년 계획 의견 반영 결과표"))
    assert ws.title == "의견 반영 결과"
    assert ws["A1"].value == "광명시 사회적경제 5개년 계획 의견 반영 결과표"
    assert ws["A1"].font.b and ws["A1"].font.sz > 11
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:I1"]
    assert tuple(c.value for c in ws[2]) == COLUMNS_KO
    assert all(c.font.b and c.alignment.horizontal == "center" for c in ws[2])
    assert ws["A2"].fill.fgColor.rgb.endswith("D9E1F2")
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.max_row == 2 + 20 and ws.max_column == 9
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.alignment.wrap_text and cell.border.left.style == "thin"
    assert all(c.alignment.vertical == "top" for c in ws[3])
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDEFGHI"}
    assert widths["A"] < 10 and widths["D"] == 64 and widths["E"] == 36 and widths["G"] == 30
    assert widths["D"] == max(widths.values())
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    # Data come back as written: numbers, then the multi-line texts.
    assert ws["A5"].value == 3
    assert ws["D5"].value == table.at[2, "의견"]
    assert ws["C5"].value.split("\n")[0] == "경기도 이한준"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_xlsx_status_colours(edited, lang):
    ws = _sheet(to_xlsx(disposition_table(edited, edited.remarks, lang=lang), "결과"))
    # R01 반영, R02 부분반영, R03 미반영, R04 검토중; text in whichever of black and white
    # contrasts more (black on all four palette colours).
    expected = {3: ("009E73", "000000"), 4: ("56B4E9", "000000"), 5: ("D55E00", "000000"),
                6: ("BBBBBB", "000000")}
    for row, (fill, font) in expected.items():
        cell = ws.cell(row=row, column=6)
        assert cell.fill.fgColor.rgb.endswith(fill), (cell.value, cell.fill.fgColor.rgb)
        if font:
            assert cell.font.color.rgb.endswith(font)
    assert ws["F3"].value == ("반영" if lang == "ko" else "Reflected")


def test_xlsx_cells_are_never_formulas(edited):
    remarks = edited.remarks.copy()
    remarks.loc[remarks["remark_id"] == "M01", "excerpt"] = HOSTILE[0]
    recs = edited.recommendations.copy()
    recs.loc[recs["rec_id"] == "R02", "title_ko"] = HOSTILE[2]
    ds = replace(edited, remarks=remarks, recommendations=recs)
    names = {"이한준": HOSTILE[3]}
    table = disposition_table(ds, remarks, names=names, hide_organizations=True)
    ws = _sheet(to_xlsx(table, HOSTILE[1], sheet_name="결과: [초안]"))
    assert ws.title == "결과_ _초안_"
    # Text as typed, no apostrophe; formula-like cells carry Excel's quotePrefix.
    assert (ws["A1"].value, ws["A1"].quotePrefix) == ("+1", True)
    assert (ws["E3"].value, ws["E3"].quotePrefix) == (HOSTILE[0], True)  # note of R01
    assert ws["E4"].value == "+1"  # note of R02
    assert (ws["H3"].value, ws["H3"].quotePrefix) == ("-1", True)  # plan section of R01
    assert ws["C3"].value == "@SUM(A1)"  # pseudonym of 이한준, organization hidden
    assert ws["D4"].value.startswith("-1\n")  # hostile title of R02
    assert (ws["I3"].value, ws["I3"].quotePrefix) == ("담당: @SUM(A1)", False)
    # Inside a cell a hostile excerpt is plain text, kept as it is.
    assert ws["D3"].value.split("\n")[2] == f"- @SUM(A1): {HOSTILE[0]}"
    cells = [cell for row in ws.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert {c.data_type for c in cells if c.value is not None} == {"s", "n"}


def test_xlsx_of_hostile_fixture_data():
    ds = load(HOSTILE_DATA)
    table = disposition_table(ds, ds.remarks)
    ws = _sheet(to_xlsx(table, "hostile"))
    cells = [cell for row in ws.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any('=HYPERLINK("http://evil.example","x")' in str(c.value) for c in cells)


def test_xlsx_with_other_columns_and_control_characters():
    table = pd.DataFrame({"a": ["x\x01y", None], "b": [1.5, float("nan")]})
    ws = _sheet(to_xlsx(table, "t", sheet_name=""))
    assert ws.title == "Sheet1"
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=2)] == [
        ["a", "b"], ["xy", 1.5], [None, None]]
    assert ws.column_dimensions["A"].width == ws.column_dimensions["B"].width


def test_xlsx_cuts_text_to_the_excel_cell_limit():
    ws = _sheet(to_xlsx(pd.DataFrame({"a": ["가" * 40_000]}), "t"))
    assert len(ws["A3"].value) == 32_767 and ws["A3"].value.endswith("…")


# --- CSV ------------------------------------------------------------------------------------

def test_csv_round_trip(edited):
    table = disposition_table(edited, edited.remarks)
    data = to_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert tuple(back.columns) == COLUMNS_KO
    assert len(back) == 20
    assert back["연번"].tolist() == list(range(1, 21))
    assert back.at[2, "의견"] == table.at[2, "의견"]
    assert back.at[2, "기관 및 참석자"].split("\n")[0] == "경기도 이한준"
    assert back.at[0, "조치 내용"] == "'" + HOSTILE[0]
    assert back.at[1, "조치 내용"] == "'+1"
    assert back.at[0, "반영 위치"] == "-1"  # a negative number: read as that number, not run
    assert back.at[0, "비고"] == "담당: @SUM(A1)"
    assert back.at[0, "반영 여부"] == "반영"


# --- issue 11: text as typed, the title, one row per remark -------------------------------------

TYPED = ("-", "- 항목 하나\n- 항목 둘", "-1", "+82 2 2680 2114", "=1+1", "@담당", "\t=x",
         "－１", "정상 조치")


def _sheet_xml(data: bytes) -> tuple[str, dict[int, bool]]:
    """The first worksheet's XML and, by style index, whether the style has quotePrefix."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        styles = ElementTree.fromstring(book.read("xl/styles.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    xfs = styles.find("m:cellXfs", ns).findall("m:xf", ns)
    return sheet, {i: xf.get("quotePrefix") in ("1", "true") for i, xf in enumerate(xfs)}


def test_xlsx_stores_text_as_typed_without_formula_or_apostrophe():
    table = pd.DataFrame({"비고": list(TYPED)})
    sheet, quoted = _sheet_xml(to_xlsx(table, "- 제목"))
    assert "<f>" not in sheet and "<f " not in sheet  # no formula anywhere
    cells = {}
    for ref, attrs, body in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)>(.*?)</c>', sheet, re.S):
        assert 't="inlineStr"' in attrs, ref  # every cell here is text
        style = int(re.search(r'\bs="(\d+)"', attrs).group(1))
        text = "".join(re.findall(r"<t[^>]*>(.*?)</t>", body, re.S))
        cells[ref] = (html.unescape(text), quoted[style])
    assert cells["A1"] == ("- 제목", True)
    assert cells["A2"] == ("비고", False)
    for row, typed in enumerate(TYPED, start=3):
        text, prefix = cells[f"A{row}"]
        assert text == typed and not text.startswith("'")  # as typed: no apostrophe added
        assert prefix == (typed != "정상 조치"), typed  # formula-like text stays text if edited


def test_csv_keeps_injection_safe_with_the_least_damage():
    back = pd.read_csv(io.BytesIO(to_csv(pd.DataFrame({"비고": list(TYPED)}))),
                       encoding="utf-8-sig", dtype=str, keep_default_na=False)["비고"]
    assert back.tolist() == ["-", "'- 항목 하나\n- 항목 둘", "-1", "'+82 2 2680 2114", "'=1+1",
                             "'@담당", "'\t=x", "'－１", "정상 조치"]


def test_export_title_names_the_state_and_time():
    now = ExportSource("2025-05-01 18:30 KST")
    assert export_title("ko", "중간보고회", now) == (
        "의견 반영 결과표 · 중간보고회 · 현재 상태 · 2025-05-01 18:30 KST 기준")
    snap = ExportSource("2025-06-02 10:00:00 KST", "최종보고회")
    assert export_title("ko", "중간보고회", snap, by_remark=True) == (
        "의견 반영 결과표 (발언별) · 중간보고회 · 스냅샷 '최종보고회' · "
        "2025-06-02 10:00:00 KST 기준")
    assert export_title("en", "Interim", snap) == (
        "Disposition of stakeholder opinions · Interim · snapshot '최종보고회' · "
        "as of 2025-06-02 10:00:00 KST")


def test_one_row_per_remark(dataset):
    ds = _with_state(dataset, status={"R03": "미반영"}, reason={"R03": "시 권한 밖"},
                     response_note={"R03": "경기도 이첩"})
    table = remark_table(ds, ds.remarks)
    assert tuple(table.columns) == REMARK_COLUMNS_KO
    links = ds.remarks["recommendation_ids"].map(lambda ids: max(len(ids), 1))
    assert len(table) == int(links.sum())  # a row per remark and recommendation it backs
    assert table["연번"].tolist() == list(range(1, len(table) + 1))
    assert table["발언 ID"].drop_duplicates().tolist() == ds.remarks["remark_id"].tolist()
    m16 = table[table["발언 ID"] == "M16"]
    assert m16["기관 및 참석자"].tolist() == ["광명나래아이쿱 박미정"] * len(m16)
    assert m16["발췌"].iat[0] == R03_EXCERPTS["박미정"]
    r03 = m16[m16["권고"].str.startswith("R03 ")].iloc[0]
    assert r03["권고"] == "R03 지원센터 확대와 인력 충원"
    assert (r03["반영 여부"], r03["처리 사유"], r03["조치 내용"]) == (
        "미반영", "시 권한 밖", "경기도 이첩")
    assert r03["기관 유형"] == "소비자협동조합"
    unlinked = ds.remarks.loc[ds.remarks["recommendation_ids"].map(len) == 0, "remark_id"]
    for remark_id in unlinked:
        row = table[table["발언 ID"] == remark_id].iloc[0]
        assert row["권고"] == "연결된 권고 없음" and row["반영 여부"] == ""
    twice = ds.remarks.loc[ds.remarks["recommendation_ids"].map(len) > 1, "remark_id"]
    for remark_id in twice:
        assert (table["발언 ID"] == remark_id).sum() > 1


def test_one_row_per_remark_in_english_with_hidden_organizations(dataset):
    table = remark_table(dataset, dataset.remarks, lang="en", hide_organizations=True,
                         names={"이한준": "Participant A"})
    assert tuple(table.columns) == REMARK_COLUMNS_EN
    first = table.iloc[0]
    assert first["Organization and participant"] == "Participant A"
    assert first["Excerpt"] == dataset.remarks["excerpt_en"].iat[0]
    assert first["Status"] == "Under review"
    assert not table["Organization and participant"].str.contains("경기도").any()


def test_remark_table_exports_to_xlsx_and_csv(dataset):
    table = remark_table(dataset, dataset.remarks)
    ws = _sheet(to_xlsx(table, "t"))
    assert tuple(c.value for c in ws[2]) == REMARK_COLUMNS_KO
    assert ws.max_row == 2 + len(table)
    assert ws.column_dimensions["E"].width == max(
        ws.column_dimensions[c].width for c in "ABCDEFGHIJK")  # the excerpt is widest
    assert ws.cell(row=3, column=8).fill.fgColor.rgb.endswith("BBBBBB")  # 검토중 coloured
    back = pd.read_csv(io.BytesIO(to_csv(table)), encoding="utf-8-sig", keep_default_na=False)
    assert back["발언 ID"].tolist() == table["발언 ID"].tolist()


def test_export_of_a_snapshot_uses_its_state(dataset):
    snapshot = pd.DataFrame({"rec_id": ["R03"], "status": ["반영"], "plan_section": ["4장"],
                             "responsible_unit": [""], "response_note": ["증원"],
                             "reason": [""]})
    current = _with_state(dataset, status={"R03": "미반영"}, reason={"R03": "예산"})
    then = with_snapshot(current, snapshot)
    row = disposition_table(then, then.remarks).iloc[2]
    assert (row["반영 여부"], row["처리 사유"], row["반영 위치"], row["조치 내용"]) == (
        "반영", "", "4장", "증원")
    assert set(disposition_table(then, then.remarks)["반영 여부"].iloc[3:]) == {"검토중"}
