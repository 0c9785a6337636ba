"""Versions of a data folder (se_dashboard/data/versions.py): publishing switches to a new
complete folder only after it validates, a failed build or an invalid folder leaves everything
as it was, any version (or the base) can be switched back to, and pointers never cross bases."""

from __future__ import annotations

import json
import shutil
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
from helpers_data import copy_data, edit_rows

from se_dashboard.data import versions
from se_dashboard.data.loader import base_folder, data_folder, load
from se_dashboard.data.problems import DataError

WHEN = datetime(2026, 11, 28, 14, 15, 0)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return copy_data(tmp_path, "base").resolve()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "versions"


def copy_of(base: Path, change=None):
    """A build that copies the base's CSV files, then lets `change` edit the copy."""
    def build(out: Path) -> None:
        for source in base.glob("*.csv"):
            shutil.copy2(source, out / source.name)
        if change:
            change(out)
    return build


def retitle(first_remark: str):
    """A change that gives remark M01 another excerpt (a valid folder that differs)."""
    def change(out: Path) -> None:
        edit_rows(out / "remarks.csv", lambda rows: rows[1].__setitem__(-2, first_remark))
    return change


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".staging-"))


def test_publish_writes_a_complete_folder_and_switches_to_it(base: Path, root: Path) -> None:
    assert versions.active_folder(base, root) == base  # nothing published yet
    assert versions.list_versions(base, root) == []
    made = versions.publish(base, copy_of(base, retitle("새 발언")), "최종보고회", root, WHEN)
    assert made.name == "20261128-141500-최종보고회"
    assert made.path == root / made.name
    assert (made.label, made.created, made.parent, made.current) == (
        "최종보고회", "2026-11-28T14:15:00", None, True)
    assert versions.current_name(base, root) == made.name
    assert versions.active_folder(base, root) == made.path
    assert load(made.path).remarks["excerpt"].iat[0] == "새 발언"
    meta = json.loads((made.path / versions.META).read_text(encoding="utf-8"))
    assert meta == {"base": str(base), "label": "최종보고회", "created": "2026-11-28T14:15:00",
                    "parent": None}
    pointer = [p for p in root.glob("current-*.json")]
    assert len(pointer) == 1
    assert json.loads(pointer[0].read_text(encoding="utf-8")) == {
        "base": str(base), "version": made.name}
    assert leftovers(root) == []
    # The base folder is never written.
    assert load(base).remarks["excerpt"].iat[0].startswith("서울과 경기도는")


def test_the_configured_folder_serves_its_active_version(base: Path, root: Path,
                                                         monkeypatch) -> None:
    monkeypatch.setenv("SE_DASHBOARD_DATA", str(base))
    monkeypatch.setenv(versions.VERSIONS_ENV, str(root))
    assert base_folder() == base and data_folder() == base
    made = versions.publish(base, copy_of(base), "v1")
    assert data_folder() == made.path
    assert base_folder() == base
    versions.switch(base, None)
    assert data_folder() == base


def test_a_failing_build_leaves_the_active_version_and_no_staging(base: Path,
                                                                  root: Path) -> None:
    first = versions.publish(base, copy_of(base), "첫째", root, WHEN)

    def broken(out: Path) -> None:
        (out / "remarks.csv").write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        versions.publish(base, broken, "둘째", root, datetime(2026, 11, 29))
    assert versions.current_name(base, root) == first.name
    assert leftovers(root) == []
    assert [v.name for v in versions.list_versions(base, root)] == [first.name]


def test_an_invalid_folder_raises_its_problems_and_switches_nothing(base: Path,
                                                                    root: Path) -> None:
    def bad_type(out: Path) -> None:
        edit_rows(out / "remarks.csv", lambda rows: rows[1].__setitem__(5, "nonsense"))

    with pytest.raises(DataError) as caught:
        versions.publish(base, copy_of(base, bad_type), "잘못", root, WHEN)
    assert "nonsense" in caught.value.report()
    assert versions.active_folder(base, root) == base
    assert leftovers(root) == []
    assert versions.list_versions(base, root) == []
    # An empty folder is invalid too (missing files).
    with pytest.raises(DataError):
        versions.publish(base, lambda out: None, "빈", root, WHEN)
    assert versions.active_folder(base, root) == base
    assert leftovers(root) == []


