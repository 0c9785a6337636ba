"""The bundled data loads with the hand-checked figures, and harmless variations load the same."""

from __future__ import annotations

import os
import random

import pandas as pd
import pytest
from helpers_data import (
    CSV_FILES,
    DATA,
    copy_data,
    drop_column,
    edit_rows,
    read_rows,
    rows_text,
    set_cell,
    snapshot,
    write_rows,
)
from pandas.testing import assert_frame_equal

from se_dashboard.analysis.summary import summarize
from se_dashboard.data.contract import DEFAULT_MEETING, KINDS, STATUSES
from se_dashboard.data.loader import BUNDLED_DATA, DATA_ENV, Dataset, data_folder, fingerprint, load
from se_dashboard.data.problems import DataError

FRAMES = ("remarks", "remark_themes", "remark_recs", "participants", "org_types", "themes",
          "recommendations")


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load(DATA)


def assert_same_data(left: Dataset, right: Dataset) -> None:
    for name in FRAMES:
        assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)


# --- the bundled data: hand-checked figures -------------------------------------------------


def test_bundled_counts(bundled: Dataset) -> None:
    assert summarize(bundled) == {"participants": 15, "excerpts": 35, "org_types": 5,
                                  "themes": 12, "recommendations": 20, "meetings": 1,
                                  "not_coded": 0}
    assert len(bundled.remark_themes) == 63  # 12 x 1 + 18 x 2 + 5 x 3
    assert len(bundled.remark_recs) == 35  # M04 and M06 back none, M30 and M31 two each


def test_bundled_participants(bundled: Dataset) -> None:
    per_type = bundled.participants.groupby("org_type", observed=False).size()
    assert per_type.to_dict() == {"public": 3, "support": 2, "enterprise": 2, "coop": 4,
                                  "civic": 4}
    people = bundled.participants.set_index("speaker")
    assert people.loc["이은애", "n_excerpts"] == 8
    assert people.loc["이은애", "organization"] == "서울시 사회적경제지원센터"
    assert people.loc["이은애", "role"] == "센터장"
    assert people["n_excerpts"].sum() == 35
    assert bundled.participants["speaker"].iloc[0] == "이한준"  # order of first appearance


def test_bundled_ids_in_file_order(bundled: Dataset) -> None:
    assert bundled.remarks["remark_id"].tolist() == [f"M{i:02}" for i in range(1, 36)]
    assert bundled.recommendations["rec_id"].tolist() == [f"R{i:02}" for i in range(1, 21)]
    assert bundled.remarks["position"].tolist() == list(range(35))
    assert bundled.folder == DATA


def test_bundled_dtypes(bundled: Dataset) -> None:
    remarks = bundled.remarks
    order = [row[0] for row in read_rows(DATA / "org_types.csv")[1:]]
    assert order == ["public", "support", "enterprise", "coop", "civic"]
    assert isinstance(remarks["org_type"].dtype, pd.CategoricalDtype)
    assert remarks["org_type"].cat.categories.tolist() == order
    assert remarks["org_type"].cat.ordered
    assert bundled.org_type_ids == order
    assert bundled.participants["org_type"].cat.categories.tolist() == order
    assert isinstance(remarks["kind"].dtype, pd.CategoricalDtype)
    assert remarks["kind"].cat.categories.tolist() == list(KINDS)
    assert remarks["kind"].notna().all()
    assert isinstance(bundled.recommendations["status"].dtype, pd.CategoricalDtype)
    assert bundled.recommendations["status"].cat.categories.tolist() == list(STATUSES)
    for frame, column in ((remarks, "themes"), (remarks, "recommendation_ids"),
                          (bundled.recommendations, "themes"), (bundled.themes, "keywords")):
        assert all(isinstance(v, tuple) for v in frame[column]), column
    assert remarks.set_index("remark_id").loc["M30", "recommendation_ids"] == ("R16", "R03")
    assert remarks.set_index("remark_id").loc["M09", "themes"] == ("network", "village",
                                                                   "evidence")
    assert bundled.remark_themes["theme_id"].cat.categories.tolist() == bundled.theme_ids
    assert (remarks["meeting"] == DEFAULT_MEETING).all()


