#!/usr/bin/env python3
"""Convert a botocore service model into OpenAPI 3.1 and Swagger 2.0 YAML.

Standard library + botocore only. The YAML writer is our own (below), so the output
bytes depend on botocore's data and on this file, never on a YAML library's version:
same botocore -> same bytes.

Usage (see scripts/regenerate-specs for the committed outputs):
    botocore-to-openapi.py SERVICE [--api-version V] [--openapi OUT.yaml] [--swagger OUT.yaml]
                           [--operations Op1,Op2,...] [--root-operation OpName]

Protocols:
  json       AWS JSON 1.0/1.1 (ECR, DynamoDB). Every operation is `post` at the path key
             `/#OperationName` (the fragment never goes on the wire; SpecGen's reader strips
             it), with a required header parameter `X-Amz-Target` whose only allowed value is
             `<targetPrefix>.<OperationName>` -- that constant is the wire route. Body and
             responses use `application/x-amz-json-<jsonVersion>`. `--root-operation` puts one
             operation at `/` instead (the ECR seed does this for CreateRepository).
  rest-json  (Lambda). Real paths from http.requestUri; a static `?name=value` part stays in
             the path key (SpecGen reads it as a wire-route constant); greedy labels `{Key+}`
             become `{Key}`; members with location uri/querystring/header become parameters;
             the rest of the input is the `application/json` body (or the `payload` member).

Errors -- the choice, and why:
  Every error response (400 for client errors, 500 for server faults; for rest-json the
  error shape's own httpStatusCode, plus an `X-Amzn-Errortype` response header) uses ONE
  shared schema, `AWSErrorResponse`, with the properties `__type`, `message` and `Message`,
  and lists the names of the operation's possible errors in the response extension
  `x-amz-errors`. We do NOT use a `oneOf` of the error shapes because:
    * botocore error shapes are structurally identical (almost all are just {message}),
      so a oneOf cannot be decided from the body: every body matches several branches;
    * a discriminator on `__type` would not work either: AWS JSON 1.0 services
      (DynamoDB) send `__type: "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"`,
      with a namespace prefix, which matches no mapping key; rest-json services send the
      name in the `X-Amzn-Errortype` header;
    * the same construct is valid in Swagger 2.0, so both forms give the same IR.
  A generated client decodes every error body into the one shared type and takes the name
  from `__type` (stripping any `namespace#` prefix) or `X-Amzn-Errortype`; the message from
  `message` or `Message`. The error shapes themselves are not emitted (they would be
  schemas nothing references); what is lost is the few error-specific members, e.g.
  DynamoDB's `TransactionCanceledException.CancellationReasons`.

Other deliberate choices (also listed in Tests/LargeSpecs/README.md):
  * Structures and string enums become named schemas; other shapes (strings, numbers,
    lists, maps, blobs, timestamps) are inlined where used, with their constraints.
  * timestamp -> string/date-time (AWS JSON sends epoch seconds: that is what SpecGen's
    AWS JSON profile is for). blob -> string/byte (base64 in JSON), or string/binary for a
    raw payload. document -> any value ({}).
  * Swagger 2.0 has no `deprecated` on schemas: there it is `x-deprecated: true`; and 2.0
    `$ref` siblings are ignored, so 2.0 member descriptions next to a `$ref` are dropped.
  * rest-json: `location: statusCode` members are dropped (the status says it), as is a
    `Content-Type` response header (OpenAPI ignores it); event streams and raw payloads
    are binary bodies (`application/vnd.amazon.eventstream`, `application/octet-stream`).
  * Shapes referenced by no selected operation are dropped.
"""
from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import sys

import botocore

ERROR_SCHEMA = "AWSErrorResponse"
MAX_DESCRIPTION = 400


# --------------------------------------------------------------------------- YAML writer

_PLAIN = re.compile(r"^[A-Za-z_$][A-Za-z0-9_.\-/]*$")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


