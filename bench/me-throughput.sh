#!/usr/bin/env bash
# Benchmark: cold start, throughput, latency and memory of GET /api/v1/me.
#
# Starts the packaged jar on a fresh, throwaway data directory (a real first start: embedded
# PostgreSQL initdb, Flyway migrations, demo tenant), measures launch -> first 200 on
# /actuator/health/readiness, logs in as the demo admin, warms up with wrk, measures with wrk
# (bench/me.lua), reads the JVM's resident memory and prints a summary against the targets.
# Everything runs on 127.0.0.1; the app and its data are removed on exit.
#
# Usage (from anywhere):  bench/me-throughput.sh
# Environment (all optional):
#   DURATION=30s       measured run (wrk syntax: 30, 30s, 2m)
#   WARMUP=60s         warm-up run before the measurement (on 2 cores shared with wrk and PostgreSQL
#                      the JIT compilers need about a minute to reach steady state)
#   CONNECTIONS=32     open connections (the targets are defined at 32)
#   THREADS=2          wrk threads
#   PORT=18080         first port tried; the next free one up to PORT+99 is used
#   READY_TIMEOUT=120  seconds to wait for readiness
#   JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
#                      JVM options: the small-machine settings of docs/operations.md by default;
#                      JAVA_OPTS=" " for the JVM's own defaults
#   CDS=1              start with a class data sharing archive of the bench's own making (the jar
#                      extracted, one training run, made once per jar and kept in app/target/cds);
#                      CDS=0 runs `java -jar` on the fat jar as documented, which relaunches itself with
#                      the archive it keeps in ~/.cache/ambiosys/launch (docs/decisions/0011-fast-launch.md;
#                      the first start of a new jar extracts it and records the archive at exit)
#   JAR=               jar to run (default app/target/ambiosys-app-0.1.0-SNAPSHOT.jar)
# Exit status: 0 all targets met, 2 a target missed or the run was invalid, 1 error.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
LUA="$SCRIPT_DIR/me.lua"
JAR="${JAR:-$ROOT/app/target/ambiosys-app-0.1.0-SNAPSHOT.jar}"

DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
CDS="${CDS:-1}"
STOP_TIMEOUT=45      # SIGTERM -> SIGKILL (Spring's graceful shutdown allows 30 s per phase)
BUILD_TIMEOUT=1800
APT_TIMEOUT=300

ADMIN_EMAIL="admin@ambiotec.example"
ADMIN_PASSWORD="Bench-Admin-2026!"

# targets
TARGET_RPS=3000        # requests/s, at least
TARGET_P99_MS=20       # p99 latency in ms, below (at 32 connections)
TARGET_COLD_S=10       # launch -> ready in s, below
TARGET_RSS_MB=512      # resident memory of the app's JVMs (launcher + application) in MB (MiB), below
TARGET_CONNECTIONS=32

HOST=127.0.0.1
APP_PID=""
WRK_PID=""
WORK=""
DATA_DIR=""

# shared helpers: logging, clocks, processes, the clean-up on exit (bench/lib.sh)
source "$SCRIPT_DIR/lib.sh"

# --- helpers -----------------------------------------------------------------------------------

verdict() { if cmp "$1" "$2" "$3"; then echo PASS; else echo FAIL; fi; }

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- checks and setup --------------------------------------------------------------------------

