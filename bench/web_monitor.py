#!/usr/bin/env python3
"""The web monitor against `konvooi monitor estimate` on the same file, interleaved (docs/performance.md, "The web
monitor against the CLI"). Never part of .ci/run.

    python3 bench/web_monitor.py /tmp/bench_data/survey_1m.csv [--runs=3]

Publishes src/Konvooi.Web and src/Konvooi.Cli (Release), starts the web app in quick-start mode on a fresh SQLite
database in a temporary folder, signs in as the demo analyst, and per run: times the CLI on the file, uploads the file
through /Monitor (wall time until the mapping page), posts the same analysis as the CLI's (bench/driver.py's job:
DJG-11, 4 indicators, wave x age group, wave x living alone, wave; stratified cluster design) and waits for the
job. The job's own phases (copy from the database, analysis, storing the result) come from the app's log line
"Monitor job ... ran"; the wait for the next poll of the jobs table (1 s here) is not part of them.
Prints a Markdown table.
"""
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB_DIR = os.environ.get("KONVOOI_WEB_DIR", "/tmp/konvooi_web_bench")
CLI_DIR = os.environ.get("KONVOOI_DIR", "/tmp/konvooi_bench")
PORT = int(os.environ.get("PORT", "5098"))
BASE = "http://127.0.0.1:%d" % PORT
ITEMS = ",".join("q%d" % i for i in range(1, 12))
CODES = "1=ja,2=min of meer,3=nee"
BY = ["wave,age_group", "wave,living_alone", "wave"]
INDICATORS = ["lonely", "severely_lonely", "emotional_lonely", "social_lonely"]
TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def request(path, data=None, headers=None):
    req = urllib.request.Request(BASE + path, data=data, headers=headers or {})
    try:
        with opener.open(req, timeout=600) as r:
            return r.status, r.headers, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode("utf-8", "replace")


def token(path):
    status, _, html = request(path)
    m = TOKEN.search(html)
    if status != 200 or not m:
        sys.exit("no form on %s (HTTP %d)" % (path, status))
    return m.group(1)


