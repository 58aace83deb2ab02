#!/usr/bin/env bash
# Benchmark: the WhatsApp inbox's ingest path (issue 6's bench/ acceptance).
#
# Starts the packaged jar on a fresh, throwaway data directory (embedded PostgreSQL with its ordinary
# settings: fsync and synchronous_commit on, migrations, demo tenant), restarted once with
# pg_stat_statements loaded so that the statements per message can be counted. Logs in as the demo
# administrator and creates a WhatsApp channel with a known app secret through the API. Then:
#
# 1. webhooks: bench/InboxLoad.java (a single-file Java program) sends signed webhooks (X-Hub-Signature-256,
#    HMAC-SHA256 over the raw body, as Meta signs them) open-loop at RATE messages/s for DURATION seconds
#    after a WARMUP ramp, over CONNECTIONS keep-alive connections: mostly text from PHONES distinct
#    Guatemalan/Salvadoran numbers, interactive replies, buttons, locations, POSTs with several messages,
#    statuses for unknown ids, ~2 % exact re-posts, ~5 % out-of-order timestamps. It reports the
#    acknowledgement latency (planned send time to response: no coordinated omission) p50/p95/p99/max, the
#    achieved rate and the CPU of the JVM and of PostgreSQL during the measured part;
# 2. checks in the database that every distinct message id sent is stored exactly once, waits for the
#    asynchronous processing (db-scheduler, per contact) to finish and reports how long the backlog took;
# 3. where the time goes: statements, commits, WAL syncs and rows written per message (pg_stat_statements,
#    pg_stat_database, pg_stat_wal, pg_stat_user_tables), the top statements by calls and by time;
# 4. SSE: CLIENTS connections to /api/v1/inbox/stream, then SSE_RATE messages/s for SSE_DURATION seconds;
#    the time from writing each POST to each client reading its message.new event, p50/p95/p99.
#
# Everything runs on 127.0.0.1; the app, its PostgreSQL and the data directory are removed on exit.
#
# Usage (from anywhere):  bench/inbox-webhooks.sh
# Environment (all optional):
#   RATE=1000          inbound messages per second (open loop)
#   DURATION=60        measured seconds;  WARMUP=20 seconds of warm-up (ramps from 30 % to 100 % of RATE)
#   CONNECTIONS=64     keep-alive connections the webhooks are sent over (Meta uses many)
#   PHONES=2000        distinct senders
#   CLIENTS=1000       SSE clients;  SSE_RATE=10 messages/s;  SSE_DURATION=20 seconds; CLIENTS=0 skips the SSE part
#   STATEMENTS=1       0 skips the restart with pg_stat_statements (no statements-per-message figures)
#   TIMELINE=file      per second of the run: answers, server-side p50/p99/max and latency max, into file
#   WAL_CYCLE=0        1 writes ~400 MB of WAL and checkpoints before the run, so that the run writes into
#                      recycled WAL segments, as a server that has been up for a while does (bench/README.md,
#                      inbox section); by default the run writes into the fresh cluster's new segments
#   PG_SETTINGS=       extra postgresql.conf lines, separated by ';' (e.g. "autovacuum=off;log_checkpoints=on"),
#                      given at the restart; with them the PostgreSQL log is kept as RESULTS/NAME-postgres.log
#   PORT=18480         first port tried; the next free one up to PORT+99 is used
#   READY_TIMEOUT=180  seconds to wait for readiness
#   DRAIN_TIMEOUT=120  seconds to wait for the asynchronous processing to finish
#   JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"   JVM options of the app (docs/operations.md, small machine)
#   RESULTS=bench/results   where the summary goes
#   JAR=               jar to run (default app/target/ambiosys-app-0.1.0-SNAPSHOT.jar)
#   TAG=               a word added to the name of the result file
# Exit status: 0 every target met, 2 a target missed or the run was invalid, 1 error.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
LOAD="$SCRIPT_DIR/InboxLoad.java"
JAR="${JAR:-$ROOT/app/target/ambiosys-app-0.1.0-SNAPSHOT.jar}"

