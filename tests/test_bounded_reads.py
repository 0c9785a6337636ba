"""Reading a data folder stays bounded: only regular files within the size cap are read, never
more than the cap, and nothing blocks (a FIFO) or reads forever (/dev/zero).

The dangerous cases run the loader in a child process with a timeout and a memory limit, so a
regression fails the test instead of hanging it or exhausting the machine's memory.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_data import ROOT, copy_data

from se_dashboard.data import contract, csvfile, loader
from se_dashboard.data.problems import DataError

# Loading the bundled data takes a few hundred MB of address space (pandas, pyarrow); reading
# /dev/zero to its end would take all of it.
CHILD_MEMORY = 3 * 1024**3
CHILD_SCRIPT = """
import json, sys
from pathlib import Path
from se_dashboard.data import loader
from se_dashboard.data.problems import DataError
folder = Path(sys.argv[1])
key = loader.fingerprint(folder)  # what the app computes first, before loading
try:
    loader.load(folder)
    problems = []
except DataError as exc:
    problems = [[p.file, p.ko, p.en] for p in exc.problems]
print(json.dumps({"key": key, "problems": problems}))
"""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


def load_in_child(folder: Path) -> dict:
    """Fingerprint and load `folder` in a child process; return its key and problems.

    A child that blocks is killed by the timeout (subprocess.TimeoutExpired fails the test);
    one that reads without end hits its memory limit."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD_SCRIPT, str(folder)], env=env,
                          capture_output=True, text=True, timeout=90,
                          preexec_fn=_limit_memory, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_fifo_named_remarks_csv_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "remarks.csv").unlink()
    os.mkfifo(folder / "remarks.csv")
    result = load_in_child(folder)
    assert [p[0] for p in result["problems"]] == ["remarks.csv"]
    _, ko, en = result["problems"][0]
    assert "not a regular file" in en and "FIFO" in en
    assert "일반 파일이 아닙니다" in ko


def test_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "codebook.csv").unlink()
    (folder / "codebook.csv").symlink_to("/dev/zero")
    result = load_in_child(folder)
    assert [p[0] for p in result["problems"]] == ["codebook.csv"]
    assert "not a regular file" in result["problems"][0][2]


def test_symlink_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    elsewhere = tmp_path / "elsewhere.csv"
    (folder / "codebook.csv").rename(elsewhere)
    (folder / "codebook.csv").symlink_to(elsewhere)
    assert len(loader.load(folder).themes) == len(loader.load(copy_data(tmp_path, "b")).themes)


def test_file_over_the_size_cap_is_refused_without_reading_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_data(tmp_path)
    size = (folder / "remarks.csv").stat().st_size
    monkeypatch.setattr(contract, "MAX_FILE_BYTES", size - 1)
    decoded: list[str] = []
    real_decode = csvfile.decode
    monkeypatch.setattr(csvfile, "decode",
                        lambda data, name: decoded.append(name) or real_decode(data, name))
    hashed: list[str] = []
    real_read = os.read
    monkeypatch.setattr(csvfile.os, "read", lambda fd, n: hashed.append(
        os.readlink(f"/proc/self/fd/{fd}")) or real_read(fd, n))
    with pytest.raises(DataError) as info:
        loader.load(folder)
    problems = info.value.problems
    assert [p.file for p in problems] == ["remarks.csv"], problems
    assert "too large" in problems[0].en and f"{size:,} bytes" in problems[0].en
    assert f"{size - 1:,}" in problems[0].en
    assert "너무 큽니다" in problems[0].ko
    assert "remarks.csv" not in decoded  # never read, so never decoded
    assert decoded  # ... while the other files were
    # Hashing it for the app's cache key does not read it either.
    hashed.clear()
    loader.fingerprint(folder)
    assert hashed and not any(path.endswith("remarks.csv") for path in hashed), hashed


def test_a_file_that_grows_while_read_is_cut_at_the_cap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "remarks.csv"
    path.write_bytes(b"x" * 100)
    cap = 1000
    monkeypatch.setattr(contract, "MAX_FILE_BYTES", cap)
    read = {"bytes": 0}
    real_readv = os.readv

    def growing_readv(fd: int, buffers: list) -> int:
        with path.open("ab") as handle:  # someone keeps appending while we read
            handle.write(b"y" * 5000)
        got = real_readv(fd, buffers)
        read["bytes"] += got
        return got

    monkeypatch.setattr(csvfile.os, "readv", growing_readv)
    data, problems = csvfile.read_bytes(path, "remarks.csv")
    assert data is None
    assert [p.file for p in problems] == ["remarks.csv"]
    assert "grew past the size cap" in problems[0].en
    assert read["bytes"] <= cap + 1


def test_size_cap_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert contract.MAX_FILE_BYTES >= 256 * 1024**2  # room for 100,000+ long remarks
    assert f"{contract.MAX_FILE_BYTES // 1024**2} MB" in readme
