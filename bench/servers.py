"""Start the real app in a subprocess on loopback, and stop it (by its own process id)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> float:
    """Seconds until `url` answers 200; raises if the process dies or time runs out."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


@contextlib.contextmanager
def serve(
    kind: str, parquet: Path, timeout: float = 900, env: dict | None = None
) -> Iterator[tuple[str, float, subprocess.Popen]]:
    """("gunicorn" | "dev") server for `parquet`: yields (base URL, startup seconds, process)."""
    port = free_port()
    environment = {
        **os.environ,
        "DATA_PATH": str(parquet),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        **(env or {}),
    }
    environment.pop("DATA_DIR", None)
    if kind == "gunicorn":
        command = [str(VENV_BIN / "gunicorn"), "--config", "gunicorn.conf.py", "app:server"]
    else:
        command = [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: stopped with its workers, only them
    )
    base = f"http://127.0.0.1:{port}"
    try:
        startup = wait_until_up(base + "/", process, timeout)
        yield base, startup, process
    except Exception:
        if process.poll() is not None and process.stderr:
            sys.stderr.write(process.stderr.read().decode(errors="replace")[-3000:])
        raise
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
