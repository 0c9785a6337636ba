"""The codebook's `retired` column and the optional stop-word list of a data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from se_dashboard.data.loader import fingerprint, load, stat_key
from se_dashboard.data.problems import DataError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    out.mkdir()
    for name in ("remarks.csv", "org_types.csv", "codebook.csv", "recommendations.csv"):
        shutil.copyfile(ROOT / "data" / name, out / name)
    return out


def _mark(folder: Path, marks: dict[int, str]) -> None:
    """Add a `retired` column to codebook.csv with the given value on the given data rows."""
    lines = (folder / "codebook.csv").read_text(encoding="utf-8").splitlines()
    lines[0] += ",retired"
    for i in range(1, len(lines)):
        lines[i] += "," + marks.get(i, "")
    (folder / "codebook.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_without_the_column_no_theme_is_retired(dataset) -> None:
    assert not dataset.themes["retired"].any()
    assert dataset.stopwords == ()


def test_a_retired_theme_is_marked_and_still_counts(folder: Path, dataset) -> None:
    _mark(folder, {1: "중지"})  # governance, the first theme
    loaded = load(folder)
    assert loaded.themes.loc[loaded.themes["retired"], "theme_id"].tolist() == ["governance"]
    # Remarks coded with it keep it.
    assert (loaded.remark_themes["theme_id"] == "governance").sum() == (
        dataset.remark_themes["theme_id"] == "governance").sum()


def test_an_unknown_retired_mark_is_a_problem(folder: Path) -> None:
    _mark(folder, {2: "yes"})
    with pytest.raises(DataError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("codebook.csv", 3, "retired")
    assert "'yes'" in problem.en and "중지" in problem.ko


def test_stop_words_are_read_in_order_without_comments_or_repeats(folder: Path) -> None:
    (folder / "stopwords.txt").write_text("# 흔한 말\n지역\n  과정  # 절차\n\n지역\nthe\n",
                                          encoding="utf-8-sig")
    assert load(folder).stopwords == ("지역", "과정", "the")


def test_stop_words_in_cp949(folder: Path) -> None:
    (folder / "stopwords.txt").write_bytes("지역\n광명\n".encode("cp949"))
    assert load(folder).stopwords == ("지역", "광명")


def test_a_line_that_is_not_a_word_is_a_problem(folder: Path) -> None:
    (folder / "stopwords.txt").write_text("지역\n" + "가" * 101 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("stopwords.txt", 2)


def test_the_stop_words_are_part_of_the_folder_fingerprint(folder: Path) -> None:
    before, before_stat = fingerprint(folder), stat_key(folder)
    (folder / "stopwords.txt").write_text("지역\n", encoding="utf-8")
    assert fingerprint(folder) != before and stat_key(folder) != before_stat
    changed = fingerprint(folder)
    (folder / "stopwords.txt").write_text("과정\n", encoding="utf-8")
    assert fingerprint(folder) != changed