RATE="${RATE:-1000}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
PHONES="${PHONES:-2000}"
CLIENTS="${CLIENTS:-1000}"
SSE_RATE="${SSE_RATE:-10}"
SSE_DURATION="${SSE_DURATION:-20}"
STATEMENTS="${STATEMENTS:-1}"
PG_SETTINGS="${PG_SETTINGS:-}"
WAL_CYCLE="${WAL_CYCLE:-0}"
PORT="${PORT:-18480}"
READY_TIMEOUT="${READY_TIMEOUT:-180}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-120}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
RESULTS="${RESULTS:-$SCRIPT_DIR/results}"
TAG="${TAG:-}"
STOP_TIMEOUT=45
BUILD_TIMEOUT=1800
APT_TIMEOUT=300
SQL_TIMEOUT=60

ADMIN_EMAIL="admin@ambiotec.example"
PASSWORD="Bench-Admin-2026!"
APP_SECRET="bench-app-secret-$RANDOM$RANDOM"

TARGET_RATE=1000
TARGET_P99_MS=50
TARGET_SSE_P95_MS=100

HOST=127.0.0.1
APP_PID=""
WRK_PID="" # the load generator (stopped by cleanup)
WORK=""
DATA_DIR=""
NAME=""
# shared helpers: logging, clocks, processes, the clean-up on exit (bench/lib.sh)
source "$SCRIPT_DIR/lib.sh"

# --- helpers -----------------------------------------------------------------------------------

