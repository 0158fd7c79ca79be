#!/usr/bin/python3
"""Benchmark driver of the peers (called by run_all.sh, and reused by driver.py).  Standard library only.

For every (N, anchor) it runs the anchor RUNS times under `/usr/bin/time -v`, waits before each
run until the machine is idle (a 2-core box may be busy with other work), measures the CPU
time used by *other* processes during the run from /proc/stat (foreign_cores), and retries a
run up to 3 times if foreign_cores > 0.25.  Records go to $OUT_DIR/results.tsv or --out (one line per run).

Usage: bench_driver.py SIZES ANCHORS [--runs=3] [--out=results.tsv]
  SIZES   comma list of labels, files: 100k -> tests/data/survey_100k.csv (the committed copy),
          others -> $DATA_DIR/survey_<label>.csv
  ANCHORS comma list from: r, r_base, pandas, duckdb_means, duckdb_se, floor_c, floor_c_1t,
          r_startup, pandas_startup, duckdb_startup (start-up only, data file ignored)
"""
import os
import re
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
TEST_DATA = os.path.join(os.path.dirname(BENCH), "tests", "data")
DATA = os.environ.get("DATA_DIR", "/tmp/bench_data")
OUTDIR = os.environ.get("OUT_DIR", "/tmp/bench_out")
PY = "/usr/bin/python3"
FLOOR = os.environ.get("FLOOR_BIN", "/tmp/floor_c")
TIMEOUT = 600


def data_file(label):
    if label == "100k":
        return os.path.join(TEST_DATA, "survey_100k.csv")
    return os.path.join(DATA, "survey_%s.csv" % label)


def cmd_for(anchor, infile, outfile):
    if anchor == "r":
        return ["Rscript", os.path.join(BENCH, "anchor_r.R"), infile, outfile]
    if anchor == "r_base":
        return ["Rscript", os.path.join(BENCH, "anchor_r.R"), infile, outfile, "--reader=base"]
    if anchor == "pandas":
        return [PY, os.path.join(BENCH, "anchor_pandas.py"), infile, outfile]
    if anchor == "duckdb_means":
        return ["node", os.path.join(BENCH, "anchor_duckdb.js"), infile, outfile, "--no-se"]
    if anchor == "duckdb_se":
        return ["node", os.path.join(BENCH, "anchor_duckdb.js"), infile, outfile]
    if anchor == "floor_c":
        return [FLOOR, infile, outfile, "--threads=2"]
    if anchor == "floor_c_1t":
        return [FLOOR, infile, outfile, "--threads=1"]
    # runtime start-up cost only (load libraries, no data)
    if anchor == "r_startup":
        return ["Rscript", "-e", "suppressPackageStartupMessages({library(survey); library(data.table)})"]
    if anchor == "pandas_startup":
        return [PY, "-c", "import numpy, pandas"]
    if anchor == "duckdb_startup":
        return ["node", "-e", "const {DuckDBInstance}=require(process.env.DUCKDB_NODE_API||"
                "'/tmp/bench_node/node_modules/@duckdb/node-api');"
                "DuckDBInstance.create(':memory:').then(i=>i.connect())"]
    raise SystemExit("unknown anchor " + anchor)


def cpu_jiffies():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return sum(v[:8]) - idle, sum(v[:8])


def busy_fraction(interval=1.0):
    b0, t0 = cpu_jiffies()
    time.sleep(interval)
    b1, t1 = cpu_jiffies()
    return (b1 - b0) / max(1, t1 - t0)


def wait_idle(max_wait=240, thresh=0.10):
    start = time.time()
    while True:
        b = busy_fraction()
        if b < thresh or time.time() - start > max_wait:
            return b, time.time() - start