def test_switch_back_to_the_base_and_to_an_older_version(base: Path, root: Path) -> None:
    older = versions.publish(base, copy_of(base, retitle("하나")), "하나", root,
                             datetime(2026, 1, 1, 9, 0, 0))
    newer = versions.publish(base, copy_of(base, retitle("둘")), "둘", root,
                             datetime(2026, 1, 2, 9, 0, 0))
    assert newer.parent == older.name  # made while the older one was active
    assert versions.active_folder(base, root) == newer.path
    versions.switch(base, older.name, root)
    assert versions.active_folder(base, root) == older.path
    assert load(versions.active_folder(base, root)).remarks["excerpt"].iat[0] == "하나"
    assert [v.current for v in versions.list_versions(base, root)] == [False, True]
    versions.switch(base, None, root)
    assert versions.active_folder(base, root) == base
    assert versions.current_name(base, root) is None
    assert not any(v.current for v in versions.list_versions(base, root))
    versions.switch(base, newer.name, root)
    assert versions.active_folder(base, root) == newer.path


def test_switch_refuses_a_name_that_is_not_a_version_of_this_base(base: Path, root: Path,
                                                                 tmp_path: Path) -> None:
    made = versions.publish(base, copy_of(base), "v", root, WHEN)
    for name in ("no-such-version", "../base", f"{made.name}/..", ""):
        with pytest.raises(ValueError):
            versions.switch(base, name, root)
    other = copy_data(tmp_path, "other").resolve()
    with pytest.raises(ValueError):
        versions.switch(other, made.name, root)
    assert versions.current_name(base, root) == made.name


def test_a_pointer_for_another_base_is_ignored(base: Path, root: Path, tmp_path: Path) -> None:
    made = versions.publish(base, copy_of(base), "v", root, WHEN)
    other = copy_data(tmp_path, "other").resolve()
    assert versions.active_folder(other, root) == other
    assert versions.list_versions(other, root) == []
    # A pointer file that names another base (copied, or hand-edited) is not followed.
    pointer = next(root.glob("current-*.json"))
    pointer.write_text(json.dumps({"base": str(other), "version": made.name}), encoding="utf-8")
    assert versions.active_folder(base, root) == base
    # A pointer to a version folder that is gone falls back to the base.
    pointer.write_text(json.dumps({"base": str(base), "version": "gone"}), encoding="utf-8")
    assert versions.active_folder(base, root) == base
    pointer.write_text("not json", encoding="utf-8")
    assert versions.active_folder(base, root) == base


def test_list_is_newest_first_and_names_never_clash(base: Path, root: Path) -> None:
    times = [datetime(2026, 3, 1, 10), datetime(2026, 1, 1, 10), datetime(2026, 2, 1, 10)]
    for n, when in enumerate(times):
        versions.publish(base, copy_of(base), f"회의 {n}", root, when)
    listed = versions.list_versions(base, root)
    assert [v.label for v in listed] == ["회의 0", "회의 2", "회의 1"]
    assert [v.created for v in listed] == ["2026-03-01T10:00:00", "2026-02-01T10:00:00",
                                           "2026-01-01T10:00:00"]
    assert [v.current for v in listed] == [False, True, False]  # the last one published
    # Two publications in the same second with the same label get distinct folders.
    again = versions.publish(base, copy_of(base), "회의 0", root, datetime(2026, 3, 1, 10))
    assert again.name == "20260301-100000-회의-0-2"
    # Characters that do not belong in a folder name are replaced.
    odd = versions.publish(base, copy_of(base), "a/b: c", root, datetime(2026, 4, 1))
    assert odd.name == "20260401-000000-a-b-c"
    assert odd.path.parent == root


def test_publications_at_the_same_time_take_turns_and_each_builds_on_the_last(
        tmp_path: Path) -> None:
    base = copy_data(tmp_path, "base").resolve()
    root = tmp_path / "versions"
    inside = threading.Lock()
    seen: list[Path] = []
    overlaps: list[str] = []

    def build(out: Path) -> None:
        if not inside.acquire(blocking=False):
            overlaps.append(out.name)
            return
        try:
            seen.append(versions.active_folder(base, root))  # what this publication starts from
            time.sleep(0.2)
            for source in base.glob("*.csv"):
                shutil.copyfile(source, out / source.name)
        finally:
            inside.release()

    threads = [threading.Thread(target=versions.publish, args=(base, build, f"v{i}", root))
               for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []
    made = versions.list_versions(base, root)
    assert len(made) == 3
    # A chain: the first started from the base, each other from the one published before it,
    # and the last one published is active.
    parents = [v.parent for v in made]
    assert parents.count(None) == 1
    assert sorted(p for p in parents if p) == sorted(v.name for v in made if not v.current)
    assert seen[0] == base and len(set(seen)) == 3
