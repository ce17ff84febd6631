#!/usr/bin/env bash
# Wall time of one hook event per process, for each way of running the hook: median and p95 over N runs.
#   scripts/bench-hook.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
# Variants: the native binary (outloop-hook, NativeAOT), the CLI's apphost and `dotnet Outloop.Cli.dll` (JIT),
# and the CLI published ReadyToRun. Each writes a real event to a real store in a temporary OUTLOOP_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OUTLOOP_HOME="$work/home"

dotnet build src/Outloop.Cli -c Release --nologo -v quiet
dotnet publish src/Outloop.Hook -c Release -r linux-x64 -o "$work/aot" --nologo -v quiet
if ! dotnet publish src/Outloop.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
     -o "$work/r2r" --nologo -v quiet; then
  echo "(ReadyToRun publish failed; that variant is skipped)"
fi
cli="src/Outloop.Cli/bin/Release/net10.0"

# A PostToolUse event with 2 KB of Bash output: the common case, and the biggest of the frequent events.
python3 - "$work/event.json" <<'PY'
import json, sys
output = "\n".join(f"test_{i:03d} ... ok" for i in range(120))
event = {"session_id": "bench-session", "transcript_path": "/tmp/t.jsonl", "cwd": "/home/user/project",
         "permission_mode": "default", "hook_event_name": "PostToolUse", "tool_name": "Bash",
         "tool_input": {"command": "pytest -q", "description": "Run tests"},
         "tool_response": {"stdout": output, "stderr": "", "interrupted": False, "isImage": False},
         "tool_use_id": "toolu_bench", "duration_ms": 1234}
open(sys.argv[1], "w").write(json.dumps(event))
PY

variants=(
  "native outloop-hook (AOT)|$work/aot/outloop-hook --db $work/aot.db"
  "outloop hook, apphost (JIT)|$cli/Outloop.Cli hook --db $work/jit.db"
  "dotnet Outloop.Cli.dll hook (JIT)|dotnet $cli/Outloop.Cli.dll hook --db $work/dll.db"
)
[ -x "$work/r2r/Outloop.Cli" ] && variants+=("outloop hook, ReadyToRun|$work/r2r/Outloop.Cli hook --db $work/r2r.db")

printf '%-36s %10s %10s %10s\n' variant median_ms p95_ms mean_ms
for v in "${variants[@]}"; do
  name="${v%%|*}"; cmd="${v#*|}"
  hyperfine --style none --warmup 5 --runs "$runs" --export-json "$work/result.json" "$cmd < $work/event.json" >/dev/null
  python3 - "$work/result.json" "$name" <<'PY'
import json, statistics, sys
times = sorted(t * 1000 for t in json.load(open(sys.argv[1]))["results"][0]["times"])
p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
print(f"{sys.argv[2]:<36} {statistics.median(times):10.1f} {p95:10.1f} {statistics.mean(times):10.1f}")
PY
done
if [ -s "$OUTLOOP_HOME/logs/hook-errors.log" ]; then echo "hook errors:"; head -5 "$OUTLOOP_HOME/logs/hook-errors.log"; fi
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores"
