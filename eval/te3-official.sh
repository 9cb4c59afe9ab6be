#!/usr/bin/env bash
# Scores `hearsay timex` output on a TimeML folder with the official TempEval-3 scorer
# (../shared/corpora/tempeval3/Tools), to check that `hearsay eval time` agrees with it.
# Needs Python 2.7 (the scorer is Python 2; here through pyenv: PYENV_VERSION=2.7.18) and Java.
# TE3-evaluation.py itself copies the gold folder one level too deep and calls `python` (3 here),
# so its three steps are run directly: copy flat, normalize ids with the jar, score entities.
# Usage: eval/te3-official.sh [GOLD_DIR]   (default: the AQUAINT dev part)
set -euo pipefail
cd "$(dirname "$0")/.."
gold=$(realpath "${1:-../shared/corpora/tempeval3/TBAQ-cleaned/AQUAINT}")
tools=$(realpath ../shared/corpora/tempeval3/Tools/tools)
py2=${PYTHON2:-python2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/Hearsay.Cli -v quiet -nologo >&2
hearsay=src/Hearsay.Cli/bin/Release/net10.0/hearsay
"$hearsay" timex --input "$gold" --output "$work/pred" >&2
mkdir -p "$work/gold" "$work/system"
cp "$gold"/*.tml "$work/gold/"
cp "$work/pred"/*.tml "$work/system/"
(cd "$tools" && java -jar TimeML-Normalizer/TimeML-Normalizer.jar -a "$work/gold/;$work/system/" >/dev/null)
echo "== official scorer (evaluate_entities.py), Timex Performance =="
(cd "$tools" && "$py2" evaluation-entities/evaluate_entities.py "$work/gold-normalized/" "$work/system-normalized/" 0) \
  | sed -n '/=== Timex Performance ===/,$p'
echo "== hearsay eval time =="
"$hearsay" eval time --data "$gold" --json
echo