# shellcheck disable=SC2317
on_failure() { # called by cleanup (lib.sh) when the run failed: keep the app's output
    if [[ -n "$WORK" && -f "$WORK/app.log" && -n "$NAME" ]]; then
        cat "$WORK"/app*.log >"$RESULTS/$NAME-app.log" 2>/dev/null && log "the app's output: $RESULTS/$NAME-app.log"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- checks and setup --------------------------------------------------------------------------

((BASH_VERSINFO[0] >= 5)) || die "bash 5 or later is required (EPOCHREALTIME)"
for v in RATE DURATION WARMUP CONNECTIONS PHONES CLIENTS SSE_RATE SSE_DURATION PORT READY_TIMEOUT DRAIN_TIMEOUT; do
    [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number"
done
((RATE > 0 && DURATION > 0 && CONNECTIONS > 0 && PHONES > 0)) || die "RATE, DURATION, CONNECTIONS and PHONES must be > 0"
((WARMUP + DURATION <= 180)) || die "WARMUP + DURATION must be at most 180 seconds (the run is bounded)"
((SSE_DURATION <= 60)) || die "SSE_DURATION must be at most 60 seconds"
[[ -f "$LOAD" ]] || die "missing $LOAD"
command -v curl >/dev/null || die "curl is required"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA="$(command -v java)" || die "java is required (set JAVA_HOME or put java on PATH)"
fi

apt_install psql postgresql-client

if [[ ! -f "$JAR" ]]; then
    log "$JAR is missing: building it"
    (cd "$ROOT" && timeout "$BUILD_TIMEOUT" ./mvnw -B -DskipTests -DskipWeb package -pl app -am) >&2 ||
        die "the build failed"
    [[ -f "$JAR" ]] || die "the build did not produce $JAR"
fi

# 1 000 stream clients and 64 webhook connections need file descriptors on both ends (same user)
if (($(ulimit -n) < CLIENTS * 2 + 1024)); then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    (($(ulimit -n) >= CLIENTS * 2 + 1024)) || die "ulimit -n is $(ulimit -n): too low for $CLIENTS stream clients"
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
NAME="inbox-webhooks${TAG:+-$TAG}-$STAMP"

# compile the load generator once (java File.java would compile it on every start)
mkdir -p "$WORK/classes"
timeout 120 javac -d "$WORK/classes" "$LOAD" >&2 || die "compiling $LOAD failed"
load() { "$JAVA" -Xss512k -XX:+UseSerialGC ${LOAD_JAVA_OPTS:-} -cp "$WORK/classes" InboxLoad "$@"; }

# --- start and wait for readiness --------------------------------------------------------------


# passwords go through the environment of psql only, never its command line
psql_as() { # $1 owner|postgres, then psql arguments
    local role="$1" user
    shift
    if [[ "$role" == postgres ]]; then user=postgres; pw="$(cred superuser)"; else user="ambiosys_$role"; pw="$(cred "$role")"; fi
    PGPASSWORD="$pw" PGCONNECT_TIMEOUT=10 timeout "$SQL_TIMEOUT" psql -X -q -h "$HOST" -p "$(pg_port)" \
        -d ambiosys -U "$user" -v ON_ERROR_STOP=1 "$@"
}

start_app "$WORK/app.log"
[[ "$(pg_port)" =~ ^[0-9]+$ ]] || die "could not read the embedded PostgreSQL's port"

if [[ "$STATEMENTS" == 1 || -n "$PG_SETTINGS" ]]; then
    # pg_stat_statements must be loaded when PostgreSQL starts: once more, with it (and PG_SETTINGS)
    stop_app
    if [[ "$STATEMENTS" == 1 ]]; then
        echo "shared_preload_libraries = 'pg_prewarm,pg_stat_statements'" >>"$DATA_DIR/postgres/postgresql.conf"
        echo "pg_stat_statements.track = all" >>"$DATA_DIR/postgres/postgresql.conf"
    fi
    if [[ -n "$PG_SETTINGS" ]]; then
        tr ';' '\n' <<<"$PG_SETTINGS" >>"$DATA_DIR/postgres/postgresql.conf"
        log "PostgreSQL settings added: $PG_SETTINGS"
    fi
    start_app "$WORK/app2.log"
    if [[ "$STATEMENTS" == 1 ]]; then
        psql_as postgres -c "create extension if not exists pg_stat_statements" >/dev/null ||
            die "could not create pg_stat_statements"
    fi
fi
if [[ "$WAL_CYCLE" == 1 ]]; then
    # A fresh cluster has no WAL segment to recycle: each new one is created, and then either written full of zeros
    # under a commit (wal_init_zero=on) or allocated block by block under the commits' fsyncs (off; those wait for the
    # kernel's writeback of other files on ext4). A server that has been up has recycled segments, already written
    # and allocated; one checkpoint after ~400 MB of WAL gives this one the same.
    psql_as postgres -c "create table bench_wal_cycle (id bigint, pad text)" \
        -c "insert into bench_wal_cycle select g, repeat('x', 400) from generate_series(1, 800000) g" \
        -c "drop table bench_wal_cycle" -c "checkpoint" >/dev/null || die "could not cycle the WAL"
    log "WAL cycled: $(psql_as postgres -Atc "select count(*) || ' segments in pg_wal, ' ||
        pg_size_pretty(sum(size)) from pg_ls_waldir()")"
fi
log "PostgreSQL: $(psql_as postgres -Atc "select 'fsync=' || current_setting('fsync') || ', synchronous_commit=' ||
    current_setting('synchronous_commit') || ', ' || version()" | cut -c1-90)"

# --- log in, create the channel ----------------------------------------------------------------

login() {
    local code attempt token
    for attempt in 1 2 3 4 5; do
        code="$(printf '{"email":"%s","password":"%s"}' "$ADMIN_EMAIL" "$PASSWORD" |
            curl -s --noproxy '*' --max-time 10 -o "$WORK/login.json" -w '%{http_code}' \
                -H 'Content-Type: application/json' --data-binary @- "$BASE/api/v1/auth/login" || true)"
        if [[ "$code" == 200 ]]; then
            token="$(sed -n 's/.*"accessToken"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$WORK/login.json")"
            [[ -n "$token" ]] || die "login answered 200 without an accessToken"
            echo "$token"
            return 0
        fi
        if [[ "$code" == 400 || "$code" == 401 || "$code" == 403 ]]; then
            die "login failed with HTTP $code: $(head -c 500 "$WORK/login.json" 2>/dev/null)"
        fi
        log "login attempt $attempt: HTTP $code, retrying"
        sleep 1
    done
    die "login failed (last HTTP status $code)"
}

