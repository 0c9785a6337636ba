"""Benchmark: importing a minutes file end to end (read, turns, sentences, plan, write, validate).

Builds minutes of 100 and 2,000 turns (TXT and DOCX) from the bundled remarks, whose sentences
come from data/source-interim-report-commentary.txt: turn i is said by participant i mod 15, as
`○ 이름(소속 직함)` followed by two to four of their sentences on separate paragraphs, between
a title, 일시/장소/참석 lines and 개회 … 폐회, - 끝 -. Each file is imported into a new folder
on top of the bundled data/:

- **fresh process**: `python -m se_dashboard import FILE …` as a user runs it, timed from the
  start of the process to its exit (interpreter, imports and Kiwi's start-up included), and the
  stages inside one fresh process (Kiwi start-up counted in "sentences+plan");
- **warm**: the same stages again in a process that has already imported once (Kiwi built).

The issue's target: a 100-turn file in at most 10 s end to end. Run:
`.venv/bin/python benchmarks/bench_import.py [--turns 100,2000]`. Files and folders go to the
git-ignored benchmarks/tmp/import/. Numbers, not asserts: the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = ROOT / "benchmarks" / "tmp" / "import"
DATA = ROOT / "data"
MEETING = "벤치마크 회의"
HEAD = ("광명시 사회적경제 기본계획 벤치마크 회의록", "□ 일 시 : 2025. 5. 1.(목) 14:00",
        "□ 장 소 : 광명시청 중회의실", "□ 참석자 : 15명", "1. 개회")
TAIL = ("3. 폐회", "- 끝 -")


def minutes(n_turns: int) -> list[str]:
    """Return the paragraphs of an n-turn minutes file built from the bundled remarks."""
    with (DATA / "remarks.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    people: dict[str, tuple[str, str, list[str]]] = {}
    for row in rows:
        entry = people.setdefault(row["speaker"], (row["organization"], row["role"], []))
        parts = [p.strip() for p in row["excerpt"].split(". ") if p.strip()]
        entry[2].extend(p if p.endswith((".", "?", "!")) else p + "." for p in parts)
    speakers = list(people.items())
    lines = list(HEAD)
    for i in range(n_turns):
        name, (organization, role, sentences) = speakers[i % len(speakers)]
        lines.append(f"○ {name}({organization} {role})")
        for k in range(2 + i % 3):
            lines.append(sentences[(i + k) % len(sentences)])
    return [*lines, *TAIL]


def write_files(n_turns: int) -> dict[str, Path]:
    from docx import Document

    TMP.mkdir(parents=True, exist_ok=True)
    lines = minutes(n_turns)
    txt = TMP / f"minutes-{n_turns}.txt"
    txt.write_text("\n".join(lines), encoding="utf-8")
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    docx = TMP / f"minutes-{n_turns}.docx"
    document.save(docx)
    return {"txt": txt, "docx": docx}


def stages(path: Path, out: Path) -> dict[str, float]:
    """Run the import's stages in this process; return seconds per stage and counts."""
    t0 = time.perf_counter()
    from se_dashboard.data.loader import load
    from se_dashboard.intake.documents import read_document
    from se_dashboard.intake.plan import plan_import
    from se_dashboard.intake.turns import find_turns
    from se_dashboard.intake.write import write_folder

    base = load(DATA)
    t1 = time.perf_counter()
    document = read_document(path)
    t2 = time.perf_counter()
    found = find_turns(document)
    t3 = time.perf_counter()
    plan = plan_import(base, found, MEETING)  # sentences: Kiwi is built on first use
    t4 = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    write_folder(DATA, plan, out)  # writes, then validates with the loader
    t5 = time.perf_counter()
    return {"imports+base": t1 - t0, "read": t2 - t1, "turns": t3 - t2,
            "sentences+plan": t4 - t3, "write+validate": t5 - t4, "total": t5 - t0,
            "n_turns": len(found.turns), "n_excerpts": plan.n_excerpts}


def fresh_cli(path: Path, out: Path) -> float:
    """Seconds for `python -m se_dashboard import` in a new process, start to exit."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "se_dashboard", "import", str(path),
                             "--meeting", MEETING, "--out", str(out), "--base", str(DATA)],
                            env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"import failed: {result.stderr}")
    return elapsed


def fresh_stages(path: Path, out: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--stages-of", str(path), "--out",
                             str(out)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", default="100,2000", help="turn counts, comma-separated")
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages_of:  # the child of fresh_stages
        print(json.dumps(stages(args.stages_of, args.out)))
        return
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print()
    print("| file | turns | excerpts | fresh CLI process (s) | fresh: imports+base / read / "
          "turns / sentences+plan (Kiwi start) / write+validate (s) | warm total, base loaded and "
          "Kiwi built (s) | warm: read / turns / sentences+plan / write+validate (s) |")
    print("|---|---|---|---|---|---|---|")
    warmed = False
    for n in (int(x) for x in args.turns.split(",")):
        files = write_files(n)
        for kind, path in files.items():
            out = TMP / f"out-{n}-{kind}"
            cli = fresh_cli(path, out)
            fresh = fresh_stages(path, out)
            if not warmed:
                stages(path, out)
                warmed = True
            warm = stages(path, out)
            shutil.rmtree(out, ignore_errors=True)
            fmt = " / ".join(f"{fresh[k]:.2f}" for k in (
                "imports+base", "read", "turns", "sentences+plan", "write+validate"))
            warm_fmt = " / ".join(f"{warm[k]:.2f}" for k in (
                "read", "turns", "sentences+plan", "write+validate"))
            print(f"| {path.name} | {fresh['n_turns']} | {fresh['n_excerpts']} | {cli:.2f} | "
                  f"{fmt} | {warm['total'] - warm['imports+base']:.2f} | {warm_fmt} |",
                  flush=True)


if __name__ == "__main__":
    main()
