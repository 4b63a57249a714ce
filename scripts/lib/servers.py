"""Starting and stopping a server under benchmark (scripts/bench-wrk, scripts/bench-server-floor)."""
import queue
import re
import signal
import subprocess
import sys
import threading
import time

LISTENING = r"listening on 127\.0\.0\.1:(\d+)"


def start(argv, pattern=LISTENING):
    """Starts a server that prints its port (ecr-server and the floor on stdout, moto_server's werkzeug
    on stderr) and returns it with its base URL. A thread keeps reading its output to the end: moto logs
    every request, and a full pipe would stall the server under load."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()

    def drain():
        for line in process.stdout:
            lines.put(line)
        lines.put(None)
    threading.Thread(target=drain, daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
        except queue.Empty:
            break
        if line is None:
            break
        match = re.search(pattern, line)
        if match:
            # Only the port is needed; the rest of the output is read and dropped by this thread.
            threading.Thread(target=lambda: [None for _ in iter(lines.get, None)], daemon=True).start()
            return process, f"http://127.0.0.1:{match.group(1)}"
    process.kill()
    sys.exit(f"bench: {argv[0]} did not start")


def stop(process):
    """SIGTERM, then SIGKILL after 10 s."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
