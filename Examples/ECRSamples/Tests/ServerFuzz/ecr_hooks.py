"""Schemathesis hooks for fuzzing ecr-server with the ECR specs (scripts/fuzz-server loads them
through SCHEMATHESIS_HOOKS=ecr_hooks).

Where the spec text and AWS's real wire disagree, the check is configured here, knowingly, rather
than the server bent to the text:
1. Request and response bodies are `application/x-amz-json-1.1`, which is JSON: (de)serialized as JSON.
2. The spec documents responses as `application/json`; AWS (and ecr-server) answer
   `application/x-amz-json-1.1`. The loaded schema's response media types are renamed to the wire's,
   so content_type_conformance and response_schema_conformance still check every response body
   against its schema.
3. AWS JSON bodies are optional on the wire: an absent body means `{}` (SpecGenRuntime's
   `decodeBody`, as AWS services do). The specs mark every request body required, so for an
   operation whose input has no required member (DescribeRepositories) schemathesis expects a
   request without a body to be refused, and the server rightly answers it 200 as it answers `{}`.
   Such bodies are made optional in the loaded schema; an operation with required members still
   gets the missing-body case, and the server refuses it (400, the required member is missing).
   Likewise a `null` member is read as an absent one (Swift's `decodeIfPresent`, botocore drops
   None members): optional request members are made nullable in the loaded schema, so a
   `{"maxResults": null}` is not counted as invalid data accepted. Required members stay non-null.
4. Every AWS JSON operation can answer 400 for a request that names no operation (no or an unknown
   `X-Amz-Target`: UnknownOperationException) or whose body is not JSON (SerializationException):
   the protocol's errors, not the operation's. Specs/ecr-openapi.yaml documents no 400 for
   DescribeRepositories; the loaded schema gets the spec's own 400 error response for every
   operation that documents none, so status_code_conformance still checks every other status.
5. Hummingbird's router answers a method registered on no route (TRACE, GET, ... on POST-only
   paths) with its own empty 404 before any SpecGen code runs; it has no 405. The request reaches
   no handler, which is what matters, so `unsupported_method` is replaced by
   `unsupported_method_hummingbird`, which accepts exactly that empty 404 and otherwise runs the
   stock check (scripts/fuzz-server excludes the stock one).
6. The server runs with --no-auth (SigV4 is covered by Tests/EndToEnd), so the spec's `security`
   (the SigV4 `Authorization` header) is dropped from the loaded schema: a request without it is
   not invalid data for this server.
"""
import copy
import json

import schemathesis
from schemathesis.specs.openapi.checks import unsupported_method

AMZ_JSON = "application/x-amz-json-1.1"


@schemathesis.serializer(AMZ_JSON)
def amz_json(ctx, value):
    return json.dumps(value).encode()


@schemathesis.deserializer(AMZ_JSON)
def amz_json_response(ctx, response):
    return json.loads(response.content)


@schemathesis.check
def unsupported_method_hummingbird(ctx, response, case):
    """The stock `unsupported_method`, except Hummingbird's empty 404 for an unrouted method (see 5)."""
    if response.status_code == 404 and not response.content and response.request.method not in ("POST", "OPTIONS"):
        return None
    return unsupported_method(ctx, response, case)


def resolve(schema, root):
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith("#/"):
        target = root
        for token in ref[2:].split("/"):
            target = target.get(token.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
        return target
    return schema


def operations(raw_schema):
    for path_item in raw_schema.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict):
                yield operation


@schemathesis.hook
def before_load_schema(context, raw_schema):
    # 6. No security: the server under fuzz runs with --no-auth.
    raw_schema.pop("security", None)
    for operation in operations(raw_schema):
        operation.pop("security", None)
    # 3. Absent body == `{}`: optional when the input has no required member.
    for operation in operations(raw_schema):
        body = resolve(operation.get("requestBody"), raw_schema)
        if isinstance(body, dict) and body.get("required"):
            schemas = [resolve(media.get("schema"), raw_schema) for media in body.get("content", {}).values()]
            if schemas and all(isinstance(s, dict) and not s.get("required") for s in schemas):
                body["required"] = False
    for operation in operations(raw_schema):
        body = resolve(operation.get("requestBody"), raw_schema)
        for media in (body.get("content", {}) if isinstance(body, dict) else {}).values():
            nullable_optionals(media.get("schema"), raw_schema, set())
    # 4. The protocol's 400 for every operation, in the spec's own words where it has them.
    error_400 = next((op["responses"]["400"] for op in operations(raw_schema) if "400" in op.get("responses", {})), None)
    if error_400 is not None:
        for operation in operations(raw_schema):
            operation.setdefault("responses", {}).setdefault("400", copy.deepcopy(error_400))
    # 2. The wire's media type and epoch-second timestamps in the responses.
    for path_item in raw_schema.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                content = response.get("content") if isinstance(response, dict) else None
                if content and "application/json" in content and AMZ_JSON not in content:
                    content[AMZ_JSON] = content.pop("application/json")
                for media in (content or {}).values():
                    epoch_timestamps(media.get("schema"), raw_schema, set())


def nullable_optionals(schema, root, seen):
    """Under a request schema (following local refs once), every optional property also accepts null."""
    if isinstance(schema, list):
        for item in schema:
            nullable_optionals(item, root, seen)
        return
    if not isinstance(schema, dict) or id(schema) in seen:
        return
    seen.add(id(schema))
    if "$ref" in schema:
        nullable_optionals(resolve(schema, root), root, seen)
    required = set(schema.get("required", []))
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for name, sub in list(properties.items()):
            nullable_optionals(sub, root, seen)
            if name not in required:
                wrapped = {"anyOf": [sub, {"type": "null"}]}
                seen.add(id(wrapped))
                properties[name] = wrapped
    for key, value in schema.items():
        if key not in ("properties", "$ref"):
            nullable_optionals(value, root, seen)


def epoch_timestamps(schema, root, seen):
    """Rewrites date-time strings under a response schema (following local refs once) to numbers."""
    if isinstance(schema, list):
        for item in schema:
            epoch_timestamps(item, root, seen)
        return
    if not isinstance(schema, dict):
        return
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
        seen.add(ref)
        target = root
        for token in ref[2:].split("/"):
            target = target.get(token.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
        epoch_timestamps(target, root, seen)
    if schema.get("type") == "string" and schema.get("format") == "date-time":
        schema.clear()
        schema["type"] = "number"
        return
    for value in schema.values():
        epoch_timestamps(value, root, seen)
