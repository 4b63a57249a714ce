"""boto3 (botocore 1.43) against ecr-server: the whole ECR flow and each error case, signed with SigV4
and verified by the server; results as boto3 parses them, errors as boto3's ClientError codes."""
import datetime

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT, REGION
from manifests import DOCKER_V2, CONFIG_V1, ecr_digest, manifest


def error_code(excinfo) -> str:
    return excinfo.value.response["Error"]["Code"]


def status(excinfo) -> int:
    return excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"]


def test_repository_lifecycle(ecr_server, boto3_client):
    ecr = boto3_client(ecr_server.endpoint)
    created = ecr.create_repository(repositoryName="team/app", tags=[{"Key": "env", "Value": "test"}])["repository"]
    assert created["repositoryArn"] == f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/team/app"
    assert created["repositoryUri"] == f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/team/app"
    assert created["registryId"] == ACCOUNT
    assert created["imageTagMutability"] == "MUTABLE"
    assert created["encryptionConfiguration"] == {"encryptionType": "AES256"}
    assert isinstance(created["createdAt"], datetime.datetime)  # epoch seconds on the wire
    assert abs(created["createdAt"].timestamp() - datetime.datetime.now().timestamp()) < 120

    with pytest.raises(ClientError) as excinfo:
        ecr.create_repository(repositoryName="team/app")
    assert error_code(excinfo) == "RepositoryAlreadyExistsException"
    assert status(excinfo) == 400

    for bad in ("Team/App", "app//x", "-app", "app-", "a" * 257):
        with pytest.raises(ClientError) as excinfo:
            ecr.create_repository(repositoryName=bad)
        assert error_code(excinfo) == "InvalidParameterException", bad

    described = ecr.describe_repositories(repositoryNames=["team/app"])["repositories"]
    assert [r["repositoryName"] for r in described] == ["team/app"]
    assert described[0]["createdAt"] == created["createdAt"]
    with pytest.raises(ClientError) as excinfo:
        ecr.describe_repositories(repositoryNames=["team/app", "missing"])
    assert error_code(excinfo) == "RepositoryNotFoundException"

    deleted = ecr.delete_repository(repositoryName="team/app")["repository"]
    assert deleted["repositoryArn"] == created["repositoryArn"]
    with pytest.raises(ClientError) as excinfo:
        ecr.delete_repository(repositoryName="team/app")
    assert error_code(excinfo) == "RepositoryNotFoundException"


def test_repository_pagination(ecr_server, boto3_client):
    ecr = boto3_client(ecr_server.endpoint)
    names = [f"page/repo-{i:02d}" for i in range(7)]
    for name in reversed(names):
        ecr.create_repository(repositoryName=name)
    first = ecr.describe_repositories(maxResults=3)
    assert [r["repositoryName"] for r in first["repositories"]] == names[:3]
    assert "nextToken" in first
    seen = [r["repositoryName"] for page in ecr.get_paginator("describe_repositories").paginate(PaginationConfig={"PageSize": 2})
            for r in page["repositories"]]
    assert seen == names
    with pytest.raises(ClientError) as excinfo:
        ecr.describe_repositories(maxResults=1001)
    assert error_code(excinfo) == "InvalidParameterException"
    with pytest.raises(ClientError) as excinfo:
        ecr.describe_repositories(nextToken="not-a-token")
    assert error_code(excinfo) == "InvalidParameterException"


