#!/usr/bin/env bash
# Release readiness: build the sdist and wheel, check their metadata and contents,
# then install the wheel (not the source tree) into a fresh venv and smoke-test it
# from outside the repository with the source tree off the import path.
#
# Usage: scripts/release_check.sh [PYTHON]   (PYTHON: a venv python with the
# `release` extra installed; default .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${1:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- build sdist and wheel"
"$python" -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
ls -l "$work/dist"

echo "--- twine check --strict"
"$python" -m twine check --strict "$work"/dist/*

echo "--- check-wheel-contents"
"$python" -m check_wheel_contents "$work"/dist/*.whl

echo "--- the sdist holds what a rebuild needs"
tar -tzf "$work"/dist/*.tar.gz >"$work/sdist.txt"
for wanted in pyproject.toml README.md CHANGELOG.md LICENSE src/ca_security/data/metadata.json tests/conftest.py; do
  grep -q "^[^/]*/$wanted\$" "$work/sdist.txt" || { echo "sdist lacks $wanted"; exit 1; }
done

echo "--- the version is single-sourced, and the CHANGELOG has its section"
version=$("$python" -c 'import re; print(re.search(r"(?m)^__version__ = \"([^\"]+)\"", open("src/ca_security/_version.py").read())[1])')
case "$(basename "$(ls "$work"/dist/*.whl)")" in
  "ca_security-$version-"*) ;;
  *) echo "wheel name does not carry version $version"; exit 1 ;;
esac
case "$version" in
  *dev*) section="## Unreleased" ;;   # a development version collects under Unreleased
  *) section="## [$version]" ;;       # a release has its own section: ## [X.Y.Z] - date
esac
grep -qF "$section" CHANGELOG.md || { echo "CHANGELOG.md has no '$section' section"; exit 1; }

echo "--- install the wheel into a fresh venv"
python_bin=$("$python" -c 'import sys; print(sys._base_executable)')
"$python_bin" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$work"/dist/*.whl

echo "--- smoke test outside the source tree"
mkdir "$work/elsewhere"
cp scripts/wheel_smoke.py "$work/elsewhere/"
(cd "$work/elsewhere" && env -u PYTHONPATH "$work/venv/bin/python" -I wheel_smoke.py \
  --source-tree "$root" --version "$version" --cli "$work/venv/bin/ca-security")

echo "release check passed"
