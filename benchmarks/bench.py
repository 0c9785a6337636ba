"""Benchmark: load, page reruns (AppTest), the bare-pandas floor, peak memory, server memory per
session (light websocket sessions opened and closed) and browser render times, for the bundled
data and synthetic folders of 10k and 100k remarks.

Run with `make bench` (or `python benchmarks/bench.py [--sizes bundled,10000,100000]`). It prints
a Markdown table and writes it to benchmarks/results.md. Numbers, not asserts: these machines are
shared, so read the ratios within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TMP = ROOT / "benchmarks" / "tmp"
RESULTS = ROOT / "benchmarks" / "results.md"
PAGES = {"overview": None, "who": "pages/1_who_said_what.py", "themes": "pages/2_themes.py",
         "recs": "pages/3_recommendations.py"}
URL_PATHS = {"overview": "", "who": "who_said_what"}
REPEATS = 5
# Light sessions: each one opens the app's websocket, runs one view to its end and stays open
# until all are open, then all close. They cycle through these pages and views.
SESSION_VIEWS = [("", ""), ("who_said_what", ""), ("themes", "lang=en"),
                 ("recommendations", ""), ("slides", ""), ("who_said_what", "anon=1"),
                 ("", "lang=en&anon=1"), ("themes", "q=%ED%98%91%EB%8F%99")]
SESSIONS = 30
# Sessions closed are kept this long for a reconnect (server.disconnectedSessionTTL, 120 s by
# default): the benchmark shortens it so that it can see what is left after they expire.
SESSION_TTL_S = 5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _median_ms(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _floors(dataset, org_a: str) -> dict[str, Callable[[], object]]:
    """Everything each page computes outside Streamlit, in bare pandas: the checklist state read
    and merged, the filters checked and applied, the sidebar's labels, and the page's own
    counts. Charts, HTML and widgets are left out: they are the Streamlit side."""
    from se_dashboard.analysis import counts, filters
    from se_dashboard.checklist import progress
    from se_dashboard.present import vocab
    from se_dashboard.ui import checklist_edit

    def view():
        state = checklist_edit.store().checklist()
        data = progress.with_state(dataset, state)
        wanted = filters.Filters(org_types=(org_a,)).restricted_to(data)
        vocab.participant_labels(data)
        return data, filters.apply(data, wanted)

    def overview():
        data, r = view()
        counts.headline(data, r)
        counts.participation_by_org_type(data, r)
        counts.top_themes(data, r)
        progress.reflection(progress.recommendation_rows(data, r))

    def who():
        data, r = view()
        counts.participants_in_view(data, r)
        vocab.participant_labels(data)

    def themes():
        data, r = view()
        counts.theme_frequency(data, r)
        counts.theme_by_org_type(data, r)
        counts.cooccurrence(data, r)

    def recs():
        data, r = view()
        rows = progress.recommendation_rows(data, r)
        progress.status_counts(rows)
        by_status = progress.status_by_org_type(data, r)
        progress.reflection_by_org_type(data, r, by_status)
        checklist_edit.store().history()

    return {"overview": overview, "who": who, "themes": themes, "recs": recs}


def measure(folder: Path) -> dict:
    """Measure one data folder in this process; return the figures as a dict."""
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["SE_DASHBOARD_DATA"] = str(folder)
    os.environ["SE_DASHBOARD_STATE"] = str(TMP / f"state-{folder.name}.sqlite")
    from streamlit.testing.v1 import AppTest

    from se_dashboard.data import loader
    from se_dashboard.ui import charts  # noqa: F401 - pay the one-time Plotly import up front
    from se_dashboard.ui import page as ui_page

    def app_load():
        # What every page run does to get its data: stat, content key, cached dataset.
        key = ui_page._content_key(str(folder), loader.stat_key(folder))
        return ui_page._load(str(folder), key)

    out: dict = {"folder": str(folder)}
    start = time.perf_counter()
    dataset = app_load()  # read, validate, type: the cold load that fills the cache
    out["load_cold_ms"] = (time.perf_counter() - start) * 1000
    out["remarks"] = len(dataset.remarks)
    out["load_cached_ms"] = _median_ms(app_load)

    org_a, org_b = dataset.org_type_ids[:2]
    from se_dashboard.ui import checklist_edit

    checklist_edit.store().sync(dataset.recommendations)
    floors = _floors(dataset, org_a)
    blank = AppTest.from_string("import streamlit as st\nst.write('blank')", default_timeout=120)
    blank.run()
    out["blank_ms"] = _median_ms(blank.run)
    out["pages"] = {}
    for name, script in PAGES.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        if script:
            at.switch_page(script)
        start = time.perf_counter()
        at.run()
        first = (time.perf_counter() - start) * 1000
        assert not at.exception, at.exception
        flip = {"value": org_a}

        def rerun(name=name, flip=flip, at=at) -> None:
            flip["value"] = org_b if flip["value"] == org_a else org_a
            at.sidebar.multiselect(key=f"{name}_f_org_types").set_value([flip["value"]]).run()
            assert not at.exception, at.exception

        rerun_ms = _median_ms(rerun)
        floor_ms = _median_ms(floors[name])
        out["pages"][name] = {"first_ms": first, "rerun_ms": rerun_ms, "floor_ms": floor_ms,
                              "ratio": rerun_ms / (floor_ms + out["blank_ms"])}
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _serve(folder: Path, *options: str):
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
         "true", "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", *options],
        cwd=ROOT, env={**os.environ, "SE_DASHBOARD_DATA": str(folder),
                       "SE_DASHBOARD_STATE": str(TMP / f"state-{folder.name}.sqlite")},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            time.sleep(0.1)
    return proc, url, started


def _rendered(page, selector: str) -> None:
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=120_000)
    page.wait_for_selector(selector, timeout=120_000)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=120_000)
    if page.locator('[data-testid="stException"]').count():
        raise RuntimeError("the page shows an exception")


def browser_times(folder: Path) -> dict:
    """Cold start (server start to a rendered overview) and Who-said-what render times."""
    from playwright.sync_api import sync_playwright

    proc, url, started = _serve(folder)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(url)
            _rendered(page, '[data-testid="stMetric"]')
            cold = time.perf_counter() - started
            times = []
            for _ in range(3):
                fresh = browser.new_page(viewport={"width": 1280, "height": 720})
                start = time.perf_counter()
                fresh.goto(f"{url}/{URL_PATHS['who']}")
                _rendered(fresh, ".sed-card")
                times.append(time.perf_counter() - start)
                fresh.close()
            for path in ("themes", "recommendations", "slides"):  # every page, for the RSS
                page.goto(f"{url}/{path}")
                _rendered(page, '[data-testid="stMainBlockContainer"]')
            browser.close()
        server_peak = _peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return {"cold_start_s": cold, "who_render_s": statistics.median(times),
            "server_peak_rss_mb": server_peak}


def _peak_rss_mb(pid: int, field: str = "VmHWM") -> float:
    """Return a process's peak (VmHWM) or current (VmRSS) resident memory in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _light_session(stack: contextlib.ExitStack, url: str, page: str, query: str) -> None:
    """Open one session the way a browser tab does (the app's websocket, one rerun request)
    and wait until its run is over; `stack` closes it."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    socket = stack.enter_context(connect(
        url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
        max_size=None, open_timeout=120, ping_interval=None))
    request = BackMsg()
    request.rerun_script.page_name = page
    request.rerun_script.query_string = query
    socket.send(request.SerializeToString())
    while True:
        message = ForwardMsg()
        message.ParseFromString(socket.recv(timeout=300))
        if message.WhichOneof("type") == "script_finished":
            return


def session_memory(folder: Path, sessions: int = SESSIONS) -> dict:
    """Server memory with light sessions: warm (each view run once), with `sessions` sessions
    open at once, and after they closed and their reconnect grace period ran out."""
    proc, url, _ = _serve(folder, "--server.disconnectedSessionTTL", str(SESSION_TTL_S))
    try:
        for page, query in SESSION_VIEWS:  # warm: the dataset, its derived tables, the caches
            with contextlib.ExitStack() as stack:
                _light_session(stack, url, page, query)
        warm = _peak_rss_mb(proc.pid, "VmRSS")
        start = time.perf_counter()
        with contextlib.ExitStack() as stack:
            for i in range(sessions):
                _light_session(stack, url, *SESSION_VIEWS[i % len(SESSION_VIEWS)])
            opened = _peak_rss_mb(proc.pid, "VmRSS")
            elapsed = time.perf_counter() - start
        time.sleep(SESSION_TTL_S + 2)
        # Expired sessions leave the reconnect store when the next one is stored.
        for _ in range(2):
            with contextlib.ExitStack() as stack:
                _light_session(stack, url, "", "")
            time.sleep(1)
        closed = _peak_rss_mb(proc.pid, "VmRSS")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return {"sessions": sessions, "rss_warm_mb": warm, "rss_open_mb": opened,
            "per_session_mb": (opened - warm) / sessions, "rss_closed_mb": closed,
            "sessions_s": elapsed}


def _folder_for(size: str) -> Path:
    if size == "bundled":
        return ROOT / "data"
    from se_dashboard.data import synth

    folder = TMP / f"synth-{size}"
    if not (folder / "remarks.csv").exists():
        synth.write(folder, int(size), seed=1)
    return folder


def _table(results: list[dict]) -> str:
    lines = [
        "| data | remarks | load+validate cold (ms) | cached load (ms) | "
        "peak RSS, server (MB) | peak RSS, AppTest run (MB) | "
        "browser: cold start (s) | browser: Who said what (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    nan = float("nan")
    for r in results:
        lines.append(
            f"| {r['size']} | {r['remarks']:,} | {r['load_cold_ms']:.0f} | "
            f"{r['load_cached_ms']:.1f} | {r.get('server_peak_rss_mb', nan):.0f} | "
            f"{r['peak_rss_mb']:.0f} | {r.get('cold_start_s', nan):.2f} | "
            f"{r.get('who_render_s', nan):.2f} |")
    with_sessions = [r for r in results if "sessions" in r]
    if with_sessions:
        lines += ["", "| data | light sessions open at once | server RSS warm (MB) | with them "
                  "open (MB) | per session (MB) | after they closed and expired (MB) | "
                  "time to open them (s) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in with_sessions:
            lines.append(f"| {r['size']} | {r['sessions']} | {r['rss_warm_mb']:.0f} | "
                         f"{r['rss_open_mb']:.0f} | {r['per_session_mb']:.1f} | "
                         f"{r['rss_closed_mb']:.0f} | {r['sessions_s']:.1f} |")
    lines += ["", "| data | page | first run (ms) | filter-change rerun, median of 5 (ms) | "
              "bare pandas floor (ms) | blank page (ms) | rerun / (floor + blank) |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        for name, p in r["pages"].items():
            lines.append(f"| {r['size']} | {name} | {p['first_ms']:.0f} | {p['rerun_ms']:.0f} | "
                         f"{p['floor_ms']:.1f} | {r['blank_ms']:.0f} | {p['ratio']:.1f}x |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for the requested sizes; print and save the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="bundled,10000,100000")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--sessions", type=int, default=SESSIONS,
                        help="light sessions to open at once per size (0: skip)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the table")
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    results = []
    for size in args.sizes.split(","):
        folder = _folder_for(size)
        # Each size runs in its own process, so peak RSS belongs to that size alone.
        done = subprocess.run([sys.executable, __file__, "--measure", str(folder)],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["size"] = size
        if args.sessions:
            result.update(session_memory(folder, args.sessions))
        if not args.no_browser:
            result.update(browser_times(folder))
        results.append(result)
        print(f"measured {size}", file=sys.stderr)
    table = _table(results)
    header = (f"# Benchmark results\n\nMade by `make bench` (`python benchmarks/bench.py "
              f"--sizes {args.sizes}`) on {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}.\n\n")
    args.out.write_text(header + table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
