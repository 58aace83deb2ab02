#!/usr/bin/env bash
# Benchmark: the customers list and search (GET /api/v1/customers) with 100 000 customers.
#
# Starts the packaged jar on a fresh, throwaway data directory (embedded PostgreSQL, migrations, demo
# tenant), loads the customers (bench/customers-seed.sql, through psql as the owner role), logs in as
# the demo administrator (sees every customer) and as a sales rep (sees their own), warms up, then runs
# wrk (bench/customers.lua) once per scenario and reports p50/p95/p99 and requests/s against the
# target (p95 < 50 ms at 16 connections). Finally it writes EXPLAIN (ANALYZE, BUFFERS) of the SQL of
# the two slowest scenarios to bench/results/ (bench/customers-explain.sql, as the application role
# inside the tenant). Everything runs on 127.0.0.1; the app and its data are removed on exit.
#
# Usage (from anywhere):  bench/customers-search.sh
# Environment (all optional):
#   DURATION=20s       measured run per scenario (wrk syntax)
#   WARMUP=10s         warm-up per scenario before the measurements (JIT, pool connections,
#                      server-side prepared statements); 0 for none
#   CONNECTIONS=16     open connections (the target is defined at 16)
#   THREADS=2          wrk threads
#   CUSTOMERS=100000   customers to load
#   SCENARIOS="a b c d e f g"   which scenarios to run
#   PORT=18280         first port tried; the next free one up to PORT+99 is used
#   READY_TIMEOUT=180  seconds to wait for readiness
#   JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"   JVM options (docs/operations.md, small machine)
#   RESULTS=bench/results   where the summary and the query plans go
#   JAR=               jar to run (default app/target/ambiosys-app-0.1.0-SNAPSHOT.jar)
#   EXPLAIN_SQL=       the EXPLAIN script (default bench/customers-explain.sql; another one to compare an
#                      older build whose SQL differs)
# Exit status: 0 every scenario met the target, 2 a scenario missed it or the run was invalid, 1 error.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
LUA="$SCRIPT_DIR/customers.lua"
SEED="$SCRIPT_DIR/customers-seed.sql"
EXPLAIN="${EXPLAIN_SQL:-$SCRIPT_DIR/customers-explain.sql}"
JAR="${JAR:-$ROOT/app/target/ambiosys-app-0.1.0-SNAPSHOT.jar}"

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
CUSTOMERS="${CUSTOMERS:-100000}"
SCENARIOS="${SCENARIOS:-a b c d e f g}"
PORT="${PORT:-18280}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
RESULTS="${RESULTS:-$SCRIPT_DIR/results}"
STOP_TIMEOUT=45
BUILD_TIMEOUT=1800
APT_TIMEOUT=300
SEED_TIMEOUT=300

ADMIN_EMAIL="admin@ambiotec.example"
REP_EMAIL="ventas@ambiotec.example" # a SALES user of the demo tenant (DemoTenantSeeder); same password
PASSWORD="Bench-Admin-2026!"

TARGET_P95_MS=50
TARGET_CONNECTIONS=16

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
[[ "$CUSTOMERS" =~ ^[1-9][0-9]*$ ]] || die "CUSTOMERS must be a positive integer"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be an integer"
((THREADS <= CONNECTIONS)) || die "THREADS ($THREADS) must not exceed CONNECTIONS ($CONNECTIONS)"
DURATION_S="$(to_seconds "$DURATION")"
WARMUP_S="$(to_seconds "$WARMUP")"
((DURATION_S > 0)) || die "DURATION must be more than 0"
((DURATION_S < 600)) || die "DURATION must be under 10m (a token is taken per scenario; it lives 15m)"
for f in "$LUA" "$SEED" "$EXPLAIN"; do [[ -f "$f" ]] || die "missing $f"; done
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

# --- start and wait for readiness --------------------------------------------------------------

start_app "$WORK/app.log"

# --- load the customers ------------------------------------------------------------------------

