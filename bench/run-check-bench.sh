#!/usr/bin/env bash
# Runs the `planc check` benchmarks and writes their output under bench/target/results/:
#   (a) CheckThroughput: a generated 100,000-task plan checked in process (targets: <= 2 s, >= 10 MB/s),
#       with a per-phase breakdown;
#   (b) whole-process time of `./planc check examples/release.plan` (target: <= 0.6 s), >= 20 runs after a
#       warm-up, with hyperfine when it is installed, else a bash loop;
#   (c) `./planc check` of the generated 100,000-task file under /usr/bin/time -v (wall time, peak RSS).
#
#   (d) only when asked for: CheckThroughput --compile, i.e. Compiler.compile with the scheduler, at
#       COMPILE_TASKS="1000 10000" tasks.
#
# Usage: bench/run-check-bench.sh [a] [b] [c] [d]      (no argument: a, b and c)
# Environment:
#   TASKS=100000            size of the generated plan for (a) and (c)
#   RUNS=30                 runs of (b); WARMUP=3 warm-up runs of (b)
#   THROUGHPUT_RUNS=10      measured runs of (a); THROUGHPUT_WARMUP=5
#   CLI_RUNS=3              runs of (c); CLI_TIMEOUT=900 seconds before a run of (c) is stopped
#   CLI_TASKS="$TASKS"      plan sizes for (c), e.g. CLI_TASKS="10000 100000"
#   BENCH_JAVA_OPTS="-Xms2g -Xmx2g;-Xms3g -Xmx3g -Xmn2g -XX:+UseSerialGC"
#                           JVM configurations of (a), separated by ';': the JVM's default collector
#                           (G1), then the CLI's collector with a young generation that holds a whole
#                           check (no GC during it); the phase breakdown runs with the last one
# Exit status: 0 when every target that was run is met, 1 otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

TASKS="${TASKS:-100000}"
RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-3}"
THROUGHPUT_RUNS="${THROUGHPUT_RUNS:-10}"
THROUGHPUT_WARMUP="${THROUGHPUT_WARMUP:-5}"
CLI_RUNS="${CLI_RUNS:-3}"
CLI_TIMEOUT="${CLI_TIMEOUT:-900}"
CLI_TASKS="${CLI_TASKS:-$TASKS}"
IFS=';' read -r -a java_configs <<< "${BENCH_JAVA_OPTS:--Xms2g -Xmx2g;-Xms3g -Xmx3g -Xmn2g -XX:+UseSerialGC}"

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(a b c)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

results="$here/target/results"
mkdir -p "$results"
jar="$here/target/planc-bench.jar"
status=0

say() { printf '\n== %s\n' "$*"; }

say "machine"
{
  echo "date: $(date -Iseconds)"
  echo "host: $(uname -srm), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure below)"
} | tee "$results/machine.txt"

# ---------------------------------------------------------------- build
say "build: the compiler, the CLI and bench/target/planc-bench.jar (tests skipped)"
offline=(-o)
[ -d "$HOME/.m2/repository/org/openjdk/jmh/jmh-core" ] || offline=()  # first build fetches JMH
./mvnw -q -B "${offline[@]}" -Dmaven.test.skip=true -pl cli,bench -am package
generated() {  # the generated plan of $1 tasks, made when missing or older than the generator
  local f="$here/target/generated-$1.plan"
  if [ ! -f "$f" ] || [ "$jar" -nt "$f" ]; then
    java -cp "$jar" dev.planc.bench.PlanGenerator "$1" "$f" >&2
  fi
  echo "$f"
}

