"""Child program for the crash test. For each line on stdin it forks a writer process that
prints "pid N", then saves one recommendation in a tight loop (status and plan section change
on every save, a snapshot every 5th version), printing each committed version, until it is
killed; once that writer is gone it prints "dead SIGNAL" (or "exit CODE"). Forking from this
one process pays for the imports once instead of once per kill.

Usage: python tests/store_writer.py DB REC_ID   (with the repo root on PYTHONPATH)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from se_dashboard.checklist.store import Store

STATUS_BY_PARITY = ("미반영", "반영")


def write_forever(path: Path, rec_id: str) -> None:
    print(f"pid {os.getpid()}", flush=True)
    store = Store(path)
    version = int(store.checklist().set_index("rec_id").at[rec_id, "version"])
    while True:
        version = store.save(rec_id, {"status": STATUS_BY_PARITY[version % 2],
                                      "plan_section": f"전략 {version}"},
                             version, editor="writer", note=f"loop {version}")
        print(version, flush=True)
        if version % 5 == 0:
            store.take_snapshot(f"snap {version}", editor="writer")


def main() -> None:
    path, rec_id = Path(sys.argv[1]), sys.argv[2]
    while sys.stdin.readline():
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(path, rec_id)
            finally:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        # The leading newline ends any line the killed writer left half written.
        if os.WIFSIGNALED(status):
            print(f"\ndead {os.WTERMSIG(status)}", flush=True)
        else:
            print(f"\nexit {os.waitstatus_to_exitcode(status)}", flush=True)


if __name__ == "__main__":
    main()