TOKEN="$(login)"
PHONE_NUMBER_ID="1$(date +%s)$((RANDOM % 10))"
code="$(printf '{"name":"WhatsApp benchmark","phoneNumberId":"%s","displayPhone":"+502 2222 0000","accessToken":"EAAG-bench-token-0001","appSecret":"%s","verifyToken":"bench-verify-%s"}' \
    "$PHONE_NUMBER_ID" "$APP_SECRET" "$RANDOM$RANDOM" |
    { printf 'Authorization: Bearer %s\n' "$TOKEN" >"$WORK/auth.h"; curl -s --noproxy '*' --max-time 10 -o "$WORK/channel.json" \
        -w '%{http_code}' -H @"$WORK/auth.h" -H 'Content-Type: application/json' --data-binary @- \
        "$BASE/api/v1/inbox/channels/whatsapp"; } || true)"
[[ "$code" == 201 ]] || die "creating the channel answered HTTP $code: $(head -c 500 "$WORK/channel.json")"
CHANNEL_ID="$(sed -n 's/.*"id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$WORK/channel.json" | head -n 1)"
TENANT="$(psql_as owner -Atc "select tenant_id from inbox_channels where id = '$CHANNEL_ID'")"
[[ -n "$TENANT" ]] || die "the channel $CHANNEL_ID is not in the database"
log "channel $CHANNEL_ID (phone_number_id $PHONE_NUMBER_ID) created"

# --- counters before ---------------------------------------------------------------------------

db_counters() { # commits, WAL records, WAL bytes, WAL syncs, rows inserted+updated+deleted (user tables)
    psql_as postgres -At -F ' ' -c "select (select sum(xact_commit) from pg_stat_database),
        wal_records, wal_bytes, wal_sync,
        (select sum(n_tup_ins + n_tup_upd + n_tup_del) from pg_stat_user_tables)
      from pg_stat_wal"
}
if [[ "$STATEMENTS" == 1 ]]; then psql_as postgres -Atc "select pg_stat_statements_reset()" >/dev/null; fi
psql_as postgres -Atc "select pg_stat_reset()" >/dev/null
read -r C0 WR0 WB0 WS0 ROWS0 <<<"$(db_counters)"

# --- 1. webhooks -------------------------------------------------------------------------------

log "webhooks: $RATE messages/s for ${DURATION}s after a ${WARMUP}s warm-up, $CONNECTIONS connections, $PHONES phones"
PG_PID="$(postmaster_pid)" || die "no PostgreSQL"
log "load starts at $(date -u +%H:%M:%S.%3N) UTC (second 0 of the timeline)"
load webhooks --base "$BASE" --phone-number-id "$PHONE_NUMBER_ID" --secret "$APP_SECRET" --rate "$RATE" \
    --warmup "$WARMUP" --duration "$DURATION" --connections "$CONNECTIONS" --phones "$PHONES" \
    --app-pid "$APP_PID" --pg-pid "$PG_PID" ${TIMELINE:+--timeline "$TIMELINE"} >"$WORK/webhooks.txt" 2>&1 &
WRK_PID=$!
wait "$WRK_PID" && load_rc=0 || load_rc=$?
WRK_PID=""
sent_ms="$(now_ms)"
cat "$WORK/webhooks.txt" >&2
W="$(grep '^BENCH_RESULT' "$WORK/webhooks.txt" || true)"
[[ -n "$W" ]] || die "the load generator failed (status $load_rc)"
alive "$APP_PID" || die "the app died during the run"

