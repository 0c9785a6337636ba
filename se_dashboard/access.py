"""Who may edit the checklist: a passcode when one is configured, else only a local server."""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from typing import Literal

PASSCODE_ENV = "SE_DASHBOARD_EDIT_PASSCODE"
Mode = Literal["passcode", "local", "read_only"]


def is_loopback(address: str | None) -> bool:
    """True when a server bound to `address` is reachable only from this machine.

    An empty address means every interface (Streamlit's default), so it is not loopback.
    """
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Access:
    """The editing mode of this server: `passcode` (editing needs it), `local` (open, bound to
    loopback) or `read_only` (served to the network with no passcode)."""

    mode: Mode
    passcode: str | None = None

    def unlocks(self, attempt: str) -> bool:
        """True when `attempt` is the passcode (compared in constant time)."""
        if self.mode != "passcode" or self.passcode is None:
            return False
        return hmac.compare_digest(attempt.encode("utf-8"), self.passcode.encode("utf-8"))


def access_for(passcode: str | None, server_address: str | None) -> Access:
    """Return the editing mode for a configured passcode (blank: none) and the bind address."""
    if passcode and passcode.strip():
        return Access("passcode", passcode)
    return Access("local" if is_loopback(server_address) else "read_only")
