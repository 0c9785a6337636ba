"""Accessibility audit with axe-core: every page in Korean, in English and anonymized, every
slide, and the recommendations page with a card's evidence open have no serious or critical
finding. axe-core is the copy bundled in the pinned axe-playwright-python package, put into the
page as a script (no network). Each test saves its findings as JSON in tests/screenshots/ and
reports the moderate and minor ones (e.g. heading-order) as a warning in the test output."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import axe_playwright_python
import pytest
from browser_helpers import open_page, settle, wait_for_render
from conftest import PAGES, URLS
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
BLOCKING = ("critical", "serious")
VIEWS = {"ko": "", "en": "lang=en", "anon": "anon=1"}
MAX_SLIDES = 80  # a runaway "next" button fails instead of looping
# The page's own stylesheets (st.html style-only elements arrive after the first elements do):
# the audit waits for them so it checks the colours the audience sees.
STYLE_MARKERS = {"page": ".sed-card{", "slides": ".sed-slide{"}


class AxeMinorFinding(UserWarning):
    """A moderate or minor axe finding: reported, not failed."""


def target_text(node: dict) -> str:
    """Return an axe node's target as one selector string (shadow DOM levels joined by >>>)."""
    return " ".join(t if isinstance(t, str) else " >>> ".join(t) for t in node["target"])


def counter(number: int) -> re.Pattern[str]:
    """Match the slide counter "number / total"."""
    return re.compile(rf"(?<!\d){number} / \d")


def audit(page: Page, where: str, *markers: str) -> list[dict]:
    """Run axe-core on the settled page; return one record per violated rule."""
    settle(page, *(markers or (STYLE_MARKERS["page"],)))
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["name"] == "axe-core" and result["passes"], \
        f"axe did not audit {where}"
    return [{"where": where, "rule": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [{"target": target_text(n), "html": n["html"][:300],
                        "summary": n.get("failureSummary", "")} for n in v["nodes"]]}
            for v in result["violations"]]


def blocking(findings: list[dict]) -> list[str]:
    """Return a line per serious or critical node."""
    return [f"{f['where']}: {f['rule']} ({f['impact']}) {n['target']}\n    {n['html']}\n"
            f"    {n['summary']}"
            for f in findings if f["impact"] in BLOCKING
            for n in f["nodes"]]


def report(findings: list[dict], audited: list[str], log: dict[str, dict], name: str) -> None:
    """Save what was audited and the findings, warn about the minor ones and fail on the
    blocking ones."""
    log[name] = {"audited": audited, "findings": findings}
    minor = [f"{f['where']}: {f['rule']} ({f['impact']}) {n['target']}"
             for f in findings if f["impact"] not in BLOCKING for n in f["nodes"]]
    for f in findings:
        for n in f["nodes"]:
            print(f"axe {f['where']}: {f['rule']} ({f['impact']}) {n['target']}")
    if minor:
        warnings.warn(AxeMinorFinding(f"{name}: {len(minor)} moderate/minor axe finding(s):\n"
                                      + "\n".join(minor)), stacklevel=2)
    serious = blocking(findings)
    assert not serious, f"{len(serious)} serious/critical axe finding(s):\n" + "\n".join(serious)


@pytest.fixture(scope="module")
def axe_log(screenshots: Path) -> Iterator[dict[str, dict]]:
    """Findings of every audit in this module, written to screenshots/axe-findings.json."""
    log: dict[str, dict] = {}
    yield log
    version = re.search(r"axe v[\d.]+", AXE.read_text(encoding="utf-8")[:200])
    (screenshots / "axe-findings.json").write_text(
        json.dumps({"engine": version.group() if version else "axe", "tests": log},
                   ensure_ascii=False, indent=1), encoding="utf-8")


def test_axe_is_a_local_file() -> None:
    assert AXE.is_file() and AXE.read_text(encoding="utf-8").startswith("/*! axe v4.")


@pytest.mark.parametrize("view", VIEWS)
def test_every_page_has_no_serious_finding(app: Page, server: str, view: str,
                                           axe_log: dict[str, dict]) -> None:
    findings: list[dict] = []
    names = [*PAGES, "compare", "import"]
    audited = [f"{name} [{view}]" for name in names]
    for name, where in zip(names, audited, strict=True):
        open_page(app, f"{server}/{URLS[name]}" + (f"?{VIEWS[view]}" if VIEWS[view] else ""))
        findings += audit(app, where)
    report(findings, audited, axe_log, f"pages-{view}")


@pytest.mark.parametrize("view", VIEWS)
def test_every_slide_has_no_serious_finding(app: Page, server: str, view: str,
                                            axe_log: dict[str, dict]) -> None:
    extra = f"&{VIEWS[view]}" if VIEWS[view] else ""
    open_page(app, f"{server}/{URLS['slides']}?slide=1{extra}", heading=False)
    next_button = app.get_by_role("button", name="Next" if view == "en" else "다음")
    findings: list[dict] = []
    audited: list[str] = []
    for number in range(1, MAX_SLIDES + 1):
        expect(app.locator(".sed-foot")).to_contain_text(counter(number))
        audited.append(f"slide {number} [{view}]")
        findings += audit(app, audited[-1], *STYLE_MARKERS.values())
        if next_button.is_disabled():
            break
        next_button.click()
        expect(app.locator(".sed-foot")).to_contain_text(counter(number + 1))
        wait_for_render(app)
    else:
        pytest.fail(f"the deck did not end within {MAX_SLIDES} slides")
    assert number > 1, "the deck has more than one slide to audit"
    report(findings, audited, axe_log, f"slides-{view}")


def test_recommendations_with_evidence_open(app: Page, server: str,
                                            axe_log: dict[str, dict]) -> None:
    open_page(app, f"{server}/{URLS['recs']}")
    evidence = app.get_by_test_id("stExpander").filter(
        has_text=re.compile(r"근거 발언 \d+건")).first
    evidence.locator("summary").click()
    expect(evidence.locator(".sed-card").first).to_be_visible()
    wait_for_render(app)
    where = "recs, first evidence open [ko]"
    report(audit(app, where), [where], axe_log, "recs-evidence")
