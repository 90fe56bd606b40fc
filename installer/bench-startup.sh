#!/usr/bin/env bash
# Start-up benchmark of the packaged app (issue 10).
#   installer/bench-startup.sh [APP_DIR] [RUNS]
# APP_DIR: an installed or built image (default /opt/serialtrace, else installer/target/installer/image/Serialtrace).
# Uses SERIALTRACE_HOME if set (e.g. a big database), else a throw-away data home that the first,
# untimed start creates and seeds with the demo warehouse. Each timed run starts the desktop app
# in Xvfb and reads its own log lines (milliseconds since JVM start): window shown, and search
# field usable (database open, window ready). Then times `serialtrace --version`.
# Needs xvfb-run. Prints medians.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app=${1:-}
if [ -z "$app" ]; then
  if [ -x /opt/serialtrace/bin/Serialtrace ]; then app=/opt/serialtrace; else app=$root/installer/target/installer/image/Serialtrace; fi
fi
runs=${2:-5}
[ -x "$app/bin/Serialtrace" ] || { echo "no $app/bin/Serialtrace: build with ./mvnw -Pinstaller package" >&2; exit 2; }
home=${SERIALTRACE_HOME:-$(mktemp -d /tmp/serialtrace-bench-startup.XXXX)}
export SERIALTRACE_HOME=$home
log=$home/logs/serialtrace.log

start_once() {   # prints "window-ms usable-ms"
  local before=0
  [ -f "$log" ] && before=$(wc -l < "$log")
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$1/bin/Serialtrace" >/dev/null 2>&1 & pid=$!
    for i in $(seq 1 1200); do
      tail -n +"$(( $2 + 1 ))" "$3" 2>/dev/null | grep -q "search field usable" && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.1
    done
    kill $pid; wait $pid 2>/dev/null || true' _ "$app" "$before" "$log"
  tail -n +"$((before + 1))" "$log" | awk '
    /startup: window shown/ { w = $(NF-4) }
    /startup: search field usable/ { u = $(NF-4) }
    END { print w, u }'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "app: $app  data home: $home  runs: $runs"
echo "first start (untimed; creates and seeds the demo database if the data home is new) …"
start_once >/dev/null
windows=(); usable=()
for i in $(seq 1 "$runs"); do
  read -r w u < <(start_once)
  echo "  run $i: window shown ${w} ms, search usable ${u} ms after JVM start"
  windows+=("$w"); usable+=("$u")
done
echo "median: window shown $(printf '%s\n' "${windows[@]}" | median) ms, search usable $(printf '%s\n' "${usable[@]}" | median) ms"

versions=()
for i in $(seq 1 "$runs"); do
  s=$(date +%s%N); "$app/bin/serialtrace" --version >/dev/null; e=$(date +%s%N)
  versions+=($(( (e - s) / 1000000 )))
done
echo "serialtrace --version: median $(printf '%s\n' "${versions[@]}" | median) ms (${versions[*]})"
