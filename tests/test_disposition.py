"""The disposition table (의견 반영 결과표) on the bundled data, checked by hand against
data/remarks.csv and data/recommendations.csv, and its XLSX and CSV exports."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from se_dashboard.disposition import (
    COLUMNS_EN,
    COLUMNS_KO,
    disposition_table,
    to_csv,
    to_xlsx,
)
from se_dashboard.loader import Dataset, load

HOSTILE_DATA = Path(__file__).resolve().parent / "fixtures" / "hostile_data"
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
    assert len(table) == 17
    assert table["연번"].tolist() == list(range(1, 18))
    titles = dataset.recommendations["title_ko"].tolist()
    assert table["의견"].str.split("\n").str[0].tolist() == titles
    # Nothing edited yet: every status is the default, the other state columns are blank.
    assert set(table["반영 여부"]) == {"검토중"}
    assert (table[["조치 내용", "반영 위치", "비고"]] == "").all().all()


def test_r03_lists_its_four_backers_and_their_excerpts(dataset):
    row = disposition_table(dataset, dataset.remarks).iloc[2]
    assert row["연번"] == 3
    assert row["기관 유형"] == "행정·공공기관, 생협, 사회적기업·협동조합, 시민사회·언론"
    assert row["기관 및 참석자"].split("\n") == [
        "경기도 이한준", "광명나래아이쿱 박미정", "부모사랑노인복지센터 윤혜갑",
        "광명시지역사회복지협의체 박태현"]
    lines = row["의견"].split("\n")
    assert lines[0] == "지원센터 확대와 인력 충원"
    assert lines[1:] == [f"- {name}: {text}" for name, text in R03_EXCERPTS.items()]


def test_one_backer_with_several_excerpts_is_listed_once(dataset):
    # R06: 이은애 (M08), 강옥희 (M24), 최미자 (M32, M33).
    row = _row(disposition_table(dataset, dataset.remarks), "마을 단위 상시 논의 체계와 주민 지원")
    assert row["기관 및 참석자"].split("\n") == [
        "서울시 사회적경제지원센터 이은애", "광명YMCA 강옥희", "등대생협 최미자"]
    assert row["기관 유형"] == "중간지원조직, 시민사회·언론, 생협"
    names = [line.split(":")[0] for line in row["의견"].split("\n")[1:]]
    assert names == ["- 이은애", "- 강옥희", "- 최미자", "- 최미자"]


def test_filtered_to_consumer_coops(dataset):
    coops = dataset.remarks[dataset.remarks["org_type"] == "coop"]
    table = disposition_table(dataset, coops)
    assert table["의견"].str.split("\n").str[0].tolist() == [
        "지원센터 확대와 인력 충원", "현장과 함께 만드는 참여형 실행계획",
        "마을 단위 상시 논의 체계와 주민 지원", "시장·시의회의 지원 의지 표명"]  # R03 R05 R06 R12
    assert table["연번"].tolist() == [1, 2, 3, 4]
    assert set(table["기관 유형"]) == {"생협"}
    r03 = table.iloc[0]
    assert r03["기관 및 참석자"] == "광명나래아이쿱 박미정"
    assert r03["의견"].split("\n")[1:] == [f"- 박미정: {R03_EXCERPTS['박미정']}"]
    # R06 keeps only the two 등대생협 excerpts (M32, M33) of 최미자.
    assert table.iloc[2]["기관 및 참석자"] == "등대생협 최미자"
    assert len(table.iloc[2]["의견"].split("\n")) == 3


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
    )
    table = disposition_table(ds, ds.remarks)
    r03 = table.iloc[2]
    assert r03["반영 여부"] == "반영"
    assert r03["반영 위치"] == "제4장 2절 추진체계"
    assert r03["조치 내용"] == "지원센터 인력 2명 증원 계획 반영"
    assert r03["비고"] == "담당: 일자리정책과"
    r12 = _row(table, "시장·시의회의 지원 의지 표명")
    assert (r12["반영 여부"], r12["조치 내용"], r12["반영 위치"], r12["비고"]) == (
        "미반영", "시의회 협의 필요", "", "")
    assert table["반영 여부"].value_counts().to_dict() == {
        "검토중": 14, "반영": 1, "부분반영": 1, "미반영": 1}


def test_blank_or_missing_state_reads_as_blank(dataset):
    recs = dataset.recommendations.copy()
    recs["response_note"] = None
    recs["responsible_unit"] = float("nan")
    ds = replace(dataset, recommendations=recs)  # no plan_section at all
    table = disposition_table(ds, ds.remarks)
    assert (table[["조치 내용", "반영 위치", "비고"]] == "").all().all()


def test_names_mapping_and_hidden_organizations(dataset):
    names = {"이한준": "참석자 A", "박미정": "참석자 B", "윤혜갑": "참석자 C", "박태현": "참석자 D"}
    row = disposition_table(dataset, dataset.remarks, names=names).iloc[2]
    assert row["기관 및 참석자"].split("\n") == [
        "경기도 참석자 A", "광명나래아이쿱 참석자 B", "부모사랑노인복지센터 참석자 C",
        "광명시지역사회복지협의체 참석자 D"]
    assert [line.split(":")[0] for line in row["의견"].split("\n")[1:]] == [
        "- 참석자 A", "- 참석자 B", "- 참석자 C", "- 참석자 D"]

    hidden = disposition_table(dataset, dataset.remarks, names=names, hide_organizations=True)
    row = hidden.iloc[2]
    assert row["기관 및 참석자"] == "참석자 A\n참석자 B\n참석자 C\n참석자 D"
    assert row["기관 유형"] == "행정·공공기관, 생협, 사회적기업·협동조합, 시민사회·언론"
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
                                        "Social enterprises & co-ops, Civil society & media")
    lines = r03["Opinion"].split("\n")
    assert lines[0] == "Expand and staff the support centre"
    assert lines[1].startswith("- 이한준: Where the social economy thrives, organization and staff")
    assert set(table["Status"]) == {"Reflected", "Partly reflected", "Under review",
                                    "Not reflected"}


def test_english_falls_back_to_the_korean_excerpt(dataset):
    remarks = dataset.remarks.copy()
    remarks.loc[remarks["remark_id"] == "M16", "excerpt_en"] = ""
    row = disposition_table(dataset, remarks, lang="en").iloc[2]
    assert row["Opinion"].split("\n")[2] == f"- 박미정: {R03_EXCERPTS['박미정']}"


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
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:H1"]
    assert tuple(c.value for c in ws[2]) == COLUMNS_KO
    assert all(c.font.b and c.alignment.horizontal == "center" for c in ws[2])
    assert ws["A2"].fill.fgColor.rgb.endswith("D9E1F2")
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.max_row == 2 + 17 and ws.max_column == 8
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.alignment.wrap_text and cell.border.left.style == "thin"
    assert all(c.alignment.vertical == "top" for c in ws[3])
    widths = {letter: ws.column_dimensions[letter].width for letter in "ABCDEFGH"}
    assert widths["A"] < 10 and widths["D"] == 70 and widths["E"] == 40
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
    assert ws["A1"].value == "'+1"
    assert ws["E3"].value == "'" + HOSTILE[0]  # note of R01
    assert ws["E4"].value == "'+1"  # note of R02
    assert ws["G3"].value == "'-1"  # plan section of R01
    assert ws["C3"].value == "'@SUM(A1)"  # pseudonym of 이한준, organization hidden
    assert ws["D4"].value.startswith("'-1\n")  # hostile title of R02
    assert ws["H3"].value == "담당: @SUM(A1)"
    # Inside a cell a hostile excerpt is plain text, kept as it is.
    assert ws["D3"].value.split("\n")[1] == f"- @SUM(A1): {HOSTILE[0]}"
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
    assert len(back) == 17
    assert back["연번"].tolist() == list(range(1, 18))
    assert back.at[2, "의견"] == table.at[2, "의견"]
    assert back.at[2, "기관 및 참석자"].split("\n")[0] == "경기도 이한준"
    assert back.at[0, "조치 내용"] == "'" + HOSTILE[0]
    assert back.at[1, "조치 내용"] == "'+1"
    assert back.at[0, "반영 위치"] == "'-1"
    assert back.at[0, "비고"] == "담당: @SUM(A1)"
    assert back.at[0, "반영 여부"] == "반영"
