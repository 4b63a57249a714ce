"""The AWS CLI (`aws ecr … --endpoint-url`, awscli 1.45) against ecr-server: the same flow, as the
CLI prints it, and its error messages naming ECR's exceptions."""
import json
import shutil
import subprocess

import pytest

from conftest import ACCOUNT, REGION, aws_environment
from manifests import ecr_digest, manifest


class CLI:
    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.aws = shutil.which("aws")
        if self.aws is None:
            pytest.fail("the AWS CLI is not installed (scripts/setup installs awscli)")

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([self.aws, "ecr", *args, "--endpoint-url", self.endpoint, "--region", REGION, "--output", "json"],
                              capture_output=True, text=True, env=aws_environment(), timeout=120)

    def ok(self, *args: str) -> dict:
        completed = self.run(*args)
        assert completed.returncode == 0, completed.stderr
        return json.loads(completed.stdout) if completed.stdout.strip() else {}

    def fails(self, code: str, *args: str) -> None:
        completed = self.run(*args)
        assert completed.returncode != 0, completed.stdout
        assert f"An error occurred ({code})" in completed.stderr, completed.stderr


def test_cli_flow(ecr_server):
    cli = CLI(ecr_server.endpoint)
    repo = cli.ok("create-repository", "--repository-name", "cli/app")["repository"]
    assert repo["repositoryArn"] == f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/cli/app"
    assert repo["repositoryUri"] == f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/cli/app"
    cli.fails("RepositoryAlreadyExistsException", "create-repository", "--repository-name", "cli/app")
    cli.fails("InvalidParameterException", "create-repository", "--repository-name", "CLI_App")
    assert [r["repositoryName"] for r in cli.ok("describe-repositories")["repositories"]] == ["cli/app"]
    cli.fails("RepositoryNotFoundException", "describe-repositories", "--repository-names", "nope")

    one, two = manifest("cli-one"), manifest("cli-two")
    image = cli.ok("put-image", "--repository-name", "cli/app", "--image-manifest", one, "--image-tag", "v1")["image"]
    assert image["imageId"] == {"imageDigest": ecr_digest(one), "imageTag": "v1"}
    cli.fails("ImageAlreadyExistsException", "put-image", "--repository-name", "cli/app", "--image-manifest", one, "--image-tag", "v1")
    cli.ok("put-image", "--repository-name", "cli/app", "--image-manifest", two)

    tagged = cli.ok("list-images", "--repository-name", "cli/app", "--filter", "tagStatus=TAGGED")["imageIds"]
    assert tagged == [{"imageDigest": ecr_digest(one), "imageTag": "v1"}]
    untagged = cli.ok("list-images", "--repository-name", "cli/app", "--filter", "tagStatus=UNTAGGED")["imageIds"]
    assert untagged == [{"imageDigest": ecr_digest(two)}]
    # The CLI follows nextToken itself; one image per page here.
    everything = cli.ok("list-images", "--repository-name", "cli/app", "--page-size", "1")["imageIds"]
    assert len(everything) == 2

    got = cli.ok("batch-get-image", "--repository-name", "cli/app", "--image-ids", "imageTag=v1", "imageTag=missing")
    assert [i["imageManifest"] for i in got["images"]] == [one]
    assert [(f["imageId"], f["failureCode"]) for f in got["failures"]] == [({"imageTag": "missing"}, "ImageNotFound")]

    details = cli.ok("describe-images", "--repository-name", "cli/app")["imageDetails"]
    assert sorted(d["imageDigest"] for d in details) == sorted([ecr_digest(one), ecr_digest(two)])
    assert all(isinstance(d["imagePushedAt"], (int, float, str)) for d in details)
    cli.fails("ImageNotFoundException", "describe-images", "--repository-name", "cli/app", "--image-ids", "imageTag=missing")

    cli.fails("RepositoryNotEmptyException", "delete-repository", "--repository-name", "cli/app")
    assert cli.ok("delete-repository", "--repository-name", "cli/app", "--force")["repository"]["repositoryName"] == "cli/app"
    cli.fails("RepositoryNotFoundException", "delete-repository", "--repository-name", "cli/app")
