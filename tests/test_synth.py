"""Synthetic data folders: valid, the promised shape, deterministic, skewed, and the CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers_data import ROOT, snapshot

from se_dashboard.data import synth
from se_dashboard.data.contract import KINDS, STATUSES
from se_dashboard.data.loader import BUNDLED_DATA, DATA_ENV, Dataset, load

SIZES = (1, 20, 500, 2000)
HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """One synthetic folder per size in SIZES, written once."""
    root = tmp_path_factory.mktemp("synth")
    return {n: synth.write(root / f"n{n}", n, seed=3) for n in SIZES}


@pytest.fixture(scope="module")
def datasets(folders: dict[int, Path]) -> dict[int, Dataset]:
    return {n: load(folder) for n, folder in folders.items()}


@pytest.mark.parametrize("n", SIZES)
def test_loads_with_the_promised_counts(n: int, datasets: dict[int, Dataset]) -> None:
    data = datasets[n]
    assert len(data.remarks) == n
    assert len(data.participants) >= 1
    assert abs(len(data.participants) - n / 20) <= 1
    assert data.participants["speaker"].is_unique
    assert len(data.org_types) == 6
    assert len(data.themes) == 30
    assert 1 <= len(data.recommendations) <= 200
    if n >= 2000:
        assert len(data.recommendations) == 200
    # every recommendation is backed by at least one remark
    assert set(data.remark_recs["rec_id"]) == set(data.recommendations["rec_id"])


@pytest.mark.parametrize("n", SIZES)
def test_remark_cells(n: int, folders: dict[int, Path], datasets: dict[int, Dataset]) -> None:
    remarks = datasets[n].remarks
    assert remarks["remark_id"].str.fullmatch(r"S\d{6}").all()
    assert remarks["remark_id"].iloc[0] == "S000001"
    assert remarks["themes"].map(len).between(1, 3).all()
    assert remarks["recommendation_ids"].map(len).between(0, 2).all()
    assert remarks["excerpt"].str.len().between(50, 400).all()
    assert remarks["excerpt"].map(lambda text: len(HANGUL.findall(text)) > len(text) / 2).all()
    assert not remarks["excerpt"].str.contains("lorem", case=False).any()
    sentences = remarks["excerpt"].str.split(r"(?<=다\.) ")
    assert (sentences.map(len) == sentences.map(lambda s: len(set(s)))).all()  # no repeats
    assert set(remarks["kind"].astype(str)) <= set(KINDS)
    assert remarks["meeting"].str.fullmatch(r"시민 의견 수렴 \d+차").all()
    assert remarks["speaker"].map(lambda name: bool(HANGUL.match(name))).all()
    # the raw cells list distinct themes (the loader would silently drop a repeat)
    raw = synth.generate(n, seed=3)["remarks.csv"]
    for column in ("themes", "recommendation_ids"):
        lists = raw[column].str.split(";")
        assert (lists.map(len) == lists.map(lambda items: len(set(items)))).all()


def test_recommendations_and_codebook(datasets: dict[int, Dataset]) -> None:
    data = datasets[2000]
    recs = data.recommendations
    assert recs["rec_id"].str.fullmatch(r"R\d{3}").all()
    assert set(recs["status"].astype(str)) == set(STATUSES)  # all four statuses, mixed
    assert recs["themes"].map(len).between(1, 2).all()
    assert recs["title_ko"].is_unique
    assert (data.themes["keywords"].map(len) >= 3).all()
    assert (data.themes["definition_en"].str.count(r"\. ") == 0).all()  # one sentence
    assert data.org_types["org_type"].is_unique
    assert (data.org_types["description_en"] != "").all()
    # each participant keeps one organization, org type and role over all their remarks
    per_speaker = data.remarks.groupby("speaker", observed=True)[
        ["organization", "org_type", "role"]].nunique()
    assert (per_speaker <= 1).all().all()


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    first = snapshot(synth.write(tmp_path / "a", 500, seed=11))
    second = snapshot(synth.write(tmp_path / "b", 500, seed=11))
    other = snapshot(synth.write(tmp_path / "c", 500, seed=12))
    assert sorted(first) == ["codebook.csv", "org_types.csv", "recommendations.csv",
                             "remarks.csv"]
    assert first == second
    assert first["remarks.csv"] != other["remarks.csv"]
    assert first["recommendations.csv"] != other["recommendations.csv"]
    # UTF-8 without BOM and \n line ends, like the bundled data
    text = first["remarks.csv"].decode("utf-8")
    assert text.startswith("remark_id,") and "\r" not in text


def test_themes_follow_a_zipf_like_skew() -> None:
    tables = synth.generate(5000, seed=0)
    order = tables["codebook.csv"]["theme_id"].tolist()
    counts = Counter(tables["remarks.csv"]["themes"].str.split(";").explode())
    assert set(counts) <= set(order)
    assert counts[order[0]] > 10 * counts[order[-1]]
    assert counts[order[0]] == max(counts.values())
    # the head outweighs the tail: the first 5 themes take more mentions than the last 20
    assert sum(counts[t] for t in order[:5]) > sum(counts[t] for t in order[10:])


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        synth.generate(0)
    with pytest.raises(ValueError, match="seed"):
        synth.generate(5, seed=-1)
    before = snapshot(BUNDLED_DATA)
    with pytest.raises(ValueError, match="bundled data"):
        synth.write(BUNDLED_DATA, 5)
    assert snapshot(BUNDLED_DATA) == before


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m se_dashboard ARGS` from cwd, with the repo on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k != DATA_ENV}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "se_dashboard", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)


def test_cli_writes_a_folder_that_validates(tmp_path: Path) -> None:
    made = run_cli(tmp_path, "synth", "--remarks", "300", "--out", "out", "--seed", "5")
    assert made.returncode == 0, made.stdout + made.stderr
    folder = (tmp_path / "out").resolve()
    lines = made.stdout.splitlines()
    assert lines[0] == f"Wrote {folder} (seed 5)"
    for figure in ("participants: 15", "excerpts: 300", "org_types: 6", "themes: 30",
                   "recommendations: 30"):
        assert f"  {figure}" in lines
    checked = run_cli(tmp_path, "validate", "out")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[1:] == lines[1:]  # the same figures
    assert snapshot(folder) == snapshot(synth.write(tmp_path / "api", 300, seed=5))


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_cli_refuses_a_bad_count(tmp_path: Path, value: str) -> None:
    result = run_cli(tmp_path, "synth", "--remarks", value, "--out", "out")
    assert result.returncode == 2
    assert "argument --remarks:" in result.stderr
    assert ("at least 1" if value != "many" else "not a whole number") in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_module_never_imports_streamlit() -> None:
    code = ("import sys, se_dashboard.data.synth, se_dashboard.__main__; "
            "sys.exit('streamlit' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
