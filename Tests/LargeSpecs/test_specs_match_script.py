"""The committed botocore-derived specs must be exactly what scripts/regenerate-specs writes.

Run: python3 -m pytest Tests/LargeSpecs
Reruns the converter (scripts/botocore-to-openapi.py, through scripts/regenerate-specs) into
a temporary folder and compares bytes with Specs/ecr-full.yaml and Tests/LargeSpecs/*.yaml.
The botocore version the files were made from is read from their `x-amz-source` line; with a
different botocore installed the test is skipped (the models change between releases).
"""
import difflib
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FILES = [
    "Specs/ecr-full.yaml",
    "Tests/LargeSpecs/ecr.openapi.yaml",
    "Tests/LargeSpecs/ecr.swagger.yaml",
    "Tests/LargeSpecs/dynamodb.openapi.yaml",
    "Tests/LargeSpecs/dynamodb.swagger.yaml",
    "Tests/LargeSpecs/lambda.openapi.yaml",
    "Tests/LargeSpecs/lambda.swagger.yaml",
]


def recorded_botocore_version() -> str:
    text = (ROOT / FILES[0]).read_text(encoding="utf-8")
    m = re.search(r"^x-amz-source: '?botocore (\S+) ", text, re.M)
    assert m, f"{FILES[0]} has no x-amz-source line naming the botocore version"
    return m.group(1)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    botocore = pytest.importorskip("botocore", reason="botocore is not installed (pip install botocore)")
    recorded = recorded_botocore_version()
    if botocore.__version__ != recorded:
        pytest.skip(f"the committed specs come from botocore {recorded}, "
                    f"but botocore {botocore.__version__} is installed")
    out = tmp_path_factory.mktemp("regenerated")
    subprocess.run([str(ROOT / "scripts/regenerate-specs"), str(out)], check=True, cwd=ROOT,
                   capture_output=True)
    return out


@pytest.mark.parametrize("rel", FILES)
def test_committed_spec_matches_script(regenerated, rel):
    committed = (ROOT / rel).read_bytes()
    fresh = (regenerated / rel).read_bytes()
    if committed != fresh:
        diff = "".join(list(difflib.unified_diff(
            committed.decode().splitlines(True), fresh.decode().splitlines(True),
            fromfile=f"committed/{rel}", tofile=f"regenerated/{rel}"))[:80])
        pytest.fail(f"{rel} drifted from scripts/botocore-to-openapi.py; "
                    f"run scripts/regenerate-specs and commit.\n{diff}")


def test_every_output_is_checked(regenerated):
    written = sorted(str(p.relative_to(regenerated)) for p in regenerated.rglob("*.yaml"))
    assert written == sorted(FILES)
