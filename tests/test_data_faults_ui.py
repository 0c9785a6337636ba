"""A data folder that breaks, in the running app: its failure is cached like a success, and
pages keep serving the last good version of the folder with a banner listing the problems."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers_data import copy_data, set_cell
from streamlit.testing.v1 import AppTest

from se_dashboard.data import csvfile, loader
from se_dashboard.present.labels import t

RunPage = Callable[..., AppTest]


def broken(folder: Path) -> str:
    """Break the folder with an unknown organization type; return that type."""
    first = next(iter(loader.load(folder).remarks["remark_id"]))
    set_cell(folder / "remarks.csv", first, "org_type", "no_such_type")
    return "no_such_type"


def notices(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.html if 'class="sed-notice"' in h.proto.body]


def rendered(at: AppTest) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """What a page shows of its data: HTML snippets (the stale-data banner left out), metrics
    and titles."""
    stale = t("data_stale", "ko")[:20]
    return ([h.proto.body for h in at.html if stale not in h.proto.body],
            [(m.label, m.value) for m in at.metric], [x.value for x in at.title])


def codes(at: AppTest) -> list[str]:
    return [c.value for c in at.code]


def test_a_rejected_folder_is_not_parsed_again_for_the_same_files(
        tmp_path: Path, run_page: RunPage, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_data(tmp_path)
    broken(folder)
    parsed: list[str] = []
    real_parse = csvfile.parse
    monkeypatch.setattr(csvfile, "parse",
                        lambda text, spec: parsed.append(spec.filename) or real_parse(text, spec))
    at = run_page("overview", data=folder)
    assert at.error and parsed.count("remarks.csv") == 1
    at.run()  # the same session again
    run_page("themes", data=folder)  # another session, another page
    assert at.error and parsed.count("remarks.csv") == 1, parsed
    # A new version of the files is read again.
    path = folder / "remarks.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    run_page("overview", data=folder)
    assert parsed.count("remarks.csv") == 2, parsed


@pytest.mark.parametrize("page", ["overview", "who", "themes", "recs", "slides"])
def test_last_good_version_is_served_with_a_banner_after_the_folder_breaks(
        tmp_path: Path, run_page: RunPage, page: str) -> None:
    folder = copy_data(tmp_path)
    good = loader.load(folder)
    first = run_page(page, data=folder)
    assert not first.exception and not first.error
    assert not any(t("data_stale", "ko") in n for n in notices(first))
    wrong = broken(folder)

    at = run_page(page, data=folder)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error  # not the error page
    banners = [n for n in notices(at) if t("data_stale", "ko")[:20] in n]
    assert len(banners) == 1, notices(at)
    assert any(wrong in c and "remarks.csv" in c for c in codes(at)), codes(at)
    # ... above the last good version: the page renders it exactly as before the break.
    assert rendered(at) == rendered(first)
    if page == "overview":
        assert at.metric[0].value == str(len(good.participants))

    # Fixed again: the banner goes away.
    path = folder / "remarks.csv"
    path.write_bytes((loader.BUNDLED_DATA / "remarks.csv").read_bytes())
    os.utime(path)
    fixed = run_page(page, data=folder)
    assert not fixed.exception and not fixed.error
    assert not any(t("data_stale", "ko")[:20] in n for n in notices(fixed))


def test_banner_follows_the_language_and_anonymized_view(tmp_path: Path,
                                                         run_page: RunPage) -> None:
    folder = copy_data(tmp_path)
    run_page("who", query={"lang": "en", "anon": "1"}, data=folder)
    broken(folder)
    at = run_page("who", query={"lang": "en", "anon": "1"}, data=folder)
    assert not at.exception and not at.error
    assert any(t("data_stale", "en")[:30] in n for n in notices(at)), notices(at)
    speakers = set(loader.load(loader.BUNDLED_DATA).participants["speaker"])
    cards = "".join(h.proto.body for h in at.html if "sed-card" in h.proto.body)
    assert cards and not any(name in cards for name in speakers)


def test_a_folder_broken_from_the_start_shows_only_its_problems(tmp_path: Path,
                                                                run_page: RunPage) -> None:
    folder = copy_data(tmp_path)
    wrong = broken(folder)
    at = run_page("overview", data=folder)
    assert not at.exception
    assert [e.value for e in at.error] == [t("data_error", "ko")]
    assert any(wrong in c for c in codes(at))
    assert not at.metric
