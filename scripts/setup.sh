#!/usr/bin/env bash
# Create .venv and install minutes into it. Idempotent; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# The CPU build of torch must be pinned first: an unpinned torch pulls gigabytes of CUDA.
.venv/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
.venv/bin/pip install --quiet --disable-pip-version-check -e ".${extras}"
