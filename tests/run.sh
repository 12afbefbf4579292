#!/usr/bin/env bash
# Runs the whole test suite. First installs the consumers the tests hand the
# exports to, when they are missing: Graphviz, Raptor, libxml2's xmllint, a
# font, a Java runtime for Spark, the SPARQL store Virtuoso and nginx (which
# the push tests start on loopback ports) as Debian packages, and the Python packages
# in tests/requirements.txt (PySpark and the embedded graph database Kùzu
# among them).
# A second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
export PYTHON
APT_PACKAGES="graphviz raptor2-utils libxml2-utils fonts-dejavu-core openjdk-17-jre-headless virtuoso-opensource nginx"

missing_apt=""
for package in $APT_PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing_apt="$missing_apt $package"
  fi
done
if [ -n "$missing_apt" ]; then
  echo "tests/run.sh: installing$missing_apt" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing_apt >/dev/null
fi

# Every pinned Python package at its pinned version?
if ! "$PYTHON" - tests/requirements.txt <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    name, _, wanted = line.strip().partition("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
then
  echo "tests/run.sh: installing tests/requirements.txt" >&2
  PIP_FLAGS="-q --disable-pip-version-check"
  if "$PYTHON" -c 'import os, sysconfig, sys; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["stdlib"], "EXTERNALLY-MANAGED")) else 1)'; then
    PIP_FLAGS="$PIP_FLAGS --break-system-packages"
  fi
  # shellcheck disable=SC2086
  "$PYTHON" -m pip install $PIP_FLAGS -r tests/requirements.txt
fi

cargo test --all-targets "$@"
cargo test --doc "$@"
