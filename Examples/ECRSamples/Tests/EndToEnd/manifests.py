"""Image manifests for the tests, and ECR's digest rule."""
import hashlib
import json

DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json"
CONFIG_V1 = "application/vnd.docker.container.image.v1+json"


def manifest(seed: str, layers: int = 2) -> str:
    """A Docker v2 manifest whose bytes differ per seed (and so its digest)."""
    def blob(name: str) -> str:
        return "sha256:" + hashlib.sha256(f"{seed}/{name}".encode()).hexdigest()

    return json.dumps({
        "schemaVersion": 2,
        "mediaType": DOCKER_V2,
        "config": {"mediaType": CONFIG_V1, "size": 1000, "digest": blob("config")},
        "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 100 * (i + 1),
                    "digest": blob(f"layer{i}")} for i in range(layers)],
    }, indent=3)


def ecr_digest(text: str) -> str:
    """ECR's (and every OCI registry's) rule: sha256 of the manifest bytes exactly as pushed."""
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()
