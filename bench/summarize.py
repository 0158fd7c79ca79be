#!/usr/bin/python3
"""Summarise results.tsv (written by bench_driver.py) into Markdown tables.
Usage: summarize.py [results.tsv] > results.md"""
import csv
import os
import statistics
import sys

OUTDIR = os.environ.get("OUT_DIR", "/tmp/bench_out")
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(OUTDIR, "results.tsv")
rows = [r for r in csv.DictReader(open(path), delimiter="\t") if r.get("wall_py") not in (None, "", "TIMEOUT")]
ORDER_A = ["r", "r_base", "pandas", "duckdb_means", "duckdb_se", "floor_c", "floor_c_1t",
           "r_startup", "pandas_startup", "duckdb_startup"]
ORDER_N = ["100k", "1m", "5m"]
DESC = {
    "r": "R survey (fread, svydesign+svyby, Taylor SE)",
    "r_base": "R survey, read.csv instead of fread",
    "pandas": "pandas/numpy (means + Taylor SE)",
    "duckdb_means": "DuckDB SQL (weighted means only)",
    "duckdb_se": "DuckDB SQL (means + Taylor SE)",
    "floor_c": "hand-written C, single pass, 2 threads (means + SE)",
    "floor_c_1t": "hand-written C, single pass, 1 thread (means + SE)",
    "r_startup": "Rscript + library(survey, data.table), no work",
    "pandas_startup": "python3 -c 'import numpy, pandas'",
    "duckdb_startup": "node + require duckdb + connect",
}
groups = {}
for r in rows:
    groups.setdefault((r["anchor"], r["n"]), []).append(r)


def med(vals):
    vals = [float(v) for v in vals if v not in ("", None)]
    return statistics.median(vals) if vals else None


def fmt(x, d=3):
    return "" if x is None else ("%.*f" % (d, x))


keys = sorted(groups, key=lambda k: (ORDER_N.index(k[1]) if k[1] in ORDER_N else 9,
                                     ORDER_A.index(k[0]) if k[0] in ORDER_A else 99))
print("### Whole process (`/usr/bin/time -v`), wall seconds over %s runs\n" % "/".join(
    sorted({str(len(v)) for v in groups.values()})))
print("| N | anchor | wall median | wall min | wall max | CPU user+sys (median) | peak RSS MB (median) | retries | max foreign cores |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for k in keys:
    g = groups[k]
    walls = [float(r["wall_py"]) for r in g]
    cpu = [float(r["user"]) + float(r["sys"]) for r in g]
    rss = [int(r["maxrss_kb"]) / 1024 for r in g]
    print("| %s | %s | %s | %s | %s | %s | %.0f | %d | %.2f |" % (
        k[1], k[0], fmt(statistics.median(walls)), fmt(min(walls)), fmt(max(walls)),
        fmt(statistics.median(cpu), 2), statistics.median(rss),
        sum(int(r["retries"] or 0) for r in g), max(float(r["foreign_cores"]) for r in g)))
print()
print("### In-process phase timings, seconds (median of runs)\n")
print("| N | anchor | read | score | design | estimate | write | in-process total | whole process |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for k in keys:
    if k[0].endswith("_startup"):
        continue
    g = groups[k]
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        k[1], k[0], fmt(med(r["ph_read"] for r in g)), fmt(med(r["ph_score"] for r in g)),
        fmt(med(r["ph_design"] for r in g)), fmt(med(r["ph_estimate"] for r in g)),
        fmt(med(r["ph_write"] for r in g)), fmt(med(r["ph_total"] for r in g)),
        fmt(med(r["wall_py"] for r in g))))
print()
print("Anchors:\n")
for a in ORDER_A:
    if any(k[0] == a for k in keys):
        print("- `%s`: %s" % (a, DESC[a]))
