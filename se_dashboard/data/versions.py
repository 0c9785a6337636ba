"""Versions of a data folder: each import or publication writes a complete new folder next to the
others, validates it, and only then switches a pointer to it. The configured base folder is never
edited; every earlier version is kept and can be switched back to.

Layout of the versions root ($SE_DASHBOARD_VERSIONS, else state/versions/ in the project):

    current-<hash of base>.json  {"base": "/abs/base", "version": "20261128-141500-최종보고회"}
    20261128-141500-최종보고회/  remarks.csv, …, version.json {"base", "label", "created", "parent"}

Each base has its own pointer, which names the base, so pointing $SE_DASHBOARD_DATA at another
folder never serves versions made from a different one.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

VERSIONS_ENV = "SE_DASHBOARD_VERSIONS"
DEFAULT_VERSIONS = Path(__file__).resolve().parents[2] / "state" / "versions"
META = "version.json"
LOCK = ".publish.lock"
_STAGING_PREFIX = ".staging-"
_UNSAFE = re.compile(r"[^\w가-힣.-]+")


@dataclass(frozen=True)
class Version:
    """One published version of a base folder."""

    name: str
    path: Path
    label: str
    created: str  # ISO time, local, to the second
    parent: str | None  # the version (or None: the base) it was made from
    current: bool


def versions_root() -> Path:
    """Return the folder that holds the versions: $SE_DASHBOARD_VERSIONS or state/versions."""
    chosen = os.environ.get(VERSIONS_ENV) or DEFAULT_VERSIONS
    return Path(chosen).expanduser().resolve()


def _read_json(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _write_json(path: Path, value: dict) -> None:
    """Write `value` to `path` atomically (a temporary file renamed over it)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(value, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _pointer(root: Path, base: Path) -> Path:
    digest = hashlib.blake2b(str(base).encode(), digest_size=6).hexdigest()
    return root / f"current-{digest}.json"


def current_name(base: Path, root: Path | None = None) -> str | None:
    """Return the name of the active version of `base`, or None when the base itself is active
    (no pointer, a pointer for another base, or a version folder that is gone)."""
    root = root or versions_root()
    pointer = _read_json(_pointer(root, base))
    name = pointer.get("version")
    if pointer.get("base") != str(base) or not isinstance(name, str) or not name:
        return None
    folder = root / name
    if name != folder.name or not folder.is_dir():
        return None
    return name


def active_folder(base: Path, root: Path | None = None) -> Path:
    """Return the folder to serve for `base`: its active version, else the base itself."""
    root = root or versions_root()
    name = current_name(base, root)
    return root / name if name else base


def list_versions(base: Path, root: Path | None = None) -> list[Version]:
    """Return the versions made from `base`, newest first."""
    root = root or versions_root()
    if not root.is_dir():
        return []
    current = current_name(base, root)
    found = []
    for folder in root.iterdir():
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        meta = _read_json(folder / META)
        if meta.get("base") != str(base):
            continue
        found.append(Version(folder.name, folder, str(meta.get("label", "")),
                             str(meta.get("created", "")), meta.get("parent"),
                             folder.name == current))
    return sorted(found, key=lambda v: (v.created, v.name), reverse=True)


def _new_name(root: Path, label: str, now: datetime) -> str:
    slug = _UNSAFE.sub("-", label).strip("-.")[:40] or "version"
    stem = f"{now:%Y%m%d-%H%M%S}-{slug}"
    name, n = stem, 2
    while (root / name).exists():
        name, n = f"{stem}-{n}", n + 1
    return name


def publish(base: Path, build: Callable[[Path], None], label: str,
            root: Path | None = None, now: datetime | None = None) -> Version:
    """Write a new version of `base` and switch to it; return it.

    `build(folder)` writes a complete data folder into an empty folder; it runs while no other
    publication does, so it should read the active folder (loader.data_folder()) when called.
    The result is validated with the loader: a DataError (or any error of `build`) propagates,
    the staging folder is removed and the active version stays as it was."""
    from .loader import load  # the loader resolves the active folder through this module

    root = root or versions_root()
    root.mkdir(parents=True, exist_ok=True)
    # One publication at a time (threads and processes): each builds on the version active when
    # its turn comes, so two imports saved at once both end up in the data.
    with open(root / LOCK, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _publish(base, build, label, root, now, load)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _publish(base: Path, build: Callable[[Path], None], label: str, root: Path,
             now: datetime | None, load: Callable[[Path], object]) -> Version:
    parent = current_name(base, root)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=_STAGING_PREFIX))
    try:
        build(staging)
        load(staging)
        now = now or datetime.now()
        name = _new_name(root, label, now)
        _write_json(staging / META, {"base": str(base), "label": label,
                                     "created": now.isoformat(timespec="seconds"),
                                     "parent": parent})
        staging.rename(root / name)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    switch(base, name, root)
    return next(v for v in list_versions(base, root) if v.name == name)


def switch(base: Path, name: str | None, root: Path | None = None) -> None:
    """Make version `name` of `base` the active one (None: the base itself)."""
    root = root or versions_root()
    if name is None:
        if current_name(base, root) is not None:
            _write_json(_pointer(root, base), {"base": str(base), "version": None})
        return
    meta = _read_json(root / name / META)
    if Path(name).name != name or meta.get("base") != str(base):
        raise ValueError(f"no version {name!r} of {base}")
    _write_json(_pointer(root, base), {"base": str(base), "version": name})