# --- 2. stored exactly once, backlog ---------------------------------------------------------------

cpu_drain0="$(cpu_ms)"
pending_sql="select count(*) from inbox_messages where tenant_id = '$TENANT' and channel_id = '$CHANNEL_ID'
    and direction = 'IN' and processed_at is null"
PENDING_AT_END="$(psql_as owner -Atc "$pending_sql")"
log "webhooks sent; $PENDING_AT_END messages still waiting for processing"
drain_deadline=$((sent_ms + DRAIN_TIMEOUT * 1000))
PENDING="$PENDING_AT_END"
while ((PENDING > 0 && $(now_ms) < drain_deadline)); do
    sleep 0.25
    PENDING="$(psql_as owner -Atc "$pending_sql")"
done
DRAIN_S="$(awk -v ms=$(($(now_ms) - sent_ms)) 'BEGIN { printf "%.1f", ms / 1000 }')"
DRAIN_CPU_MS=$(($(cpu_ms) - cpu_drain0))
if ((PENDING > 0)); then
    log "$PENDING messages still unprocessed after ${DRAIN_TIMEOUT}s"
    DRAIN_S="> $DRAIN_TIMEOUT"
fi
read -r C1 WR1 WB1 WS1 ROWS1 <<<"$(db_counters)"
read -r STORED DISTINCT_STORED <<<"$(psql_as owner -At -F ' ' -c "select count(*), count(distinct external_id)
    from inbox_messages where tenant_id = '$TENANT' and channel_id = '$CHANNEL_ID' and direction = 'IN'")"
TASKS_LEFT="$(psql_as owner -Atc "select count(*) from scheduled_tasks where task_name = 'inbox-process-contact'")"
EVENTS="$(psql_as owner -Atc "select count(*) from inbox_events where tenant_id = '$TENANT' and kind = 'message.new'")"
SENT_IDS="$(result_value distinct_ids "$W")"
ALL_MSGS="$STORED" # the counters cover the messages that were stored (all of them in a valid run)

# --- 3. where the time goes --------------------------------------------------------------------

per_msg() { awk -v a="$1" -v n="$ALL_MSGS" 'BEGIN { if (n > 0) printf "%.2f", a / n; else print "n/a" }'; }
COMMITS_PM="$(per_msg $((C1 - C0)))"
WAL_SYNC_PM="$(per_msg $((WS1 - WS0)))"
WAL_REC_PM="$(per_msg $((WR1 - WR0)))"
WAL_KB_PM="$(awk -v a=$((WB1 - WB0)) -v n="$ALL_MSGS" 'BEGIN { printf "%.1f", a / n / 1024 }')"
ROWS_PM="$(per_msg $((ROWS1 - ROWS0)))"
STMTS_PM="n/a"
if [[ "$STATEMENTS" == 1 ]]; then
    # the application's statements (its role), not this script's
    STMTS="$(psql_as postgres -Atc "select sum(calls) from pg_stat_statements s join pg_roles r on r.oid = s.userid
        where r.rolname = 'ambiosys_app'")"
    STMTS_PM="$(per_msg "${STMTS:-0}")"
    psql_as postgres -P pager=off -c "select calls, round((calls::numeric / $ALL_MSGS), 2) as per_msg,
            round(total_exec_time::numeric, 0) as total_ms, round(mean_exec_time::numeric, 3) as mean_ms,
            left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
        from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'ambiosys_app'
        order by calls desc limit 30" >"$WORK/statements.txt" 2>&1 || true
fi
cat >"$WORK/tables.sql" <<SQL
select relname as table, n_tup_ins as inserted, n_tup_upd as updated, n_tup_hot_upd as hot, n_tup_del as deleted
  from pg_stat_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0 order by n_tup_ins + n_tup_upd + n_tup_del desc
