"""Malformed data folders: `load` raises one DataError that locates and explains every problem.

Each test copies data/ into tmp_path, breaks one thing and checks the problems' file, line and
column, key words of the English text, that the Korean text is there, that nothing but DataError
escapes, and that the folder's bytes are unchanged afterwards.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from helpers_data import (
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

from se_dashboard.data.contract import ENCODINGS_LABEL, MAX_CELL_CHARS, STATUSES
from se_dashboard.data.loader import MAX_LISTED_PER_CHECK, load
from se_dashboard.data.problems import DataError, Problem


def problems_of(folder: Path, watched: Path | None = None) -> tuple[Problem, ...]:
    """Load a broken folder; check the error is a clear DataError and the folder is untouched."""
    watched = watched or folder
    before = snapshot(watched)
    with pytest.raises(DataError) as info:
        load(folder)
    assert snapshot(watched) == before, "loading changed the data folder"
    error = info.value
    assert error.problems, "a DataError must list at least one problem"
    report = error.report()
    assert str(error) == report
    assert "Traceback" not in report
    assert f"{len(error.problems)} problem(s)" in report
    for problem in error.problems:
        assert problem.ko.strip() and problem.en.strip(), problem
        assert str(problem) in report
    return error.problems


def the_problem(problems: tuple[Problem, ...], file: str, line: int | None,
                column: str | None) -> Problem:
    """Return the one problem at file/line/column (failing with the full list otherwise)."""
    found = [p for p in problems if (p.file, p.line, p.column) == (file, line, column)]
    assert len(found) == 1, "\n".join(map(str, problems))
    return found[0]


def only_problem(problems: tuple[Problem, ...], file: str, line: int | None,
                 column: str | None) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return the_problem(problems, file, line, column)


def has_words(text: str, *words: str) -> bool:
    return all(word.lower() in text.lower() for word in words)


# --- columns and values ---------------------------------------------------------------------


def test_missing_required_column(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    drop_column(folder / "remarks.csv", "excerpt")
    problem = only_problem(problems_of(folder), "remarks.csv", 1, "excerpt")
    assert has_words(problem.en, "required column", "'excerpt'", "missing")
    assert "misspelling" not in problem.en


def test_misspelled_required_column(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_rows(folder / "remarks.csv",
              lambda rows: rows[0].__setitem__(rows[0].index("speaker"), "speakr"))
    problem = only_problem(problems_of(folder), "remarks.csv", 1, "speaker")
    assert has_words(problem.en, "required column", "missing", "'speakr'", "misspelling",
                     "'speaker'")
    assert "speakr" in problem.ko


def test_duplicate_column(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    edit_rows(folder / "org_types.csv", lambda rows: [row.append(row[1]) for row in rows])
    problem = only_problem(problems_of(folder), "org_types.csv", 1, "label_ko")
    assert has_words(problem.en, "column", "twice")


def test_duplicate_remark_id(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M10", "remark_id", "M03")
    assert line == 11
    problem = only_problem(problems_of(folder), "remarks.csv", 11, "remark_id")
    assert has_words(problem.en, "duplicate", "'M03'", "first on line 4")


def test_unknown_org_type(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M22", "org_type", "startup")  # 백종심's only row
    problem = only_problem(problems_of(folder), "remarks.csv", line, "org_type")
    assert has_words(problem.en, "unknown organization type", "'startup'", "allowed",
                     "'public', 'support', 'enterprise', 'coop', 'civic'")


def test_unknown_theme(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M02", "themes", "local_assets;evidense")
    problem = only_problem(problems_of(folder), "remarks.csv", line, "themes")
    assert line == 3
    assert has_words(problem.en, "unknown theme", "'evidense'")


def test_unknown_recommendation_id(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M30", "recommendation_ids", "R16;R99")
    problem = only_problem(problems_of(folder), "remarks.csv", line, "recommendation_ids")
    assert line == 31
    assert has_words(problem.en, "unknown recommendation id", "'R99'")


def test_recommendation_with_unknown_theme(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "recommendations.csv", "R05", "themes", "governance;trsut")
    problem = only_problem(problems_of(folder), "recommendations.csv", line, "themes")
    assert line == 6
    assert has_words(problem.en, "unknown theme", "'trsut'")


def test_unknown_status(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "recommendations.csv", "R03", "status", "완료")
    problem = only_problem(problems_of(folder), "recommendations.csv", line, "status")
    assert line == 4
    assert has_words(problem.en, "unknown status", "'완료'", "allowed", "', '".join(STATUSES))


def test_blank_status_is_reported_once(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "recommendations.csv", "R03", "status", " ")
    problem = only_problem(problems_of(folder), "recommendations.csv", line, "status")
    assert has_words(problem.en, "empty")


def test_unknown_kind(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M04", "kind", "질문")
    problem = only_problem(problems_of(folder), "remarks.csv", line, "kind")
    assert line == 5
    assert has_words(problem.en, "unknown kind", "'질문'", "allowed", "제안")


@pytest.mark.parametrize("blank", ["", "   ", "\t \u3000"])
def test_empty_excerpt(tmp_path: Path, blank: str) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M07", "excerpt", blank)
    problem = only_problem(problems_of(folder), "remarks.csv", line, "excerpt")
    assert line == 8
    assert has_words(problem.en, "empty")


def test_speaker_with_two_organizations(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M06", "organization", "서울시")  # 이은애: M04-M11
    problem = only_problem(problems_of(folder), "remarks.csv", line, "organization")
    assert line == 7
    assert has_words(problem.en, "speaker '이은애'", "organization '서울시'",
                     "'서울시 사회적경제지원센터' on line 5", "one speaker, one organization")


def test_speaker_with_two_org_types_first_row_wrong(tmp_path: Path) -> None:
    """The value on most rows is taken as right, even when the odd one is the first row."""
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M04", "org_type", "public")
    problem = only_problem(problems_of(folder), "remarks.csv", line, "org_type")
    assert line == 5
    assert has_words(problem.en, "speaker '이은애'", "organization type 'public'",
                     "'support' on line 6")


# --- files that are not CSV as the contract wants -------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n   \n", b"\xef\xbb\xbf", b",,,\n,\n"],
                         ids=["zero-bytes", "whitespace", "bom-only", "blank-cells"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    folder = copy_data(tmp_path)
    (folder / "codebook.csv").write_bytes(content)
    problem = only_problem(problems_of(folder), "codebook.csv", None, None)
    assert has_words(problem.en, "the file is empty")


def test_header_only_file(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "org_types.csv"
    path.write_bytes(path.read_bytes().split(b"\n")[0] + b"\n\n")
    problem = only_problem(problems_of(folder), "org_types.csv", None, None)
    assert has_words(problem.en, "header", "no data rows")


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.mark.parametrize("content", [PNG, random.Random(3).randbytes(4096) + b"\x00\x00"],
                         ids=["png", "random"])
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    folder = copy_data(tmp_path)
    (folder / "remarks.csv").write_bytes(content)
    problem = only_problem(problems_of(folder), "remarks.csv", None, None)
    assert has_words(problem.en, "not a csv text file", "binary", "CSV UTF-8")


@pytest.mark.parametrize(("delimiter", "word"), [(";", "semicolons"), ("\t", "tabs")])
def test_wrong_separator(tmp_path: Path, delimiter: str, word: str) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    write_rows(path, read_rows(path), delimiter=delimiter)
    problem = only_problem(problems_of(folder), "remarks.csv", 1, None)
    assert has_words(problem.en, f"separated by {word}", "not commas", "comma-separated")


def test_quote_never_closed(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count("\nM10,") == 1
    path.write_text(text.replace("\nM10,", '\nM10,"', 1), encoding="utf-8")
    problem = only_problem(problems_of(folder), "remarks.csv", 11, None)
    assert has_words(problem.en, "unbalanced quotes")


def test_quote_never_closed_on_last_row(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    text = path.read_text(encoding="utf-8")
    head, last = text.rstrip("\n").rsplit("\n", 1)
    assert last.startswith("M35,")
    cells = last.split(",")
    cells[9] = '"' + cells[9]  # the excerpt: opened, never closed
    path.write_text(head + "\n" + ",".join(cells) + "\n", encoding="utf-8")
    problem = only_problem(problems_of(folder), "remarks.csv", 36, None)
    assert has_words(problem.en, "unbalanced quotes", "never closed")


def test_quote_inside_quoted_cell(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    text = path.read_text(encoding="utf-8")
    assert ',"서울과 경기도는' in text
    path.write_text(text.replace(',"서울과 경기도는', ',"서울과" 경기도는', 1), encoding="utf-8")
    problem = only_problem(problems_of(folder), "remarks.csv", 2, None)
    assert has_words(problem.en, "unbalanced quotes")


def test_too_many_cells(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    columns = len(read_rows(folder / "recommendations.csv")[0])
    edit_rows(folder / "recommendations.csv", lambda rows: rows[3].append("extra"))
    problem = only_problem(problems_of(folder), "recommendations.csv", 4, None)
    assert has_words(problem.en, f"{columns + 1} cells", f"header has {columns}")


@pytest.mark.parametrize("size", [MAX_CELL_CHARS + 1, 200_000, 5_000_000])
def test_cell_too_long(tmp_path: Path, size: int) -> None:
    folder = copy_data(tmp_path)
    line = set_cell(folder / "remarks.csv", "M05", "excerpt", "x" * size)
    problem = only_problem(problems_of(folder), "remarks.csv", line, "excerpt")
    assert line == 6
    assert has_words(problem.en, "too long", f"{size:,} characters", f"{MAX_CELL_CHARS:,}")


def test_five_megabyte_korean_cell(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    set_cell(folder / "remarks.csv", "M35", "excerpt_en", "가" * 1_700_000)
    assert (folder / "remarks.csv").stat().st_size > 5_000_000
    problem = only_problem(problems_of(folder), "remarks.csv", 36, "excerpt_en")
    assert has_words(problem.en, "too long")


# --- encodings ------------------------------------------------------------------------------


def test_latin1_file(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    data = ("org_type,label_ko,label_en,description\n"
            "public,Public,Public bodies,Administrations\n"
            "civic,Café,Cafés,\"Associations, café\"\n").encode("latin-1")
    # really neither UTF-8 nor CP949 (some Latin-1 byte pairs are valid CP949, e.g. 'éé')
    for encoding in ("utf-8", "cp949"):
        with pytest.raises(UnicodeDecodeError):
            data.decode(encoding)
    (folder / "org_types.csv").write_bytes(data)
    problem = only_problem(problems_of(folder), "org_types.csv", 3, None)
    assert has_words(problem.en, "encoding", "UTF-8", "CP949", ENCODINGS_LABEL)
    assert ENCODINGS_LABEL in problem.ko


def test_stray_non_utf8_byte_is_located(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    data = path.read_bytes()
    marker = "행정적 성과".encode()  # M27, line 28
    path.write_bytes(data.replace(marker, marker + b"\xe9 ", 1))
    problem = only_problem(problems_of(folder), "remarks.csv", 28, None)
    assert has_words(problem.en, "encoding", ENCODINGS_LABEL)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file(tmp_path: Path, encoding: str) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    problem = only_problem(problems_of(folder), "remarks.csv", None, None)
    assert has_words(problem.en, "UTF-16", ENCODINGS_LABEL)


# --- files and folders ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "recommendations.csv").unlink()
    problem = only_problem(problems_of(folder), "recommendations.csv", None, None)
    assert has_words(problem.en, "the file is missing")


def test_file_is_a_directory(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "codebook.csv").unlink()
    (folder / "codebook.csv").mkdir()
    problem = only_problem(problems_of(folder), "codebook.csv", None, None)
    assert has_words(problem.en, "cannot be read")


def test_folder_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    problem = only_problem(problems_of(missing, watched=tmp_path), str(missing), None, None)
    assert has_words(problem.en, "data folder does not exist")
    assert not missing.exists()


def test_folder_is_a_file(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    target = folder / "remarks.csv"
    problem = only_problem(problems_of(target, watched=folder), str(target), None, None)
    assert has_words(problem.en, "a file, not a data folder")


def test_empty_folder_lists_every_missing_file(tmp_path: Path) -> None:
    problems = problems_of(tmp_path)
    assert [(p.file, p.en) for p in problems] == [
        (name, "the file is missing.")
        for name in ("remarks.csv", "org_types.csv", "codebook.csv", "recommendations.csv")]


# --- many problems at once ------------------------------------------------------------------


def test_problems_in_several_files_reported_together(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    set_cell(folder / "remarks.csv", "M07", "excerpt", "")
    set_cell(folder / "remarks.csv", "M22", "org_type", "startup")
    set_cell(folder / "remarks.csv", "M04", "kind", "질문")
    set_cell(folder / "org_types.csv", "civic", "label_en", "")
    for column in {"definition", "definition_ko", "definition_en"} & set(
            read_rows(folder / "codebook.csv")[0]):
        drop_column(folder / "codebook.csv", column)  # a broken file hides nothing else
    set_cell(folder / "recommendations.csv", "R03", "status", "완료")
    problems = problems_of(folder)
    assert has_words(the_problem(problems, "remarks.csv", 8, "excerpt").en, "empty")
    assert has_words(the_problem(problems, "remarks.csv", 23, "org_type").en, "'startup'")
    assert has_words(the_problem(problems, "remarks.csv", 5, "kind").en, "'질문'")
    assert has_words(the_problem(problems, "org_types.csv", 6, "label_en").en, "empty")
    assert has_words(the_problem(problems, "codebook.csv", 1, "definition").en, "missing")
    assert has_words(the_problem(problems, "recommendations.csv", 4, "status").en, "'완료'")
    # 이은애's org_type rows are fine, so nothing else
    assert len(problems) == 6, "\n".join(map(str, problems))


def test_structural_problems_in_every_file(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "remarks.csv").write_bytes(PNG)
    (folder / "org_types.csv").write_bytes(b"")
    (folder / "codebook.csv").unlink()
    path = folder / "recommendations.csv"
    write_rows(path, read_rows(path), delimiter=";")
    problems = problems_of(folder)
    assert [(p.file, p.line) for p in problems] == [
        ("remarks.csv", None), ("org_types.csv", None), ("codebook.csv", None),
        ("recommendations.csv", 1)]


def _extra_remarks(n: int, org_type: str, prefix: str = "X") -> list[list[str]]:
    """Return n new, valid remarks rows (one new speaker each) but for their org_type."""
    header = read_rows(DATA / "remarks.csv")[0]
    rows = []
    for i in range(n):
        row = dict.fromkeys(header, "")
        row.update(remark_id=f"{prefix}{i:03}", speaker=f"참석자{prefix}{i}",
                   organization=f"기관{i}", org_type=org_type, excerpt=f"발언 {i}",
                   themes="governance")
        rows.append([row[c] for c in header])
    return rows


def test_more_than_fifty_rows_with_one_problem_are_summed_up(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    path.write_bytes(path.read_bytes() + rows_text(_extra_remarks(62, "startup")).encode())
    problems = problems_of(folder)
    assert len(problems) == MAX_LISTED_PER_CHECK + 1 == 51
    listed, summary = problems[:-1], problems[-1]
    assert [p.line for p in listed] == list(range(37, 37 + 50))
    assert all(p.column == "org_type" and "'startup'" in p.en for p in listed)
    assert (summary.file, summary.line, summary.column) == ("remarks.csv", None, "org_type")
    assert has_words(summary.en, "12 more rows have the same problem")


def test_more_than_fifty_duplicate_ids_are_summed_up(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    first = read_rows(path)[1]
    path.write_bytes(path.read_bytes() + rows_text([first] * 60).encode())
    problems = problems_of(folder)
    assert len(problems) == 51, "\n".join(map(str, problems))
    assert all(has_words(p.en, "duplicate id 'M01'", "first on line 2") for p in problems[:50])
    assert [p.line for p in problems[:50]] == list(range(37, 87))
    assert (problems[50].line, problems[50].column) == (None, "remark_id")
    assert has_words(problems[50].en, "10 more rows")


def test_separate_problems_are_capped_separately(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    path = folder / "remarks.csv"
    extra = _extra_remarks(55, "startup") + _extra_remarks(3, "bogus", prefix="Y")
    path.write_bytes(path.read_bytes() + rows_text(extra).encode())
    problems = problems_of(folder)
    assert sum("'startup'" in p.en for p in problems) == 50
    assert sum("'bogus'" in p.en for p in problems) == 3
    assert sum("more rows" in p.en for p in problems) == 1


# --- warnings: invisible direction and zero-width characters ---------------------------------

INVISIBLE = [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\u200e",
             "\u200f", "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def test_every_invisible_character_in_a_name_is_a_warning_not_an_error(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    ids = load(folder).remarks["remark_id"].tolist()
    assert len(ids) >= len(INVISIBLE)
    lines = {}
    for char, rid in zip(INVISIBLE, ids, strict=False):
        lines[set_cell(folder / "remarks.csv", rid, "role", f"팀{char}장")] = char
    dataset = load(folder)  # still loads
    assert len(dataset.remarks) == len(ids)
    flagged = {w.line: w for w in dataset.warnings}
    assert sorted(flagged) == sorted(lines)
    for line, char in lines.items():
        warning = flagged[line]
        assert (warning.file, warning.column) == ("remarks.csv", "role")
        assert f"'팀<U+{ord(char):04X}>장'" in warning.en  # the character spelled out
        assert has_words(warning.en, "invisible", "bidi", "zero-width")
        assert "보이지 않는" in warning.ko
        assert char not in str(warning)


@pytest.mark.parametrize(("file", "column"), [
    ("remarks.csv", "speaker"), ("org_types.csv", "label_ko"), ("codebook.csv", "label_en"),
    ("recommendations.csv", "title_ko")])
def test_bidi_override_in_a_name_or_label_is_flagged(tmp_path: Path, file: str,
                                                     column: str) -> None:
    folder = copy_data(tmp_path)
    first_id = read_rows(folder / file)[1][0]
    value = read_rows(folder / file)[1][read_rows(folder / file)[0].index(column)]
    line = set_cell(folder / file, first_id, column, f"\u202e{value}")
    dataset = load(folder)
    assert [(w.file, w.line, w.column) for w in dataset.warnings] == [(file, line, column)]
    assert f"<U+202E>{value}" in dataset.warnings[0].en


def test_invisible_characters_in_free_text_are_not_flagged(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    first_id = read_rows(folder / "remarks.csv")[1][0]
    set_cell(folder / "remarks.csv", first_id, "excerpt", "가족 이모지 👨\u200d👩\u200d👧")
    assert load(folder).warnings == ()


def test_warnings_are_listed_with_the_problems_of_a_broken_folder(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    first_id = read_rows(folder / "remarks.csv")[1][0]
    set_cell(folder / "remarks.csv", first_id, "role", "팀장\u200b")
    set_cell(folder / "recommendations.csv", read_rows(folder / "recommendations.csv")[1][0],
             "status", "완료")
    with pytest.raises(DataError) as info:
        load(folder)
    assert [p.column for p in info.value.problems] == ["status"]
    assert [w.column for w in info.value.warnings] == ["role"]
    assert "1 warning(s)" in info.value.report() and "팀장<U+200B>" in info.value.report()
