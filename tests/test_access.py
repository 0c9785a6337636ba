"""Who may edit and what viewers may see: passcode-less editing only for requests that are
really local, a growing delay and a log line per wrong passcode, a whitespace-only passcode
refused, the anonymized view forced by the server, and no error details for viewers."""

from __future__ import annotations

import html
import itertools
import logging
import re
from urllib.parse import urlsplit

import pytest
from conftest import APP, CHROMIUM, CHROMIUM_ARGS, PAGES, ROOT, URLS
from playwright.sync_api import expect
from streamlit import config
from streamlit.testing.v1 import AppTest

from se_dashboard.checklist import access
from se_dashboard.ui import checklist_edit

NOTICE = re.compile(r'<div class="sed-notice"[^>]*>(.) (.*?)</div>', re.S)
SYMBOLS = {"✓": "success", "✕": "error", "⚠": "warning", "ℹ": "info"}


def notices(at, kind: str | None = None) -> list[str]:
    found = [(SYMBOLS[m[1]], html.unescape(m[2])) for h in at.html
             for m in NOTICE.finditer(h.proto.body)]
    return [text for k, text in found if kind in (None, k)]


def editor_field(at) -> list:
    return [w for w in at.text_input if w.key == "recs_editor_name"]


class Records(logging.Handler):
    """Collects the records of one logger (Streamlit's loggers do not propagate)."""

    def __init__(self, name: str):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.logger = logging.getLogger(name)

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> Records:
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    """The passcode delays asked for, recorded instead of slept."""
    asked: list[float] = []
    monkeypatch.setattr(checklist_edit, "sleep", asked.append, raising=False)
    return asked


def with_host(monkeypatch, host: str) -> None:
    """AppTest sends no headers: make this session's request come with this Host header."""
    monkeypatch.setattr(checklist_edit, "request_headers", lambda: {"Host": host},
                        raising=False)


# --- point 3: local editing only for local requests ---------------------------------------

@pytest.mark.parametrize(("headers", "local"), [
    ({"Host": "localhost:8501"}, True),
    ({"Host": "127.0.0.1:8501"}, True),
    ({"host": "[::1]:8501"}, True),
    ({"Host": "LOCALHOST"}, True),
    ({"Host": "127.0.0.1:8501", "Origin": "http://localhost:8501"}, True),
    ({"Host": "attacker.example:8501"}, False),       # DNS rebinding
    ({"Host": "localhost.attacker.example:8501"}, False),
    ({"Host": "127.0.0.1:9000"}, False),               # a tunnel or port mapping
    ({"Host": "10.0.0.5:8501"}, False),
    ({"Host": "127.0.0.1:8501", "X-Forwarded-For": "203.0.113.9"}, False),  # a proxy
    ({"Host": "127.0.0.1:8501", "Forwarded": "for=203.0.113.9"}, False),
    ({"Host": "127.0.0.1:8501", "Origin": "http://attacker.example"}, False),
    ({"Host": "127.0.0.1:8501", "Origin": "null"}, False),
    ({"Host": ""}, False),
    ({}, False),
])
def test_is_local_request(headers, local):
    assert access.is_local_request(headers, 8501) is local


def test_a_loopback_server_asked_for_another_host_is_read_only(run_page, monkeypatch):
    with_host(monkeypatch, "attacker.example:8501")
    at = run_page("recs")
    assert not at.exception
    assert not editor_field(at)
    assert any("localhost" in n and "SE_DASHBOARD_EDIT_PASSCODE" in n
               for n in notices(at, "info"))
    with_host(monkeypatch, "127.0.0.1:8501")
    assert editor_field(run_page("recs"))


@pytest.mark.browser
def test_a_foreign_host_name_resolving_to_loopback_cannot_edit(browser_type, server):
    """DNS rebinding, as the issue reproduced it: Chromium maps another site's name to
    127.0.0.1. The same server opened as localhost still offers editing."""
    port = urlsplit(server).port
    browser = browser_type.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, "--host-resolver-rules=MAP rebind.example 127.0.0.1"])
    try:
        page = browser.new_page()
        for host, editable in ((f"rebind.example:{port}", False), (f"localhost:{port}", True)):
            page.goto(f"http://{host}/{URLS['recs']}")
            page.get_by_text("체크리스트 편집").click(timeout=60_000)
            name = page.get_by_label("편집자 이름 (변경 이력에 남습니다)")
            if editable:
                expect(name).to_be_visible(timeout=30_000)
            else:
                notice = page.locator(".sed-notice", has_text="localhost")
                expect(notice).to_be_visible(timeout=30_000)
                expect(name).to_have_count(0)
    finally:
        browser.close()


def test_access_needs_a_local_request_without_a_passcode():
    assert access.access_for(None, "127.0.0.1", False) == access.Access(
        "read_only", reason="not_local")
    assert access.access_for(None, "127.0.0.1", True).mode == "local"
    assert access.access_for("pw", "127.0.0.1", False).mode == "passcode"


# --- point 9: wrong passcodes ----------------------------------------------------------------

