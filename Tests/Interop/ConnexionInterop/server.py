"""connexion serving this package's two specs with request validation on, for Tests/ConnexionTests.

    python3 server.py [--port 0]

Binds 127.0.0.1 (port 0: the system picks a free one), prints `listening on PORT` once it accepts
connections, and exits when its standard input closes, so a test that dies leaves no server behind.

Every operation is answered by `echo`: the parameters and body as connexion parsed and validated
them (connexion turns the query, path and form text into typed values; request validation rejects
what does not match the spec with 400 before `echo` runs). Headers and cookies are read from the
request as connexion validated them (it does not pass them to handlers). connexion 3.1 does not
parse `content`-typed parameters (JSON in a query item): `echo_content_parameters` reads those.
"""

import argparse
import base64
import json
import os
import socket
import sys
import threading

import connexion
import uvicorn
from starlette.datastructures import UploadFile
from connexion.context import operation, request
from connexion.resolver import Resolution, Resolver

HERE = os.path.dirname(os.path.abspath(__file__))


def _plain(value):
    """The JSON form of what connexion handed over: files become {filename, contentType, text}."""
    if isinstance(value, (bytes, bytearray)):
        return {"base64": base64.b64encode(value).decode()}
    if isinstance(value, UploadFile):  # a file part: its name, type and text
        data = value.file.read()
        answer = {"filename": value.filename, "contentType": value.content_type, "text": data.decode("utf-8", "replace")}
        # The part's own headers (an `encoding`'s declared headers), as python-multipart read them
        # (not the framing ones: disposition, type, and the length OpenAPIRuntime's serializer adds).
        framing = ("content-disposition", "content-type", "content-length")
        extra = {k: v for k, v in value.headers.items() if k.lower() not in framing}
        if extra:
            answer["headers"] = extra
        return answer
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


async def echo(body=None, **kwargs):
    answer = {}
    parameters = {p["name"]: p for p in operation.parameters}
    for name, value in kwargs.items():
        answer[name] = value
    for name, definition in parameters.items():
        if definition["in"] == "header" and name in request.headers:
            answer[name] = request.headers[name]
        elif definition["in"] == "cookie" and name in request.cookies:
            answer[name] = request.cookies[name]
    if isinstance(body, bytes):  # a binary or text body: the same bytes back, as the same type
        media_type = request.headers.get("content-type", "application/octet-stream")
        return body, 200, {"Content-Type": media_type}
    if isinstance(body, dict):  # a JSON object, or a form's or multipart's fields beside its files
        answer = {**body, **answer}
    elif body is not None:
        answer["body"] = body
    return _plain(answer), 200


async def echo_content_parameters():
    """For operations with a `content`-typed parameter: connexion 3.1 neither validates nor parses
    those, and fails (500) building a handler's keyword arguments for one, so this handler takes
    none and reads the query items itself, as JSON."""
    answer = {}
    for definition in operation.parameters:
        text = request.query_params.get(definition["name"])
        if definition["in"] == "query" and text is not None:
            try:
                answer[definition["name"]] = json.loads(text)
            except ValueError:
                return {"detail": f"query parameter '{definition['name']}' is not JSON"}, 400
    return answer, 200


class EchoResolver(Resolver):
    """Every operation answered by `echo`, whatever its operationId."""

    def resolve(self, operation):
        # Called while connexion builds the operation, before its `parameters` exist: read the
        # operation's own definition (refs already resolved).
        content_typed = any("content" in p for p in operation._operation.get("parameters", []))
        return Resolution(echo_content_parameters if content_typed else echo, operation.operation_id)


def make_app():
    app = connexion.AsyncApp(__name__)
    # strict_validation stays off: connexion 3.1 counts deepObject's `color[R]` items as unknown
    # query parameters when it is on. Every parameter of the specs is required instead, so an item
    # sent under a wrong name is still a 400.
    options = dict(strict_validation=False, validate_responses=False, resolver=EchoResolver())
    app.add_api(os.path.join(HERE, "Sources/StylesAPI/openapi.yaml"), base_path="/oas", **options)
    app.add_api(os.path.join(HERE, "Sources/SwaggerStylesAPI/swagger.yaml"), base_path="/swagger", **options)
    return app


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    port = parser.parse_args().port
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(64)
    server = uvicorn.Server(uvicorn.Config(make_app(), log_level="warning", lifespan="off"))

    def stop_when_stdin_closes():
        sys.stdin.buffer.read()
        server.should_exit = True

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    print(f"listening on {listener.getsockname()[1]}", flush=True)
    server.run(sockets=[listener])


if __name__ == "__main__":
    main()
