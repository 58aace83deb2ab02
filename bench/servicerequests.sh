#!/usr/bin/env bash
# Benchmark: the service requests list (GET /api/v1/service-requests) with 200 000 requests over 1 000
# customers, and the SLA job (SlaWatch.scan) over all open requests.
#
# Starts the packaged jar on a fresh, throwaway data directory (embedded PostgreSQL, migrations, demo
# tenant) with the SLA job's interval at 1 h (it runs once at start-up, on the demo data, then not
# during the measurements), loads 1 000 customers (bench/customers-seed.sql) and the requests
# (bench/servicerequests-seed.sql), logs in as the demo administrator (sees every request) and as a
# sales rep (sees the requests they own or created), warms up, then runs wrk (bench/customers.lua: it
# rotates over a file of request paths) once per scenario and reports p50/p95/p99, requests/s and CPU
# ms per request against the target (p95 < 50 ms at 16 connections). It writes EXPLAIN (ANALYZE,
# BUFFERS) of the two slowest scenarios' SQL to bench/results/ (bench/servicerequests-explain.sql, as
# the application role inside the tenant).
#
# Then the SLA job: the app is stopped and started again on the same data with
# AMBIOSYS_JOBS_SLA_WATCH_INTERVAL=5s and SlaWatch at DEBUG; the job's due execution is moved to now, so
# its first run at start-up meets the seed's due clocks ("SLA watch: N requests changed status in X ms");
# the next runs find nothing due ("SLA watch: nothing due, X ms": the index probes). Finally BURST open
# clocks (default 20 000) are made due at once (their stored resolution status set back to ON_TRACK and
# their events deleted, so every one is a real at-risk or breach to record and publish) and the run that
# takes them is timed, as well as how long the published events take to be handled (event_publication
# completed).
# Everything runs on 127.0.0.1; the app and its data are removed on exit.
#
# Usage (from anywhere):  bench/servicerequests.sh
# Environment (all optional):
#   DURATION=20s       measured run per scenario (wrk syntax)
#   WARMUP=10s         warm-up per scenario; 0 for none
#   CONNECTIONS=16     open connections (the target is defined at 16)
#   THREADS=2          wrk threads
#   REQUESTS=200000    service requests to load;  CUSTOMERS=1000 customers to load
#   DUE=400            open clocks due for the job's first run
#   BURST=20000        clocks made due at once for the burst run; 0 to skip
#   SCENARIOS="a b c d e f g"   which list scenarios to run ("" for none)
#   SLA=1              0 skips the SLA job measurements
#   PORT=18380         first port tried; the next free one up to PORT+99 is used
#   READY_TIMEOUT=180  seconds to wait for readiness
#   JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"   JVM options (docs/operations.md, small machine)
#   RESULTS=bench/results   where the summary and the query plans go
#   JAR=               jar to run (default app/target/ambiosys-app-0.1.0-SNAPSHOT.jar)
#   EXPLAIN_SQL=       the EXPLAIN script (default bench/servicerequests-explain.sql)
#   TAG=               a word added to the names of the result files (e.g. "before")
# Exit status: 0 every target met, 2 a target missed or the run was invalid, 1 error.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
LUA="$SCRIPT_DIR/customers.lua"
CUSTOMERS_SEED="$SCRIPT_DIR/customers-seed.sql"
SEED="$SCRIPT_DIR/servicerequests-seed.sql"
EXPLAIN="${EXPLAIN_SQL:-$SCRIPT_DIR/servicerequests-explain.sql}"
JAR="${JAR:-$ROOT/app/target/ambiosys-app-0.1.0-SNAPSHOT.jar}"

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
REQUESTS="${REQUESTS:-200000}"
CUSTOMERS="${CUSTOMERS:-1000}"
DUE="${DUE:-400}"
BURST="${BURST:-20000}"
SCENARIOS="${SCENARIOS-a b c d e f g}"
SLA="${SLA:-1}"
PORT="${PORT:-18380}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
RESULTS="${RESULTS:-$SCRIPT_DIR/results}"
TAG="${TAG:-}"
STOP_TIMEOUT=45
BUILD_TIMEOUT=1800
APT_TIMEOUT=300
SEED_TIMEOUT=300
JOB_TIMEOUT=300

