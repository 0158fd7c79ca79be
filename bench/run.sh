#!/bin/bash
# Benchmark of `konvooi monitor estimate` against the peers in bench/ (R survey, pandas,
# DuckDB, hand-written C) on the same generated files, in one run. Writes docs/performance.md.
# Never part of .ci/run.
#
#   bash bench/run.sh                                   # 100k,1m,5m; konvooi + all peers; 3 runs
#   SIZES=100k,1m ANCHORS=konvooi,floor_c,pandas bash bench/run.sh
#   RUNS=5 WAIT_IDLE_S=60 bash bench/run.sh             # wait up to 60 s for an idle machine per run
#   ANCHORS=konvooi,konvooi_aot,floor_c bash bench/run.sh  # adds the NativeAOT experiment (ADR 0003)
#
# Prerequisites (Debian 12): apt-get install -y r-base-core r-cran-survey r-cran-data.table \
#   python3-pandas python3-numpy time gcc; and for DuckDB:
#   mkdir -p /tmp/bench_node && cd /tmp/bench_node && npm init -y && npm install @duckdb/node-api
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
export DATA_DIR=${DATA_DIR:-/tmp/bench_data}
export OUT_DIR=${OUT_DIR:-/tmp/bench_out}
export KONVOOI_DIR=${KONVOOI_DIR:-/tmp/konvooi_bench}
export FLOOR_BIN=${FLOOR_BIN:-/tmp/floor_c}
SIZES=${SIZES:-100k,1m,5m}
ANCHORS=${ANCHORS:-konvooi,floor_c,floor_c_1t,pandas,duckdb_se,r}
RUNS=${RUNS:-3}
mkdir -p "$DATA_DIR" "$OUT_DIR"

echo "== build (Release publish of src/Konvooi.Cli, run as dotnet konvooi.dll; C floor with gcc -O3)"
dotnet publish "$REPO/src/Konvooi.Cli" -c Release -o "$KONVOOI_DIR" --nologo -v quiet
if [[ ",$ANCHORS," == *",konvooi_aot,"* ]]; then
  # The NativeAOT experiment of docs/adr/0003-nativeaot-for-the-monitor.md: not the shipped build.
  dotnet publish "$REPO/src/Konvooi.Cli" -c Release -o "${KONVOOI_AOT_DIR:-/tmp/konvooi_aot}" --nologo -v quiet \
    -p:PublishAot=true -p:SelfContained=true -p:PublishReadyToRun=false -p:IlcInstructionSet=native \
    -p:OptimizationPreference=Speed -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false
fi
gcc -O3 -march=native -pthread -o "$FLOOR_BIN" "$REPO/bench/floor_c.c" -lm

echo "== data (bench/gen_survey.py, default seed; 100k is tests/data/survey_100k.csv)"
declare -A NROWS=([100k]=100000 [1m]=1000000 [5m]=5000000)
for s in ${SIZES//,/ }; do
  [ "$s" = 100k ] && continue
  f="$DATA_DIR/survey_$s.csv"
  [ -f "$f" ] || /usr/bin/python3 "$REPO/bench/gen_survey.py" "${NROWS[$s]}" "$f"
  cat "$f" > /dev/null   # into page cache
done

echo "== runs"
/usr/bin/python3 "$REPO/bench/driver.py" "$SIZES" "$ANCHORS" --runs="$RUNS" \
  --results="$OUT_DIR/konvooi_results.tsv" --report="$REPO/docs/performance.md"
