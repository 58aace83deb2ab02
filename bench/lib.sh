#!/usr/bin/env bash
# What the benchmark scripts share: logging, durations and clocks, process and port checks, the
# embedded PostgreSQL left behind, CPU time, apt installs, the database credentials, logging in,
# starting and stopping the app and the clean-up on exit. Sourced by each script after its settings; the functions
# read the scripts' variables (HOST, port, JAR, JAVA, JAVA_OPTS, READY_TIMEOUT, APP_PID, WRK_PID, WORK,
# DATA_DIR, BASE, PASSWORD, ADMIN_EMAIL, REP_EMAIL, STOP_TIMEOUT, APT_TIMEOUT, ...) when they are called;
# a script may define on_failure, which cleanup calls after a failed run.
# shellcheck shell=bash disable=SC2154

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

die() {
    log "ERROR: $*"
    exit 1
}

to_seconds() {
    local v="$1"
    [[ "$v" =~ ^([0-9]+)([smh]?)$ ]] || die "bad duration '$v' (use e.g. 30, 30s, 2m)"
    local n="${BASH_REMATCH[1]}" unit="${BASH_REMATCH[2]}"
    case "$unit" in
        m) echo $((n * 60)) ;;
        h) echo $((n * 3600)) ;;
        *) echo "$n" ;;
    esac
}

now_ms() {
    local t="${EPOCHREALTIME/[.,]/}"
    echo $((t / 1000))
}

result_value() {
    local key="$1" line="$2"
    sed -n "s/.*[[:space:]]$key=\([^[:space:]]*\).*/\1/p" <<<"$line"
}

cmp() { awk -v a="$1" -v b="$3" "BEGIN { exit !(a $2 b) }"; }

port_in_use() { timeout 1 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

alive() {
    local stat
    [[ -n "$1" ]] && kill -0 "$1" 2>/dev/null || return 1
    stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat%% *}" != Z ]]
}

# shellcheck disable=SC2317
wait_gone() {
    local pid="$1" deadline=$(($(now_ms) + $2 * 1000))
    while alive "$pid"; do
        (($(now_ms) < deadline)) || return 1
        sleep 0.1
    done
}

# shellcheck disable=SC2317 # only called from cleanup
postmaster_pid() {
    local file="$DATA_DIR/postgres/postmaster.pid" pid
    [[ -n "$DATA_DIR" && -f "$file" ]] || return 1
    pid="$(head -n 1 "$file" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" || return 1
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] || return 1
    echo "$pid"
}

app_log_tail() {
    if [[ -n "$WORK" && -f "$WORK/app.log" ]]; then
        log "last 40 lines of the app's output:"
        tail -n 40 "$WORK/app.log" >&2 || true
    fi
}

# The app's JVMs: the one started and, when `java -jar` relaunched itself (the fast launch,
# docs/decisions/0011-fast-launch.md), its child JVM that runs the application
app_pids() {
    [[ -n "$APP_PID" ]] || return 0
    echo "$APP_PID"
    local p
    for p in $(ps -o pid= --ppid "$APP_PID" 2>/dev/null); do
        [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == java ]] && echo "$p"
    done
    return 0
}

# CPU time (ms) used so far by the app and its PostgreSQL: the JVMs (app_pids), the postmaster with the children
# it has reaped (parallel workers, ended connections) and its live children (the pool's backends)
cpu_ms() {
    local tck total=0 pg p f
    tck="$(getconf CLK_TCK)"
    read_ticks() { # utime + stime (+ cutime + cstime with $2 = all) of pid $1
        local stat
        stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
        read -r -a f <<<"${stat##*) }"
        if [[ "${2:-}" == all ]]; then echo $((f[11] + f[12] + f[13] + f[14])); else echo $((f[11] + f[12])); fi
    }
    for p in $(app_pids); do total=$((total + $(read_ticks "$p"))); done
    if pg="$(postmaster_pid)"; then
        total=$((total + $(read_ticks "$pg" all)))
        for p in $(ps -o pid= --ppid "$pg" 2>/dev/null); do total=$((total + $(read_ticks "$p"))); done
    fi
    echo $((total * 1000 / tck))
}

# percent-encodes a string for a query parameter (UTF-8 bytes)
urlencode() {
    local LC_ALL=C s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [a-zA-Z0-9.~_-]) out+="$c" ;;
            *) out+="$(printf '%%%02X' "'$c")" ;;
        esac
    done
    printf '%s' "$out"
}

apt_install() { # $1 command, $2 package
    command -v "$1" >/dev/null && return 0
    log "$1 not found: installing $2 with apt-get"
    local sudo_cmd=()
    if (($(id -u) != 0)); then
        command -v sudo >/dev/null || die "$1 is missing and installing it needs root or sudo"
        sudo_cmd=(sudo -n)
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! timeout "$APT_TIMEOUT" "${sudo_cmd[@]}" apt-get install -y -q "$2" >&2; then
        timeout "$APT_TIMEOUT" "${sudo_cmd[@]}" apt-get update -q >&2 || die "apt-get update failed"
        timeout "$APT_TIMEOUT" "${sudo_cmd[@]}" apt-get install -y -q "$2" >&2 || die "could not install $2"
    fi
    command -v "$1" >/dev/null || die "$1 still not found after installing $2"
}