PG_PORT="$(sed -n 4p "$DATA_DIR/postgres/postmaster.pid")"
[[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "could not read the embedded PostgreSQL's port"
# passwords go through the environment of psql only, never its command line
psql_as() { # $1 owner|app, then psql arguments
    local role="$1"
    shift
    PGPASSWORD="$(cred "$role")" PGCONNECT_TIMEOUT=10 timeout "$SEED_TIMEOUT" psql -X -q -h "$HOST" -p "$PG_PORT" \
        -d ambiosys -U "ambiosys_$role" -v ON_ERROR_STOP=1 "$@"
}

log "loading $CUSTOMERS customers (bench/customers-seed.sql)"
seed_start="$(now_ms)"
psql_as owner -v customers="$CUSTOMERS" -f "$SEED" >"$WORK/seed.txt" 2>&1 ||
    { cat "$WORK/seed.txt" >&2; die "seeding failed"; }
SEED_S="$(awk -v ms=$(($(now_ms) - seed_start)) 'BEGIN { printf "%.1f", ms / 1000 }')"
cat "$WORK/seed.txt" >&2
log "loaded in ${SEED_S}s"

TENANT="$(psql_as owner -Atc "select id from tenants where slug = 'ambiotec-demo'")"
REP_ID="$(psql_as owner -Atc "select id from users where tenant_id = '$TENANT' and email = '$REP_EMAIL'")"
[[ -n "$TENANT" && -n "$REP_ID" ]] || die "demo tenant or sales rep not found"

# --- request paths per scenario ----------------------------------------------------------------

API="/api/v1/customers"
P="$WORK/paths"
mkdir -p "$P"
# (a) the list, first page; (b) a deep page
echo "$API?page=0&size=20" >"$P/a"
echo "$API?page=200&size=20" >"$P/b"
# (c) a fragment of a name (customer or contact), in the case and accents people type
names=(hernandez HERNÁNDEZ Hernández peña PENA Núñez nunez constructora CONSTRUCTORA quetzal Xicará xicara
    ordoñez "el roble" "Santa Lucía" monterroso agroindustrias Güegüecho "josé alberto" "maría elena"
    cabrera ferreteria "Ferretería" "san miguel" tzoc "Ajú" ixcot umaña "lácteos" colegio "de mixco"
    "Río Dulce" castañeda marroquin "Jénifer" "belén" sagastume "Los Próceres" quiñónez)
: >"$P/c"
for n in "${names[@]}"; do echo "$API?q=$(urlencode "$n")&page=0&size=20" >>"$P/c"; done
# (d) phone digits, as people type them: "5512-3344", "+502 5512 3344", "55123344"
psql_as owner -At -F '|' -c "select substr(p, 5, 4) || '-' || substr(p, 9, 4), substr(p, 1, 4) || ' ' ||
        substr(p, 5, 4) || ' ' || substr(p, 9, 4), substr(p, 5)
      from (select phones[1] as p from customer_contacts where tenant_id = '$TENANT'
             order by md5(id::text) limit 40) x" |
    while IFS='|' read -r dashed spaced plain; do
        [[ -n "$dashed" ]] || continue
        echo "$API?q=$(urlencode "$dashed")&page=0&size=20"
        echo "$API?q=$(urlencode "$spaced")&page=0&size=20"
        echo "$API?q=$(urlencode "$plain")&page=0&size=20"
    done >"$P/d"
# (e) tax ids, with the separators people type (GT "1234567-K", SV "0614-050707-104-8")
psql_as owner -At -c "select case when length(tax_id) = 14 then substr(tax_id, 1, 4) || '-' || substr(tax_id, 5, 6)
            || '-' || substr(tax_id, 11, 3) || '-' || substr(tax_id, 14) else left(tax_id, -1) || '-' || right(tax_id, 1) end
      from customers where tenant_id = '$TENANT' and tax_id <> 'CF' order by md5(id::text) limit 120" |
    while read -r tax; do echo "$API?q=$(urlencode "$tax")&page=0&size=20"; done >"$P/e"
# (f) the list filtered by status and tag
: >"$P/f"
for tag in construccion eventos gobierno ptar fosa-septica industrial sanitarios permanente agricola hoteleria \
    residencial comercial mantenimiento vip credito moroso; do
    echo "$API?status=ACTIVE&tag=$tag&page=0&size=20" >>"$P/f"
done
# (g) a sales rep (sees only their customers): name searches, the list and its second page (the first
# line is the request whose plan is explained, so a search comes first)
{
    for n in hernandez Peña constructora quetzal "maría" cabrera; do echo "$API?q=$(urlencode "$n")&page=0&size=20"; done
    echo "$API?page=0&size=20"
    echo "$API?page=1&size=20"
} >"$P/g"
for s in a b c d e f g; do [[ -s "$P/$s" ]] || die "no request paths for scenario $s"; done

declare -A TITLE=(
    [a]="list, page 1 (admin)"
    [b]="list, page 201 (admin)"
    [c]="search by name fragment (admin)"
    [d]="search by phone digits (admin)"
    [e]="search by tax id (admin)"
    [f]="list, status + tag (admin)"
    [g]="list and search (sales rep)"
)
declare -A USER_OF=([a]=admin [b]=admin [c]=admin [d]=admin [e]=admin [f]=admin [g]=rep)

# --- log in ------------------------------------------------------------------------------------

# every path answers 200 (and a total) before anything is measured
for s in $SCENARIOS; do
    tok="$(token_for "${USER_OF[$s]}")"
    first="$(head -n 1 "$P/$s")"
    code="$(printf 'Authorization: Bearer %s\n' "$tok" | curl -s --noproxy '*' --max-time 30 -o "$WORK/check.json" \
        -w '%{http_code}' -H @- "$BASE$first" || true)"
    [[ "$code" == 200 ]] || die "GET $first answered HTTP $code: $(head -c 500 "$WORK/check.json")"
    log "scenario $s: GET $first -> 200, total $(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$WORK/check.json")"
done
# the totals of big lists are estimates (CustomerManagement.EXACT_TOTAL_UP_TO): how far off they are
exact="$(psql_as owner -At -c "select count(*) filter (where status <> 'DELETED'),
        count(*) filter (where status = 'ACTIVE' and 'construccion' = any(tags))
      from customers where tenant_id = '$TENANT'")"
log "exact counts: list ${exact%%|*}, ACTIVE + construccion ${exact##*|} (compare with the totals above)"

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
for s in $SCENARIOS; do
    log "measuring $s (${TITLE[$s]}): wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
    cpu_before="$(cpu_ms)"
    run_wrk "$s" "$DURATION" "$WORK/measure-$s.txt" --latency
    cpu_used=$(($(cpu_ms) - cpu_before))
    echo "== scenario $s: ${TITLE[$s]}"
    cat "$WORK/measure-$s.txt"
    r="$(grep '^BENCH_RESULT' "$WORK/measure-$s.txt" || true)"
    [[ -n "$r" ]] || die "no BENCH_RESULT line in wrk's output"
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
    fi
done
alive "$APP_PID" || die "the app died during the run"

# --- summary -----------------------------------------------------------------------------------

cpu="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)" ]]; then
    commit="$commit (uncommitted changes)"
