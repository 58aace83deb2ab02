#!/usr/bin/env bash
# By-hand check (issue 14, item 1): a 200 MB chunked POST (no Content-Length) to every public endpoint
# answers 413 as a problem document, and the process's resident memory does not grow by the body.
#
# Starts the packaged jar on a throwaway data directory (as a first-time user would, no flags), reads its
# RSS, streams SIZE_MB of zeros with Transfer-Encoding: chunked to each public endpoint, and prints the
# status, the problem type and the RSS after each. Not a benchmark: no figure here is a speed.
#
# Usage:  bench/oversized-bodies.sh          (build first: ./mvnw -DskipTests package)
# Environment (optional): SIZE_MB=200  PORT=18280  READY_TIMEOUT=120  JAR=app/target/ambiosys-app-0.1.0-SNAPSHOT.jar
# Exit status: 0 every endpoint answered 413 and RSS grew by less than GROWTH_LIMIT_MB (64), 2 otherwise, 1 error.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
JAR="${JAR:-$ROOT/app/target/ambiosys-app-0.1.0-SNAPSHOT.jar}"
SIZE_MB="${SIZE_MB:-200}"
PORT="${PORT:-18280}"
READY_TIMEOUT="${READY_TIMEOUT:-120}"
GROWTH_LIMIT_MB="${GROWTH_LIMIT_MB:-64}"
JAVA_OPTS="${JAVA_OPTS:- }"
STOP_TIMEOUT=45
ADMIN_EMAIL="admin@ambiotec.example"
PASSWORD="Bench-Admin-2026!"
HOST=127.0.0.1
APP_PID=""
WRK_PID=""
WORK=""
DATA_DIR=""

source "$SCRIPT_DIR/lib.sh"

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[[ -f "$JAR" ]] || die "no jar at $JAR: build it with ./mvnw -DskipTests package"
JAVA="$(command -v java)" || die "java is required"
WORK="$(mktemp -d)"
DATA_DIR="$WORK/data"
port="$PORT"
while port_in_use "$port"; do port=$((port + 1)); done
BASE="http://$HOST:$port"

start_app "$WORK/app.log"
# the app's JVMs: java -jar is a launcher and the application's JVM (bench/lib.sh app_pids)
rss_mb() { for p in $(app_pids); do cat "/proc/$p/status"; done | awk '/VmRSS/ { kb += $2 } END { printf "%d", kb / 1024 }'; }
# one request of each public kind, so that the classes it loads are not counted as growth
curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"email":"x@y.co","password":"z"}' "$BASE/api/v1/auth/login" || true
before="$(rss_mb)"
log "RSS before: ${before} MB"

endpoints=(
    "/api/v1/auth/login application/json"
    "/api/v1/auth/refresh application/json"
    "/api/v1/auth/logout application/json"
    "/api/v1/auth/password-reset application/json"
    "/api/v1/auth/password-reset/confirm application/json"
    "/webhooks/whatsapp application/json"
    "/simulator/graph/v23.0/123456789012/messages application/json"
    "/simulator/graph/v23.0/123456789012/media multipart/form-data;boundary=x"
)
body() {
    if [[ "$1" == application/json ]]; then
        printf '{"email":"'
        head -c "$((SIZE_MB * 1024 * 1024))" /dev/zero | tr '\0' 'a'
    else
        head -c "$((SIZE_MB * 1024 * 1024))" /dev/zero
    fi
}
failed=0
printf '%-55s %6s  %-28s %8s\n' endpoint status problem "RSS MB" >&2
for entry in "${endpoints[@]}"; do
    read -r path type <<<"$entry"
    # a JSON string that never ends (a parser reads it to the limit), or bytes for multipart
    answer="$(body "$type" | curl -s --max-time 120 -o "$WORK/answer" -w '%{http_code}' \
        -H "Content-Type: $type" -H 'Transfer-Encoding: chunked' --data-binary @- "$BASE$path" || true)"
    problem="$(sed -n 's/.*"type":"urn:ambiosys:problem:\([^"]*\)".*/\1/p' "$WORK/answer" 2>/dev/null | head -1)"
    printf '%-55s %6s  %-28s %8s\n' "$path" "$answer" "${problem:--}" "$(rss_mb)" >&2
    [[ "$answer" == 413 ]] || failed=1
done
after="$(rss_mb)"
log "RSS after: ${after} MB (grew $((after - before)) MB for ${#endpoints[@]} bodies of ${SIZE_MB} MB)"
if ((failed)) || ((after - before >= GROWTH_LIMIT_MB)); then
    log "FAIL"
    exit 2
fi
log "PASS"
