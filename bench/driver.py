#!/usr/bin/python3
"""Times konvooi and the peers in bench/ on the same files and writes docs/performance.md.

Called by bench/run.sh. Standard library only. Reuses bench/bench_driver.py for the peers'
commands and for parsing `/usr/bin/time -v`; adds the `konvooi` anchor (the framework-dependent Release publish of
src/Konvooi.Cli: `dotnet DIR/konvooi.dll monitor estimate ...`).

Usage: driver.py SIZES ANCHORS --runs=3 --results=FILE.tsv --report=docs/performance.md
"""
import csv
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TEST_DATA = os.path.join(REPO, "tests", "data")
sys.path.insert(0, HERE)
import bench_driver as peers  # noqa: E402  (the peers' driver: commands, time -v parsing, idle checks)

KONVOOI_DIR = os.environ.get("KONVOOI_DIR", "/tmp/konvooi_bench")
# The NativeAOT experiment of docs/adr/0003-nativeaot-for-the-monitor.md (anchor konvooi_aot, opt-in).
KONVOOI_AOT_DIR = os.environ.get("KONVOOI_AOT_DIR", "/tmp/konvooi_aot")
WAIT_IDLE_S = float(os.environ.get("WAIT_IDLE_S", "20"))
ITEMS = ",".join("q%d" % i for i in range(1, 12))


def konvooi_cmd(infile, outfile, native=False):
    program = [os.path.join(KONVOOI_AOT_DIR, "konvooi")] if native else ["dotnet", os.path.join(KONVOOI_DIR, "konvooi.dll")]
    return program + ["monitor", "estimate", "--input", infile,
            "--instrument", "djg11", "--items", ITEMS, "--codes", "1=ja,2=min of meer,3=nee", "--max-missing", "0",
            "--weight", "weight", "--strata", "stratum", "--psu", "psu",
            "--by", "wave,age_group", "--by", "wave,living_alone", "--by", "wave",
            "--indicator", "lonely", "--indicator", "severely_lonely", "--indicator", "emotional_lonely",
            "--indicator", "social_lonely", "--output", outfile]


def command(anchor, infile, outfile):
    if anchor == "konvooi":
        return konvooi_cmd(infile, outfile)
    if anchor == "konvooi_aot":
        return konvooi_cmd(infile, outfile, native=True)
    if anchor == "konvooi_startup":
        return ["dotnet", os.path.join(KONVOOI_DIR, "konvooi.dll"), "--help"]
    return peers.cmd_for(anchor, infile, outfile)


def run_once(anchor, label):
    infile = peers.data_file(label)
    outfile = os.path.join(peers.OUTDIR, "%s_%s.csv" % (anchor, label))
    idle, waited = peers.wait_idle(max_wait=WAIT_IDLE_S) if WAIT_IDLE_S > 0 else (float("nan"), 0.0)
    b0, _ = peers.cpu_jiffies()
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + command(anchor, infile, outfile),
                       capture_output=True, text=True, timeout=peers.TIMEOUT)
    wall = time.perf_counter() - t0
    b1, _ = peers.cpu_jiffies()
    tv = peers.parse_time_v(p.stderr)
    if tv["exit"] != 0:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit("run failed: %s %s" % (anchor, label))
    own = (tv["user"] or 0) + (tv["sys"] or 0)
    foreign = max(0.0, (b1 - b0) / os.sysconf("SC_CLK_TCK") - own) / max(wall, 1e-9)
    return dict(anchor=anchor, n=label, wall=wall, cpu=own, rss_mb=tv["maxrss_kb"] / 1024,
                foreign_cores=foreign, idle_before=idle)


def to_anchor_format(konvooi_csv, out_csv):
    """Rewrites konvooi's output in the long format of anchor_r.R so that compare.py can read it."""
    names = {"wave+age_group": ("wave_x_age_group", "age_group"),
             "wave+living_alone": ("wave_x_living_alone", "living_alone"), "wave": ("wave", None)}
    with open(konvooi_csv, newline="") as f, open(out_csv, "w", newline="") as g:
        w = csv.writer(g, lineterminator="\n")
        w.writerow(["table", "wave", "group_var", "group_value", "indicator", "estimate", "se", "n_unweighted", "sum_weight"])
        for r in csv.DictReader(f):
            table, var = names[r["table"]]
            w.writerow([table, r["wave"], var or "none", r[var] if var else "all", r["indicator"],
                        r["estimate"], r["se"], r["n_unweighted"], r["sum_weight"]])