def test_failure_delay_grows_and_is_capped():
    delays = [access.failure_delay(n) for n in range(0, 12)]
    assert delays[0] == 0
    assert all(a < b for a, b in itertools.pairwise(delays[1:7]))
    assert delays[-1] == access.MAX_FAILURE_DELAY_S == max(delays)


def test_wrong_passcodes_are_delayed_more_each_time_and_logged(run_page, monkeypatch, waits):
    monkeypatch.setenv("SE_DASHBOARD_EDIT_PASSCODE", "s3cret")
    at = run_page("recs")
    with Records("se_dashboard.checklist") as log:
        for attempt in ("a", "b", "c"):
            at.text_input(key="recs_passcode").set_value(attempt)
            next(b for b in at.button if b.label == "편집 잠금 해제").click().run()
            assert "암호가 맞지 않습니다." in notices(at, "error")
    assert len(waits) == 3 and waits[0] > 0 and waits[0] < waits[1] < waits[2]
    failures = [r.getMessage() for r in log.records if "wrong edit passcode" in r.getMessage()]
    assert len(failures) == 3 and "s3cret" not in " ".join(failures)
    at.text_input(key="recs_passcode").set_value("s3cret")
    next(b for b in at.button if b.label == "편집 잠금 해제").click().run()
    assert editor_field(at) and len(waits) == 3


# --- point 10: a whitespace-only passcode ----------------------------------------------------

@pytest.mark.parametrize("blank", ["   ", "\t\n"])
def test_a_whitespace_passcode_is_refused_not_ignored(run_page, monkeypatch, blank):
    assert access.access_for(blank, "127.0.0.1", True) == access.Access(
        "read_only", reason="blank_passcode")
    monkeypatch.setenv("SE_DASHBOARD_EDIT_PASSCODE", blank)
    with_host(monkeypatch, "localhost")
    overview = run_page("overview")
    assert any("SE_DASHBOARD_EDIT_PASSCODE" in e for e in notices(overview, "error"))
    at = run_page("recs")
    assert not at.exception
    assert not editor_field(at)
    assert not [w for w in at.text_input if w.key == "recs_passcode"]


def test_a_whitespace_passcode_in_secrets_is_refused(monkeypatch):
    monkeypatch.setenv("SE_DASHBOARD_DATA", str(ROOT / "data"))
    with_host(monkeypatch, "localhost")
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.secrets["edit_passcode"] = "  "
    at.switch_page(PAGES["recs"]).run()
    assert not at.exception
    assert not editor_field(at)
    assert any("edit_passcode" in e for e in notices(at, "error"))


# --- point 13: the anonymized view forced by the server -------------------------------------

def shown_text(at) -> str:
    return (" ".join(h.proto.body for h in at.html)
            + " ".join(str(d.value.to_dict()) for d in at.dataframe)
            + " ".join(c.proto.spec for c in at.get("plotly_chart"))
            + " ".join(str(m.value) for m in at.multiselect))


def test_the_server_can_force_the_anonymized_view(run_page, monkeypatch, dataset):
    assert access.forced_anonymized("1", None) and access.forced_anonymized(None, True)
    assert not access.forced_anonymized("0", False) and not access.forced_anonymized(None, None)
    monkeypatch.setenv(access.FORCE_ANON_ENV, "1")
    names = [n for n in dataset.participants["speaker"] if len(n) > 1]
    for page in ("who", "recs"):
        at = run_page(page, query={"anon": "0"})
        assert not at.exception
        switch = at.sidebar.toggle(key=f"{page}_anon")
        assert switch.value is True and switch.disabled
        assert not [n for n in names if n in shown_text(at)], page
        at.session_state["sed_anon"] = False  # the viewer's own switch is off: no effect
        at.run()
        assert not at.exception
        assert not [n for n in names if n in shown_text(at)], page
        assert at.query_params["anon"] == "1"


def test_force_anonymized_in_secrets(monkeypatch, dataset):
    monkeypatch.setenv("SE_DASHBOARD_DATA", str(ROOT / "data"))
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.secrets["force_anonymized"] = True
    at.switch_page(PAGES["who"]).run()
    assert not at.exception
    assert at.sidebar.toggle(key="who_anon").value is True
    assert not [n for n in dataset.participants["speaker"] if n in shown_text(at)]


# --- point 8: no error details for viewers ----------------------------------------------------

def _failing_page() -> None:
    raise ValueError("secret-detail /srv/private/path")


def test_viewers_see_no_error_details_and_the_server_logs_them(monkeypatch):
    monkeypatch.chdir(ROOT)  # the project's .streamlit/config.toml
    config.get_config_options(force_reparse=True)
    assert config.get_option("client.showErrorDetails") == "none"
    with Records("streamlit.error_util") as log:
        at = AppTest.from_function(_failing_page).run()
    shown = at.exception[0]
    assert "secret-detail" not in shown.value and not shown.stack_trace
    logged = [logging.Formatter().format(r) for r in log.records]
    assert any("secret-detail /srv/private/path" in line and "Traceback" in line
               for line in logged)
