"""`python -m se_dashboard import`, run as a user would, from an unrelated directory."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_data import DATA, ROOT
from test_intake_files import xlsx_bytes

from se_dashboard.data.loader import DATA_ENV, load

SOURCE = DATA / "source-interim-report-commentary.txt"


def run(cwd: Path, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != DATA_ENV}
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")]))
    base["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "se_dashboard", "import", *args], cwd=cwd,
                          env={**base, **(env or {})}, capture_output=True, text=True,
                          encoding="utf-8", timeout=180, check=False)


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def test_import_of_our_source_prints_what_it_found(tmp_path: Path) -> None:
    before = digest(DATA)
    result = run(tmp_path, str(SOURCE), "--meeting", "최종보고회", "--out", "new",
                 "--date", "2015-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout.splitlines()
    assert out[1] == ("회의 / Meeting: 최종보고회 (2015-12-01) · Final report meeting · "
                      "코딩 진행중 / Being coded")
    assert out[2] == ("발언자 15명 · 발언 차례 15개 · 발췌 55개 / 15 speaker(s) · 15 turn(s) · "
                      "55 excerpt(s)")
    assert ("  - 이은애 · 서울시 사회적경제지원센터 · 센터장 · 중간지원조직 / Intermediary support "
            "bodies (support) · 기존 발언자 / known · 차례 1, 발췌 12 / 1 turn(s), "
            "12 excerpt(s)") in out
    assert "건너뛴 글 7건 / 7 skipped:" in out
    assert ("  - 13번째 줄 / line 13 · 이름만 있는 줄(사진 설명) / names only (photo caption): "
            "이한준 이은애 한용명") in out
    assert "발언자를 알 수 없는 글 8건(가져오지 않음) / 8 unattributed (not imported):" in out
    assert "  - 2번째 줄 / line 2 · 첫 발언자 앞의 글 / text before the first speaker: HOME" in out
    assert out[-1].endswith(f": {(tmp_path / 'new').resolve()}")
    assert load(tmp_path / "new").meeting_ids == ["중간보고회", "최종보고회"]
    assert digest(DATA) == before


def test_table_with_named_columns_and_base_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "기록.xlsx").write_bytes(xlsx_bytes([["누가", "소속", "무엇을"],
                                                     ["홍길동", "다온협동조합", "좋습니다."]]))
    result = run(tmp_path, "기록.xlsx", "--meeting", "2026 연례점검", "--out", "new",
                 "--speaker-column", "누가", "--text-column", "무엇을",
                 "--title-en", "2026 annual review", env={DATA_ENV: str(DATA)})
    assert result.returncode == 0, result.stderr
    assert ("  - 홍길동 · 다온협동조합 · - · 유형 미정 / Type not yet set (untyped) · "
            "새 발언자 / new · 차례 1, 발췌 1 / 1 turn(s), 1 excerpt(s)") in result.stdout
    meetings = load(tmp_path / "new").meetings
    assert meetings["title_en"].tolist() == ["Interim report meeting", "2026 annual review"]


@pytest.mark.parametrize(("args", "ko", "en"), [
    (["minutes.hwp"], "다른 이름으로 저장", "Save As"),
    (["broken.docx"], "DOCX 파일이 아니거나 손상되었습니다", "not a DOCX file, or a damaged one"),
    (["missing.txt"], "파일이 없습니다", "does not exist"),
    ([str(SOURCE), "--meeting", "중간보고회"], "이미 데이터에 있습니다", "already has a meeting"),
    ([str(SOURCE), "--date", "2015/12/01"], "YYYY-MM-DD", "YYYY-MM-DD"),
])
def test_errors_exit_non_zero_with_a_clear_message(tmp_path: Path, args: list[str], ko: str,
                                                   en: str) -> None:
    (tmp_path / "minutes.hwp").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "broken.docx").write_bytes(os.urandom(2000))
    if "--meeting" not in args:
        args = [*args, "--meeting", "최종보고회"]
    result = run(tmp_path, *args, "--out", "new")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("오류: ") and ko in lines[0]
    assert lines[1].startswith("Error: ") and en in lines[1]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "new").exists()


def test_out_folder_that_is_not_empty_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "mine.txt").write_text("keep")
    result = run(tmp_path, "no-such-file.txt", "--meeting", "최종보고회", "--out", "new")
    assert result.returncode == 1
    assert "nothing is overwritten" in result.stderr
    assert [p.name for p in (tmp_path / "new").iterdir()] == ["mine.txt"]


def test_missing_required_options_are_argparse_errors(tmp_path: Path) -> None:
    result = run(tmp_path, str(SOURCE), "--out", "new")
    assert result.returncode == 2
    assert "--meeting" in result.stderr