def test_images(ecr_server, boto3_client):
    ecr = boto3_client(ecr_server.endpoint)
    ecr.create_repository(repositoryName="images")
    one, two, three = manifest("one"), manifest("two"), manifest("three", layers=3)

    put = ecr.put_image(repositoryName="images", imageManifest=one, imageTag="v1")["image"]
    assert put["imageId"] == {"imageDigest": ecr_digest(one), "imageTag": "v1"}
    assert put["imageManifest"] == one
    assert put["imageManifestMediaType"] == DOCKER_V2
    assert put["registryId"] == ACCOUNT

    with pytest.raises(ClientError) as excinfo:
        ecr.put_image(repositoryName="images", imageManifest=one, imageTag="v1")
    assert error_code(excinfo) == "ImageAlreadyExistsException"
    with pytest.raises(ClientError) as excinfo:
        ecr.put_image(repositoryName="images", imageManifest=two, imageDigest=ecr_digest(one))
    assert error_code(excinfo) == "ImageDigestDoesNotMatchException"
    with pytest.raises(ClientError) as excinfo:
        ecr.put_image(repositoryName="images", imageManifest="{not json", imageTag="bad")
    assert error_code(excinfo) == "InvalidParameterException"
    with pytest.raises(ClientError) as excinfo:
        ecr.put_image(repositoryName="nowhere", imageManifest=one, imageTag="v1")
    assert error_code(excinfo) == "RepositoryNotFoundException"

    ecr.put_image(repositoryName="images", imageManifest=two, imageDigest=ecr_digest(two))  # untagged
    ecr.put_image(repositoryName="images", imageManifest=one, imageTag="latest")            # second tag
    ecr.put_image(repositoryName="images", imageManifest=three, imageTag="v1")              # moves v1 (mutable)

    def listed(**kwargs):
        ids = [i for page in ecr.get_paginator("list_images").paginate(repositoryName="images", **kwargs) for i in page["imageIds"]]
        return sorted((i["imageDigest"], i.get("imageTag")) for i in ids)

    assert listed() == sorted([(ecr_digest(one), "latest"), (ecr_digest(two), None), (ecr_digest(three), "v1")])
    assert listed(filter={"tagStatus": "TAGGED"}) == sorted([(ecr_digest(one), "latest"), (ecr_digest(three), "v1")])
    assert listed(filter={"tagStatus": "UNTAGGED"}) == [(ecr_digest(two), None)]
    assert listed(PaginationConfig={"PageSize": 1}) == listed()
    page = ecr.list_images(repositoryName="images", maxResults=2)
    assert len(page["imageIds"]) == 2 and "nextToken" in page

    got = ecr.batch_get_image(repositoryName="images", imageIds=[
        {"imageTag": "v1"}, {"imageDigest": ecr_digest(two)}, {"imageTag": "gone"},
        {"imageDigest": "sha256:" + "0" * 64}, {"imageDigest": "md5:nope"},
        {"imageDigest": ecr_digest(one), "imageTag": "v1"},
    ])
    assert sorted((i["imageId"]["imageDigest"], i["imageId"].get("imageTag")) for i in got["images"]) == sorted(
        [(ecr_digest(three), "v1"), (ecr_digest(two), None)])
    assert {i["imageId"]["imageTag"]: i["imageManifest"] for i in got["images"] if "imageTag" in i["imageId"]} == {"v1": three}
    failures = {(f["imageId"].get("imageTag"), f["imageId"].get("imageDigest")): f["failureCode"] for f in got["failures"]}
    assert failures == {
        ("gone", None): "ImageNotFound",
        (None, "sha256:" + "0" * 64): "ImageNotFound",
        (None, "md5:nope"): "InvalidImageDigest",
        ("v1", ecr_digest(one)): "ImageTagDoesNotMatchDigest",
    }

    details = ecr.describe_images(repositoryName="images")["imageDetails"]
    by_digest = {d["imageDigest"]: d for d in details}
    assert set(by_digest) == {ecr_digest(one), ecr_digest(two), ecr_digest(three)}
    assert by_digest[ecr_digest(one)]["imageTags"] == ["latest"]
    assert "imageTags" not in by_digest[ecr_digest(two)]
    assert by_digest[ecr_digest(three)]["imageSizeInBytes"] == 1000 + 100 + 200 + 300
    assert by_digest[ecr_digest(three)]["artifactMediaType"] == CONFIG_V1
    assert all(isinstance(d["imagePushedAt"], datetime.datetime) for d in details)
    tagged = ecr.describe_images(repositoryName="images", filter={"tagStatus": "TAGGED"})["imageDetails"]
    assert {d["imageDigest"] for d in tagged} == {ecr_digest(one), ecr_digest(three)}
    untagged = ecr.describe_images(repositoryName="images", filter={"tagStatus": "UNTAGGED"})["imageDetails"]
    assert [d["imageDigest"] for d in untagged] == [ecr_digest(two)]
    by_id = ecr.describe_images(repositoryName="images", imageIds=[{"imageTag": "latest"}])["imageDetails"]
    assert [d["imageDigest"] for d in by_id] == [ecr_digest(one)]
    paged = [d["imageDigest"] for p in ecr.get_paginator("describe_images").paginate(
        repositoryName="images", PaginationConfig={"PageSize": 2}) for d in p["imageDetails"]]
    assert sorted(paged) == sorted(by_digest)
    with pytest.raises(ClientError) as excinfo:
        ecr.describe_images(repositoryName="images", imageIds=[{"imageTag": "gone"}])
    assert error_code(excinfo) == "ImageNotFoundException"

    with pytest.raises(ClientError) as excinfo:
        ecr.delete_repository(repositoryName="images")
    assert error_code(excinfo) == "RepositoryNotEmptyException"
    assert ecr.delete_repository(repositoryName="images", force=True)["repository"]["repositoryName"] == "images"
    with pytest.raises(ClientError) as excinfo:
        ecr.list_images(repositoryName="images")
    assert error_code(excinfo) == "RepositoryNotFoundException"


