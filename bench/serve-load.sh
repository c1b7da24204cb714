#!/usr/bin/env bash
# Load and fault test of `planc serve` (issue 5), both stores:
#   1. journal file: 60 s of 200 status readers + 50 event writers on a 1,000-task plan;
#   2. journal file: the same with SIGKILL of the server 20 s in, then a restart;
#   3. and 4. the same two runs on PostgreSQL (a throwaway cluster from Debian's packages on a
#      free loopback port, as the tests start it).
# Every run must end with no error answers and every acknowledged event present.
# Usage: bench/serve-load.sh [SECONDS]   (default 60)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
./mvnw -B -q -Dmaven.test.skip=true -pl cli,bench -am package
work="$(mktemp -d /tmp/planc-load.XXXXXX)"
chmod 755 "$work"
java -cp bench/target/planc-bench.jar dev.planc.bench.tj.ContentionPlans 1000 50 "$work/generated" >/dev/null
plan="$work/generated.plan"
run() { java -cp bench/target/planc-bench.jar dev.planc.bench.ServeLoad --plan "$1" --jar cli/target/planc.jar \
  --seconds "$seconds" "${@:2}"; }

status=0
cp "$plan" "$work/journal.plan"
echo "== journal file"; run "$work/journal.plan" || status=1
cp "$plan" "$work/journal-kill.plan"
echo "== journal file, SIGKILL and restart"; run "$work/journal-kill.plan" --kill-after 20 || status=1

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ]; then
  echo "== PostgreSQL: skipped (apt-get install postgresql)"; exit "$status"
fi
as=(); [ "$(id -u)" = 0 ] && { chown postgres "$work"; as=(runuser -u postgres --); }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"${as[@]}" "$bin/initdb" -D "$work/pg" -U planc -A trust -E UTF8 --no-locale >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work -c max_connections=200" start >/dev/null
trap '"${as[@]}" "$bin/pg_ctl" -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true' EXIT
export PGUSER=planc
url="jdbc:postgresql://127.0.0.1:$port/postgres"
cp "$plan" "$work/pg.plan"
echo "== PostgreSQL"; run "$work/pg.plan" --store "$url" || status=1
cp "$plan" "$work/pgkill.plan"
echo "== PostgreSQL, SIGKILL and restart"; run "$work/pgkill.plan" --store "$url" --kill-after 20 || status=1
echo "plans, journals and server logs: $work"
exit "$status"