def post_form(path, fields, form_page=None):
    fields = list(fields) + [("__RequestVerificationToken", token(form_page or path))]
    return request(path, urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


def upload(path):
    boundary = uuid.uuid4().hex
    tok = token("/Monitor")
    head = ("--%s\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n%s\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"DatasetName\"\r\n\r\nbench\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"%s\"\r\nContent-Type: text/csv\r\n\r\n"
            % (boundary, tok, boundary, boundary, os.path.basename(path))).encode()
    with open(path, "rb") as f:
        body = head + f.read() + ("\r\n--%s--\r\n" % boundary).encode()
    started = time.perf_counter()
    status, headers, html = request("/Monitor?handler=Upload", body, {"Content-Type": "multipart/form-data; boundary=" + boundary})
    elapsed = time.perf_counter() - started
    if status != 302:
        sys.exit("upload failed: HTTP %d %s" % (status, re.sub(r"\s+", " ", html)[:500]))
    return elapsed, headers["Location"]


def run_cli(path):
    out = tempfile.mktemp(suffix=".csv")
    cmd = ["dotnet", os.path.join(CLI_DIR, "konvooi.dll"), "monitor", "estimate", "--input", path, "--instrument", "djg11",
           "--items", ITEMS, "--codes", CODES, "--max-missing", "0", "--weight", "weight", "--strata", "stratum", "--psu", "psu"]
    for b in BY:
        cmd += ["--by", b]
    for i in INDICATORS:
        cmd += ["--indicator", i]
    started = time.perf_counter()
    subprocess.run(cmd + ["--output", out], check=True)
    elapsed = time.perf_counter() - started
    os.remove(out)
    return elapsed


def run_web(path, log_path):
    upload_s, map_url = upload(path)
    fields = [("Input.Instrument", "djg11"), ("Input.Items", ITEMS), ("Input.Codes", CODES), ("Input.MaxMissing", "0"),
              ("Input.Weight", "weight"), ("Input.Strata", "stratum"), ("Input.Psu", "psu"), ("Input.LonelyPsu", "fail"),
              ("Input.Ci", "wald"), ("Input.MinN", "30")]
    fields += [("Input.By", b) for b in BY] + [("Input.Indicators", i) for i in INDICATORS]
    submitted = time.perf_counter()
    status, headers, html = post_form(map_url, fields)
    if status != 302:
        sys.exit("mapping refused: HTTP %d %s" % (status, re.sub(r"\s+", " ", html)[:800]))
    job_id = headers["Location"].split("id=")[1]
    pattern = re.compile(r"Monitor job %s ran \(succeeded: (\w+)\): copy (\d+) ms, analysis (\d+) ms, store (\d+) ms" % re.escape(job_id))
    while True:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            m = pattern.search(f.read())
        if m:
            break
        if time.perf_counter() - submitted > 600:
            sys.exit("job %s did not finish" % job_id)
        time.sleep(0.05)
    done = time.perf_counter() - submitted
    if m.group(1) != "True":
        sys.exit("job failed; see the job page /Monitor/Job?id=" + job_id)
    return upload_s, int(m.group(2)) / 1000, int(m.group(3)) / 1000, int(m.group(4)) / 1000, done


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = int(dict(a[2:].split("=", 1) for a in sys.argv[1:] if a.startswith("--") and "=" in a).get("runs", "3"))
    if len(args) != 1:
        sys.exit(__doc__)
    data = os.path.abspath(args[0])
    print("== publish web and CLI (Release)", file=sys.stderr)
    subprocess.run(["dotnet", "publish", os.path.join(REPO, "src/Konvooi.Web"), "-c", "Release", "-o", WEB_DIR, "--nologo", "-v", "quiet"], check=True)
    subprocess.run(["dotnet", "publish", os.path.join(REPO, "src/Konvooi.Cli"), "-c", "Release", "-o", CLI_DIR, "--nologo", "-v", "quiet"], check=True)
    work = tempfile.mkdtemp(prefix="konvooi-web-bench-")
    log_path = os.path.join(work, "app.log")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", ASPNETCORE_URLS=BASE,
               Konvooi__Database__ConnectionString="Data Source=" + os.path.join(work, "konvooi.db"),
               Konvooi__Monitor__JobPollSeconds="1", Konvooi__Monitor__MaxUploadBytes=str(4 << 30))
    with open(log_path, "w") as log:
        app = subprocess.Popen(["dotnet", os.path.join(WEB_DIR, "Konvooi.Web.dll")], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                if request("/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        status, _, _ = post_form("/Account/Login", [("Input.Email", "analist@welzijn.example"), ("Input.Password", "Demo-Konvooi-2026!")])
        if status != 302:
            sys.exit("sign-in failed: HTTP %d" % status)
        print("== warm-up run (not counted)", file=sys.stderr)
        run_cli(data)
        run_web(data, log_path)
        rows = []
        for i in range(runs):
            print("== run %d of %d" % (i + 1, runs), file=sys.stderr)
            cli = run_cli(data)
            rows.append((cli,) + run_web(data, log_path))
    finally:
        app.terminate()
        app.wait()

    def med(k):
        return statistics.median(r[k] for r in rows)

    size_mb = os.path.getsize(data) / 1e6
    print("| step | median s | min s | max s |")
    print("|---|---:|---:|---:|")
    names = ["CLI `konvooi monitor estimate`, whole process", "web: upload (%.0f MB) until the mapping page" % size_mb,
             "web job: copy the file from the database", "web job: analysis (same library as the CLI)",
             "web job: store the result", "web: mapping posted until the job's log line (includes the wait for the poll)"]
    for k, name in enumerate(names):
        vals = [r[k] for r in rows]
        print("| %s | %.3f | %.3f | %.3f |" % (name, med(k), min(vals), max(vals)))
    print("\nruns: %d; analysis / CLI = %.2f; copy + analysis + store / CLI = %.2f" % (len(rows), med(3) / med(0), (med(2) + med(3) + med(4)) / med(0)))


if __name__ == "__main__":
    main()
