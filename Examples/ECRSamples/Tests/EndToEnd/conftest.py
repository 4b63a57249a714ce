"""Fixtures for the end-to-end tests: real peers (boto3, the AWS CLI, moto) against the sample
`ecr-server` and `ecr-client` binaries, over loopback.

The binaries are found in $SPECGEN_BIN_DIR, or else in `swift build --show-bin-path` of the default
build folder (scripts/test builds them first: `swift build --product ecr-server` and `--product ecr-client`).
Every server a test starts binds to 127.0.0.1 and is stopped by its PID when the test is done.
"""
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The development credentials ecr-server accepts by default (AWS's documented example pair).
DEV_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
DEV_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
ACCOUNT = "123456789012"
REGION = "us-east-1"


def bin_dir() -> Path:
    configured = os.environ.get("SPECGEN_BIN_DIR")
    if configured:
        return Path(configured)
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return Path(out.stdout.strip())


@pytest.fixture(scope="session")
def binaries() -> dict:
    folder = bin_dir()
    found = {name: folder / name for name in ("ecr-server", "ecr-client")}
    missing = [str(path) for path in found.values() if not path.is_file()]
    if missing:
        pytest.fail(f"not built: {missing}; run `swift build --product ecr-server` and `--product ecr-client` "
                    "(or set SPECGEN_BIN_DIR)")
    return found


class Server:
    """A process that prints a 'listening on 127.0.0.1:PORT' line (ecr-server) or answers HTTP (moto)."""

    def __init__(self, process: subprocess.Popen, port: int):
        self.process = process
        self.port = port
        self.endpoint = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


def start_ecr_server(binary: Path, *args: str, timeout: float = 30) -> Server:
    process = subprocess.Popen([str(binary), "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            line = process.stdout.readline()
            if line.startswith("listening on 127.0.0.1:"):
                return Server(process, int(line.rsplit(":", 1)[1]))
            if line == "":
                break
        if process.poll() is not None:
            break
    server = Server(process, 0)
    server.stop()
    raise RuntimeError(f"ecr-server did not start: {process.stderr.read() if process.stderr and not process.stderr.closed else ''}")


@pytest.fixture
def ecr_server(binaries):
    server = start_ecr_server(binaries["ecr-server"])
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def start_server(binaries):
    """Starts ecr-server with extra arguments; every one started is stopped at the end."""
    started = []

    def start(*args: str) -> Server:
        server = start_ecr_server(binaries["ecr-server"], *args)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def moto_server():
    moto = shutil.which("moto_server")
    if moto is None:
        pytest.fail("moto_server is not installed (scripts/setup installs moto[server])")
    port = free_port()
    process = subprocess.Popen([moto, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    server = Server(process, port)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{server.endpoint}/moto-api/", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto_server did not start: {process.stderr.read()}")
                time.sleep(0.2)
        yield server
    finally:
        server.stop()


def aws_environment(access_key: str = DEV_ACCESS_KEY, secret_key: str = DEV_SECRET_KEY) -> dict:
    """Only these credentials, no config files, no retries: what a test sees is one exchange."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    empty = tempfile.gettempdir() + "/specgen-e2e-no-aws-config"
    env.update({
        "AWS_ACCESS_KEY_ID": access_key, "AWS_SECRET_ACCESS_KEY": secret_key, "AWS_DEFAULT_REGION": REGION,
        "AWS_CONFIG_FILE": empty, "AWS_SHARED_CREDENTIALS_FILE": empty, "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_RETRY_MODE": "standard", "AWS_MAX_ATTEMPTS": "1", "AWS_PAGER": "",
    })
    return env


@pytest.fixture
def boto3_client():
    import boto3
    from botocore.config import Config

    def make(endpoint: str, access_key: str = DEV_ACCESS_KEY, secret_key: str = DEV_SECRET_KEY, **config):
        return boto3.client("ecr", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=access_key,
                            aws_secret_access_key=secret_key,
                            config=Config(retries={"max_attempts": 1, "mode": "standard"}, **config))

    return make


class ClientRun:
    def __init__(self, completed: subprocess.CompletedProcess):
        self.code = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    @property
    def output(self) -> dict:
        assert self.code == 0, f"ecr-client failed ({self.code}): {self.stderr}"
        return json.loads(self.stdout)

    @property
    def error(self) -> dict:
        assert self.code != 0, f"ecr-client succeeded: {self.stdout}"
        return json.loads(self.stderr.strip().splitlines()[-1])


@pytest.fixture
def ecr_client(binaries):
    def run(endpoint: str, operation: str, payload: dict, env: dict | None = None) -> ClientRun:
        completed = subprocess.run(
            [str(binaries["ecr-client"]), "--endpoint", endpoint, "--region", REGION, operation,
             "--input", json.dumps(payload)],
            capture_output=True, text=True, timeout=60, env=env or aws_environment())
        return ClientRun(completed)

    return run