def _yaml_scalar(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    s = str(value)
    if _PLAIN.match(s) and s.lower() not in _RESERVED:
        return s
    if all(_printable(c) and c not in "\n\r\t" for c in s) and not s.startswith(" ") and not s.endswith(" "):
        return "'" + s.replace("'", "''") + "'"
    out = ['"']
    for c in s:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif _printable(c):
            out.append(c)
        elif o <= 0xFFFF:
            out.append("\\u%04X" % o)
        else:
            out.append("\\U%08X" % o)
    out.append('"')
    return "".join(out)


def _printable(c: str) -> bool:
    o = ord(c)
    if o == 0x20 or (0x21 <= o <= 0x7E):
        return True
    if o < 0xA0:
        return False
    if 0xD800 <= o <= 0xDFFF or o in (0xFEFF, 0xFFFE, 0xFFFF, 0x2028, 0x2029):
        return False
    return True


def yaml_dump(node) -> str:
    lines: list[str] = []
    _emit(node, 0, lines)
    return "\n".join(lines) + "\n"


def _emit(node, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    if isinstance(node, dict):
        for key, value in node.items():
            k = _yaml_scalar(str(key))
            if isinstance(value, dict) and value:
                lines.append(f"{pad}{k}:")
                _emit(value, indent + 2, lines)
            elif isinstance(value, list) and value:
                lines.append(f"{pad}{k}:")
                _emit(value, indent, lines)
            else:
                lines.append(f"{pad}{k}: {_inline(value)}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, (dict, list)) and item:
                sub: list[str] = []
                _emit(item, indent + 2, sub)
                first = sub[0]
                lines.append(f"{pad}- {first[indent + 2:]}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}- {_inline(item)}")
    else:
        lines.append(pad + _inline(node))


def _inline(value) -> str:
    if isinstance(value, dict):
        assert not value
        return "{}"
    if isinstance(value, list):
        assert not value
        return "[]"
    return _yaml_scalar(value)


# --------------------------------------------------------------------------- botocore model


def botocore_data_dir() -> str:
    return os.path.join(os.path.dirname(botocore.__file__), "data")


def load_model(service: str, api_version: str | None):
    base = os.path.join(botocore_data_dir(), service)
    if api_version is None:
        versions = sorted(v for v in os.listdir(base) if os.path.exists(os.path.join(base, v, "service-2.json.gz")))
        api_version = versions[-1]
    folder = os.path.join(base, api_version)
    with gzip.open(os.path.join(folder, "service-2.json.gz"), "rt", encoding="utf-8") as f:
        model = json.load(f)
    paginators = {}
    for name in ("paginators-1.json", "paginators-1.json.gz"):
        p = os.path.join(folder, name)
        if os.path.exists(p):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(p, "rt", encoding="utf-8") as f:
                paginators = json.load(f).get("pagination", {})
            break
    return model, paginators, api_version


_P = re.compile(r"<p>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def describe(doc: str | None) -> str | None:
    """First paragraph of botocore's HTML documentation, as short plain text."""
    if not doc:
        return None
    m = _P.search(doc)
    text = m.group(1) if m else doc
    text = html.unescape(_TAG.sub(" ", text))
    text = " ".join(text.split())
    text = re.sub(r" ([.,;:)])", r"\1", text).replace("( ", "(")
    if not text:
        return None
    if len(text) > MAX_DESCRIPTION:
        cut = text[:MAX_DESCRIPTION]
        dot = cut.rfind(". ")
        if dot > MAX_DESCRIPTION // 2:
            text = cut[: dot + 1]
        else:
            text = cut[: cut.rfind(" ")].rstrip(",;:") + "..."
    return text


def lower_camel(name: str) -> str:
    return name[:1].lower() + name[1:]


# --------------------------------------------------------------------------- converter


class Converter:
    def __init__(self, model, paginators, api_version, operations, root_operation, flavor):
        self.model = model
        self.meta = model["metadata"]
        self.shapes = model["shapes"]
        self.paginators = paginators
        self.api_version = api_version
        self.flavor = flavor  # "openapi" or "swagger"
        self.protocol = self.meta["protocol"]
        if self.protocol not in ("json", "rest-json"):
            raise SystemExit(f"protocol {self.protocol!r} is not supported (json, rest-json)")
        all_ops = model["operations"]
        if operations:
            missing = [o for o in operations if o not in all_ops]
            if missing:
                raise SystemExit(f"unknown operations: {', '.join(missing)}")
            self.op_names = list(operations)
        else:
            self.op_names = sorted(all_ops)
        self.root_operation = root_operation
        self.error_name = ERROR_SCHEMA
        while self.error_name in self.shapes:
            self.error_name += "_"
        self.named: dict[str, dict] = {}  # schema name -> schema (filled lazily)
        self.pending: list[str] = []
        # rest-json: input/output shapes whose located members are not part of the body
        self.body_only: set[str] = set()
        # Swagger 2.0 parameters and headers cannot $ref a schema: enums are inlined there
        self.inline_enums = False

    # ---- references

    @property
    def ref_prefix(self) -> str:
        return "#/components/schemas/" if self.flavor == "openapi" else "#/definitions/"

    def ref(self, name: str) -> dict:
        if name not in self.named and name not in self.pending:
            self.pending.append(name)
        return {"$ref": self.ref_prefix + name}

    def is_named(self, shape: dict) -> bool:
        return shape["type"] == "structure" or (shape["type"] == "string" and "enum" in shape)

    # ---- shapes

    def deprecated(self, node: dict) -> dict:
        if self.flavor == "openapi":
            node["deprecated"] = True
        else:
            node["x-deprecated"] = True
        return node

    def shape_schema(self, name: str, stack: tuple = ()) -> dict:
        """Schema for a use of shape `name` (a $ref for named shapes, inline otherwise)."""
        shape = self.shapes[name]
        if self.inline_enums and shape["type"] == "string" and "enum" in shape:
            return {"type": "string", "enum": list(shape["enum"])}
        if self.is_named(shape):
            return self.ref(name)
        if name in stack:
            raise SystemExit(f"recursive unnamed shape {name}")
        return self.inline_schema(name, shape, stack + (name,))

    def inline_schema(self, name: str, shape: dict, stack: tuple) -> dict:
        t = shape["type"]
        s: dict = {}
        if t == "string":
            s["type"] = "string"
            if "min" in shape:
                s["minLength"] = int(shape["min"])
            if "max" in shape:
                s["maxLength"] = int(shape["max"])
            if "pattern" in shape:
                # botocore patterns are Java regexes. Keep those that also compile as
                # ECMA-262-ish regexes (checked with Python's re); keep the others, such as
                # `\p{Print}+` or ranges of surrogate escapes, as `x-amz-pattern`.
                try:
                    re.compile(shape["pattern"])
                    s["pattern"] = shape["pattern"]
                except re.error:
                    s["x-amz-pattern"] = shape["pattern"]
        elif t in ("integer", "long"):
            s["type"] = "integer"
            s["format"] = "int32" if t == "integer" else "int64"
            self.bounds(s, shape)
        elif t in ("float", "double"):
            s["type"] = "number"
            s["format"] = t
            self.bounds(s, shape)
        elif t == "boolean":
            s["type"] = "boolean"
        elif t == "blob":
            s["type"] = "string"
            s["format"] = "binary" if shape.get("streaming") else "byte"
        elif t == "timestamp":
            s["type"] = "string"
            s["format"] = "date-time"
        elif t == "list":
            s["type"] = "array"
            s["items"] = self.shape_schema(shape["member"]["shape"], stack)
            if "min" in shape:
                s["minItems"] = int(shape["min"])
            if "max" in shape:
                s["maxItems"] = int(shape["max"])
        elif t == "map":
            s["type"] = "object"
            s["additionalProperties"] = self.shape_schema(shape["value"]["shape"], stack)
            if "min" in shape:
                s["minProperties"] = int(shape["min"])
            if "max" in shape:
                s["maxProperties"] = int(shape["max"])
        elif t == "document":
            pass  # any JSON value
        else:
            raise SystemExit(f"shape {name}: unsupported type {t}")
        if shape.get("deprecated"):
            self.deprecated(s)
        return s

    def bounds(self, s: dict, shape: dict) -> None:
        for key, out in (("min", "minimum"), ("max", "maximum")):
            if key in shape:
                v = shape[key]
                s[out] = int(v) if float(v).is_integer() else v

    def member_schema(self, member: dict, stack: tuple = ()) -> dict:
        target = self.shapes[member["shape"]]
        s = dict(self.shape_schema(member["shape"], stack))
        doc = describe(member.get("documentation"))
        if "$ref" in s:
            if self.flavor == "swagger":
                return s  # 2.0 ignores $ref siblings
            if doc:
                s["description"] = doc
        else:
            doc = doc or describe(target.get("documentation"))
            if doc:
                s["description"] = doc
        if member.get("deprecated"):
            self.deprecated(s)
        if member.get("idempotencyToken"):
            s["x-amz-idempotency-token"] = True
        return s

    def named_schema(self, name: str) -> dict:
        shape = self.shapes[name]
        if shape["type"] == "string":
            s = {"type": "string", "enum": list(shape["enum"])}
        else:
            s = {"type": "object"}
            members = shape.get("members", {})
            located = name in self.body_only
            required = [m for m in shape.get("required", []) if m in members]
            props = {}
            for mname, member in members.items():
                if located and (member.get("location") or self.is_payload(shape, mname) is not None):
                    continue
                props[mname] = self.member_schema(member)
            required = [m for m in required if m in props]
            if required:
                s["required"] = required
            s["properties"] = props
            if shape.get("union"):
                s["maxProperties"] = 1
                s["x-amz-union"] = True
            if shape.get("exception"):
                s["x-amz-exception"] = True
                err = shape.get("error", {})
                if "code" in err:
                    s["x-amz-error-code"] = err["code"]
        doc = describe(shape.get("documentation"))
        if doc:
            s = {"description": doc, **s}
        if shape.get("deprecated"):
            self.deprecated(s)
        return s

    def is_payload(self, shape: dict, member_name: str):
        return True if shape.get("payload") == member_name else None

    def drain(self) -> None:
        while self.pending:
            name = self.pending.pop(0)
            if name not in self.named:
                self.named[name] = None  # placeholder keeps recursion finite
                self.named[name] = self.named_schema(name)

    # ---- operations

    def media(self) -> str:
        if self.protocol == "json":
            return "application/x-amz-json-" + self.meta.get("jsonVersion", "1.0")
        return "application/json"

    def content(self, media: str, schema: dict) -> dict:
        return {media: {"schema": schema}}

    def paginator(self, op_name: str):
        p = self.paginators.get(op_name)
        if not p:
            return None
        order = ["input_token", "output_token", "limit_key", "result_key"]
        out = {k: p[k] for k in order if k in p}
        for k in sorted(p):
            if k not in out:
                out[k] = p[k]
        return out

    def error_responses(self, op: dict) -> dict:
        groups: dict[int, list[str]] = {}
        for e in op.get("errors", []):
            shape = self.shapes[e["shape"]]
            status = shape.get("error", {}).get("httpStatusCode")
            if status is None or self.protocol == "json":
                status = 500 if shape.get("fault") else 400
            groups.setdefault(int(status), []).append(e["shape"])
        if not groups:
            groups[400] = []
        out = {}
        for status in sorted(groups):
            names = groups[status]
            r: dict = {"description": ("Server fault" if status >= 500 else "Client error")
                       + (": " + ", ".join(names) if names else ".")}
            media = self.media()
            err_ref = self.ref(self.error_name)
            if self.flavor == "openapi":
                r["content"] = self.content(media, err_ref)
            else:
                r["schema"] = err_ref
            if self.protocol == "rest-json":
                hdr = {"description": "The error name.", "schema": {"type": "string"}}
                if self.flavor == "swagger":
                    hdr = {"description": "The error name.", "type": "string"}
                r["headers"] = {"X-Amzn-Errortype": hdr}
            if names:
                r["x-amz-errors"] = names
            out[str(status)] = r
        return out

    def error_schema(self) -> dict:
        return {
            "description": "An AWS error body. The error name is `__type` (possibly `namespace#Name`);"
            " rest-json services send it in the X-Amzn-Errortype header instead.",
            "type": "object",
            "properties": {
                "__type": {"type": "string", "description": "The error name, possibly prefixed with `namespace#`."},
                "message": {"type": "string", "description": "The error message."},
                "Message": {"type": "string", "description": "The error message (some services capitalize it)."},
            },
        }

    def param(self, name: str, where: str, member: dict, required: bool) -> dict:
        shape = self.shapes[member["shape"]]
        p: dict = {"name": name, "in": where}
        doc = describe(member.get("documentation")) or describe(shape.get("documentation"))
        if doc:
            p["description"] = doc
        if required:
            p["required"] = True
        if self.flavor == "openapi":
            schema = self.shape_schema(member["shape"])
            schema.pop("description", None)
            p["schema"] = schema
            if shape["type"] == "list" and where == "header":
                p["style"] = "simple"
            if shape["type"] == "list" and where == "query":
                p["style"] = "form"
                p["explode"] = True
        else:
            self.inline_enums = True
            schema = self.shape_schema(member["shape"])
            self.inline_enums = False
            schema.pop("description", None)
            p.update({k: v for k, v in schema.items() if k not in ("x-deprecated",)})
            if shape["type"] == "list":
                p["collectionFormat"] = "multi" if where == "query" else "csv"
            if shape["type"] == "map":
                raise SystemExit(f"map parameter {name} cannot be written in Swagger 2.0")
        if member.get("deprecated") or shape.get("deprecated"):
            p["deprecated" if self.flavor == "openapi" else "x-deprecated"] = True
        return p

    def operation(self, op_name: str) -> tuple[str, str, dict]:
        op = self.model["operations"][op_name]
        o: dict = {"operationId": lower_camel(op_name), "summary": op_name}
        doc = describe(op.get("documentation"))
        if doc:
            o["description"] = doc
        params: list[dict] = []
        media = self.media()
        request_content = None  # (media, schema)
        body_required = True
        in_name = op.get("input", {}).get("shape")
        out_name = op.get("output", {}).get("shape")

        if self.protocol == "json":
            method = "post"
            path = "/" if op_name == self.root_operation else "/#" + op_name
            target = f"{self.meta['targetPrefix']}.{op_name}"
            if self.flavor == "openapi":
                params.append({"name": "X-Amz-Target", "in": "header", "required": True,
                               "schema": {"type": "string", "enum": [target]}})
            else:
                params.append({"name": "X-Amz-Target", "in": "header", "required": True,
                               "type": "string", "enum": [target]})
            request_content = (media, self.ref(in_name) if in_name else {"type": "object"})
        else:
            method = op["http"]["method"].lower()
            uri = op["http"]["requestUri"]
            path = re.sub(r"\{([^}+]+)\+\}", r"{\1}", uri)
            if in_name:
                shape = self.shapes[in_name]
                members = shape.get("members", {})
                required = set(shape.get("required", []))
                body_members = []
                for mname, member in members.items():
                    loc = member.get("location")
                    wire = member.get("locationName", mname)
                    if loc == "uri":
                        params.append(self.param(wire, "path", member, True))
                    elif loc == "querystring":
                        params.append(self.param(wire, "query", member, mname in required))
                    elif loc == "header":
                        params.append(self.param(wire, "header", member, mname in required))
                    elif loc:
                        raise SystemExit(f"{op_name}: unsupported input location {loc}")
                    elif shape.get("payload") != mname:
                        body_members.append(mname)
                payload = shape.get("payload")
                if payload:
                    pm = members[payload]
                    ps = self.shapes[pm["shape"]]
                    body_required = payload in required
                    if ps["type"] == "structure":
                        request_content = ("application/json", self.ref(pm["shape"]))
                    elif ps["type"] in ("blob", "string"):
                        request_content = ("application/octet-stream", {"type": "string", "format": "binary"})
                    else:
                        raise SystemExit(f"{op_name}: unsupported payload type {ps['type']}")
                elif body_members:
                    if len(body_members) != len(members):
                        self.body_only.add(in_name)
                    request_content = (media, self.ref(in_name))
        if self.flavor == "openapi":
            if params:
                o["parameters"] = params
            if request_content:
                o["requestBody"] = {"required": body_required, "content": self.content(*request_content)}
        else:
            if request_content:
                params.append({"in": "body", "name": "body", "required": body_required, "schema": request_content[1]})
                o["consumes"] = [request_content[0]]
            if params:
                o["parameters"] = params

        # responses
        status = str(op["http"].get("responseCode", 200))
        ok: dict = {"description": "Success."}
        out_media = media
        out_schema: dict | None = {"type": "object"}
        headers = {}
        if out_name:
            shape = self.shapes[out_name]
            members = shape.get("members", {})
            located = False
            for mname, member in members.items():
                loc = member.get("location")
                if loc == "header":
                    located = True
                    wire = member.get("locationName", mname)
                    if wire.lower() == "content-type":
                        continue
                    self.inline_enums = self.flavor == "swagger"
                    hs = self.shape_schema(member["shape"])
                    self.inline_enums = False
                    doc = describe(member.get("documentation"))
                    if self.flavor == "openapi":
                        h = {"description": doc, "schema": hs} if doc else {"schema": hs}
                    else:
                        h = {"description": doc, **hs} if doc else dict(hs)
                    headers[wire] = h
                elif loc == "statusCode":
                    located = True
                elif loc:
                    raise SystemExit(f"{op_name}: unsupported output location {loc}")
            payload = shape.get("payload")
            if payload:
                pm = members[payload]
                ps = self.shapes[pm["shape"]]
                if ps.get("eventstream"):
                    out_media, out_schema = "application/vnd.amazon.eventstream", {"type": "string", "format": "binary"}
                elif ps["type"] == "structure":
                    out_media, out_schema = "application/json", self.ref(pm["shape"])
                else:
                    out_media, out_schema = "application/octet-stream", {"type": "string", "format": "binary"}
            else:
                body = [m for m, mm in members.items() if not mm.get("location")]
                if body or self.protocol == "json":
                    if located:
                        self.body_only.add(out_name)
                    out_schema = self.ref(out_name)
                else:
                    out_schema = None
        elif self.protocol == "rest-json":
            out_schema = None
        if self.protocol == "rest-json" and status == "204":
            out_schema = None
        if out_schema is not None:
            if self.flavor == "openapi":
                ok["content"] = self.content(out_media, out_schema)
            else:
                ok["schema"] = out_schema
                o["produces"] = [out_media]
        elif self.flavor == "swagger":
            o["produces"] = [media]
        if headers:
            ok["headers"] = headers
        responses = {status: ok}
        responses.update(self.error_responses(op))
        if self.flavor == "swagger" and "produces" in o and o["produces"] != [media]:
            o["produces"] = o["produces"] + [media]  # errors are JSON
        o["responses"] = responses
        if op.get("deprecated"):
            o["deprecated"] = True
        pag = self.paginator(op_name)
        if pag:
            o["x-paginator"] = pag
        if op.get("idempotent"):
            o["x-amz-idempotent"] = True
        return path, method, o

    # ---- document

    def convert(self) -> dict:
        meta = self.meta
        host = f"{meta['endpointPrefix']}.us-east-1.amazonaws.com"
        title = meta.get("serviceFullName", meta.get("serviceId"))
        info: dict = {"title": title, "version": self.api_version}
        doc = describe(self.model.get("documentation"))
        if doc:
            info["description"] = doc
        paths: dict = {}
        ops = []
        for name in self.op_names:
            path, method, o = self.operation(name)
            ops.append((path, method, o))
        # path order: as the operations come (sorted names, or --operations order)
        for path, method, o in ops:
            entry = paths.setdefault(path, {})
            if method in entry:
                raise SystemExit(f"two operations at {method.upper()} {path}")
            entry[method] = o
        self.named[self.error_name] = self.error_schema()
        self.drain()
        schemas = {k: self.named[k] for k in sorted(self.named)}
        scheme = {"type": "apiKey", "name": "Authorization", "in": "header",
                  "description": "AWS Signature Version 4 (the Authorization header is computed per request).",
                  "x-amz-auth": "sigv4", "x-amz-signing-name": meta.get("signingName", meta["endpointPrefix"])}
        ext = {
            "x-amz-service-id": meta.get("serviceId"),
            "x-amz-protocol": self.protocol,
            "x-amz-api-version": self.api_version,
            "x-amz-source": f"botocore {botocore.__version__} data/{self.service_folder}/{self.api_version}/service-2.json.gz",
        }
        if self.protocol == "json":
            ext["x-amz-json-version"] = meta.get("jsonVersion", "1.0")
            ext["x-amz-target-prefix"] = meta["targetPrefix"]
        if self.flavor == "openapi":
            d = {"openapi": "3.1.0", "info": info, "servers": [{"url": f"https://{host}"}],
                 "security": [{"aws_sigv4": []}], "paths": paths,
                 "components": {"schemas": schemas, "securitySchemes": {"aws_sigv4": scheme}}}
        else:
            d = {"swagger": "2.0", "info": info, "host": host, "basePath": "/", "schemes": ["https"],
                 "security": [{"aws_sigv4": []}], "paths": paths, "definitions": schemas,
                 "securityDefinitions": {"aws_sigv4": scheme}}
        d.update(ext)
        return d


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("service", help="botocore service folder, e.g. ecr, dynamodb, lambda")
    ap.add_argument("--api-version", help="model version folder (default: the newest)")
    ap.add_argument("--openapi", help="write OpenAPI 3.1 YAML here")
    ap.add_argument("--swagger", help="write Swagger 2.0 YAML here")
    ap.add_argument("--operations", help="comma-separated operation names to keep, in path order (default: all, sorted)")
    ap.add_argument("--root-operation", help="json protocol: put this operation at path `/` instead of `/#Name`")
    ap.add_argument("--title", help="override info.title")
    args = ap.parse_args(argv)
    if not args.openapi and not args.swagger:
        ap.error("nothing to write: give --openapi and/or --swagger")
    model, paginators, version = load_model(args.service, args.api_version)
    ops = [o.strip() for o in args.operations.split(",") if o.strip()] if args.operations else None
    for flavor, out in (("openapi", args.openapi), ("swagger", args.swagger)):
        if not out:
            continue
        c = Converter(model, paginators, version, ops, args.root_operation, flavor)
        c.service_folder = args.service
        doc = c.convert()
        if args.title:
            doc["info"]["title"] = args.title
        text = yaml_dump(doc)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        n_ops = sum(len(v) for v in doc["paths"].values())
        n_types = len(doc["components"]["schemas"] if flavor == "openapi" else doc["definitions"])
        print(f"{out}: {flavor} {args.service} {version}: {n_ops} operations, {n_types} schemas", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
