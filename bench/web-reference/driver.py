#!/usr/bin/env python3
"""Alternating side-by-side web benchmark: Konvooi (5080) vs minimal reference (5081).
Rerun: python3 bench/web-reference/driver.py [block ...]  (working folder /tmp/webperf; see README.md)"""
import json, os, re, signal, subprocess, sys, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))  # the wrk Lua scripts
W = "/tmp/webperf"
COOKIE = open(f"{W}/cookie.txt").read().strip()
KV_DB = f"{W}/kv-run/data/konvooi.db"
REF_DB = f"{W}/ref/people.db"
SERVERS = {
    "konvooi": dict(cwd=f"{W}/kv-run", cmd=["dotnet", f"{W}/konvooi/Konvooi.Web.dll"], port=5080,
                    env=dict(ASPNETCORE_ENVIRONMENT="Production", Konvooi__QuickStart="true", ASPNETCORE_URLS="http://127.0.0.1:5080")),
    "ref-tuned": dict(cwd=f"{W}/ref", cmd=["dotnet", f"{W}/ref/App.dll"], port=5081,
                      env=dict(WA_SQLITE_MODE="tuned", WA_DB_PATH=REF_DB, ASPNETCORE_URLS="http://127.0.0.1:5081")),
    "ref-full": dict(cwd=f"{W}/ref", cmd=["dotnet", f"{W}/ref/App.dll"], port=5081,
                     env=dict(WA_SQLITE_MODE="full", WA_DB_PATH=REF_DB, ASPNETCORE_URLS="http://127.0.0.1:5081")),
}
# (name, page, server, path, lua, cookie?, audit-count SQL)
BLOCKS = [
    ("a-kv", "a list", "konvooi", "/People?p=3", "report.lua", True, (KV_DB, "select count(*) from AuditEntries")),
    ("a-ref", "a list", "ref-tuned", "/people?org=7&page=3", "report.lua", False, None),
    ("b-kv", "b detail", "konvooi", "/", "detail-kv.lua", True, (KV_DB, "select count(*) from AuditEntries where Action='view'")),
    ("b-ref", "b detail", "ref-tuned", "/", "detail-ref.lua", False, (REF_DB, "select count(*) from Audit")),
    ("b-reffull", "b detail", "ref-full", "/", "detail-ref.lua", False, (REF_DB, "select count(*) from Audit")),
    ("c-kv", "c health", "konvooi", "/health", "report.lua", False, None),
    ("c-ref", "c plain", "ref-tuned", "/plain", "report.lua", False, None),
]
CONNS = [10, 100]
PREWARM_S, WARM_S, RUN_S = 10, 5, 20

def ticks(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12])  # utime + stime

def cpu_total():
    v = list(map(int, open("/proc/stat").readline().split()[1:]))
    return sum(v), v[3] + v[4]  # total, idle+iowait

def hwm(pid):
    return int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1)) // 1024

def sql(db, q):
    return int(subprocess.check_output(["sqlite3", db, q], text=True).strip())

def wrk(url, conns, secs, lua, cookie):
    args = ["wrk", "-t2", f"-c{conns}", f"-d{secs}s", "--timeout", "10s", "--latency", "-s", os.path.join(HERE, lua)]
    if cookie: args += ["-H", f"Cookie: {COOKIE}"]
    t0 = os.times()
    out = subprocess.run(args + [url], capture_output=True, text=True).stdout
    t1 = os.times()
    m = re.search(r"RESULT (.*)", out)
    r = {k: float(v) for k, v in (kv.split("=") for kv in m.group(1).split())}
    r["wrk_cpu_s"] = (t1.children_user + t1.children_system) - (t0.children_user + t0.children_system)
    nonx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    r["non2xx"] = int(nonx.group(1)) if nonx else 0
    return r, out

def run_block(name, page, server, path, lua, cookie, audit):
    s = SERVERS[server]
    log = open(f"{W}/logs/{name}.server.log", "w")
    p = subprocess.Popen(s["cmd"], cwd=s["cwd"], env={**os.environ, **s["env"]}, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{s['port']}"
    probe = base + ("/health" if server == "konvooi" else "/plain")
    for _ in range(100):
        try:
            urllib.request.urlopen(probe, timeout=1).read(); break
        except Exception: time.sleep(0.2)
    url = base + path
    wrk(url, 10, PREWARM_S, lua, cookie)  # extra JIT/PGO warm-up after the restart
    rows = []
    for n in CONNS:
        wrk(url, n, WARM_S, lua, cookie)
        a0 = sql(*audit) if audit else None
        c0, (t0, i0), w0 = ticks(p.pid), cpu_total(), time.time()
        r, raw = wrk(url, n, RUN_S, lua, cookie)
        c1, (t1, i1), w1 = ticks(p.pid), cpu_total(), time.time()
        time.sleep(0.5)
        a1 = sql(*audit) if audit else None
        hz = os.sysconf("SC_CLK_TCK")
        r.update(block=name, page=page, server=server, conns=n, rps=r["requests"] / (r["duration_us"] / 1e6),
                 server_cpu=(c1 - c0) / hz / (w1 - w0), machine_busy=1 - (i1 - i0) / (t1 - t0),
                 audit_delta=(a1 - a0) if audit else None, rss_hwm_mb=hwm(p.pid))
        open(f"{W}/logs/{name}-c{n}" + os.environ.get("TAG", "") + ".wrk.txt", "w").write(raw)
        rows.append(r)
        print(json.dumps(r), flush=True)
    p.send_signal(signal.SIGTERM)
    try: p.wait(timeout=15)
    except subprocess.TimeoutExpired: p.kill(); p.wait()
    log.close()
    return rows

if __name__ == "__main__":
    os.makedirs(f"{W}/logs", exist_ok=True)
    sel = sys.argv[1:] or [b[0] for b in BLOCKS]
    with open(os.environ.get("RESULTS", f"{W}/results.jsonl"), "a") as f:
        for b in BLOCKS:
            if b[0] in sel:
                for r in run_block(*b):
                    f.write(json.dumps(r) + "\n"); f.flush()