# ---------------------------------------------------------------- (a)
if want a; then
  : > "$results/a-throughput.txt"
  last=$(( ${#java_configs[@]} - 1 ))
  for k in "${!java_configs[@]}"; do
    read -r -a java_opts <<< "${java_configs[$k]}"
    phases=()
    [ "$k" = "$last" ] && phases=(--phases)
    say "(a) CheckThroughput: $TASKS tasks in process, java ${java_opts[*]}"
    if java "${java_opts[@]}" -cp "$jar" dev.planc.bench.CheckThroughput --tasks "$TASKS" \
        --warmup "$THROUGHPUT_WARMUP" --runs "$THROUGHPUT_RUNS" "${phases[@]}" 2>&1 | tee -a "$results/a-throughput.txt"; then
      :
    else
      status=1
    fi
  done
fi

# ---------------------------------------------------------------- (b)
if want b; then
  say "(b) whole process: ./planc check examples/release.plan, $RUNS runs after $WARMUP warm-up runs"
  ./planc check examples/release.plan  # builds the jar and the CDS archive if needed, and must pass
  if command -v hyperfine > /dev/null; then
    hyperfine --warmup "$WARMUP" --runs "$RUNS" --shell=none \
      --export-json "$results/b-release.json" --export-markdown "$results/b-release.md" \
      './planc check examples/release.plan' | tee "$results/b-release.txt"
    mean=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' \
      "$results/b-release.json" 2>/dev/null || echo "")
  else
    echo "(hyperfine not installed: bash loop; apt-get install -y hyperfine for statistics)"
    for _ in $(seq "$WARMUP"); do ./planc check examples/release.plan 2> /dev/null; done
    times=()
    for _ in $(seq "$RUNS"); do
      t0=$(date +%s%N); ./planc check examples/release.plan 2> /dev/null; t1=$(date +%s%N)
      times+=($(( (t1 - t0) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1; s+=$1} END {
      printf "runs %d: min %.3f s, median %.3f s, mean %.3f s, max %.3f s\n", NR, a[1]/1e6, a[int((NR+1)/2)]/1e6, s/NR/1e6, a[NR]/1e6
      printf "%.6f\n", s/NR/1e6 > "/dev/stderr" }' 2> "$results/b-mean.txt" | tee "$results/b-release.txt"
    mean=$(cat "$results/b-mean.txt")
  fi
  if [ -n "$mean" ]; then
    verdict=$(awk -v m="$mean" 'BEGIN { print (m <= 0.6 ? "PASS" : "FAIL") }')
    echo "target: mean $(awk -v m="$mean" 'BEGIN { printf "%.3f", m }') s <= 0.6 s: $verdict" | tee -a "$results/b-release.txt"
    [ "$verdict" = PASS ] || status=1
  fi
fi

# ---------------------------------------------------------------- (c)
if want c; then
  : > "$results/c-cli.txt"
  for n in $CLI_TASKS; do
    plan=$(generated "$n")
    size=$(stat -c %s "$plan")
    say "(c) ./planc check $(basename "$plan") ($size bytes) under /usr/bin/time -v, $CLI_RUNS runs, at most ${CLI_TIMEOUT}s each"
    for i in $(seq "$CLI_RUNS"); do
      log="$results/c-time-$n-$i.txt"
      code=0
      /usr/bin/time -v timeout "$CLI_TIMEOUT" ./planc check "$plan" 2> "$log" > /dev/null || code=$?
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
      rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
      user=$(awk -F': ' '/User time/ {print $2}' "$log")
      sys=$(awk -F': ' '/System time/ {print $2}' "$log")
      outcome=$(grep -h -m1 -E '^planc: checked|OutOfMemoryError' "$log" || true)
      [ "$code" = 124 ] && outcome="stopped after ${CLI_TIMEOUT}s"
      echo "$n tasks, run $i: exit $code, wall $wall, user ${user}s, sys ${sys}s, peak RSS ${rss} MB; $outcome" \
        | tee -a "$results/c-cli.txt"
      if [ "$code" != 0 ]; then
        status=1
        break  # a run that fails or times out is not repeated
      fi
    done
  done
fi

# ---------------------------------------------------------------- (d), only when asked for
if want d; then
  for n in ${COMPILE_TASKS:-1000 10000}; do
    say "(d) CheckThroughput --compile: Compiler.compile (scheduling included) of $n tasks, java -Xms4g -Xmx4g"
    java -Xms4g -Xmx4g -cp "$jar" dev.planc.bench.CheckThroughput --compile --tasks "$n" --warmup 1 --runs 3 \
      2>&1 | tee "$results/d-compile-$n.txt" || true
  done
fi

say "results are in $results"
exit $status
