"""Starting the benchmark servers: each script runs gunicorn and waits until it answers."""

import time
import urllib.request
from subprocess import Popen


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