def test_meeting_defaults_when_column_absent(tmp_path) -> None:
    folder = copy_data(tmp_path)
    drop_column(folder / "remarks.csv", "meeting")
    assert (load(folder).remarks["meeting"] == DEFAULT_MEETING).all()


def test_meeting_defaults_when_blank(tmp_path) -> None:
    folder = copy_data(tmp_path)
    set_cell(folder / "remarks.csv", "M01", "meeting", "")
    set_cell(folder / "remarks.csv", "M02", "meeting", "   ")
    set_cell(folder / "remarks.csv", "M03", "meeting", "최종보고회")
    meetings = load(folder).remarks.set_index("remark_id")["meeting"]
    assert meetings["M01"] == meetings["M02"] == DEFAULT_MEETING
    assert meetings["M03"] == "최종보고회"


def test_optional_columns_absent(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    for column in ("kind", "excerpt_en", "meeting"):
        drop_column(folder / "remarks.csv", column)
    drop_column(folder / "codebook.csv", "keywords")
    dataset = load(folder)
    assert dataset.remarks["kind"].isna().all()
    assert (dataset.remarks["excerpt_en"] == "").all()
    assert all(v == () for v in dataset.themes["keywords"])
    assert dataset.remarks["excerpt"].tolist() == bundled.remarks["excerpt"].tolist()


# --- texts in two languages -----------------------------------------------------------------

TRANSLATED = (("recommendations.csv", "recommendations", "detail"),
              ("codebook.csv", "themes", "definition"),
              ("org_types.csv", "org_types", "description"))
HANGUL = r"[가-힣]"


def test_bundled_texts_exist_in_both_languages(bundled: Dataset) -> None:
    for _, frame, name in TRANSLATED:
        table = getattr(bundled, frame)
        assert table[f"{name}_ko"].str.contains(HANGUL).all(), name
        assert (table[f"{name}_en"] != "").all(), name
        assert (table[f"{name}_ko"] != table[f"{name}_en"]).all(), name
        # The English texts are English: Korean appears only as quoted names.
        assert not table[f"{name}_en"].str.contains(r"[가-힣]{2,}(?:[을를이가은는]|다\.)").any()


def test_single_legacy_column_stands_in_for_both_languages(tmp_path) -> None:
    folder = copy_data(tmp_path)
    for filename, _, name in TRANSLATED:
        path = folder / filename

        def legacy(rows: list[list[str]], name: str = name) -> None:
            ko, en = rows[0].index(f"{name}_ko"), rows[0].index(f"{name}_en")
            for row in rows:
                row[en] = name if row is rows[0] else row[en]
                del row[ko]

        edit_rows(path, legacy)
    dataset = load(folder)
    for _, frame, name in TRANSLATED:
        table = getattr(dataset, frame)
        assert (table[f"{name}_ko"] == table[f"{name}_en"]).all(), name
        assert not table[f"{name}_ko"].str.contains(HANGUL + "{2,}다").any(), name


def test_one_language_stands_in_for_the_other(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    set_cell(folder / "recommendations.csv", "R03", "detail_ko", "")
    set_cell(folder / "codebook.csv", "trust", "definition_en", "")
    dataset = load(folder)
    recs = dataset.recommendations.set_index("rec_id")
    themes = dataset.themes.set_index("theme_id")
    assert recs.at["R03", "detail_ko"] == recs.at["R03", "detail_en"] == (
        bundled.recommendations.set_index("rec_id").at["R03", "detail_en"])
    assert themes.at["trust", "definition_en"] == themes.at["trust", "definition_ko"]
    assert themes.at["trust", "definition_ko"].startswith("조직·주민·행정 사이의 신뢰")


def test_blank_description_is_allowed_but_a_definition_is_required(tmp_path) -> None:
    folder = copy_data(tmp_path)
    for column in ("detail_ko", "detail_en"):
        set_cell(folder / "recommendations.csv", "R05", column, "")
    for column in ("description_ko", "description_en"):
        drop_column(folder / "org_types.csv", column)
    dataset = load(folder)
    assert dataset.recommendations.set_index("rec_id").at["R05", "detail_ko"] == ""
    assert (dataset.org_types["description_ko"] == "").all()
    for column in ("definition_ko", "definition_en"):
        set_cell(folder / "codebook.csv", "village", column, "")
    with pytest.raises(DataError) as raised:
        load(folder)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.column) == ("codebook.csv", 7, "definition")


# --- harmless variations load to identical frames -------------------------------------------


def test_shuffled_column_order(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    rng = random.Random(7)
    for name in CSV_FILES:
        rows = read_rows(folder / name)
        order = list(range(len(rows[0])))
        while order == sorted(order):
            rng.shuffle(order)
        write_rows(folder / name, [[row[i] for i in order] for row in rows])
    assert_same_data(load(folder), bundled)


def test_extra_columns_are_ignored(tmp_path, bundled: Dataset) -> None:
    def add_note(rows: list[list[str]]) -> None:
        for i, row in enumerate(rows):
            row.insert(1, "note" if i == 0 else f"메모 {i}, \"인용\"")
        rows[0].append("Extra")
        for row in rows[1:]:
            row.append("")

    folder = copy_data(tmp_path)
    for name in CSV_FILES:
        edit_rows(folder / name, add_note)
    dataset = load(folder)
    assert_same_data(dataset, bundled)
    assert "note" not in dataset.remarks.columns


def test_crlf_and_trailing_blank_lines(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    for name in CSV_FILES:
        path = folder / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n") + b"\r\n\r\n  \r\n,,,\r\n\n")
    assert_same_data(load(folder), bundled)


def test_blank_lines_between_rows(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    path.write_bytes(b"\n\n" + path.read_bytes().replace(b"\nM10,", b"\n\n \nM10,"))
    assert_same_data(load(folder), bundled)


def test_cells_with_surrounding_spaces_are_trimmed(tmp_path, bundled: Dataset) -> None:
    def pad(rows: list[list[str]]) -> None:
        for row in rows:
            row[:] = [f"  {cell}\t " for cell in row]

    folder = copy_data(tmp_path)
    # list items may be spaced too
    set_cell(folder / "remarks.csv", "M09", "themes", " network ; village;  evidence ")
    for name in CSV_FILES:
        edit_rows(folder / name, pad)
    text = (folder / "remarks.csv").read_text(encoding="utf-8")
    assert ",  M01\t ," in text.replace("\n", ",")  # unquoted padded cells as well as quoted
    assert_same_data(load(folder), bundled)


def test_header_is_case_insensitive(tmp_path, bundled: Dataset) -> None:
    def shout(rows: list[list[str]]) -> None:
        rows[0] = [c.upper() if i % 2 else c.title() for i, c in enumerate(rows[0])]

    folder = copy_data(tmp_path)
    for name in CSV_FILES:
        edit_rows(folder / name, shout)
    assert read_rows(folder / "remarks.csv")[0][:2] == ["Remark_Id", "MEETING"]
    assert_same_data(load(folder), bundled)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp949", "euc-kr"])
def test_encodings_load_identically(tmp_path, bundled: Dataset, encoding: str) -> None:
    folder = copy_data(tmp_path)
    for name in CSV_FILES:
        path = folder / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    assert (folder / "remarks.csv").read_bytes() != (DATA / "remarks.csv").read_bytes()
    assert_same_data(load(folder), bundled)


def test_mixed_encodings_across_files(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    for name, encoding in zip(CSV_FILES, ("cp949", "utf-8-sig", "euc-kr", "utf-8"), strict=True):
        path = folder / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    assert_same_data(load(folder), bundled)


PAYLOADS = ("<script>alert(1)</script>", "**bold**", "[x](javascript:alert(1))",
            '=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "a, \"b\"\nc")


def test_markup_and_formula_like_excerpts_load_unchanged(tmp_path) -> None:
    folder = copy_data(tmp_path)
    ids = [f"M{i:02}" for i in range(1, len(PAYLOADS) + 1)]
    for remark_id, payload in zip(ids, PAYLOADS, strict=True):
        set_cell(folder / "remarks.csv", remark_id, "excerpt", payload)
        set_cell(folder / "remarks.csv", remark_id, "excerpt_en", payload)
    remarks = load(folder).remarks.set_index("remark_id")
    assert remarks.loc[ids, "excerpt"].tolist() == list(PAYLOADS)
    assert remarks.loc[ids, "excerpt_en"].tolist() == list(PAYLOADS)


# --- which folder, and its fingerprint ------------------------------------------------------


def test_env_var_selects_folder(tmp_path, monkeypatch) -> None:
    folder = copy_data(tmp_path)
    set_cell(folder / "remarks.csv", "M01", "excerpt", "환경 변수로 고른 폴더")
    monkeypatch.setenv(DATA_ENV, str(folder))
    assert data_folder() == folder.resolve()
    dataset = load()
    assert dataset.folder == folder.resolve()
    assert dataset.remarks["excerpt"].iloc[0] == "환경 변수로 고른 폴더"
    # an explicit folder wins over the variable
    assert load(DATA).remarks["excerpt"].iloc[0].startswith("서울과 경기도는")


def test_env_var_relative_path_and_default(tmp_path, monkeypatch) -> None:
    copy_data(tmp_path, "mine")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATA_ENV, "mine")
    assert data_folder() == (tmp_path / "mine").resolve()
    monkeypatch.setenv(DATA_ENV, "")
    assert data_folder() == BUNDLED_DATA == DATA
    monkeypatch.delenv(DATA_ENV)
    assert data_folder() == DATA
    assert load().folder == DATA


def test_fingerprint_depends_on_content_only(tmp_path, bundled: Dataset) -> None:
    folder = copy_data(tmp_path)
    original = fingerprint(folder)
    assert original == fingerprint(DATA) == bundled.fingerprint
    assert load(folder).fingerprint == original
    # touching, rewriting the same bytes and unrelated files change nothing
    path = folder / "codebook.csv"
    data = path.read_bytes()
    os.utime(path, (1_000_000_000, 1_000_000_000))
    path.write_bytes(data)
    (folder / "notes.txt").write_text("메모", encoding="utf-8")
    (folder / "source-interim-report-commentary.txt").write_text("x", encoding="utf-8")
    assert fingerprint(folder) == original
    # any content change changes it, and undoing the change restores it
    for name in ("remarks.csv", "org_types.csv", "codebook.csv", "recommendations.csv"):
        path = folder / name
        data = path.read_bytes()
        path.write_bytes(data + b"\n")
        changed = fingerprint(folder)
        assert changed != original, name
        path.write_bytes(data.replace(b"\n", b"\r\n"))
        assert fingerprint(folder) not in (original, changed), name
        path.write_bytes(data)
        assert fingerprint(folder) == original


def test_fingerprint_tells_files_apart(tmp_path) -> None:
    """Moving bytes from one file into the next, or a missing file, changes the fingerprint."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    # one: remarks = R, org_types = P + "org_types.csv" + Q; two: remarks = R + "org_types.csv" + P,
    # org_types = Q. Hashing names and bytes one after another makes both the same stream.
    (one / "remarks.csv").write_bytes(b"R")
    (one / "org_types.csv").write_bytes(b"Porg_types.csvQ")
    (two / "remarks.csv").write_bytes(b"Rorg_types.csvP")
    (two / "org_types.csv").write_bytes(b"Q")
    assert fingerprint(one) != fingerprint(two)
    three = tmp_path / "three"
    three.mkdir()
    (three / "codebook.csv").write_bytes(b"\x00missing")
    assert fingerprint(three) != fingerprint(tmp_path / "empty")
    (three / "codebook.csv").write_bytes(b"")
    assert fingerprint(three) != fingerprint(tmp_path / "empty")


def test_loading_modifies_nothing(tmp_path) -> None:
    folder = copy_data(tmp_path)
    before = snapshot(folder)
    load(folder)
    assert snapshot(folder) == before
    assert rows_text(read_rows(folder / "remarks.csv")).encode() == before["remarks.csv"]