cred() { sed -n "s/^$1=//p" "$DATA_DIR/postgres.credentials"; }

pg_port() { sed -n 4p "$DATA_DIR/postgres/postmaster.pid"; }

stop_app() {
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null
    wait_gone "$APP_PID" "$STOP_TIMEOUT" || die "the app did not stop within ${STOP_TIMEOUT}s"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
    local pg
    if pg="$(postmaster_pid)"; then
        wait_gone "$pg" 15 || die "the embedded PostgreSQL did not stop with the app"
    fi
}

# Starts the jar on $BASE ($HOST, $port) with $DATA_DIR, the bench's admin and JAVA_OPTS, and nothing of the
# calling shell's AMBIOSYS_*, SPRING_* and LOGGING_* variables; then waits for readiness (READY_TIMEOUT).
start_app() { # $1 log file, then extra VAR=value settings
    local logfile="$1" start_ms deadline code status name
    local java_opts=() unset_vars=()
    shift
    if [[ -n "${JAVA_OPTS// /}" ]]; then
        read -r -a java_opts <<<"$JAVA_OPTS"
    fi
    while IFS= read -r name; do
        unset_vars+=(-u "$name")
    done < <(compgen -e | grep -E '^(AMBIOSYS|SPRING|LOGGING)_' || true)
    log "starting $(basename "$JAR") on $BASE (data in $DATA_DIR) $*"
    start_ms="$(now_ms)"
    env "${unset_vars[@]}" \
        AMBIOSYS_DATA_DIR="$DATA_DIR" \
        AMBIOSYS_PORT="$port" \
        AMBIOSYS_ADMIN_EMAIL="$ADMIN_EMAIL" \
        AMBIOSYS_ADMIN_PASSWORD="$PASSWORD" \
        AMBIOSYS_RATE_LIMIT_IP=100000 \
        SERVER_ADDRESS="$HOST" \
        "$@" \
        "$JAVA" "${java_opts[@]}" -jar "$JAR" >"$logfile" 2>&1 </dev/null &
    APP_PID=$!
    deadline=$((start_ms + READY_TIMEOUT * 1000))
    while :; do
        code="$(curl -s --noproxy '*' -o /dev/null -w '%{http_code}' --max-time 1 \
            "$BASE/actuator/health/readiness" || true)"
        [[ "$code" == 200 ]] && break
        if ! alive "$APP_PID"; then
            wait "$APP_PID" && status=0 || status=$?
            APP_PID=""
            tail -n 40 "$logfile" >&2 || true
            die "the app exited (status $status) before it was ready"
        fi
        if (($(now_ms) >= deadline)); then
            tail -n 40 "$logfile" >&2 || true
            die "not ready after ${READY_TIMEOUT}s (last readiness status: $code)"
        fi
        sleep 0.2
    done
    log "ready after $(awk -v ms=$(($(now_ms) - start_ms)) 'BEGIN { printf "%.1f", ms / 1000 }')s"
}

# shellcheck disable=SC2317
cleanup() {
    local rc=$?
    set +e
    trap '' INT TERM
    if alive "$WRK_PID"; then
        kill -TERM "$WRK_PID" 2>/dev/null
        wait "$WRK_PID" 2>/dev/null
    fi
    if alive "$APP_PID"; then
        log "stopping the app (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null
        if ! wait_gone "$APP_PID" "$STOP_TIMEOUT"; then
            log "app still running after ${STOP_TIMEOUT}s: SIGKILL"
            kill -KILL "$APP_PID" 2>/dev/null
        fi
        wait "$APP_PID" 2>/dev/null
    fi
    local pg
    if pg="$(postmaster_pid)"; then
        log "stopping the embedded PostgreSQL left behind (pid $pg)"
        kill -INT "$pg" 2>/dev/null
        wait_gone "$pg" 15 || kill -KILL "$pg" 2>/dev/null
        wait_gone "$pg" 5
    fi
    if ((rc != 0 && rc != 2)) && declare -F on_failure >/dev/null; then
        on_failure # a script's own keepsake of a failed run (the inbox script keeps the app's output)
    fi
    if [[ -n "$WORK" && -d "$WORK" ]]; then
        rm -rf -- "$WORK"
    fi
    exit "$rc"
}

login() { # $1 email
    local code attempt token
    for attempt in 1 2 3 4 5; do
        code="$(printf '{"email":"%s","password":"%s"}' "$1" "$PASSWORD" |
            curl -s --noproxy '*' --max-time 10 -o "$WORK/login.json" -w '%{http_code}' \
                -H 'Content-Type: application/json' --data-binary @- "$BASE/api/v1/auth/login" || true)"
        if [[ "$code" == 200 ]]; then
            token="$(sed -n 's/.*"accessToken"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$WORK/login.json")"
            [[ -n "$token" ]] || die "login answered 200 without an accessToken"
            echo "$token"
            return 0
        fi
        if [[ "$code" == 400 || "$code" == 401 || "$code" == 403 ]]; then
            die "login of $1 failed with HTTP $code: $(head -c 500 "$WORK/login.json" 2>/dev/null)"
        fi
        log "login attempt $attempt: HTTP $code, retrying"
        sleep 1
    done
    die "login of $1 failed (last HTTP status $code)"
}

token_for() { if [[ "$1" == rep ]]; then login "$REP_EMAIL"; else login "$ADMIN_EMAIL"; fi; }
