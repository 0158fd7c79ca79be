#!/bin/bash
# Re-run the whole loneliness-monitor benchmark of the peers (R survey, pandas, DuckDB, C), without
# Konvooi (bench/run.sh adds Konvooi and writes docs/performance.md). Run from any folder:
#
#   bash bench/run_all.sh                 # everything: 100k, 1m, 5m; 3 runs each
#   SIZES=100k,1m RUNS=3 bash bench/run_all.sh
#   KEEP_DATA=1 bash bench/run_all.sh     # keep /tmp/bench_data/*.csv afterwards
#
# Prerequisites (Debian 12):
#   apt-get update && apt-get install -y r-base-core r-cran-survey r-cran-data.table \
#       python3-pandas python3-numpy time gcc bc
#   mkdir -p /tmp/bench_node && cd /tmp/bench_node && npm init -y && npm install @duckdb/node-api
# Outputs, all in $OUT_DIR (default /tmp/bench_out): results.tsv (all runs), results.md (tables),
#   versions.txt, physlimit.txt, crosscheck.txt, reference_100k.csv and reference_scores_100k.csv
#   (R survey on the 100k file, compared with the committed copies in tests/data), <anchor>_<N>.csv.
# The 100k input is the committed tests/data/survey_100k.csv (checked against a fresh generation);
# larger files go to $DATA_DIR (default /tmp/bench_data). Nothing is written into the repository.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
TEST_DATA="$BENCH/../tests/data"
cd "$BENCH"
export DATA_DIR=${DATA_DIR:-/tmp/bench_data}
export OUT_DIR=${OUT_DIR:-/tmp/bench_out}
SIZES=${SIZES:-100k,1m,5m}
RUNS=${RUNS:-3}
PY=/usr/bin/python3
mkdir -p "$DATA_DIR" "$OUT_DIR"

echo "== prerequisites"
command -v Rscript >/dev/null || { echo "R missing (apt-get install r-base-core r-cran-survey r-cran-data.table)"; exit 1; }
$PY -c 'import pandas, numpy' || { echo "python3-pandas/numpy missing"; exit 1; }
HAVE_DUCKDB=1
node -e "require(process.env.DUCKDB_NODE_API||'/tmp/bench_node/node_modules/@duckdb/node-api')" 2>/dev/null || {
  echo "duckdb node module missing; trying npm install into /tmp/bench_node"
  (mkdir -p /tmp/bench_node && cd /tmp/bench_node && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install @duckdb/node-api) || HAVE_DUCKDB=0; }
gcc -O3 -march=native -pthread -o /tmp/floor_c floor_c.c -lm
gcc -O3 -march=native -ffast-math -fopenmp -o /tmp/physlimit physlimit.c

echo "== versions"
{
  echo "kernel: $(uname -r)"; echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)"
  echo "mem: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  Rscript -e 'cat(R.version.string, "| survey", as.character(packageVersion("survey")), "| data.table", as.character(packageVersion("data.table")), "\n")'
  $PY -c 'import sys, pandas, numpy; print("python", sys.version.split()[0], "| pandas", pandas.__version__, "| numpy", numpy.__version__)'
  echo "node $(node --version) | duckdb $(node -e "const {DuckDBInstance}=require(process.env.DUCKDB_NODE_API||'/tmp/bench_node/node_modules/@duckdb/node-api');DuckDBInstance.create(':memory:').then(i=>i.connect()).then(c=>c.runAndReadAll('select version()')).then(r=>console.log(r.getRows()[0][0]))" 2>/dev/null || echo n/a)"
  gcc --version | head -1
} | tee "$OUT_DIR/versions.txt"

echo "== generate data"
declare -A NROWS=([100k]=100000 [1m]=1000000 [5m]=5000000)
for s in ${SIZES//,/ }; do
  f="$DATA_DIR/survey_$s.csv"
  if [ ! -f "$f" ]; then
    /usr/bin/time -f "gen $s: %e s, %M KB" $PY gen_survey.py "${NROWS[$s]}" "$f"
  fi
  ls -la "$f"
done
# the committed 100k file is what the generator makes (sha256 in tests/data/README.md)
[ -f "$DATA_DIR/survey_100k.csv" ] || $PY gen_survey.py 100000 "$DATA_DIR/survey_100k.csv"
cmp -s "$DATA_DIR/survey_100k.csv" "$TEST_DATA/survey_100k.csv" && echo "tests/data/survey_100k.csv: same as generated" \
  || echo "WARNING: tests/data/survey_100k.csv differs from a fresh generation"
sha256sum "$TEST_DATA/survey_100k.csv"

echo "== reference outputs (R survey, N=100k)"
Rscript anchor_r.R "$TEST_DATA/survey_100k.csv" "$OUT_DIR/reference_100k.csv" --scores="$OUT_DIR/reference_scores_100k.csv"
cmp -s "$OUT_DIR/reference_scores_100k.csv" "$TEST_DATA/reference_scores_100k.csv" && echo "reference scores: same as tests/data" \
  || echo "WARNING: R scores differ from tests/data/reference_scores_100k.csv"

echo "== benchmarks"
ANCHORS=r,pandas,duckdb_means,duckdb_se,floor_c,floor_c_1t
[ "$HAVE_DUCKDB" = 1 ] || ANCHORS=r,pandas,floor_c,floor_c_1t
RESULTS="$OUT_DIR/results.tsv"
rm -f "$RESULTS"
$PY bench_driver.py 100k r_startup,pandas_startup,duckdb_startup --runs="$RUNS" --out="$RESULTS"
$PY bench_driver.py "$SIZES" "$ANCHORS" --runs="$RUNS" --out="$RESULTS"
# base-R reader for comparison (not needed at 5m)
$PY bench_driver.py "$(echo "$SIZES" | sed 's/,\?5m//')" r_base --runs="$RUNS" --out="$RESULTS"

echo "== cross-check (every anchor vs R survey at the same N; tolerance 1e-9 relative)"
{
  for s in ${SIZES//,/ }; do
    for a in pandas duckdb_means duckdb_se floor_c floor_c_1t r_base; do
      [ -f "$OUT_DIR/${a}_$s.csv" ] && $PY compare.py "$OUT_DIR/r_$s.csv" "$OUT_DIR/${a}_$s.csv" || true
    done
  done
  $PY compare.py "$TEST_DATA/reference_100k.csv" "$OUT_DIR/reference_100k.csv" --tol=1e-12 || true
  $PY compare.py "$TEST_DATA/reference_100k.csv" "$OUT_DIR/r_100k.csv" --tol=1e-12 || true
} | tee "$OUT_DIR/crosscheck.txt"

echo "== physical limits"
files="$TEST_DATA/survey_100k.csv"
for s in 1m 5m; do [ -f "$DATA_DIR/survey_$s.csv" ] && files="$files $DATA_DIR/survey_$s.csv"; done
bash physlimit.sh $files | tee "$OUT_DIR/physlimit.txt"

$PY summarize.py "$RESULTS" | tee "$OUT_DIR/results.md"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -f "$DATA_DIR"/survey_1m.csv "$DATA_DIR"/survey_5m.csv
fi
echo "done"
