"""SigV4 verification by ecr-server, with botocore as the signer: wrong secret, unknown key, no
signature, a request signed 20 minutes ago, a tampered body; and --no-auth."""
import datetime
import json
import urllib.error
import urllib.request
from unittest import mock

import pytest
from botocore import UNSIGNED
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from conftest import DEV_ACCESS_KEY, DEV_SECRET_KEY, REGION

TARGET = "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories"


def error_of(excinfo):
    error = excinfo.value.response
    return error["ResponseMetadata"]["HTTPStatusCode"], error["Error"]["Code"], error["Error"].get("Message", "")


def test_signed_requests_pass(ecr_server, boto3_client):
    assert boto3_client(ecr_server.endpoint).describe_repositories()["repositories"] == []


def test_wrong_secret_is_an_invalid_signature(ecr_server, boto3_client):
    with pytest.raises(ClientError) as excinfo:
        boto3_client(ecr_server.endpoint, secret_key="not-the-secret").describe_repositories()
    assert error_of(excinfo)[:2] == (403, "InvalidSignatureException")


def test_unknown_key_is_unrecognized(ecr_server, boto3_client):
    with pytest.raises(ClientError) as excinfo:
        boto3_client(ecr_server.endpoint, access_key="AKIDUNKNOWN").describe_repositories()
    assert error_of(excinfo)[:2] == (403, "UnrecognizedClientException")


def test_unsigned_is_a_missing_authentication_token(ecr_server, boto3_client):
    with pytest.raises(ClientError) as excinfo:
        boto3_client(ecr_server.endpoint, signature_version=UNSIGNED).describe_repositories()
    assert error_of(excinfo) == (403, "MissingAuthenticationTokenException", "Missing Authentication Token")


def test_authentication_comes_before_the_operation_lookup(ecr_server):
    # AWS answers an unsigned request for an operation it does not have 403, not 400 UnknownOperationException.
    unknown = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.NoSuchThing"}
    code, payload, _ = send(ecr_server.endpoint, b"{}", unknown)
    assert (code, payload["__type"]) == (403, "MissingAuthenticationTokenException")
    code, payload, _ = send(ecr_server.endpoint, b"{}", {"Content-Type": "application/x-amz-json-1.1"})
    assert (code, payload["__type"]) == (403, "MissingAuthenticationTokenException")
    # Signed, the same request reaches routing and gets the protocol's 400.
    request = AWSRequest(method="POST", url=ecr_server.endpoint + "/", data=b"{}", headers=unknown)
    SigV4Auth(Credentials(DEV_ACCESS_KEY, DEV_SECRET_KEY), "ecr", REGION).add_auth(request)
    code, payload, _ = send(ecr_server.endpoint, b"{}", dict(request.headers.items()))
    assert (code, payload["__type"]) == (400, "UnknownOperationException")


def test_expired_signature(ecr_server, boto3_client):
    twenty_minutes_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)
    with mock.patch("botocore.auth.get_current_datetime", return_value=twenty_minutes_ago):
        with pytest.raises(ClientError) as excinfo:
            boto3_client(ecr_server.endpoint).describe_repositories()
    code, name, message = error_of(excinfo)
    assert (code, name) == (403, "InvalidSignatureException")
    assert message.startswith("Signature expired")
    # Ten minutes is within AWS's fifteen.
    ten_minutes_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
    with mock.patch("botocore.auth.get_current_datetime", return_value=ten_minutes_ago):
        assert boto3_client(ecr_server.endpoint).describe_repositories()["repositories"] == []


def send(endpoint: str, body: bytes, headers: dict):
    request = urllib.request.Request(endpoint + "/", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), dict(error.headers)


def test_tampered_body_and_raw_error_shape(ecr_server):
    body = b'{"repositoryName": "signed"}'
    request = AWSRequest(method="POST", url=ecr_server.endpoint + "/", data=body, headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.CreateRepository"})
    SigV4Auth(Credentials(DEV_ACCESS_KEY, DEV_SECRET_KEY), "ecr", REGION).add_auth(request)
    headers = dict(request.headers.items())
    code, payload, response_headers = send(ecr_server.endpoint, b'{"repositoryName": "forged"}', headers)
    assert code == 403
    assert payload["__type"] == "InvalidSignatureException"
    assert response_headers["Content-Type"] == "application/x-amz-json-1.1"
    assert response_headers["X-Amzn-ErrorType"] == "InvalidSignatureException"
    code, payload, _ = send(ecr_server.endpoint, body, headers)
    assert code == 200 and payload["repository"]["repositoryName"] == "signed"


def test_signature_for_another_service(ecr_server):
    request = AWSRequest(method="POST", url=ecr_server.endpoint + "/", data=b"{}", headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": TARGET})
    SigV4Auth(Credentials(DEV_ACCESS_KEY, DEV_SECRET_KEY), "s3", REGION).add_auth(request)
    code, payload, _ = send(ecr_server.endpoint, b"{}", dict(request.headers.items()))
    assert (code, payload["__type"]) == (403, "InvalidSignatureException")


def test_no_auth_accepts_unsigned(start_server, boto3_client):
    server = start_server("--no-auth")
    assert boto3_client(server.endpoint, signature_version=UNSIGNED).describe_repositories()["repositories"] == []


def test_other_credentials(start_server, boto3_client):
    server = start_server("--access-key-id", "AKIDOTHER", "--secret-access-key", "other-secret")
    assert boto3_client(server.endpoint, "AKIDOTHER", "other-secret").describe_repositories()["repositories"] == []
    with pytest.raises(ClientError) as excinfo:
        boto3_client(server.endpoint).describe_repositories()
    assert error_of(excinfo)[:2] == (403, "UnrecognizedClientException")
