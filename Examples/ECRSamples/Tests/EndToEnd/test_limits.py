"""Server limits on ecr-server over a real loopback socket: body size (honest, lying Content-Length,
chunked), header size, JSON nesting depth and slow clients (silent, or trickling: slowloris). Each is answered with a 4xx or a closed
connection, and the server goes on answering.

Raw sockets, so the requests can be as malformed as an attacker's; the servers run with --no-auth
(SigV4 is covered by test_auth.py) except where the signing middleware's own read is the subject.
"""
import json
import socket
import time

TARGET = "AmazonEC2ContainerRegistry_V20150921."
HEAD = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        "X-Amz-Target: " + TARGET + "{operation}\r\n")


def head(operation: str = "DescribeRepositories", extra: str = "") -> bytes:
    return (HEAD.format(operation=operation) + extra).encode()


def read_response(sock: socket.socket):
    """(status, headers, body) of one response, or None when the server closed without answering."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, BrokenPipeError):
            chunk = b""
        if not chunk:
            return None if not data else (0, {}, data)
        data += chunk
    raw_head, body = data.split(b"\r\n\r\n", 1)
    lines = raw_head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


def exchange(port: int, raw: bytes, timeout: float = 10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(raw)
        except (ConnectionResetError, BrokenPipeError):
            pass  # the server answered and closed before reading everything: read what it said
        return read_response(sock)


def error_type(body: bytes) -> str:
    return json.loads(body)["__type"]


def assert_alive(port: int) -> None:
    """The server still answers a well-formed request on a new connection."""
    response = exchange(port, head(extra="Content-Length: 2\r\n\r\n") + b"{}")
    assert response is not None and response[0] == 200, response
    assert json.loads(response[2]) == {"repositories": []}


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


# Body size

def test_body_over_max_body_bytes_is_413(start_server):
    server = start_server("--no-auth", "--max-body-bytes", "1000")
    fits = json.dumps({"repositoryNames": ["a" * 10] * 50}).encode()  # 700 bytes: read, answered normally
    assert len(fits) < 1000
    response = exchange(server.port, head(extra=f"Content-Length: {len(fits)}\r\n\r\n") + fits)
    assert response[0] == 400 and error_type(response[2]) == "RepositoryNotFoundException", response
    big = json.dumps({"repositoryNames": ["a" * 10] * 100}).encode()
    response = exchange(server.port, head(extra=f"Content-Length: {len(big)}\r\n\r\n") + big)
    assert response[0] == 413 and error_type(response[2]) == "RequestEntityTooLargeException", response
    assert "1000 bytes" in json.loads(response[2])["message"]
    assert_alive(server.port)


def test_content_length_lie_is_refused_before_reading(start_server):
    # 100 GB announced, 2 bytes sent: answered at once from the header, the rest never awaited.
    server = start_server("--no-auth", "--max-body-bytes", "1000")
    started = time.monotonic()
    response = exchange(server.port, head(extra="Content-Length: 100000000000\r\n\r\n") + b"{}")
    assert response is not None and response[0] == 413, response
    assert error_type(response[2]) == "RequestEntityTooLargeException"
    assert time.monotonic() - started < 5
    assert_alive(server.port)


def test_chunked_body_over_the_limit_is_413_without_buffering_it(start_server):
    server = start_server("--no-auth", "--max-body-bytes", "65536")
    before = rss_bytes(server.process.pid)
    chunk = b"4000\r\n" + b" " * 0x4000 + b"\r\n"
    answered = None
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head(extra="Transfer-Encoding: chunked\r\n\r\n"))
        try:
            for _ in range(64 * 1024 * 1024 // 0x4000):  # 64 MiB offered, 64 KiB allowed
                sock.sendall(chunk)
        except (ConnectionResetError, BrokenPipeError, socket.timeout):
            pass  # refused mid-stream: the server stopped reading
        answered = read_response(sock)
    # A 413, or the connection closed once the server had answered and stopped reading.
    assert answered is None or answered[0] == 413, answered
    if answered:
        assert error_type(answered[2]) == "RequestEntityTooLargeException"
    assert rss_bytes(server.process.pid) - before < 32 * 1024 * 1024
    assert_alive(server.port)


def test_signing_middleware_reads_the_body_within_the_same_limit(start_server):
    # With SigV4 on, the verifier reads the body first (it hashes it): bounded by the same flag.
    server = start_server("--max-body-bytes", "1000")
    body = b" " * 5000
    response = exchange(server.port, head(extra=f"Content-Length: {len(body)}\r\n\r\n") + body)
    assert response[0] == 413 and error_type(response[2]) == "RequestEntityTooLargeException", response


# Header size

def test_200kb_header_is_refused_and_the_server_answers_the_next_request(start_server):
    server = start_server("--no-auth")
    response = exchange(server.port, head(extra="X-Padding: " + "a" * 200_000 + "\r\nContent-Length: 2\r\n\r\n") + b"{}")
    assert response is None or response[0] in (400, 431), response
    # Many smaller headers adding up past the limit are refused the same way.
    many = "".join(f"X-Pad-{i}: {'b' * 1000}\r\n" for i in range(200))
    response = exchange(server.port, head(extra=many + "Content-Length: 2\r\n\r\n") + b"{}")
    assert response is None or response[0] in (400, 431), response
    assert_alive(server.port)


# JSON nesting depth

def test_deeply_nested_json_is_400_serialization_exception(start_server):
    server = start_server("--no-auth")
    for body in (b"[" * 100_000, b'{"repositoryNames":' + b"[" * 100_000 + b"]" * 100_000 + b"}"):
        response = exchange(server.port, head(extra=f"Content-Length: {len(body)}\r\n\r\n") + body)
        assert response is not None and response[0] == 400, response
        assert error_type(response[2]) == "SerializationException"
    assert server.process.poll() is None
    assert_alive(server.port)


# Slow clients

def test_half_a_request_then_silence_is_closed_within_the_idle_timeout(start_server):
    server = start_server("--no-auth", "--idle-timeout", "2")
    for partial in (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n",                     # half the header
                    head(extra="Content-Length: 100\r\n\r\n") + b'{"repos'):          # half the body
        with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
            started = time.monotonic()
            sock.sendall(partial)
            try:
                leftover = sock.recv(65536)
                while leftover:  # whatever the server says before closing, it must close
                    leftover = sock.recv(65536)
            except ConnectionResetError:
                pass
            elapsed = time.monotonic() - started
        assert 1.5 <= elapsed < 6, f"closed after {elapsed:.1f} s"
    assert_alive(server.port)


def test_an_idle_keep_alive_connection_is_closed_too(start_server):
    server = start_server("--no-auth", "--idle-timeout", "2")
    with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
        sock.sendall(head(extra="Content-Length: 2\r\n\r\n") + b"{}")
        assert read_response(sock)[0] == 200
        started = time.monotonic()
        assert sock.recv(1) == b""
        assert time.monotonic() - started < 6


def test_a_client_trickling_bytes_is_cut_off_by_the_request_deadline(start_server):
    # A byte every 0.5 s keeps the connection from ever being idle for the idle timeout's 2 s; only
    # the whole-request deadline (3 s) stops it, in the headers or in the body. Sent in full, each
    # request would take over 50 s.
    server = start_server("--no-auth", "--idle-timeout", "2", "--request-timeout", "3")
    body = b'{"repositoryName": "' + b"x" * 60 + b'"}'
    request_head = head(extra=f"Content-Length: {len(body)}\r\n\r\n")
    for name, prefix, trickled in (("headers", b"", request_head + body), ("body", request_head, body)):
        with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
            started = time.monotonic()
            sock.sendall(prefix)
            closed = False
            try:
                for byte in trickled:
                    sock.sendall(bytes([byte]))
                    time.sleep(0.5)
                    if time.monotonic() - started > 12:
                        break
                closed = read_response(sock) is None
            except (ConnectionResetError, BrokenPipeError):
                closed = True
            elapsed = time.monotonic() - started
        assert closed, f"{name}: the server answered a request trickled over {elapsed:.1f} s"
        assert 2.5 <= elapsed < 8, f"{name}: closed after {elapsed:.1f} s"
    assert_alive(server.port)


def test_the_request_deadline_leaves_a_prompt_request_alone_and_restarts_per_request(start_server):
    server = start_server("--no-auth", "--idle-timeout", "2", "--request-timeout", "3")
    request = head(extra="Content-Length: 2\r\n\r\n") + b"{}"
    with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
        # Three requests on one keep-alive connection over ~4.5 s in all: each arrives well within its
        # own 3 s, counted from the previous response, so none is cut off.
        for _ in range(3):
            time.sleep(1.5)
            sock.sendall(request)
            response = read_response(sock)
            assert response is not None and response[0] == 200, response