SQL
psql_as postgres -P pager=off -f "$WORK/tables.sql" >"$WORK/tables.txt" 2>&1 || true

# --- 4. SSE ------------------------------------------------------------------------------------

S=""
if ((CLIENTS > 0)); then
    TOKEN="$(login)"
    log "SSE: $CLIENTS stream clients, $SSE_RATE messages/s for ${SSE_DURATION}s"
    load sse --base "$BASE" --token "$TOKEN" --phone-number-id "$PHONE_NUMBER_ID" --secret "$APP_SECRET" \
        --clients "$CLIENTS" --rate "$SSE_RATE" --duration "$SSE_DURATION" >"$WORK/sse.txt" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" && sse_rc=0 || sse_rc=$?
    WRK_PID=""
    cat "$WORK/sse.txt" >&2
    S="$(grep '^BENCH_RESULT' "$WORK/sse.txt" || true)"
    [[ -n "$S" ]] || die "the SSE client failed (status $sse_rc)"
fi

# --- summary -----------------------------------------------------------------------------------

ms_per() { awk -v a="$1" -v n="$2" 'BEGIN { if (n > 0 && a >= 0) printf "%.3f", a / n; else print "n/a" }'; }
MEASURED="$(result_value cpu_messages "$W")" # messages answered while the CPU was measured
JVM_CPU="$(result_value jvm_cpu_ms "$W")"
PG_CPU="$(result_value pg_cpu_ms "$W")"
RATE_GOT="$(result_value msg_rate "$W")"
P99="$(result_value p99_ms "$W")"
V_RATE="$(cmp "$RATE_GOT" '>=' "$((TARGET_RATE * 98 / 100))" && echo PASS || echo FAIL)"
V_P99="$(cmp "$P99" '<' "$TARGET_P99_MS" && echo PASS || echo FAIL)"
if [[ "$STORED" == "$SENT_IDS" && "$DISTINCT_STORED" == "$SENT_IDS" ]]; then V_ONCE=PASS; else V_ONCE=FAIL; fi
if [[ "$(result_value non200 "$W")" == 0 && "$(result_value errors "$W")" == 0 &&
    "$(result_value unanswered "$W")" == 0 ]]; then V_VALID=PASS; else V_VALID=FAIL; fi
if ((PENDING == 0)); then V_DRAIN=PASS; else V_DRAIN=FAIL; fi
V_SSE="-"
if [[ -n "$S" ]]; then
    if cmp "$(result_value p95_ms "$S")" '<' "$TARGET_SSE_P95_MS" &&
        [[ "$(result_value received_events "$S")" == "$(result_value expected_events "$S")" &&
            "$(result_value connected "$S")" == "$CLIENTS" ]]; then V_SSE=PASS; else V_SSE=FAIL; fi
fi

cpu="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null || true)" ]]; then
    commit="$commit (uncommitted changes)"
