# Shared by the benchmarks: database, app start/stop, an admin API key, cleanup.
# Sourced, not run. Everything stays on loopback.

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK="$ROOT/benchmarks/work"
mkdir -p "$WORK"
BENCH_DB=${BENCH_DB:-sms_bench}
APP_PORT=${APP_PORT:-18080}
LINK_PORT=${LINK_PORT:-18081}   # the redirector's own listener (sms.link.server.port)
MGMT_PORT=${MGMT_PORT:-18082}   # probes and metrics (management.server.port)
APP_PID=""
say() { echo "[bench] $*" >&2; }

need() { # need <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  say "installing $2"
  if [[ $(id -u) -eq 0 ]]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
  else sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2; fi
}

fresh_database() {
  PG_PORT=$("$ROOT/scripts/ensure-postgres" --install sms)
  export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=sms PGPASSWORD=${SMS_DB_PASSWORD:-sms}
  dropdb --if-exists "$BENCH_DB" 2>/dev/null || true
  createdb "$BENCH_DB"
  export PGDATABASE=$BENCH_DB
  say "fresh database $BENCH_DB on port $PG_PORT"
}

build_app() {
  say "building the platform"
  # Without the old jar: Maven skips an unchanged module's jar, and the runnable jar would keep
  # the previous code of the modules it contains.
  rm -f "$ROOT"/web-ui/target/sms-campaign-platform.jar*
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package -pl web-ui -am)
  # Run a copy: a build in the working tree meanwhile cannot pull the jar from under the app.
  cp "$ROOT/web-ui/target/sms-campaign-platform.jar" "$APP_JAR"
}
APP_JAR="$WORK/sms-campaign-platform.jar"

API_KEY="sms_Bench001_$(python3 -c 'import secrets,string; a=string.ascii_letters+string.digits; print("".join(secrets.choice(a) for _ in range(32)))')"

APP_ARGS=()   # extra arguments of the platform (--sms.messaging...), set by a benchmark before start_app

start_app() { # start_app [extra JVM args...]
  say "starting the platform on port $APP_PORT"
  # Links at 127.0.0.1 are what a benchmark on one machine needs: the local-host check warns.
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME=sms \
    SPRING_DATASOURCE_PASSWORD=$PGPASSWORD SMS_ADMIN_PASSWORD="bench-$(date +%s%N)" \
    java "$@" ${BENCH_JVM_OPTS:-} -jar "$APP_JAR" --server.port="$APP_PORT" \
    --sms.contact.imports.directory="$WORK/imports" --sms.link.server.port="$LINK_PORT" \
    --management.server.port="$MGMT_PORT" --sms.link.allow-local-link-hosts=true ${APP_ARGS[@]+"${APP_ARGS[@]}"} > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { say "the platform did not start:"; tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 1
  done
  # An admin API key, stored the way the platform stores them: prefix and SHA-256 of the token.
  local hash
  hash=$(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)
  psql -q -c "insert into api_key (name, key_prefix, secret_hash, role, scopes, created_by)
              values ('benchmark', 'Bench001', '$hash', 'ADMIN', 'api:read api:write conversions:write', 'benchmark')
              on conflict do nothing"
}

api() { curl -sf -H "X-API-Key: $API_KEY" "$@"; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

cleanup() {
  stop_app
  if [[ -z "${BENCH_KEEP:-}" ]]; then
    dropdb --if-exists "$BENCH_DB" 2>/dev/null || true
    rm -rf "$WORK"
  fi
}

heap_used_mb() { # without starting a JSON tool: benchmarks poll this while measuring
  api "http://127.0.0.1:$MGMT_PORT/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | sed -E 's/.*"value":([0-9.E+]+).*/\1/' | awk '{printf "%d", $1 / 1048576}'
}

json_field() { # json_field <name>: a top-level string or number of the JSON on stdin
  sed -E "s/.*\"$1\":\"?([^,\"}]*).*/\1/"
}

await_rollups() { # await_rollups [seconds]: until every rollup has read past the changes made so far
  local mark pending
  mark=$(psql -Atc "select pg_current_xact_id()::text::bigint")   # every writer so far began below it
  for _ in $(seq 1 "${1:-3600}"); do
    pending=$(psql -Atc "select (select count(*) from rollup_dirty)
                              + (select count(*) from rollup_position where position <= $mark)")
    [[ "$pending" == "0" ]] && return 0
    sleep 1
  done
  say "the rollups did not catch up"; return 1
}

sign_in() { # sign_in <username> <password>: a browser's session in $WORK/cookies.txt
  COOKIES="$WORK/cookies.txt"
  rm -f "$COOKIES"   # a session of an earlier start would skip the sign-in form
  local csrf
  csrf=$(curl -sf -c "$COOKIES" -b "$COOKIES" "http://127.0.0.1:$APP_PORT/login" \
    | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
  curl -sf -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=$1" \
    --data-urlencode "password=$2" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$APP_PORT/login"
}

page_p95() { # page_p95 <path> <requests> <file>: p95 of a signed-in browser's requests, in ms
  local url="http://127.0.0.1:$APP_PORT$1"
  curl -sf -b "$COOKIES" -o /dev/null "$url" || { say "cannot read $1"; exit 1; }
  for _ in $(seq 1 30); do curl -sf -b "$COOKIES" -o /dev/null "$url"; done   # warm-up (JIT, caches)
  : > "$3"
  for _ in $(seq 1 "$2"); do
    curl -sf -b "$COOKIES" -o /dev/null -w '%{time_total}\n' "$url" | awk '{printf "%.3f\n", $1 * 1000}' >> "$3"
  done
  python3 "$ROOT/benchmarks/lib/percentile.py" 95 < "$3"
}