ADMIN_EMAIL="admin@ambiotec.example"
REP_EMAIL="ventas@ambiotec.example" # a SALES user of the demo tenant (DemoTenantSeeder); same password
PASSWORD="Bench-Admin-2026!"

TARGET_P95_MS=50
TARGET_CONNECTIONS=16
TARGET_SCAN_MS=2000

HOST=127.0.0.1
APP_PID=""
WRK_PID=""
WORK=""
DATA_DIR=""

# shared helpers: logging, clocks, processes, the clean-up on exit (bench/lib.sh)
source "$SCRIPT_DIR/lib.sh"

# --- helpers -----------------------------------------------------------------------------------

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- checks and setup --------------------------------------------------------------------------

((BASH_VERSINFO[0] >= 5)) || die "bash 5 or later is required (EPOCHREALTIME)"
[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be a positive integer"
[[ "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "THREADS must be a positive integer"
[[ "$REQUESTS" =~ ^[1-9][0-9]*$ ]] || die "REQUESTS must be a positive integer"
[[ "$CUSTOMERS" =~ ^[1-9][0-9]*$ ]] || die "CUSTOMERS must be a positive integer"
[[ "$DUE" =~ ^[0-9]+$ && "$BURST" =~ ^[0-9]+$ ]] || die "DUE and BURST must be integers"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be an integer"
((THREADS <= CONNECTIONS)) || die "THREADS ($THREADS) must not exceed CONNECTIONS ($CONNECTIONS)"
DURATION_S="$(to_seconds "$DURATION")"
WARMUP_S="$(to_seconds "$WARMUP")"
((DURATION_S > 0)) || die "DURATION must be more than 0"
((DURATION_S < 600)) || die "DURATION must be under 10m (a token is taken per scenario; it lives 15m)"
for f in "$LUA" "$CUSTOMERS_SEED" "$SEED" "$EXPLAIN"; do [[ -f "$f" ]] || die "missing $f"; done
command -v curl >/dev/null || die "curl is required"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA="$(command -v java)" || die "java is required (set JAVA_HOME or put java on PATH)"
fi

apt_install wrk wrk
apt_install psql postgresql-client

if [[ ! -f "$JAR" ]]; then
    log "$JAR is missing: building it"
    (cd "$ROOT" && timeout "$BUILD_TIMEOUT" ./mvnw -B -DskipTests -DskipWeb package -pl app -am) >&2 ||
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
mkdir -p "$RESULTS"
STAMP="$(date -u '+%Y%m%d-%H%M%S')"
NAME="servicerequests${TAG:+-$TAG}-$STAMP"

# --- start and wait for readiness --------------------------------------------------------------


# the job does not run during the list measurements: once at start-up, then after an hour
start_app "$WORK/app.log" AMBIOSYS_JOBS_SLA_WATCH_INTERVAL=1h

# --- load the data -----------------------------------------------------------------------------

# passwords go through the environment of psql only, never its command line
psql_as() { # $1 owner|app, then psql arguments
    local role="$1"
    shift
    PGPASSWORD="$(cred "$role")" PGCONNECT_TIMEOUT=10 timeout "$SEED_TIMEOUT" psql -X -q -h "$HOST" -p "$(pg_port)" \
        -d ambiosys -U "ambiosys_$role" -v ON_ERROR_STOP=1 "$@"
}
[[ "$(pg_port)" =~ ^[0-9]+$ ]] || die "could not read the embedded PostgreSQL's port"

log "loading $CUSTOMERS customers (bench/customers-seed.sql)"
psql_as owner -v customers="$CUSTOMERS" -f "$CUSTOMERS_SEED" >"$WORK/seed.txt" 2>&1 ||
    { cat "$WORK/seed.txt" >&2; die "seeding the customers failed"; }
log "loading $REQUESTS service requests (bench/servicerequests-seed.sql)"
seed_start="$(now_ms)"
psql_as owner -v requests="$REQUESTS" -v due="$DUE" -f "$SEED" >"$WORK/seed.txt" 2>&1 ||
    { cat "$WORK/seed.txt" >&2; die "seeding the requests failed"; }
SEED_S="$(awk -v ms=$(($(now_ms) - seed_start)) 'BEGIN { printf "%.1f", ms / 1000 }')"
cat "$WORK/seed.txt" >&2
log "loaded in ${SEED_S}s"

TENANT="$(psql_as owner -Atc "select id from tenants where slug = 'ambiotec-demo'")"
REP_ID="$(psql_as owner -Atc "select id from users where tenant_id = '$TENANT' and email = '$REP_EMAIL'")"
[[ -n "$TENANT" && -n "$REP_ID" ]] || die "demo tenant or sales rep not found"
ZONE="$(psql_as owner -Atc "select coalesce((select time_zone from service_request_settings where tenant_id = '$TENANT'),
        (select time_zone from tenants where id = '$TENANT'))")"
mapfile -t TYPES < <(psql_as owner -Atc "select id from service_types where tenant_id = '$TENANT' order by code")
MIX="$(psql_as owner -At -F ' ' -c "select count(*), count(*) filter (where status not in ('COMPLETED','CANCELLED','LOST')),
        count(*) filter (where response_sla = 'BREACHED' or resolution_sla = 'BREACHED'),
        count(*) filter (where owner_id = '$REP_ID' or created_by = '$REP_ID')
      from service_requests where tenant_id = '$TENANT'")"
read -r N_ALL N_OPEN N_BREACHED N_REP <<<"$MIX"
log "requests: $N_ALL, open $N_OPEN, breached $N_BREACHED, the rep's $N_REP"

# --- request paths per scenario ----------------------------------------------------------------

API="/api/v1/service-requests"
P="$WORK/paths"
mkdir -p "$P"
# (a) the list, first page, default sort (-createdAt)
echo "$API?page=0&size=20" >"$P/a"
# (b) open statuses NEW + IN_REVIEW and a type, each type in turn
: >"$P/b"
for t in "${TYPES[@]}"; do echo "$API?status=NEW&status=IN_REVIEW&serviceTypeId=$t&page=0&size=20" >>"$P/b"; done
# (c) SLA breached (either clock), first pages
for pg in 0 1 2; do echo "$API?slaStatus=BREACHED&page=$pg&size=20"; done >"$P/c"
# (d) an owner and a date range (a month, a quarter, a week), both reps
mapfile -t REPS < <(psql_as owner -Atc "select u.id from users u join user_roles ur on ur.tenant_id = u.tenant_id
        and ur.user_id = u.id join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      where u.tenant_id = '$TENANT' and r.code = 'SALES' order by u.email")
: >"$P/d"
for o in "${REPS[@]}"; do
    for range in "30 0" "120 30" "200 193" "365 270" "7 0" "60 45"; do
        read -r back until <<<"$range"
        echo "$API?ownerId=$o&from=$(date -u -d "-$back days" +%F)&to=$(date -u -d "-$until days" +%F)&page=0&size=20" >>"$P/d"
    done
done
# (e) a fragment of a customer's name (and a few of the description, a number), as people type them
: >"$P/e"
for n in hernandez "Hernández" constructora quetzal "el roble" "Santa Lucía" ferreteria "lácteos" castañeda colegio \
    "Río Dulce" tzoc "maría" "de mixco" agroindustrias monterroso "SR-012345" "sr-150000"; do
    echo "$API?q=$(urlencode "$n")&page=0&size=20" >>"$P/e"
done
# (f) a sales rep (sees the requests they own or created): the list, its second page, open ones,
# breached ones (the first line is the request whose plan is explained)
{
    echo "$API?page=0&size=20"
    echo "$API?page=1&size=20"
    echo "$API?status=NEW&status=IN_REVIEW&status=QUOTED&page=0&size=20"
    echo "$API?slaStatus=BREACHED&page=0&size=20"
} >"$P/f"
# (g) deep pages of the list (offset 10 000 to 20 000)
for pg in 500 600 700 800 900 1000; do echo "$API?page=$pg&size=20"; done >"$P/g"
for s in a b c d e f g; do [[ -s "$P/$s" ]] || die "no request paths for scenario $s"; done

declare -A TITLE=(
    [a]="list, page 1 (admin)"
    [b]="status NEW+IN_REVIEW + type (admin)"
    [c]="SLA breached (admin)"
    [d]="owner + date range (admin)"
    [e]="search q= customer name (admin)"
    [f]="list and filters (sales rep)"
    [g]="list, pages 501-1001 (admin)"
)
declare -A USER_OF=([a]=admin [b]=admin [c]=admin [d]=admin [e]=admin [f]=rep [g]=admin)

# --- log in ------------------------------------------------------------------------------------

# every path of a scenario answers 200 before anything is measured; the first one's total is shown
for s in $SCENARIOS; do
    tok="$(token_for "${USER_OF[$s]}")"
    n=0
    while read -r path; do
        code="$(printf 'Authorization: Bearer %s\n' "$tok" | curl -s --noproxy '*' --max-time 30 -o "$WORK/check.json" \
            -w '%{http_code}' -H @- "$BASE$path" || true)"
        [[ "$code" == 200 ]] || die "GET $path answered HTTP $code: $(head -c 500 "$WORK/check.json")"
        if ((n++ == 0)); then
            log "scenario $s: GET $path -> 200, total $(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$WORK/check.json")$(
                grep -q '"totalEstimated":true' "$WORK/check.json" && echo ' (estimated)'), $(
                grep -o '"number"' "$WORK/check.json" | wc -l) items"
        fi
    done <"$P/$s"
done

# --- warm up and measure -----------------------------------------------------------------------

run_wrk() { # $1 scenario, $2 duration, $3 output file, then extra wrk options
    local s="$1" duration="$2" out="$3" secs tok
    shift 3
    secs="$(to_seconds "$duration")"
    tok="$(token_for "${USER_OF[$s]}")"
    BENCH_TOKEN="$tok" BENCH_PATHS="$P/$s" timeout --kill-after=10 $((secs + 60)) \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s "$@" -s "$LUA" "$BASE" >"$out" 2>&1 &
    WRK_PID=$!
    if ! wait "$WRK_PID"; then
        WRK_PID=""
        cat "$out" >&2
        die "wrk failed"
    fi
    WRK_PID=""
}

if ((WARMUP_S > 0)); then
    for s in $SCENARIOS; do
        log "warm-up $s: wrk -t$THREADS -c$CONNECTIONS -d$WARMUP"
        run_wrk "$s" "$WARMUP" "$WORK/warmup-$s.txt"
        warm="$(grep '^BENCH_RESULT' "$WORK/warmup-$s.txt" || true)"
        log "warm-up $s: $(result_value rps "$warm") req/s, p95 $(result_value p95_ms "$warm") ms"
    done
fi

declare -A RPS P50 P95 P99 CPU VERDICT
invalid=0
failed=0
for s in $SCENARIOS; do
    log "measuring $s (${TITLE[$s]}): wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
    cpu_before="$(cpu_ms)"
    run_wrk "$s" "$DURATION" "$WORK/measure-$s.txt" --latency
    cpu_used=$(($(cpu_ms) - cpu_before))
    r="$(grep '^BENCH_RESULT' "$WORK/measure-$s.txt" || true)"
    [[ -n "$r" ]] || { cat "$WORK/measure-$s.txt" >&2; die "no BENCH_RESULT line in wrk's output"; }
    RPS[$s]="$(result_value rps "$r")"
    P50[$s]="$(result_value p50_ms "$r")"
    P95[$s]="$(result_value p95_ms "$r")"
    P99[$s]="$(result_value p99_ms "$r")"
    CPU[$s]="$(awk -v c="$cpu_used" -v n="$(result_value requests "$r")" 'BEGIN { printf "%.2f", (n > 0 ? c / n : 0) }')"
    if [[ "$(result_value socket_errors "$r")" != 0 || "$(result_value non2xx "$r")" != 0 ]]; then
        VERDICT[$s]="INVALID (errors $(result_value socket_errors "$r"), non-2xx $(result_value non2xx "$r"))"
        invalid=1
    elif cmp "${P95[$s]}" '<' "$TARGET_P95_MS"; then
        VERDICT[$s]=PASS
    else
        VERDICT[$s]=FAIL
        failed=1
    fi
    log "$s: ${RPS[$s]} req/s, p50 ${P50[$s]} ms, p95 ${P95[$s]} ms, p99 ${P99[$s]} ms, ${CPU[$s]} CPU ms/request: ${VERDICT[$s]}"
done
LOAD_AFTER_LIST="$(cut -d' ' -f1-3 /proc/loadavg)"
[[ -z "$SCENARIOS" ]] || alive "$APP_PID" || die "the app died during the run"

# --- query plans of the two slowest scenarios --------------------------------------------------

commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)" ]]; then
    commit="$commit (uncommitted changes)"
fi
explain_vars() { # the request of scenario $1 (its first path) as servicerequests-explain.sql variables
    local s="$1" line q="" statuses="" type="" owner="" sla="" from="" to="" page=0 viewer=""
    line="$(head -n 1 "$P/$s")"
    [[ "${USER_OF[$s]}" == rep ]] && viewer="$REP_ID"
    [[ "$line" =~ [?\&]q=([^\&]*) ]] && q="$(printf '%b' "${BASH_REMATCH[1]//%/\\x}")"
    statuses="$(grep -o '[?&]status=[A-Z_]*' <<<"$line" | sed 's/.*=//' | paste -sd, || true)"
    [[ "$line" =~ [?\&]serviceTypeId=([^\&]*) ]] && type="${BASH_REMATCH[1]}"
    [[ "$line" =~ [?\&]ownerId=([^\&]*) ]] && owner="${BASH_REMATCH[1]}"
    [[ "$line" =~ [?\&]slaStatus=([^\&]*) ]] && sla="${BASH_REMATCH[1]}"
    [[ "$line" =~ [?\&]from=([^\&]*) ]] && from="$(TZ="$ZONE" date -d "${BASH_REMATCH[1]}" '+%F %T%z')"
    [[ "$line" =~ [?\&]to=([^\&]*) ]] && to="$(TZ="$ZONE" date -d "${BASH_REMATCH[1]} + 1 day" '+%F %T%z')"
    [[ "$line" =~ [?\&]page=([0-9]+) ]] && page="${BASH_REMATCH[1]}"
    printf '%s\n' -v "tenant=$TENANT" -v "viewer=$viewer" -v "statuses=$statuses" -v "type=$type" -v "owner=$owner" \
        -v "sla=$sla" -v "from=$from" -v "to=$to" -v "q=$q" -v "size=20" -v "page=$page"
}
if [[ -n "$SCENARIOS" ]]; then
    slowest="$(for s in $SCENARIOS; do echo "${P95[$s]} $s"; done | sort -rn | head -n 2 | awk '{ print $2 }')"
    for s in $slowest; do
        out="$RESULTS/servicerequests${TAG:+-$TAG}-explain-$s.txt"
        mapfile -t vars < <(explain_vars "$s")
        {
            echo "# Scenario $s: ${TITLE[$s]} (p95 ${P95[$s]} ms); request $(head -n 1 "$P/$s")"
            echo "# $REQUESTS requests, commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'); $(basename "$EXPLAIN") as ambiosys_app"
            psql_as app "${vars[@]}" -f "$EXPLAIN" 2>&1
        } >"$out" || log "EXPLAIN of scenario $s failed (see $out)"
        log "query plans of scenario $s: $out"
    done
fi

# --- the SLA job -------------------------------------------------------------------------------

# the job's lines in the app's log (structured as ECS JSON, or plain): "SLA watch: ..."
job_lines() { grep -o 'SLA watch: [^"]*' "$1" || true; }
wait_job_line() { # $1 log, $2 how many lines to wait for, $3 pattern; prints the last matching line
    local deadline=$(($(now_ms) + JOB_TIMEOUT * 1000))
    while (($(job_lines "$1" | grep -c -- "$3" || true) < $2)); do
        alive "$APP_PID" || die "the app died while the SLA job ran"
        (($(now_ms) < deadline)) || die "no '$3' line from the SLA job after ${JOB_TIMEOUT}s"
        sleep 0.2
    done
    job_lines "$1" | grep -- "$3" | sed -n "${2}p"
}
ms_of() { sed -n 's/.* \([0-9][0-9]*\) ms.*/\1/p' <<<"$1"; }
n_of() { sed -n 's/.*SLA watch: \([0-9][0-9]*\) requests.*/\1/p' <<<"$1"; }

FIRST_LINE="" STEADY_MS=() BURST_LINE="" BURST_EVENTS_S="" BURST_MARKED=""
if ((SLA)); then
    stop_app
    # the job every 5 s, polled every second; SlaWatch at DEBUG for its "nothing due" line (an environment
    # variable cannot name a logger with capitals: LOGGING_LEVEL_..._SLAWATCH would be "...slawatch")
    start_app "$WORK/app-sla.log" AMBIOSYS_JOBS_SLA_WATCH_INTERVAL=5s AMBIOSYS_JOBS_POLLING_INTERVAL=1s \
        SPRING_APPLICATION_JSON='{"logging":{"level":{"com.ambiosys.servicerequests.SlaWatch":"DEBUG"}}}'
    # the recurring task kept its execution time from the first start (in an hour): due now
    psql_as owner -qc "update scheduled_tasks set execution_time = now() where task_name = 'servicerequests-sla-watch'
                        and not picked" >/dev/null
    FIRST_LINE="$(wait_job_line "$WORK/app-sla.log" 1 'requests changed status')"
    log "first run: $FIRST_LINE"
    for i in 1 2 3 4 5; do
        line="$(wait_job_line "$WORK/app-sla.log" "$i" 'nothing due')"
        STEADY_MS+=("$(ms_of "$line")")
    done
    log "steady state: ${STEADY_MS[*]} ms"
    if ((BURST > 0)); then
        # BURST open, unpaused requests already breached on their resolution clock: the stored status set back
        # to ON_TRACK and their resolution events deleted, so the job records and publishes each again
        before_runs="$(job_lines "$WORK/app-sla.log" | grep -c 'requests changed status' || true)"
        before_pub="$(psql_as owner -Atc "select count(*) from event_publication")"
        BURST_MARKED="$(psql_as owner -Atc "with b as (
                select id from service_requests where tenant_id = '$TENANT' and resolution_sla = 'BREACHED'
                   and status not in ('COMPLETED','CANCELLED','LOST','WAITING_ON_CUSTOMER') and resolution_due_at < now()
                 order by id limit $BURST),
            d as (delete from service_request_sla_events e using b where e.tenant_id = '$TENANT' and e.request_id = b.id
                   and e.clock = 'RESOLUTION')
            update service_requests r set resolution_sla = 'ON_TRACK' from b where r.tenant_id = '$TENANT' and r.id = b.id
            returning 1" | wc -l)"
        log "burst: $BURST_MARKED resolution clocks due at once"
        burst_start="$(now_ms)"
        BURST_LINE="$(wait_job_line "$WORK/app-sla.log" $((before_runs + 1)) 'requests changed status')"
        log "burst run: $BURST_LINE"
        # the published events: every one handled (SlaAlerts) once its publication is completed

        deadline=$(($(now_ms) + JOB_TIMEOUT * 1000))
        while :; do
            read -r pubs done_pubs <<<"$(psql_as owner -At -F ' ' -c "select count(*), count(completion_date) from event_publication")"
            ((pubs > before_pub && done_pubs == pubs)) && break
            (($(now_ms) < deadline)) || { log "events not all completed after ${JOB_TIMEOUT}s ($done_pubs of $pubs)"; break; }
            sleep 0.5
        done
        BURST_EVENTS_S="$(awk -v ms=$(($(now_ms) - burst_start)) 'BEGIN { printf "%.1f", ms / 1000 }')"
        BURST_PUBS=$((pubs - before_pub))
        log "burst: $BURST_PUBS event publications, all completed ${BURST_EVENTS_S}s after the burst was made due"
    fi
fi

# --- summary -----------------------------------------------------------------------------------

cpu="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
SUMMARY="$RESULTS/$NAME.txt"
scan_verdict() { if [[ -z "$1" ]]; then echo "-"; elif (($1 < TARGET_SCAN_MS)); then echo PASS; else echo FAIL; fi; }
{
    echo "============== AmbioSys benchmark: GET /api/v1/service-requests, SLA job =============="
    printf '  %-14s %s\n' "date" "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '  %-14s %s\n' "machine" "${cpu:-unknown CPU}, $(nproc) cores, load average ${LOAD_AFTER_LIST} after the list runs, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
    printf '  %-14s %s\n' "java" "$("$JAVA" -version 2>&1 | head -n 1) ($JAVA_OPTS)"
    printf '  %-14s %s\n' "commit" "$commit"
    printf '  %-14s %s\n' "data" "$N_ALL requests ($N_OPEN open, $N_BREACHED breached, $N_REP the rep's) over $CUSTOMERS customers, loaded in ${SEED_S}s"
    printf '  %-14s %s\n' "load" "wrk -t$THREADS -c$CONNECTIONS -d$DURATION per scenario, warm-up $WARMUP per scenario"
    echo "---------------------------------------------------------------------------------------"
    if [[ -n "$SCENARIOS" ]]; then
        printf '  %-2s %-37s %8s %8s %8s %8s %7s  %s\n' "" "scenario" "req/s" "p50 ms" "p95 ms" "p99 ms" "CPU ms" \
            "p95 < $TARGET_P95_MS ms"
        for s in $SCENARIOS; do
            printf '  %-2s %-37s %8s %8.1f %8.1f %8.1f %7s  %s\n' "$s" "${TITLE[$s]}" "${RPS[$s]}" "${P50[$s]}" "${P95[$s]}" \
                "${P99[$s]}" "${CPU[$s]}" "${VERDICT[$s]}"
        done
        echo "  CPU ms: CPU time of the JVM and PostgreSQL per request during the measured run (wrk's own excluded)."
        echo "---------------------------------------------------------------------------------------"
    fi
    if ((SLA)); then
        f_ms="$(ms_of "$FIRST_LINE")"
        printf '  %-34s %s  %s\n' "SLA job, first run (seed's due)" "$(n_of "$FIRST_LINE") requests in ${f_ms} ms" "$(scan_verdict "$f_ms")"
        printf '  %-34s %s\n' "SLA job, nothing due (5 runs)" "${STEADY_MS[*]} ms"
        if [[ -n "$BURST_LINE" ]]; then
            b_ms="$(ms_of "$BURST_LINE")"
            printf '  %-34s %s  %s\n' "SLA job, burst of $BURST_MARKED due" "$(n_of "$BURST_LINE") requests in ${b_ms} ms" "$(scan_verdict "$b_ms")"
            printf '  %-34s %s\n' "  its events" "$BURST_PUBS publications, all handled after ${BURST_EVENTS_S}s"
        fi
        echo "  target: one scan over all open requests in under $TARGET_SCAN_MS ms (the job's own log line)"
    fi
    echo "======================================================================================="
} | tee "$SUMMARY"
log "summary: $SUMMARY"
((CONNECTIONS == TARGET_CONNECTIONS)) || log "note: the target is defined at $TARGET_CONNECTIONS connections"

if ((invalid)); then
    log "the run is invalid: wrk saw errors or non-2xx responses"
    exit 2
fi
if ((failed)); then
    log "some scenarios missed the target"
    exit 2
fi
if ((SLA)); then
    for l in "$FIRST_LINE" "$BURST_LINE"; do
        [[ -z "$l" ]] || (($(ms_of "$l") < TARGET_SCAN_MS)) || { log "an SLA job run missed the target"; exit 2; }
    done
fi
log "every target met"
exit 0