fi
STAMP="$(date -u '+%Y%m%d-%H%M%S')"
SUMMARY="$RESULTS/customers-search-$STAMP.txt"
{
    echo "================= AmbioSys benchmark: GET /api/v1/customers ================="
    printf '  %-14s %s\n' "date" "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '  %-14s %s\n' "machine" "${cpu:-unknown CPU}, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '  %-14s %s\n' "java" "$("$JAVA" -version 2>&1 | head -n 1) ($JAVA_OPTS)"
    printf '  %-14s %s\n' "commit" "$commit"
    printf '  %-14s %s\n' "data" "$CUSTOMERS customers loaded in ${SEED_S}s"
    printf '  %-14s %s\n' "load" "wrk -t$THREADS -c$CONNECTIONS -d$DURATION per scenario, warm-up $WARMUP per scenario"
    echo "-----------------------------------------------------------------------------"
    printf '  %-2s %-33s %8s %8s %8s %8s %8s  %s\n' "" "scenario" "req/s" "p50 ms" "p95 ms" "p99 ms" "CPU ms" \
        "p95 < $TARGET_P95_MS ms"
    for s in $SCENARIOS; do
        printf '  %-2s %-33s %8s %8.1f %8.1f %8.1f %8s  %s\n' "$s" "${TITLE[$s]}" "${RPS[$s]}" "${P50[$s]}" "${P95[$s]}" \
            "${P99[$s]}" "${CPU[$s]}" "${VERDICT[$s]}"
    done
    echo "-----------------------------------------------------------------------------"
    echo "  CPU ms: CPU time of the JVM and PostgreSQL per request during the measured run (wrk's own"
    echo "  excluded); with both cores to ourselves, 2000 / CPU ms is the most requests/s the box can serve."
    echo "============================================================================="
} | tee "$SUMMARY"
((CONNECTIONS == TARGET_CONNECTIONS)) || log "note: the target is defined at $TARGET_CONNECTIONS connections"

# --- query plans of the two slowest scenarios --------------------------------------------------

explain_vars() { # the request of scenario $1 (its first path) as customers-explain.sql variables
    local s="$1" line q="" status="" tag="" page=0 viewer=""
    line="$(head -n 1 "$P/$s")"
    [[ "${USER_OF[$s]}" == rep ]] && viewer="$REP_ID"
    [[ "$line" =~ [?\&]q=([^\&]*) ]] && q="$(printf '%b' "${BASH_REMATCH[1]//%/\\x}")"
    [[ "$line" =~ [?\&]status=([^\&]*) ]] && status="${BASH_REMATCH[1]}"
    [[ "$line" =~ [?\&]tag=([^\&]*) ]] && tag="${BASH_REMATCH[1]}"
    [[ "$line" =~ [?\&]page=([0-9]+) ]] && page="${BASH_REMATCH[1]}"
    printf '%s\n' -v "tenant=$TENANT" -v "viewer=$viewer" -v "status=$status" -v "owner=" -v "tag=$tag" \
        -v "q=$q" -v "size=20" -v "page=$page"
}
slowest="$(for s in $SCENARIOS; do echo "${P95[$s]} $s"; done | sort -rn | head -n 2 | awk '{ print $2 }')"
for s in $slowest; do
    out="$RESULTS/customers-explain-$s.txt"
    mapfile -t vars < <(explain_vars "$s")
    {
        echo "# Scenario $s: ${TITLE[$s]} (p95 ${P95[$s]} ms); request $(head -n 1 "$P/$s")"
        echo "# $CUSTOMERS customers, commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'); bench/customers-explain.sql as ambiosys_app"
        psql_as app "${vars[@]}" -f "$EXPLAIN" 2>&1
    } >"$out" || log "EXPLAIN of scenario $s failed (see $out)"
    log "query plans of scenario $s: $out"
done

log "summary: $SUMMARY"
if ((invalid)); then
    log "the run is invalid: wrk saw errors or non-2xx responses"
    exit 2
fi
for s in $SCENARIOS; do
    [[ "${VERDICT[$s]}" == PASS ]] || {
        log "some scenarios missed the target"
        exit 2
    }
done
log "every scenario met the target"
exit 0
