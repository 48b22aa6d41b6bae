"""The release machinery agrees with the project: workflows, versions, the release check.

The workflows cannot run here; these checks keep them honest (pinned actions,
minimal permissions, the Python versions the package claims) without a YAML parser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ca_security

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PYPROJECT = (ROOT / "pyproject.toml").read_text("utf-8")


def _workflow(name: str) -> str:
    return (WORKFLOWS / name).read_text("utf-8")


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_every_action_is_pinned_by_commit_sha(name):
    """`uses:` names a full 40-character commit, never a movable tag or branch."""
    uses = re.findall(r"uses:\s*(\S+)", _workflow(name))
    assert uses
    for action in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action


@pytest.mark.parametrize("name", ["ci.yml", "release.yml"])
def test_workflows_default_to_read_only_permissions(name):
    """The workflow-wide token can only read; no job asks for more than id-token."""
    text = _workflow(name)
    assert re.search(r"(?m)^permissions:\n  contents: read$", text)
    granted = re.findall(r"(?m)^\s+([\w-]+): write", text)
    assert set(granted) <= {"id-token"}


def test_release_publishes_with_trusted_publishing_and_attestations():
    """Only the publish job gets id-token; no password or token; attestations on; tags only."""
    text = _workflow("release.yml")
    assert re.search(r"(?m)^on:\n  push:\n    tags: \[\"v\*\"\]$", text)
    publish = text[text.index("  publish-to-pypi:") :]
    assert "id-token: write" in publish
    assert text.count("id-token: write") == 1
    assert "attestations: true" in publish
    assert "environment:\n      name: pypi" in publish
    assert "password" not in text and "secrets." not in text
    assert "scripts/release_check.sh" in text


def test_ci_tests_every_python_the_package_claims():
    """The CI matrix is exactly the Python versions of the classifiers."""
    claimed = re.findall(r"Programming Language :: Python :: (3\.\d+)", PYPROJECT)
    matrix = re.search(r"python-version: \[(.*)\]", _workflow("ci.yml"))
    assert matrix is not None
    assert re.findall(r"\"(3\.\d+)\"", matrix[1]) == claimed == ["3.10", "3.11", "3.12", "3.13"]
    requires = re.search(r'requires-python = ">=(3\.\d+)"', PYPROJECT)
    assert requires is not None and requires[1] == claimed[0]


def test_ci_measures_branch_coverage_with_the_floor():
    """Coverage runs in CI with branch coverage and a 95% floor from pyproject."""
    assert re.search(r"(?m)^branch = true$", PYPROJECT)
    assert re.search(r"(?m)^fail_under = 95$", PYPROJECT)
    assert "coverage run -m pytest" in _workflow("ci.yml")
    assert "coverage combine" in _workflow("ci.yml")
    ci_run = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "coverage run -m pytest" in ci_run
    assert "coverage combine" in ci_run
    assert "coverage report" in ci_run
    assert "scripts/release_check.sh" in ci_run


def test_the_version_is_single_sourced():
    """``_version.py`` holds the version; pyproject.toml has the build read it from there."""
    source = (ROOT / "src" / "ca_security" / "_version.py").read_text("utf-8")
    match = re.search(r'(?m)^__version__ = "([^"]+)"$', source)
    assert match is not None
    assert ca_security.__version__ == match[1]
    assert re.search(r'(?m)^dynamic = \["version"\]$', PYPROJECT)
    assert re.search(
        r'(?ms)^\[tool\.hatch\.version\]\npath = "src/ca_security/_version\.py"$', PYPROJECT
    )
    assert match[1] not in PYPROJECT  # not written down a second time
    assert not re.search(r"(?m)^version = ", PYPROJECT)


def test_the_changelog_has_the_section_for_this_version():
    """A development version collects under Unreleased; a release has its own section."""
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    version = ca_security.__version__
    section = "## Unreleased" if "dev" in version else f"## [{version}]"
    assert section in changelog
