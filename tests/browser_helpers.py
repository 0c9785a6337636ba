"""Helpers shared by the browser tests: a guard that records every request, and waiting for
Streamlit to finish a run without an exception on the page."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, WebSocket, expect

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
RENDER_TIMEOUT = 30_000  # ms: a cold first run imports pandas and plotly
SETTLED_MS = 800  # ms the DOM must stay unchanged before a page is measured or audited
# Playwright's assertions wait 5 s by default; a shared 2-core machine under load can take
# longer to open a list or redraw after a rerun, which is not what the tests check.
EXPECT_TIMEOUT = 15_000
expect.set_options(timeout=EXPECT_TIMEOUT)
SKELETONS = ", ".join(f"[data-testid={t}]" for t in ("stAppSkeleton", "stSkeleton",
                                                      "stSkeletonElement"))


class NetworkGuard:
    """Records every URL the browser context requests (websockets included)."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        self.reported: set[str] = set()
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", self._watch)
        for page in context.pages:
            self._watch(page)

    def _watch(self, page: Page) -> None:
        page.on("websocket", lambda ws: self._socket(ws))

    def _socket(self, ws: WebSocket) -> None:
        self.urls.append(ws.url)

    def foreign(self) -> list[str]:
        """Requested URLs whose host is not the loopback server (data: and blob: ignored)."""
        return [u for u in dict.fromkeys(self.urls)
                if urlsplit(u).scheme not in ("data", "blob")
                and urlsplit(u).hostname not in LOCAL_HOSTS]

    def check(self) -> None:
        """Fail on non-local requests not reported yet (so a leak fails the test once)."""
        new = [u for u in self.foreign() if u not in self.reported]
        self.reported.update(new)
        assert not new, f"requests to non-local hosts: {new}"


_GUARDS: dict[int, NetworkGuard] = {}


def wait_for_render(page: Page) -> None:
    """Wait until Streamlit has finished the current run; fail on a Python exception on the
    page or on a request to a non-local host so far."""
    page.locator('[data-testid="stAppViewContainer"]').wait_for(timeout=RENDER_TIMEOUT)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached",
                                                             timeout=RENDER_TIMEOUT)
    # The script run can be over while lazily loaded elements (metrics, charts, multiselects)
    # still show skeleton placeholders.
    page.wait_for_function(f"() => !document.querySelector('{SKELETONS}')",
                           timeout=RENDER_TIMEOUT)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    guard = _GUARDS[id(page)]
    assert any(urlsplit(u).scheme in ("ws", "wss") for u in guard.urls), "websocket not seen"
    guard.check()


def settle(page: Page, *markers: str) -> None:
    """Wait for the page's stylesheets carrying `markers` and for the DOM to stop changing."""
    page.evaluate("() => { window.__sedSig = null; }")
    page.wait_for_function(
        """markers => markers.every(m => [...document.querySelectorAll('style')]
                                        .some(s => s.textContent.includes(m)))""",
        arg=list(markers))
    page.wait_for_function(
        """ms => {
            const sig = document.getElementsByTagName('*').length + ':'
                + document.body.innerText.length;
            const now = performance.now();
            if (window.__sedSig !== sig) { window.__sedSig = sig; window.__sedSince = now; }
            return now - window.__sedSince >= ms;
        }""", arg=SETTLED_MS, polling=100)


def open_page(page: Page, url: str, heading: bool = True) -> None:
    """Open `url` and wait for a full render (the run finished, the page heading drawn)."""
    page.goto(url)
    page.get_by_test_id("stMain").get_by_test_id("stElementContainer").first.wait_for(
        timeout=RENDER_TIMEOUT)
    wait_for_render(page)
    if heading:
        expect(title(page)).to_be_visible()


@pytest.fixture
def app(page: Page) -> Iterator[Page]:
    """pytest-playwright's page, with the network guard recording from the first request."""
    guard = NetworkGuard(page.context)
    _GUARDS[id(page)] = guard
    page.set_default_timeout(RENDER_TIMEOUT)
    yield page
    _GUARDS.pop(id(page), None)
    guard.check()  # also whatever was requested after the last render



def title(page: Page) -> Locator:
    return page.get_by_role("heading", level=1).first
