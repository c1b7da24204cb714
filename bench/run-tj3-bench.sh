#!/usr/bin/env bash
# Planc next to TaskJuggler (tj3) on synthetic plans with resource contention, and Planc alone on a
# million tasks without resources. Writes everything under bench/target/tj3/ and a summary to
# bench/target/results/tj3.txt.
#
#   contention: for each size in SIZES (default "5000 20000"), one plan with 50 resources, holidays,
#     leaves, part-time and half-capacity people, written in both languages by
#     dev.planc.bench.tj.ContentionPlans; whole-process wall time and peak RSS (/usr/bin/time -v) of
#     `planc schedule --format json` and of `tj3 --no-reports`, and each tool's overall finish (TJ's from
#     a second run that writes only a CSV of the top-level tasks; TJ_FINISH=0 skips it).
#     Targets: >= 20x faster than tj3 at 5,000 tasks, >= 100x at 20,000; a finish no later than tj3's.
#   million: `planc schedule` of 1,000,000 tasks without resources. Targets: <= 30 s, <= 4 GB peak RSS.
#
# Usage: bench/run-tj3-bench.sh [contention] [million]      (no argument: both)
# Environment:
#   SIZES="5000 20000"        contention plan sizes (tasks, groups and milestones included)
#   RESOURCES=50              resources of the contention plans
#   MILLION=1000000           size of the plan without resources
#   TJ_FINISH=1               also run tj3 with its report, for its finish (doubles TJ's time)
#   PLANC_JAVA_OPTS=""        JVM options of `planc schedule` (default: none, run through ./planc)
# Needs tj3 (Debian package tj3) for the contention part, and GNU time (/usr/bin/time, package time).
# Exit status: 0 when every target that was measured is met, 1 otherwise, 2 when a tool is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

SIZES="${SIZES:-5000 20000}"
RESOURCES="${RESOURCES:-50}"
MILLION="${MILLION:-1000000}"
TJ_FINISH="${TJ_FINISH:-1}"
read -r -a planc_opts <<< "${PLANC_JAVA_OPTS:-}"

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(contention million)
want() { local p; for p in "${parts[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

work="$here/target/tj3"
results="$here/target/results"
mkdir -p "$work" "$results"
summary="$results/tj3.txt"
: > "$summary"
status=0

say() { printf '\n== %s\n' "$*"; }

if [ ! -x /usr/bin/time ]; then
  echo "GNU time is missing: apt-get install -y time" >&2
  exit 2
fi
if want contention && ! command -v tj3 >/dev/null 2>&1; then
  echo "tj3 (TaskJuggler) is missing: apt-get install -y tj3 (or run: $0 million)" >&2
  exit 2
fi

say "machine"
{
  echo "date: $(date -Iseconds)"
  echo "host: $(uname -srm), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  if command -v tj3 >/dev/null 2>&1; then echo "tj3: $(tj3 --version 2>/dev/null | head -1)"; fi
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every figure below)"
} | tee -a "$summary"

say "build: the CLI and bench/target/planc-bench.jar (tests skipped)"
offline=(-o)
[ -d "$HOME/.m2/repository/org/openjdk/jmh/jmh-core" ] || offline=()  # first build fetches JMH
./mvnw -q -B "${offline[@]}" -DskipTests -pl cli,bench -am package
bench_jar="$here/target/planc-bench.jar"
planc_jar="$root/cli/target/planc.jar"

# planc schedule under /usr/bin/time -v; $1 plan, $2 json out, $3 time log
# (the ./planc launcher, as users run it: Serial GC, C1, class-data sharing; PLANC_JAVA_OPTS set:
# plain `java OPTS -jar` instead)
run_planc() {
  if [ ${#planc_opts[@]} -eq 0 ]; then
    "$root/planc" --version > /dev/null 2>&1 || true  # makes the class-data-sharing archive once
    /usr/bin/time -v -o "$3" "$root/planc" schedule --format json "$1" -o "$2" > "$3.out" 2>&1 || true
  else
    /usr/bin/time -v -o "$3" java "${planc_opts[@]}" -jar "$planc_jar" schedule --format json "$1" -o "$2" \
      > "$3.out" 2>&1 || true
  fi
}

if want contention; then
  for n in $SIZES; do
    base="$work/contention-$n"
    say "contention, $n tasks, $RESOURCES resources"
    java -cp "$bench_jar" dev.planc.bench.tj.ContentionPlans "$n" "$RESOURCES" "$base"
    run_planc "$base.plan" "$base.json" "$base.planc.time"
    grep -E 'Elapsed|Maximum resident' "$base.planc.time" | sed 's/^\s*/planc: /'
    /usr/bin/time -v -o "$base.tj3.time" tj3 --silent --no-color --no-reports "$base.tjp" \
      > "$base.tj3.out" 2>&1 || true
    grep -E 'Elapsed|Maximum resident' "$base.tj3.time" | sed 's/^\s*/tj3:   /'
    rm -f "$base.finish.csv"
    if [ "$TJ_FINISH" = 1 ]; then
      mkdir -p "$base.tj3-report"
      if tj3 --silent --no-color -o "$base.tj3-report" "$base.tjp" > "$base.tj3-report.out" 2>&1; then
        cp "$base.tj3-report/finish.csv" "$base.finish.csv"
      else
        echo "tj3 with its report failed: see $base.tj3-report.out"
      fi
    fi
    if [ "$n" -ge 20000 ]; then speedup=100; else speedup=20; fi
    java -cp "$bench_jar" dev.planc.bench.tj.TjBenchSummary "$n" "$base.planc.time" "$base.json" \
      "$base.tj3.time" "$base.finish.csv" "$speedup" | tee -a "$summary" || status=1
  done
fi

if want million; then
  base="$work/no-resources-$MILLION"
  say "no resources, $MILLION tasks (Planc only)"
  java -cp "$bench_jar" dev.planc.bench.tj.ContentionPlans "$MILLION" 0 "$base"
  run_planc "$base.plan" "$base.json" "$base.planc.time"
  grep -E 'Elapsed|Maximum resident' "$base.planc.time" | sed 's/^\s*/planc: /'
  java -cp "$bench_jar" dev.planc.bench.tj.TjBenchSummary "$MILLION" "$base.planc.time" "$base.json" \
    "$base.none" "$base.none" 0 | tee -a "$summary" || status=1
fi

say "summary ($summary)"
cat "$summary"
exit $status
