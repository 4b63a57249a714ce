"""Schemathesis hooks for fuzzing ecr-server with the ECR specs (scripts/fuzz-server loads them
through SCHEMATHESIS_HOOKS=ecr_hooks).

Where the spec text and AWS's real wire disagree, the check is configured here, knowingly, rather
than the server bent to the text:
1. Request and response bodies are `application/x-amz-json-1.1`, which is JSON: (de)serialized as JSON.
2. The spec documents responses as `application/json`; AWS (and ecr-server) answer
   `application/x-amz-json-1.1`. The loaded schema's response media types are renamed to the wire's,
   so content_type_conformance and response_schema_conformance still check every response body
   against its schema.
"""
import json

import schemathesis

AMZ_JSON = "application/x-amz-json-1.1"


@schemathesis.serializer(AMZ_JSON)
def amz_json(ctx, value):
    return json.dumps(value).encode()


@schemathesis.deserializer(AMZ_JSON)
def amz_json_response(ctx, response):
    return json.loads(response.content)


@schemathesis.hook
def before_load_schema(context, raw_schema):
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
