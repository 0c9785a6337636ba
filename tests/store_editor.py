"""Child program for the two-editor test: reads a recommendation's version and prints
'read N', waits for a line on stdin, then saves a new status from that version and prints
'saved N' or 'stale CURRENT_STATUS'.

Usage: python tests/store_editor.py DB REC_ID EDITOR STATUS   (repo root on PYTHONPATH)
"""

from __future__ import annotations

import sys
from pathlib import Path

from se_dashboard.checklist.store import StaleEditError, Store


def main() -> None:
    path, rec_id, editor, status = sys.argv[1:5]
    store = Store(Path(path))
    version = int(store.checklist().set_index("rec_id").at[rec_id, "version"])
    print(f"read {version}", flush=True)
    sys.stdin.readline()
    try:
        saved = store.save(rec_id, {"status": status, "response_note": f"by {editor}"}, version,
                           editor=editor)
    except StaleEditError as err:
        print(f"stale {err.current['status']}", flush=True)
    else:
        print(f"saved {saved}", flush=True)


if __name__ == "__main__":
    main()
