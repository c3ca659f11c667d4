"""Child processes that die with the run, however the run ends.

A run starts helper processes it does not spawn itself: Prefect's temporary API server (uvicorn), a local
Dask cluster. They stop when the run exits normally, but ``kill -9`` of the run gives it no chance to stop
them, and they are re-parented and run on for ever.

:func:`reap_descendants_on_exit` marks this process's environment with a random token, which every process
started from now on inherits (Prefect and Dask pass ``os.environ`` on), and starts a watchdog: a small
separate process that blocks reading a pipe only this process holds open. However this process ends, the
kernel closes the pipe; the watchdog then finds every process still carrying the token in
``/proc/<pid>/environ`` and ends it (SIGTERM, then SIGKILL after a grace period). Finding them by token
rather than by parentage works after they have been re-parented, with no race against their start.

Run as ``python -m corroborate.run.processes TOKEN`` it is the watchdog itself. Linux only (``/proc``); elsewhere
the function does nothing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

__all__ = [
    "TOKEN_VARIABLE",
    "ServerStartError",
    "free_port",
    "prefect_server",
    "processes_with_token",
    "reap_descendants_on_exit",
]

TOKEN_VARIABLE = "CORROBORATE_RUN_TOKEN"
GRACE_SECONDS = 3.0
_PROC = Path("/proc")
_watchdog: subprocess.Popen[bytes] | None = None


def processes_with_token(token: str) -> list[int]:
    """Ids of the live processes (other than this one) whose environment holds ``TOKEN_VARIABLE=token``."""
    needle = f"{TOKEN_VARIABLE}={token}".encode()
    found = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:  # gone meanwhile, or another user's process
            continue
        if needle in environ.split(b"\0"):
            found.append(int(entry.name))
    return found


def reap_descendants_on_exit() -> str | None:
    """Make every process started from now on by this one end when this one ends; returns the token.

    Idempotent within a process. Returns None where ``/proc`` is missing (not Linux).
    """
    global _watchdog
    if _watchdog is not None:
        return os.environ.get(TOKEN_VARIABLE)
    if not (_PROC / str(os.getpid()) / "environ").exists():
        return None
    token = secrets.token_hex(8)
    read_end, write_end = os.pipe()
    # The watchdog must not carry the token (it would end itself) and must not hold this process's
    # stdout/stderr open (a caller reading them to the end would wait for the watchdog).
    env = {name: value for name, value in os.environ.items() if name != TOKEN_VARIABLE}
    _watchdog = subprocess.Popen(
        [sys.executable, "-m", "corroborate.run.processes", token],
        stdin=read_end,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=str(Path(__file__).resolve().parents[2]),
        start_new_session=True,  # a Ctrl-C in the terminal is for the run; the watchdog follows the pipe
    )
    os.close(read_end)
    # The write end stays open in this process only (it is not inheritable): its closing is the signal.
    os.environ[TOKEN_VARIABLE] = token
    globals()["_write_end"] = write_end
    return token


class ServerStartError(RuntimeError):
    """The Prefect server exited or did not answer in time."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def prefect_server(
    port: int, *, env: Mapping[str, str] | None = None, timeout: float = 180.0, output: IO[bytes] | None = None
) -> Iterator[str]:
    """``prefect server start`` on 127.0.0.1:``port`` as a child process; yields its API URL, stops it after.

    ``env`` is the server's environment (default: this process's, without ``PREFECT_API_URL``); its output
    goes to ``output`` (default: nowhere). Raises :class:`ServerStartError` when the server exits or does not
    answer ``/health`` within ``timeout`` seconds. Prefect is not imported here: it runs in the child.
    """
    api = f"http://127.0.0.1:{port}/api"
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=dict(env),
        stdout=output if output is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if output is not None else subprocess.DEVNULL,
        # Its own session: Ctrl-C (SIGINT to the terminal's process group) must not stop it before the
        # processes that talk to it, which would then retry it for minutes. It is stopped on leaving.
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise ServerStartError(f"the Prefect server exited with {server.returncode}")
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise ServerStartError(f"the Prefect server did not answer within {timeout:.0f} s") from None
                time.sleep(0.5)
        yield api
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _end(pids: list[int], grace: float) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if _alive(pid)]
        if not alive:
            return
        time.sleep(0.1)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        state = (_PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _watch(token: str) -> None:
    """Block until the pipe on stdin closes (the run ended), then end the processes carrying ``token``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while os.read(0, 4096):
        pass
    # A run that exits normally stops its server itself: give it a moment before ending what is left.
    time.sleep(0.5)
    pids = processes_with_token(token)
    if pids:
        _end(pids, GRACE_SECONDS)


if __name__ == "__main__":
    _watch(sys.argv[1])
