"""Starting the benchmark servers (each script runs gunicorn and waits until it answers) and the task worker."""

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from subprocess import Popen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv/bin/python")


def wait_until_serving(server: Popen, port: int, *, attempts: int = 150) -> Popen:
    """`server` once `/` answers on 127.0.0.1:`port` (0.2 s between attempts); killed if it never does."""
    for _ in range(attempts):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"the benchmark server on port {port} did not start")


def run_worker(env: dict) -> tuple[float, float]:
    """(seconds, peak resident MB) of `db_worker --batch` working through the queue."""
    start = time.perf_counter()
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--backend", "background", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    peak = 0.0
    while worker.poll() is None:
        try:
            status = Path(f"/proc/{worker.pid}/status").read_text()
            peak = max(peak, int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]))
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            pass
        time.sleep(0.05)
    return time.perf_counter() - start, peak / 1024


def timed_get(port: int, url: str) -> tuple[float, int]:
    """(milliseconds, status) of one GET to 127.0.0.1:`port`; an error status is returned, not raised."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=900) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return (time.perf_counter() - start) * 1000, status