((BASH_VERSINFO[0] >= 5)) || die "bash 5 or later is required (EPOCHREALTIME)"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be a positive integer"
[[ "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "THREADS must be a positive integer"
[[ "$PORT" =~ ^[1-9][0-9]*$ ]] || die "PORT must be a positive integer"
[[ "$READY_TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "READY_TIMEOUT must be a positive integer"
((THREADS <= CONNECTIONS)) || die "THREADS ($THREADS) must not exceed CONNECTIONS ($CONNECTIONS)"
DURATION_S="$(to_seconds "$DURATION")"
WARMUP_S="$(to_seconds "$WARMUP")"
((DURATION_S > 0)) || die "DURATION must be more than 0"
# access tokens live 15 minutes; a fresh one is taken right before the measurement
((DURATION_S < 840)) || die "DURATION must be under 14m (the access token expires after 15m)"

[[ -f "$LUA" ]] || die "missing $LUA"
command -v curl >/dev/null || die "curl is required"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA="$(command -v java)" || die "java is required (set JAVA_HOME or put java on PATH)"
fi

if ! command -v wrk >/dev/null; then
    log "wrk not found: installing it with apt-get"
    sudo_cmd=()
    if (($(id -u) != 0)); then
        command -v sudo >/dev/null || die "wrk is missing and installing it needs root or sudo"
        sudo_cmd=(sudo -n)
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! timeout "$APT_TIMEOUT" "${sudo_cmd[@]}" apt-get install -y -q wrk >&2; then
        timeout "$APT_TIMEOUT" "${sudo_cmd[@]}" apt-get update -q >&2 || die "apt-get update failed"
        timeout "$APT_TIMEOUT" "${sudo_cmd[@]}" apt-get install -y -q wrk >&2 || die "could not install wrk"
    fi
    command -v wrk >/dev/null || die "wrk still not found after installing it"
fi

if [[ ! -f "$JAR" ]]; then
    log "$JAR is missing: building it"
    (cd "$ROOT" && timeout "$BUILD_TIMEOUT" ./mvnw -B -DskipTests package -pl app -am) >&2 ||
        die "the build failed"
    [[ -f "$JAR" ]] || die "the build did not produce $JAR"
fi

port="$PORT"
while port_in_use "$port"; do
    port=$((port + 1))
    ((port < PORT + 100)) || die "no free port in $PORT..$((PORT + 99))"
done
BASE="http://$HOST:$port"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ambiosys-bench.XXXXXX")"
DATA_DIR="$WORK/data"

# --- start and wait for readiness --------------------------------------------------------------

java_opts=()
if [[ -n "${JAVA_OPTS// /}" ]]; then
    read -r -a java_opts <<<"$JAVA_OPTS"
fi

# Class data sharing: the jar extracted (Spring Boot's tools jar mode) and a dynamic CDS archive
# recorded by one training run that stops once the context has refreshed. Made once per jar.
if [[ "$CDS" == 1 ]]; then
    cds_dir="$ROOT/app/target/cds"
    stamp="$(stat -c %Y "$JAR")"
    if [[ ! -f "$cds_dir/app.jsa" || "$(cat "$cds_dir/stamp" 2>/dev/null)" != "$stamp" ]]; then
        log "preparing the CDS archive (extract + one training run; once per jar)"
        rm -rf "$cds_dir"
        "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$cds_dir" >&2 || die "extracting the jar failed"
        env AMBIOSYS_DATA_DIR="$WORK/training" AMBIOSYS_PORT=0 SERVER_ADDRESS="$HOST" \
            timeout 300 "$JAVA" "${java_opts[@]}" -XX:ArchiveClassesAtExit="$cds_dir/app.jsa" \
            -Dspring.context.exit=onRefresh -jar "$cds_dir/$(basename "$JAR")" >"$WORK/training.log" 2>&1 </dev/null ||
            die "the CDS training run failed (see $WORK/training.log)"
        echo "$stamp" >"$cds_dir/stamp"
        # the training run halts the JVM without shutdown hooks: stop the PostgreSQL it left running
        if [[ -f "$WORK/training/postgres/postmaster.pid" ]]; then
            pg_pid="$(head -n 1 "$WORK/training/postgres/postmaster.pid")"
            kill -INT "$pg_pid" 2>/dev/null || true
            for _ in $(seq 1 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
        fi
        rm -rf "$WORK/training"
    fi
    JAR="$cds_dir/$(basename "$JAR")"
    java_opts+=(-XX:SharedArchiveFile="$cds_dir/app.jsa" -Xshare:auto)
fi

# the jar unpacks its PostgreSQL binaries once per user (AMBIOSYS_DB_BINARIES_DIR, else the user's cache
# folder, else <tmp>/ambiosys-postgres-<uid>) and reuses them: say which case this cold start was
PG_BINARIES="extracted during this start"
for dir in "${AMBIOSYS_DB_BINARIES_DIR:-}" "${XDG_CACHE_HOME:-$HOME/.cache}/ambiosys/postgres" "/tmp/ambiosys-postgres-$(id -u)"; do
    [[ -n "$dir" ]] || continue
    for bin in "$dir"/*/bin/postgres; do
        if [[ -x "$bin" ]]; then PG_BINARIES="already extracted (cached in $dir)"; break 2; fi
    done
done

log "starting $(basename "$JAR") on $BASE (data in $DATA_DIR)"
start_ms="$(now_ms)"
# no configuration but ours: drop AMBIOSYS_* and SPRING_* variables inherited from the caller's shell.
# SERVER_ADDRESS keeps Tomcat on the loopback interface (plain Spring Boot property).
# env(1) execs java, so $! is the JVM's pid.
unset_vars=()
while IFS= read -r name; do
    unset_vars+=(-u "$name")
done < <(compgen -e | grep -E '^(AMBIOSYS|SPRING)_' || true)
env "${unset_vars[@]}" \
    AMBIOSYS_DATA_DIR="$DATA_DIR" \
    AMBIOSYS_PORT="$port" \
    AMBIOSYS_ADMIN_EMAIL="$ADMIN_EMAIL" \
    AMBIOSYS_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    AMBIOSYS_RATE_LIMIT_IP=100000 \
    SERVER_ADDRESS="$HOST" \
    "$JAVA" "${java_opts[@]}" -jar "$JAR" >"$WORK/app.log" 2>&1 </dev/null &
APP_PID=$!

deadline=$((start_ms + READY_TIMEOUT * 1000))
while :; do
    code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 1 \
        "$BASE/actuator/health/readiness" || true)"
    if [[ "$code" == 200 ]]; then
        ready_ms="$(now_ms)"
        break
    fi
    if ! alive "$APP_PID"; then
        wait "$APP_PID" && status=0 || status=$?
        APP_PID=""
        app_log_tail
        die "the app exited (status $status) before it was ready"
    fi
    if (($(now_ms) >= deadline)); then
        app_log_tail
        die "not ready after ${READY_TIMEOUT}s (last readiness status: $code)"
    fi
    sleep 0.1
done
COLD_S="$(awk -v ms=$((ready_ms - start_ms)) 'BEGIN { printf "%.2f", ms / 1000 }')"
log "ready after ${COLD_S}s"

# --- log in and check the endpoint -------------------------------------------------------------

login() {
    local code attempt token
    for attempt in 1 2 3 4 5; do
        # the password goes through stdin, not the command line
        code="$(printf '{"email":"%s","password":"%s"}' "$ADMIN_EMAIL" "$ADMIN_PASSWORD" |
            curl -s --noproxy '*' --max-time 10 -o "$WORK/login.json" -w '%{http_code}' \
                -H 'Content-Type: application/json' --data-binary @- "$BASE/api/v1/auth/login" || true)"
        if [[ "$code" == 200 ]]; then
            token="$(sed -n 's/.*"accessToken"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$WORK/login.json")"
            [[ -n "$token" ]] || die "login answered 200 without an accessToken"
            echo "$token"
            return 0
        fi
        # wrong credentials are not retried: failed logins lock the account
        if [[ "$code" == 400 || "$code" == 401 || "$code" == 403 ]]; then
            die "login failed with HTTP $code: $(head -c 500 "$WORK/login.json" 2>/dev/null)"
        fi
        log "login attempt $attempt: HTTP $code, retrying"
        sleep 1
    done
    die "login failed (last HTTP status $code)"
}

TOKEN="$(login)"
code="$(printf 'Authorization: Bearer %s\n' "$TOKEN" |
    curl -s --noproxy '*' --max-time 10 -o "$WORK/me.json" -w '%{http_code}' -H @- "$BASE/api/v1/me" || true)"
[[ "$code" == 200 ]] || die "GET /api/v1/me answered HTTP $code: $(head -c 500 "$WORK/me.json" 2>/dev/null)"
log "logged in; GET /api/v1/me answers 200"

# --- warm up and measure -----------------------------------------------------------------------

run_wrk() { # $1 duration, $2 output file, then extra wrk options
    local duration="$1" out="$2" secs
    shift 2
    secs="$(to_seconds "$duration")"
    # in the background so that a signal to this script is handled at once (wait is interruptible)
    BENCH_TOKEN="$TOKEN" timeout --kill-after=10 $((secs + 60)) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" -s "$LUA" "$BASE/api/v1/me" >"$out" 2>&1 &
    WRK_PID=$!
    if ! wait "$WRK_PID"; then
        WRK_PID=""
        cat "$out" >&2
        die "wrk failed"
    fi
    WRK_PID=""
}

if ((WARMUP_S > 0)); then
    log "warm-up: wrk -t$THREADS -c$CONNECTIONS -d$WARMUP"
    run_wrk "$WARMUP" "$WORK/warmup.txt"
    warm="$(grep '^BENCH_RESULT' "$WORK/warmup.txt" || true)"
    log "warm-up: $(result_value rps "$warm") req/s, p99 $(result_value p99_ms "$warm") ms"
    if [[ "$(result_value non2xx "$warm")" != 0 ]]; then
        log "WARNING: the warm-up saw $(result_value non2xx "$warm") non-2xx responses"
    fi
fi

TOKEN="$(login)" # a fresh token for the whole measured run
log "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
run_wrk "$DURATION" "$WORK/measure.txt" --latency
cat "$WORK/measure.txt"
result="$(grep '^BENCH_RESULT' "$WORK/measure.txt" || true)"
[[ -n "$result" ]] || die "no BENCH_RESULT line in wrk's output"

# --- memory ------------------------------------------------------------------------------------

alive "$APP_PID" || die "the app died during the run"
kb_to_mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
# every JVM of the app: plain `java -jar` is a small launching JVM and the application's JVM
# (docs/decisions/0011-fast-launch.md); both count
RSS_KB=0
HWM_KB=0
JVM_COUNT=0
for p in $(app_pids); do
    RSS_KB=$((RSS_KB + $(awk '/^VmRSS:/ { print $2 }' "/proc/$p/status")))
    HWM_KB=$((HWM_KB + $(awk '/^VmHWM:/ { print $2 }' "/proc/$p/status")))
    JVM_COUNT=$((JVM_COUNT + 1))
done
RSS_MB="$(kb_to_mb "$RSS_KB")"
HWM_MB="$(kb_to_mb "$HWM_KB")"

# informational: the embedded PostgreSQL's processes (PSS, so shared buffers count once)
PG_MB="n/a"
if pg="$(postmaster_pid)"; then
    pss_kb=0
    read -r -a pg_children <<<"$(ps -o pid= --ppid "$pg" 2>/dev/null | tr '\n' ' ' || true)"
    for p in "$pg" "${pg_children[@]}"; do
        kb="$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || true)"
        if [[ "$kb" =~ ^[0-9]+$ ]]; then
            pss_kb=$((pss_kb + kb))
        fi
    done
    if ((pss_kb > 0)); then
        PG_MB="$(kb_to_mb "$pss_kb") MB"
    fi
fi

# --- summary -----------------------------------------------------------------------------------

RPS="$(result_value rps "$result")"
P50="$(result_value p50_ms "$result")"
P90="$(result_value p90_ms "$result")"
P99="$(result_value p99_ms "$result")"
P999="$(result_value p999_ms "$result")"
REQUESTS="$(result_value requests "$result")"
SOCKET_ERRORS="$(result_value socket_errors "$result")"
NON2XX="$(result_value non2xx "$result")"

V_COLD="$(verdict "$COLD_S" '<' "$TARGET_COLD_S")"
V_RPS="$(verdict "$RPS" '>=' "$TARGET_RPS")"
V_P99="$(verdict "$P99" '<' "$TARGET_P99_MS")"
V_RSS="$(verdict "$RSS_MB" '<' "$TARGET_RSS_MB")"
if [[ "$SOCKET_ERRORS" == 0 && "$NON2XX" == 0 ]]; then V_VALID=PASS; else V_VALID=FAIL; fi

cpu="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
mem_gb="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)"
java_version="$("$JAVA" -version 2>&1 | head -n 1)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)" ]]; then
    commit="$commit (uncommitted changes)"
fi
warm_note="no warm-up"
((WARMUP_S == 0)) || warm_note="after a ${WARMUP_S}s warm-up"
conn_note=""
((CONNECTIONS == TARGET_CONNECTIONS)) || conn_note=" (targets are defined at $TARGET_CONNECTIONS connections)"

row() { printf '  %-22s %-14s %-16s %s\n' "$@" | sed 's/[[:space:]]*$//'; }
echo
echo "================= AmbioSys benchmark: GET /api/v1/me ================="
printf '  %-22s %s\n' "date" "$(date -u '+%Y-%m-%d %H:%M UTC')"
printf '  %-22s %s\n' "machine" "${cpu:-unknown CPU}, $(nproc) cores, ${mem_gb:-?} GB RAM"
printf '  %-22s %s\n' "java" "$java_version${JAVA_OPTS:+ ($JAVA_OPTS)}"
printf '  %-22s %s\n' "commit" "$commit"
printf '  %-22s %s\n' "load" "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $warm_note$conn_note"
echo "----------------------------------------------------------------------"
row "metric" "value" "target" "verdict"
row "cold start" "$COLD_S s" "< $TARGET_COLD_S s" "$V_COLD"
printf '  %-22s %s\n' "" "PostgreSQL binaries $PG_BINARIES"
row "requests/s" "$RPS" ">= $TARGET_RPS" "$V_RPS"
row "latency p50" "$P50 ms" "" ""
row "latency p90" "$P90 ms" "" ""
row "latency p99" "$P99 ms" "< $TARGET_P99_MS ms" "$V_P99"
row "latency p99.9" "$P999 ms" "" ""
row "RSS ($JVM_COUNT JVM, after run)" "$RSS_MB MB" "< $TARGET_RSS_MB MB" "$V_RSS"
row "peak RSS (sum)" "$HWM_MB MB" "" ""
row "PostgreSQL PSS" "$PG_MB" "" ""
row "errors / non-2xx" "$SOCKET_ERRORS / $NON2XX" "0 / 0" "$V_VALID"
row "requests" "$REQUESTS" "" ""
echo "======================================================================"

if [[ "$V_VALID" == FAIL ]]; then
    log "the run is invalid: wrk saw errors or non-2xx responses"
    exit 2
fi
if [[ "$V_COLD$V_RPS$V_P99$V_RSS" == PASSPASSPASSPASS ]]; then
    log "all targets met"
    exit 0
fi
log "some targets were missed"
exit 2
