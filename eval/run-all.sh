#!/usr/bin/env bash
# Heavy evaluations: every entry of eval/floors.json (CI runs only those marked ci=true).
# Usage: eval/run-all.sh   (prints one JSON line per evaluation, then a verdict per floor)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Hearsay.Cli -v quiet -nologo >&2
HEARSAY_FLOORS_ALL=1 dotnet test tests/Hearsay.Cli.Tests -c Release --filter "FullyQualifiedName~FloorTests" --logger "console;verbosity=normal"