def parse_time_v(text):
    def grab(pat, conv=float):
        m = re.search(pat, text)
        return conv(m.group(1)) if m else None
    el = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
    parts = [float(p) for p in el.split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    return {
        "wall": wall,
        "user": grab(r"User time \(seconds\): ([\d.]+)"),
        "sys": grab(r"System time \(seconds\): ([\d.]+)"),
        "maxrss_kb": grab(r"Maximum resident set size \(kbytes\): (\d+)", int),
        "exit": grab(r"Exit status: (\d+)", int),
    }


def run_once(anchor, label, run):
    infile = data_file(label)
    outfile = os.path.join(OUTDIR, "%s_%s.csv" % (anchor, label))
    cmd = ["/usr/bin/time", "-v"] + cmd_for(anchor, infile, outfile)
    idle_before, waited = wait_idle()
    hz = os.sysconf("SC_CLK_TCK")
    b0, _ = cpu_jiffies()
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    wall_py = time.perf_counter() - t0
    b1, _ = cpu_jiffies()
    tv = parse_time_v(p.stderr)
    if tv["exit"] != 0 or p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit("run failed: %s" % " ".join(cmd))
    phases = {}
    m = re.search(r"^PHASES (.*)$", p.stdout, re.M)
    if m:
        for kv in m.group(1).split():
            if "=" in kv:
                k, v = kv.split("=", 1)
                phases[k] = v
    own = (tv["user"] or 0) + (tv["sys"] or 0)
    foreign_s = max(0.0, (b1 - b0) / hz - own)
    # jiffies and time -v have 10 ms resolution: ignore up to 0.05 s of 'foreign' CPU
    foreign = max(0.0, foreign_s - 0.05) / max(wall_py, 1e-9)
    rec = dict(anchor=anchor, n=label, run=run, idle_before=round(idle_before, 3),
               waited_s=round(waited, 1), foreign_cores=round(foreign, 3),
               foreign_cpu_s=round(foreign_s, 3), wall_py=round(wall_py, 4), **tv)
    for k in ("read", "score", "design", "estimate", "write", "total", "load"):
        rec["ph_" + k] = phases.get(k, "")
    return rec


COLS = ["anchor", "n", "run", "wall_py", "wall", "user", "sys", "maxrss_kb", "ph_read", "ph_score",
        "ph_design", "ph_estimate", "ph_write", "ph_total", "ph_load", "idle_before",
        "waited_s", "foreign_cpu_s", "foreign_cores", "retries"]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = 3
    out = os.path.join(OUTDIR, "results.tsv")
    for a in sys.argv[1:]:
        if a.startswith("--runs="):
            runs = int(a.split("=")[1])
        if a.startswith("--out="):
            out = a.split("=", 1)[1]
    sizes, anchors = args[0].split(","), args[1].split(",")
    os.makedirs(OUTDIR, exist_ok=True)
    new = not os.path.exists(out)
    with open(out, "a") as f:
        if new:
            f.write("\t".join(COLS) + "\n")
        for label in sizes:
            if not os.path.exists(data_file(label)):
                print("skip %s: no data file" % label)
                continue
            for anchor in anchors:
                walls = []
                for run in range(1, runs + 1):
                    for attempt in range(4):
                        rec = run_once(anchor, label, run)
                        if rec.get("timeout"):
                            break
                        if rec["foreign_cores"] <= 0.25:
                            break
                        print("  contaminated run (foreign_cores=%.2f), retrying" % rec["foreign_cores"],
                              flush=True)
                    if rec.get("timeout"):
                        print("%-13s %-5s run %d: TIMEOUT (> %d s) - skipping rest" % (anchor, label, run, TIMEOUT))
                        f.write("%s\t%s\t%d\tTIMEOUT\n" % (anchor, label, run))
                        break
                    rec["retries"] = attempt
                    f.write("\t".join(str(rec.get(c, "")) for c in COLS) + "\n")
                    f.flush()
                    walls.append(rec["wall_py"])
                    print("%-13s %-5s run %d: wall %.3f s  cpu %.2f s  rss %.0f MB  phases r=%s s=%s d=%s e=%s  foreign=%.2f"
                          % (anchor, label, run, rec["wall_py"], rec["user"] + rec["sys"], rec["maxrss_kb"] / 1024,
                             rec["ph_read"], rec["ph_score"], rec["ph_design"], rec["ph_estimate"],
                             rec["foreign_cores"]), flush=True)
                if walls:
                    print("  -> median wall %.3f s" % statistics.median(walls), flush=True)


if __name__ == "__main__":
    main()
