#!/usr/bin/env bash
# Cost of the Stop signal (src/Outloop/Ingestion/Hooks/HookStopSignal.cs) in the native hook: median and p95 wall
# time of one event per process, for the frequent PostToolUse event and for Stop in each of its cases, against the
# same hook built from the `main` branch (RUNS per variant, default 200; needs hyperfine).
#   scripts/bench-hook-stop.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OUTLOOP_HOME="$work/home"
# The follow-up process is replaced by a script that only counts its starts, so that the hook's own cost (fork and
# exec) is measured and the starts can be checked.
printf '#!/bin/sh\necho x >> "%s/launches"\n' "$work" > "$work/count.sh"
chmod +x "$work/count.sh"
export OUTLOOP_CLI="$work/count.sh"

dotnet publish src/Outloop.Hook -c Release -r linux-x64 -o "$work/new" --nologo -v quiet
mkdir -p "$work/base-src"
git archive main | tar -x -C "$work/base-src"
dotnet publish "$work/base-src/src/Outloop.Hook" -c Release -r linux-x64 -o "$work/base" --nologo -v quiet

mkdir -p "$work/plain" "$work/project/.outloop" "$work/due/.outloop"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
output = "\n".join(f"test_{i:03d} ... ok" for i in range(120))
post = {"session_id": "bench", "transcript_path": "/tmp/none.jsonl", "cwd": f"{w}/project", "hook_event_name": "PostToolUse",
        "tool_name": "Bash", "tool_input": {"command": "pytest -q"}, "tool_response": {"stdout": output, "stderr": ""},
        "tool_use_id": "toolu_bench", "duration_ms": 1234}
json.dump(post, open(f"{w}/post.json", "w"))
for name, cwd in [("stop-plain", "plain"), ("stop-project", "project"), ("stop-spawn", "due")]:
    json.dump({"session_id": "bench", "transcript_path": "/tmp/none.jsonl", "cwd": f"{w}/{cwd}", "hook_event_name": "Stop",
               "stop_hook_active": False}, open(f"{w}/{name}.json", "w"))
PY

# HookStopSignal.ProjectKey: FNV-1a 64 of the full path.
key() { python3 -c "
import sys, os
h = 14695981039346656037
for b in os.path.abspath(sys.argv[1]).encode():
    h = ((h ^ b) * 1099511628211) % 2**64
print(f'{h:016x}')" "$1"; }
state_dir() { echo "$work/$1.outbox/triggers"; }

variants=(
  "PostToolUse|post"
  "Stop, folder without .outloop|stop-plain"
  "Stop, project, not due|stop-project"
  "Stop, project, starts follow-up|stop-spawn"
)
printf '%-34s %-6s %10s %10s %12s\n' event hook median_ms p95_ms cpu_ms_mean
for v in "${variants[@]}"; do
  name="${v%%|*}"; event="${v#*|}"
  for hook in base new; do
    db="$work/$hook-$event.db"
    # afterTasks huge: never due by count; the spawn case says task webhooks are wanted, so every Stop starts it.
    mkdir -p "$(state_dir "$hook-$event")"
    echo "1000000 1 0" > "$(state_dir "$hook-$event")/$(key "$work/project").state"
    echo "1000000 1 1" > "$(state_dir "$hook-$event")/$(key "$work/due").state"
    hyperfine --style none --warmup 5 --runs "$runs" --export-json "$work/r.json" \
      "$work/$hook/outloop-hook --db $db < $work/$event.json" >/dev/null 2>&1
    python3 - "$work/r.json" "$name" "$hook" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
t = sorted(x * 1000 for x in r["times"])
cpu = (r["user"] + r["system"]) * 1000
print(f"{sys.argv[2]:<34} {sys.argv[3]:<6} {statistics.median(t):10.2f} {t[int(round(0.95 * (len(t) - 1)))]:10.2f} {cpu:12.2f}")
PY
  done
done
sleep 1
echo "follow-up starts: $(wc -l < "$work/launches" 2>/dev/null || echo 0) (expected $(( runs + 5 )): the new hook in the last case; the base hook has no follow-up)"
if [ -s "$OUTLOOP_HOME/logs/hook-errors.log" ]; then echo "hook errors:"; head -5 "$OUTLOOP_HOME/logs/hook-errors.log"; fi
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores"
