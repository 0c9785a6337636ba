"""Who may edit the checklist: a passcode when one is configured, else only requests that are
really local to a server bound to loopback. Also the passcode-guessing delay and the
server-side switch that forces the anonymized view."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

PASSCODE_ENV = "SE_DASHBOARD_EDIT_PASSCODE"
FORCE_ANON_ENV = "SE_DASHBOARD_FORCE_ANON"
Mode = Literal["passcode", "local", "read_only"]
# Why an Access is read-only: served to the network without a passcode, a request that did not
# come to localhost (proxy, tunnel, port mapping, another site's name), a blank passcode.
Reason = Literal["", "network", "not_local", "blank_passcode"]
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# Headers a reverse proxy adds: the request was relayed for someone else.
PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip")
FAILURE_DELAY_S = 1.0  # after the first wrong passcode; doubled for each further one
MAX_FAILURE_DELAY_S = 30.0
TRUE_WORDS = ("1", "true", "yes", "on")


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


def _is_local_host(value: str, port: int | None) -> bool:
    """True for `localhost`, `127.0.0.1` or `[::1]`, bare or with the server's port."""
    value = value.strip().lower()
    for host in LOCAL_HOSTS:
        if value == host or (port is not None and value == f"{host}:{port}"):
            return True
    return False


def is_local_request(headers: Mapping[str, str], port: int | None) -> bool:
    """True when the request's headers say it was made on this machine to this server: the Host
    is localhost / 127.0.0.1 / [::1] (bare or with `port`), an Origin, if sent, is http(s) on
    such a host, and no proxy forwarding header is present. Missing headers are not local."""
    found = {str(k).lower(): str(v) for k, v in headers.items()}
    if not _is_local_host(found.get("host", ""), port):
        return False
    if any(name in found for name in PROXY_HEADERS):
        return False
    origin = found.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not _is_local_host(parts.netloc, port):
            return False
    return True


def blank_passcode(passcode: object) -> bool:
    """True for a configured passcode that cannot be one: only whitespace, or not text."""
    if passcode is None or passcode == "":
        return False
    if isinstance(passcode, int) and not isinstance(passcode, bool):
        return False  # edit_passcode = 1234 in secrets.toml is the text 1234
    return not isinstance(passcode, str) or not passcode.strip()


@dataclass(frozen=True)
class Access:
    """The editing mode of this request: `passcode` (editing needs it), `local` (open: a local
    request to a loopback server) or `read_only` (`reason` says why)."""

    mode: Mode
    passcode: str | None = None
    reason: Reason = ""

    def unlocks(self, attempt: str) -> bool:
        """True when `attempt` is the passcode (compared in constant time)."""
        if self.mode != "passcode" or self.passcode is None:
            return False
        return hmac.compare_digest(attempt.encode("utf-8"), self.passcode.encode("utf-8"))


def access_for(passcode: object, server_address: str | None, local_request: bool) -> Access:
    """Return the editing mode for a configured passcode (None or '': none; whitespace only:
    refused), the bind address and whether the request itself is local."""
    if blank_passcode(passcode):
        return Access("read_only", reason="blank_passcode")
    if passcode is not None and passcode != "":
        return Access("passcode", str(passcode))
    if not is_loopback(server_address):
        return Access("read_only", reason="network")
    if not local_request:
        return Access("read_only", reason="not_local")
    return Access("local")


def failure_delay(failures: int, first: float = FAILURE_DELAY_S,
                  cap: float = MAX_FAILURE_DELAY_S) -> float:
    """Return the seconds to wait after the `failures`-th wrong passcode of a session: none
    before any, then `first`, doubling each time, at most `cap`."""
    if failures <= 0:
        return 0.0
    return min(cap, first * 2 ** min(failures - 1, 32))


def forced_anonymized(env_value: str | None, secret_value: object) -> bool:
    """True when the server forces the anonymized view: $SE_DASHBOARD_FORCE_ANON or
    `force_anonymized` in secrets is true (1, true, yes, on; a TOML boolean)."""
    for value in (env_value, secret_value):
        if value is True or (isinstance(value, str) and value.strip().lower() in TRUE_WORDS):
            return True
    return False
