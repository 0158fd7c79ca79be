#!/usr/bin/env bash
# Runs every Konvooi test: unit, SQLite and PostgreSQL integration, web and browser tests.
# Installs what it needs from Debian's packages (PostgreSQL, Chromium) when missing, starts a
# throwaway PostgreSQL cluster on loopback, and ends with one line: "N passed, N failed, N skipped".
# With CI=true a missing PostgreSQL or Chromium fails the run (the tests refuse to skip).
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*" >&2; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${need_apt[*]} from Debian's packages"
    apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1 || log "apt-get install failed"
  else
    log "missing ${need_apt[*]}: install them (apt-get install ${need_apt[*]}) to run every test"
  fi
fi

# Throwaway PostgreSQL cluster on a free loopback port: trust auth, fsync off, removed on exit; the
# PostgreSQL tests read its admin connection string from KONVOOI_TEST_POSTGRES (docs/configuration.md).
PGDIR=""
cleanup() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -w -m fast stop >/dev/null 2>&1 || true
  fi
  [ -n "$PGDIR" ] && rm -rf "$PGDIR"
}
trap cleanup EXIT
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PGBIN" ] && [ -z "${KONVOOI_TEST_POSTGRES:-}" ]; then
  PGDIR=$(mktemp -d /tmp/konvooi-pg.XXXXXX)
  chown postgres "$PGDIR" 2>/dev/null || true
  PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres >/dev/null 2>&1 &&
     as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w start \
       -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null 2>&1; then
    export KONVOOI_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
    log "PostgreSQL running on 127.0.0.1:$PGPORT"
  else
    log "could not start PostgreSQL"; cat "$PGDIR/log" >&2 2>/dev/null || true
  fi
fi
if command -v chromium >/dev/null 2>&1 && [ -z "${KONVOOI_TEST_CHROMIUM:-}" ]; then
  export KONVOOI_TEST_CHROMIUM="$(command -v chromium)"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "restoring and building"
dotnet restore Konvooi.slnx >/dev/null || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
if ! dotnet build Konvooi.slnx --no-restore -c Release -v q -nologo; then
  echo "0 passed, 1 failed, 0 skipped"; exit 1
fi

# Lint step: formatting and analyzer style (.editorconfig) must already be applied.
lint_failed=0
log "checking formatting (dotnet format --verify-no-changes)"
if ! dotnet format Konvooi.slnx --verify-no-changes --no-restore >&2; then
  log "dotnet format found files to fix: run 'dotnet format Konvooi.slnx'"; lint_failed=1
fi

OUT=$(mktemp)
dotnet test Konvooi.slnx --no-build -c Release 2>&1 | tee "$OUT"
status=${PIPESTATUS[0]}

read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' "$OUT" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if grep -qE 'Test Run Aborted|testhost process exited|exited with error' "$OUT" && [ "$failed" = 0 ]; then
  failed=1
fi
rm -f "$OUT"
if [ "$status" -ne 0 ] && [ "$failed" = 0 ]; then failed=1; fi
if [ "$lint_failed" = 1 ]; then failed=$((failed + 1)); status=1; fi
if [ "${CI:-}" = "true" ] && [ "$skipped" != 0 ]; then
  log "CI=true: $skipped skipped test(s) count as a failure"; status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" = 0 ] && { [ "${CI:-}" != "true" ] || [ "$skipped" = 0 ]; }
