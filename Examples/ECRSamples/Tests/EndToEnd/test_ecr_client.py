"""ecr-client (the SpecGen-generated client, signed with our SigV4 middleware, over URLSession)
running the ECR flow against moto's server and against ecr-server.

moto is another implementation of ECR nobody here wrote; where it differs from ECR (its image
digests are not the sha256 of the manifest bytes; ListImages ignores tagStatus filters) only
ecr-server is held to ECR's rule."""
import pytest

from conftest import ACCOUNT, REGION, aws_environment
from manifests import ecr_digest, manifest


def run_flow(ecr_client, endpoint: str, ours: bool) -> None:
    def ok(operation: str, payload: dict) -> dict:
        return ecr_client(endpoint, operation, payload).output

    def fails(code: str, operation: str, payload: dict) -> None:
        assert ecr_client(endpoint, operation, payload).error["__type"] == code

    repo = ok("create-repository", {"repositoryName": "gen/app"})["repository"]
    assert repo["repositoryName"] == "gen/app"
    assert repo["repositoryArn"] == f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/gen/app"
    assert repo["repositoryUri"] == f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/gen/app"
    assert isinstance(repo["createdAt"], (int, float))  # printed as epoch seconds, as AWS JSON sends them
    fails("RepositoryAlreadyExistsException", "create-repository", {"repositoryName": "gen/app"})
    assert [r["repositoryName"] for r in ok("describe-repositories", {})["repositories"]] == ["gen/app"]
    fails("RepositoryNotFoundException", "describe-repositories", {"repositoryNames": ["missing"]})

    one, two = manifest("gen-one"), manifest("gen-two")
    put = ok("put-image", {"repositoryName": "gen/app", "imageManifest": one, "imageTag": "v1"})["image"]
    digest_one = put["imageId"]["imageDigest"]
    assert digest_one.startswith("sha256:") and put["imageId"]["imageTag"] == "v1"
    if ours:
        assert digest_one == ecr_digest(one)
    fails("ImageAlreadyExistsException", "put-image", {"repositoryName": "gen/app", "imageManifest": one, "imageTag": "v1"})
    digest_two = ok("put-image", {"repositoryName": "gen/app", "imageManifest": two})["image"]["imageId"]["imageDigest"]

    listed = ok("list-images", {"repositoryName": "gen/app"})["imageIds"]
    assert sorted(listed, key=str) == sorted([{"imageDigest": digest_one, "imageTag": "v1"}, {"imageDigest": digest_two}], key=str)
    if ours:  # moto 5.2.1 ignores ListImages' filter ("maxResults and filtering not implemented")
        tagged = ok("list-images", {"repositoryName": "gen/app", "filter": {"tagStatus": "TAGGED"}})["imageIds"]
        assert tagged == [{"imageDigest": digest_one, "imageTag": "v1"}]
        untagged = ok("list-images", {"repositoryName": "gen/app", "filter": {"tagStatus": "UNTAGGED"}})["imageIds"]
        assert untagged == [{"imageDigest": digest_two}]

    got = ok("batch-get-image", {"repositoryName": "gen/app", "imageIds": [{"imageTag": "v1"}, {"imageTag": "missing"}]})
    assert [i["imageManifest"] for i in got["images"]] == [one]
    assert [(f["imageId"].get("imageTag"), f["failureCode"]) for f in got["failures"]] == [("missing", "ImageNotFound")]

    details = ok("describe-images", {"repositoryName": "gen/app"})["imageDetails"]
    assert sorted(d["imageDigest"] for d in details) == sorted([digest_one, digest_two])
    assert all(isinstance(d["imagePushedAt"], (int, float)) for d in details)
    fails("ImageNotFoundException", "describe-images", {"repositoryName": "gen/app", "imageIds": [{"imageTag": "missing"}]})

    fails("RepositoryNotEmptyException", "delete-repository", {"repositoryName": "gen/app"})
    assert ok("delete-repository", {"repositoryName": "gen/app", "force": True})["repository"]["repositoryName"] == "gen/app"
    fails("RepositoryNotFoundException", "delete-repository", {"repositoryName": "gen/app"})


def test_against_ecr_server(ecr_server, ecr_client):
    run_flow(ecr_client, ecr_server.endpoint, ours=True)


def test_against_moto(moto_server, ecr_client):
    run_flow(ecr_client, moto_server.endpoint, ours=False)


def test_bad_credentials_are_refused(ecr_server, ecr_client):
    run = ecr_client(ecr_server.endpoint, "describe-repositories", {}, aws_environment(secret_key="wrong"))
    assert run.error == {"__type": "InvalidSignatureException", "status": 403,
                         "message": run.error["message"]}


def test_bad_input_is_refused_before_sending(ecr_server, ecr_client):
    run = ecr_client(ecr_server.endpoint, "create-repository", {"repository": "no-name"})
    assert run.code == 2
    assert run.error["__type"] == "InvalidInput"
    assert "repositoryName" in run.error["message"]