def crosscheck(sizes):
    lines = []
    for label in sizes:
        mine = os.path.join(peers.OUTDIR, "konvooi_%s.csv" % label)
        if not os.path.exists(mine):
            continue
        converted = os.path.join(peers.OUTDIR, "konvooi_long_%s.csv" % label)
        to_anchor_format(mine, converted)
        native = os.path.join(peers.OUTDIR, "konvooi_aot_%s.csv" % label)
        if os.path.exists(native):
            with open(mine, "rb") as f, open(native, "rb") as g:
                same = f.read() == g.read()
            lines.append("| %s | konvooi vs konvooi_aot | %s |" % (label, "byte-for-byte equal" if same else "DIFFERENT"))
        for ref in (os.path.join(peers.OUTDIR, "r_%s.csv" % label),
                    os.path.join(TEST_DATA, "reference_100k.csv") if label == "100k" else "",
                    os.path.join(peers.OUTDIR, "pandas_%s.csv" % label),
                    os.path.join(peers.OUTDIR, "floor_c_%s.csv" % label)):
            if ref and os.path.exists(ref):
                p = subprocess.run([peers.PY, os.path.join(HERE, "compare.py"), ref, converted],
                                   capture_output=True, text=True)
                lines.append("| %s | konvooi vs %s | %s |" % (label, os.path.basename(ref), p.stdout.strip().replace("\n", " ")))
    return lines


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a)
    runs = int(opts.get("runs", "3"))
    results = opts.get("results", "/tmp/bench_out/konvooi_results.tsv")
    report = opts.get("report", os.path.join(REPO, "docs", "performance.md"))
    sizes, anchors = args[0].split(","), args[1].split(",")
    os.makedirs(peers.OUTDIR, exist_ok=True)
    records = []
    for label in sizes:
        if not os.path.exists(peers.data_file(label)):
            print("skip %s: no data file" % label)
            continue
        for anchor in anchors:
            n_runs = 1 if anchor == "r" and label != "100k" else runs
            for run in range(n_runs):
                rec = run_once(anchor, label)
                records.append(rec)
                print("%-16s %-5s run %d: wall %.3f s cpu %.2f s rss %.0f MB foreign %.2f cores"
                      % (anchor, label, run + 1, rec["wall"], rec["cpu"], rec["rss_mb"], rec["foreign_cores"]), flush=True)
    with open(results, "w") as f:
        cols = ["anchor", "n", "wall", "cpu", "rss_mb", "foreign_cores", "idle_before"]
        f.write("\t".join(cols) + "\n")
        for r in records:
            f.write("\t".join(str(r[c]) for c in cols) + "\n")
    write_report(report, records, sizes, anchors, crosscheck(sizes))


