#!/usr/bin/env bash
# Set up with the dev tools, lint, and run the whole test suite (slow tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[dev]"
# The browser tests drive Debian's Chromium (playwright's own browser download is not reachable).
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export MINUTES_MODEL_CACHE="${MINUTES_MODEL_CACHE:-$PWD/.cache/models}"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest -q "$@"