fi
row() { printf '  %-34s %-22s %-12s %s\n' "$@" | sed 's/[[:space:]]*$//'; }
{
    echo
    echo "================= AmbioSys benchmark: WhatsApp inbox ingest ================="
    printf '  %-34s %s\n' "date" "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf '  %-34s %s\n' "machine" "${cpu:-unknown CPU}, $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '  %-34s %s\n' "java" "$("$JAVA" -version 2>&1 | head -n 1) ($JAVA_OPTS)"
    printf '  %-34s %s\n' "commit" "$commit"
    printf '  %-34s %s\n' "load" "$RATE msg/s open loop, ${DURATION}s after ${WARMUP}s ramp, $CONNECTIONS connections, $PHONES phones"
    printf '  %-34s %s\n' "mix" "$(result_value posts "$W") POSTs, $(result_value reposts "$W") re-posts, $(result_value status_posts "$W") status POSTs, $(result_value multi_posts "$W") with several messages"
    echo "-----------------------------------------------------------------------------"
    row "metric" "value" "target" "verdict"
    row "messages/s achieved (measured)" "$RATE_GOT" ">= $TARGET_RATE" "$V_RATE"
    row "ack latency p50" "$(result_value p50_ms "$W") ms"
    row "ack latency p95" "$(result_value p95_ms "$W") ms"
    row "ack latency p99" "$P99 ms" "< $TARGET_P99_MS ms" "$V_P99"
    row "ack latency max" "$(result_value max_ms "$W") ms"
    row "  (server only p50 / p99)" "$(result_value svc_p50_ms "$W") / $(result_value svc_p99_ms "$W") ms"
    row "non-200 / errors / unanswered" "$(result_value non200 "$W") / $(result_value errors "$W") / $(result_value unanswered "$W")" "0 / 0 / 0" "$V_VALID"
    row "stored / distinct ids sent" "$STORED / $SENT_IDS" "equal" "$V_ONCE"
    row "message.new events" "$EVENTS"
    row "waiting for processing at end" "$PENDING_AT_END"
    row "backlog drained after" "$DRAIN_S s" "" "$V_DRAIN"
    row "scheduled tasks left" "$TASKS_LEFT"
    row "CPU per message, JVM" "$(ms_per "$JVM_CPU" "$MEASURED") ms"
    row "CPU per message, PostgreSQL" "$(ms_per "$PG_CPU" "$MEASURED") ms"
    row "CPU of the drain (JVM + PG)" "$DRAIN_CPU_MS ms"
    row "statements per message" "$STMTS_PM"
    row "commits per message" "$COMMITS_PM"
    row "WAL syncs (fsync) per message" "$WAL_SYNC_PM"
    row "WAL records / KB per message" "$WAL_REC_PM / $WAL_KB_PM"
    row "rows written per message" "$ROWS_PM"
    if [[ -n "$S" ]]; then
        row "SSE clients connected" "$(result_value connected "$S") / $CLIENTS"
        row "SSE events received / expected" "$(result_value received_events "$S") / $(result_value expected_events "$S")"
        row "SSE webhook -> event p50" "$(result_value p50_ms "$S") ms"
        row "SSE webhook -> event p95" "$(result_value p95_ms "$S") ms" "< $TARGET_SSE_P95_MS ms" "$V_SSE"
        row "SSE webhook -> event p99" "$(result_value p99_ms "$S") ms"
        row "SSE webhook -> event max" "$(result_value max_ms "$S") ms"
    fi
    echo "-----------------------------------------------------------------------------"
    echo "  (per message: over the $ALL_MSGS messages stored, warm-up and drain included; CPU: the measured run's, over the"
    echo "   messages answered during it; the JIT compiler's threads and the GC are in the JVM's part)"
    echo
    echo "Statements of the application (pg_stat_statements, warm-up, run and drain):"
    cat "$WORK/statements.txt" 2>/dev/null || echo "  (STATEMENTS=0)"
    echo "Rows written per table:"
    cat "$WORK/tables.txt"
    echo "============================================================================="
} | tee "$RESULTS/$NAME.txt"
if [[ -n "$PG_SETTINGS" && -f "$DATA_DIR/postgres.log" ]]; then
    cp "$DATA_DIR/postgres.log" "$RESULTS/$NAME-postgres.log" && log "PostgreSQL's log: $RESULTS/$NAME-postgres.log"
fi
log "summary written to $RESULTS/$NAME.txt"

[[ "$V_VALID$V_ONCE$V_DRAIN" == PASSPASSPASS ]] || { log "the run is invalid"; exit 2; }
if [[ "$V_RATE$V_P99" == PASSPASS && "$V_SSE" != FAIL ]]; then
    log "all targets met"
    exit 0
fi
log "some targets were missed"
exit 2
