"""The calculator in a local ``streamlit run app.py`` process, for the browser test and the benchmark.

:func:`start` runs the venv's ``streamlit`` on ``app.py`` of the source tree, on a free port of
127.0.0.1 (headless, no usage statistics, no file watcher), and returns once
``/_stcore/health`` answers; :func:`stop` ends that process.  :data:`CHROMIUM` and
:data:`CHROMIUM_ARGS` are the browser both drive it with (Debian's chromium, no sandbox, no
background networking: nothing is downloaded).  Nothing here computes or changes a number.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO, Any

#: The source tree holding ``app.py`` (this module is ``orbitdc/app/local_server.py``).
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "ROOT", "free_port", "start", "stop"]


def free_port() -> int:
    """A TCP port of 127.0.0.1 that is free now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: The settings of ``make app`` (the Makefile's ``app`` target passes the same flags).
SERVER_FLAGS = (
    "--server.headless",
    "true",
    "--browser.gatherUsageStats",
    "false",
    "--server.fileWatcherType",
    "none",
)


def start(
    stderr: IO[Any] | int = subprocess.DEVNULL,
    timeout: float = 60.0,
    poll: float = 0.2,
    hint: str = "",
    script: Path | None = None,
) -> tuple[subprocess.Popen, str]:
    """Start the calculator and wait until its server answers.

    Parameters
    ----------
    stderr : file or int
        Where the server's log goes (default: discarded).
    timeout : float
        Seconds to wait for ``/_stcore/health`` [s].
    poll : float
        Seconds between health checks [s].
    hint : str
        Appended to the error message when the server does not start (e.g. where its log is).
    script : Path, optional
        Another Streamlit script to serve the same way (default: the calculator's ``app.py``);
        the benchmark serves a one-metric page to measure Streamlit's own first render.

    Returns
    -------
    (subprocess.Popen, str)
        The server process and its URL (``http://127.0.0.1:<port>``).

    Raises
    ------
    RuntimeError
        The process exited or did not answer within ``timeout`` (it is stopped first).
    """
    port = free_port()
    streamlit = Path(sys.executable).parent / "streamlit"
    proc = subprocess.Popen(
        [
            str(streamlit),
            "run",
            str(script or ROOT / "app.py"),
            *SERVER_FLAGS,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.perf_counter() + timeout
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.perf_counter() > deadline:
            stop(proc)
            raise RuntimeError(f"streamlit did not start{' ' + hint if hint else ''}")
        time.sleep(poll)


def stop(proc: subprocess.Popen) -> None:
    """End the server process (terminate, then kill after 10 s)."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
