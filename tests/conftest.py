"""Shared fixtures: the bundled dataset, AppTest runs of each page, and a real `streamlit run`
server with Debian's Chromium for the browser tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_helpers import app  # noqa: F401 - the browser tests' page fixture
from streamlit.testing.v1 import AppTest

from se_dashboard.checklist.store import STATE_ENV
from se_dashboard.data.loader import DATA_ENV, Dataset, load
from se_dashboard.data.versions import VERSIONS_ENV

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
APP = ROOT / "app.py"
# The token cache's environment variable (se_dashboard/coding/lemmas.py).
CACHE_ENV = "SE_DASHBOARD_CACHE"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# Page script of each page, as AppTest.switch_page and st.page_link name them.
PAGES = {
    "overview": None,
    "who": "pages/1_who_said_what.py",
    "themes": "pages/2_themes.py",
    "recs": "pages/3_recommendations.py",
}
# The presentation page has no title or banner of its own; tests of it name it explicitly.
ALL_PAGES = {**PAGES, "slides": "pages/4_slides.py", "compare": "pages/5_compare.py",
             "import": "pages/6_import.py"}
# URL path of each page on a running server.
URLS = {"overview": "", "who": "who_said_what", "themes": "themes", "recs": "recommendations",
        "slides": "slides", "compare": "compare", "import": "import"}


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled data folder, loaded once."""
    return load(DATA)


@pytest.fixture(autouse=True)
def checklist_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own checklist database, never the working one in state/."""
    path = tmp_path / "state" / "checklist.sqlite"
    monkeypatch.setenv(STATE_ENV, str(path))
    return path


@pytest.fixture(scope="session", autouse=True)
def token_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The suite's own on-disk token cache (shared by its tests and the servers it starts),
    never the working one in state/."""
    path = tmp_path_factory.mktemp("token-cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(path)
    yield path
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture(autouse=True)
def versions_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own folder of data versions, never the working one in state/."""
    path = tmp_path / "versions"
    monkeypatch.setenv(VERSIONS_ENV, str(path))
    return path


@pytest.fixture
def seoul(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The server's local time zone is Asia/Seoul (for times shown with their zone)."""
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def run_page(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """Return a function that runs one page in AppTest and returns the AppTest.

    `query` simulates a deep link (values may be lists); `data` points the app at another
    data folder through SE_DASHBOARD_DATA. The checklist state is the test's own database.
    """

    def run(page: str = "overview", query: dict[str, str | list[str]] | None = None,
            data: Path | None = None) -> AppTest:
        monkeypatch.setenv(DATA_ENV, str(data or DATA))
        at = AppTest.from_file(str(APP), default_timeout=30)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        if ALL_PAGES[page]:
            at.switch_page(ALL_PAGES[page])
        return at.run()

    return run


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(data: Path = DATA, state: Path | None = None,
                     env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `streamlit run app.py` on a free loopback port; yield its base URL.

    The checklist state goes to `state` (default: a fresh temporary database), data versions
    to a fresh temporary folder."""
    port = _free_port()
    scratch = tempfile.mkdtemp(prefix="se-dashboard-state-")
    env = {**os.environ, DATA_ENV: str(data),
           STATE_ENV: str(state or Path(scratch) / "checklist.sqlite"),
           VERSIONS_ENV: str(Path(scratch) / "versions"), **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.runOnSave", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{output}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """A streamlit server on the bundled data, shared by the browser tests."""
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's Chromium (Playwright's own browser download does not work here)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The git-ignored folder for browser screenshots."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
