#!/usr/bin/env bash
# Set up, ingest the bundled corpus into the embedded index and run a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MINUTES_DATA="${MINUTES_DATA:-$PWD/data}"
.venv/bin/minutes ingest corpus/
.venv/bin/minutes search "besparelser på beskæftigelsesområdet"