def write_report(path, records, sizes, anchors, checks):
    med = {}
    for r in records:
        med.setdefault((r["anchor"], r["n"]), []).append(r)
    summary = {k: dict(wall=statistics.median(x["wall"] for x in v), wmin=min(x["wall"] for x in v),
                       wmax=max(x["wall"] for x in v), cpu=statistics.median(x["cpu"] for x in v),
                       rss=statistics.median(x["rss_mb"] for x in v), foreign=max(x["foreign_cores"] for x in v),
                       runs=len(v)) for k, v in med.items()}
    out = []
    out.append("# Performance of `konvooi monitor estimate`\n")
    out.append("Generated by `bench/run.sh` on %s (%s CPUs). Whole-process wall time in seconds, median of the runs, "
               "with the file in page cache. `foreign cores` is the largest average CPU use of *other* processes "
               "during a run of that row (other work on the machine; see the note below).\n"
               % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count()))
    out.append("The job is the one of the peers in bench/ (bench/README.md): De Jong Gierveld 11 items scored, 4 indicators by "
               "wave × age group, wave × living alone and wave (128 estimates), Taylor SEs for the stratified "
               "cluster design.\n")
    out.append("| N | anchor | runs | wall median | wall min | wall max | CPU user+sys | peak RSS MB | foreign cores | konvooi ratio |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label in sizes:
        mine = summary.get(("konvooi", label))
        for anchor in anchors:
            s = summary.get((anchor, label))
            if not s:
                continue
            ratio = ("%.2f×" % (mine["wall"] / s["wall"])) if mine and anchor != "konvooi" else ""
            out.append("| %s | %s | %d | %.3f | %.3f | %.3f | %.2f | %.0f | %.2f | %s |"
                       % (label, anchor, s["runs"], s["wall"], s["wmin"], s["wmax"], s["cpu"], s["rss"], s["foreign"], ratio))
    out.append("\n`konvooi ratio` = konvooi's median wall time / the anchor's (below 1: konvooi is faster).\n")
    if checks:
        out.append("## Correctness in the same run (compare.py, tolerance 1e-9 relative)\n")
        out.append("| N | comparison | result |")
        out.append("|---|---|---|")
        out.extend(checks)
        out.append("")
    notes = NOTES
    kept = kept_analysis(path)
    if kept:
        head, tail = notes.split("## How konvooi does it", 1)
        notes = (head + ANALYSIS_START + "\n" + KEPT_NOTE + "\n\n" + kept + "\n" + ANALYSIS_END + "\n\n"
                 + "## How konvooi does it" + tail)
    out.append(notes)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", path)


ANALYSIS_START = "<!-- analysis: written by hand, kept by bench/driver.py when it rewrites this file -->"
ANALYSIS_END = "<!-- /analysis -->"
KEPT_NOTE = ("> The analysis below was written by hand for the run it names. If the table above comes from a "
             "newer run, check the numbers in it and update it.")


def kept_analysis(path):
    """The hand-written analysis between the markers of the existing report, without the driver's note."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return ""
    if ANALYSIS_START not in text or ANALYSIS_END not in text:
        return ""
    body = text.split(ANALYSIS_START, 1)[1].split(ANALYSIS_END, 1)[0].strip("\n")
    if body.startswith(KEPT_NOTE):
        body = body[len(KEPT_NOTE):].lstrip("\n")
    return body.rstrip() + "\n"


NOTES = """## Reading these numbers

`foreign cores` near 0 means the machine was otherwise idle. When other jobs ran (up to 2 cores on a
2-core machine), every anchor is slowed, start-up-heavy processes (.NET, Python, R) more than the C
program; compare the ratios within one run and rerun on a quiet machine for absolute times
(`WAIT_IDLE_S=600` makes the driver wait up to 10 minutes for an idle machine before each run).

## How konvooi does it

One pass over the bytes. A regular file is split at line ends into one chunk per core without being
read first; the calling thread reads the first chunk and plain threads the others, each into its own
sufficient statistics, which are then merged (tested to 1e-12 against one pass; problems get their file
line numbers after the merge, and a chunk that meets a quoted field sends the file through one pass,
since such a field may hold a line end). The CSV reader's vectorised fast path splits a quote-free
record 32 bytes at a time; such a row goes through a plain-row path that reads the fields straight from
the buffer: design fields and grouping values become integer ids through byte-keyed hash maps,
single-character answer codes map through a byte table built from the instrument's answer mapper, the
one DJG scorer scores the answers and the indicator values are read from a table memoised per distinct
score; every row adds to a per-(PSU, cell) accumulator (n, Σw, Σwy, Σwy² per indicator). Anything
unusual in a row (a quote, a label, a problem) goes through the general path, which gives the same
result and reports the problem. The row loop is compiled fully optimised on the second core while the
main thread parses the command line. Estimation from the ~15,000 accumulators takes milliseconds.
Memory is bounded by PSUs × cells, not rows. `KONVOOI_PHASE_TIMES=1` prints where a run spends its time.

## Reproduce

```bash
apt-get install -y r-base-core r-cran-survey r-cran-data.table python3-pandas python3-numpy time gcc
mkdir -p /tmp/bench_node && cd /tmp/bench_node && npm init -y && npm install @duckdb/node-api
cd <repository root>
bash bench/run.sh                                         # all sizes and peers, 3 runs
SIZES=100k,1m ANCHORS=konvooi,floor_c,pandas bash bench/run.sh
# one run by hand:
dotnet publish src/Konvooi.Cli -c Release -o /tmp/konvooi_bench
/usr/bin/python3 bench/gen_survey.py 1000000 /tmp/bench_data/survey_1m.csv
/usr/bin/time -v dotnet /tmp/konvooi_bench/konvooi.dll monitor estimate --input /tmp/bench_data/survey_1m.csv \\
  --instrument djg11 --items q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11 --codes "1=ja,2=min of meer,3=nee" --max-missing 0 \\
  --weight weight --strata stratum --psu psu --by wave,age_group --by wave,living_alone --by wave \\
  --indicator lonely --indicator severely_lonely --indicator emotional_lonely --indicator social_lonely --output /tmp/k.csv
```
"""


if __name__ == "__main__":
    main()
