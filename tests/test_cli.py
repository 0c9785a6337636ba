"""`python -m se_dashboard validate [FOLDER]`, run as a user would, from an unrelated directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_data import DATA, ROOT, copy_data, read_rows, set_cell

from se_dashboard.data.loader import DATA_ENV, load
from se_dashboard.data.problems import DataError


def validate(cwd: Path, *args: str, env: dict[str, str] | None = None,
             encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    """Run the validate command with cwd as working directory (not the repo)."""
    base = {k: v for k, v in os.environ.items() if k != DATA_ENV}
    # se_dashboard is not installed: make the repo importable, wherever the command runs from.
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
    base["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "se_dashboard", "validate", *args], cwd=cwd,
        env={**base, **(env or {})}, capture_output=True, text=True, encoding=encoding,
        errors="replace", timeout=120, check=False)


def broken_copy(tmp_path: Path) -> tuple[Path, DataError]:
    folder = copy_data(tmp_path, "broken")
    set_cell(folder / "remarks.csv", "M22", "org_type", "startup")
    set_cell(folder / "remarks.csv", "M07", "excerpt", "")
    set_cell(folder / "recommendations.csv", "R03", "status", "완료")
    with pytest.raises(DataError) as info:
        load(folder)
    assert len(info.value.problems) == 3
    return folder, info.value


def bundled_counts() -> dict[str, int]:
    """The bundled folder's figures counted from its CSV rows (it is being recoded)."""
    remarks = read_rows(DATA / "remarks.csv")
    speaker = remarks[0].index("speaker")
    return {"participants": len({row[speaker] for row in remarks[1:]}),
            "excerpts": len(remarks) - 1,
            **{label: len(read_rows(DATA / name)) - 1 for label, name in (
                ("org_types", "org_types.csv"), ("themes", "codebook.csv"),
                ("recommendations", "recommendations.csv"))}}


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working directory with no data/ in it."""
    path = tmp_path / "elsewhere"
    path.mkdir()
    return path


def test_bundled_data_validates(elsewhere: Path) -> None:
    result = validate(elsewhere)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"OK: {DATA}"
    for label, value in bundled_counts().items():
        assert f"  {label}: {value}" in lines
    assert result.stderr == ""


def test_broken_folder_lists_every_problem(tmp_path: Path, elsewhere: Path) -> None:
    folder, error = broken_copy(tmp_path)
    result = validate(elsewhere, str(folder))
    assert result.returncode == 1
    assert result.stdout.strip() == error.report()
    for problem in error.problems:
        assert f"- {problem}" in result.stdout.splitlines()
    assert "remarks.csv, line 23, column 'org_type'" in result.stdout
    assert "remarks.csv, line 8, column 'excerpt'" in result.stdout
    assert "recommendations.csv, line 4, column 'status'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_relative_folder_is_taken_from_the_working_directory(tmp_path: Path) -> None:
    copy_data(tmp_path, "mydata")
    result = validate(tmp_path, "mydata")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == f"OK: {(tmp_path / 'mydata').resolve()}"


def test_env_var_is_honoured(tmp_path: Path, elsewhere: Path) -> None:
    folder, error = broken_copy(tmp_path)
    result = validate(elsewhere, env={DATA_ENV: str(folder)})
    assert result.returncode == 1
    assert result.stdout.strip() == error.report()
    # an explicit folder wins over the variable
    result = validate(elsewhere, str(DATA), env={DATA_ENV: str(folder)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"participants: {bundled_counts()['participants']}" in result.stdout


def test_missing_folder(elsewhere: Path) -> None:
    result = validate(elsewhere, "no-such-folder")
    assert result.returncode == 1
    assert f"{elsewhere.resolve() / 'no-such-folder'}: " in result.stdout
    assert "the data folder does not exist" in result.stdout
    assert "Traceback" not in result.stderr


def test_report_survives_an_ascii_only_stdout(tmp_path: Path, elsewhere: Path) -> None:
    """Korean text must not crash the report where stdout cannot encode it."""
    folder, _ = broken_copy(tmp_path)
    result = validate(elsewhere, str(folder), encoding="ascii")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert "recommendations.csv, line 4, column 'status'" in result.stdout
    assert "unknown status '\\uc644\\ub8cc'" in result.stdout


def test_validate_prints_invisible_character_warnings_and_succeeds(tmp_path: Path,
                                                                  elsewhere: Path) -> None:
    folder = copy_data(tmp_path)
    speaker = load(folder).participants["speaker"].iat[0]
    rows = (folder / "remarks.csv").read_text(encoding="utf-8")
    (folder / "remarks.csv").write_text(rows.replace(speaker, f"\u202e{speaker}\u2069"),
                                        encoding="utf-8")
    dataset = load(folder)
    assert dataset.warnings
    result = validate(elsewhere, str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"OK: {folder.resolve()}"
    assert f"{len(dataset.warnings)} warning(s) (warnings alone" in result.stdout
    for warning in dataset.warnings:
        assert f"- {warning}" in lines
    assert f"<U+202E>{speaker}<U+2069>" in result.stdout
    assert "\u202e" not in result.stdout  # the terminal never gets the raw override