def test_immutable_tags(ecr_server, boto3_client):
    ecr = boto3_client(ecr_server.endpoint)
    repo = ecr.create_repository(repositoryName="locked", imageTagMutability="IMMUTABLE")["repository"]
    assert repo["imageTagMutability"] == "IMMUTABLE"
    ecr.put_image(repositoryName="locked", imageManifest=manifest("a"), imageTag="v1")
    with pytest.raises(ClientError) as excinfo:
        ecr.put_image(repositoryName="locked", imageManifest=manifest("b"), imageTag="v1")
    assert error_code(excinfo) == "ImageTagAlreadyExistsException"
    # Another tag on the same image is fine; the first tag still points to the first image.
    ecr.put_image(repositoryName="locked", imageManifest=manifest("a"), imageTag="v1.0")
    got = ecr.batch_get_image(repositoryName="locked", imageIds=[{"imageTag": "v1"}])["images"]
    assert got[0]["imageId"]["imageDigest"] == ecr_digest(manifest("a"))

    ecr.create_repository(repositoryName="mostly-locked", imageTagMutability="IMMUTABLE_WITH_EXCLUSION",
                          imageTagMutabilityExclusionFilters=[{"filterType": "WILDCARD", "filter": "dev-*"}])
    ecr.put_image(repositoryName="mostly-locked", imageManifest=manifest("a"), imageTag="dev-1")
    ecr.put_image(repositoryName="mostly-locked", imageManifest=manifest("b"), imageTag="dev-1")  # excluded: moves
    ecr.put_image(repositoryName="mostly-locked", imageManifest=manifest("a"), imageTag="prod")
    with pytest.raises(ClientError) as excinfo:
        ecr.put_image(repositoryName="mostly-locked", imageManifest=manifest("b"), imageTag="prod")
    assert error_code(excinfo) == "ImageTagAlreadyExistsException"


def test_persistence_across_restart(start_server, boto3_client, tmp_path):
    first = start_server("--data", str(tmp_path))
    ecr = boto3_client(first.endpoint)
    ecr.create_repository(repositoryName="kept/repo")
    ecr.put_image(repositoryName="kept/repo", imageManifest=manifest("kept"), imageTag="v1")
    first.stop()
    second = start_server("--data", str(tmp_path))
    ecr = boto3_client(second.endpoint)
    assert [r["repositoryName"] for r in ecr.describe_repositories()["repositories"]] == ["kept/repo"]
    images = ecr.list_images(repositoryName="kept/repo")["imageIds"]
    assert images == [{"imageDigest": ecr_digest(manifest("kept")), "imageTag": "v1"}]
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file was left behind"
