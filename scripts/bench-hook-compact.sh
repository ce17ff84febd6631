#!/usr/bin/env bash
# Wall time of one PostToolUse hook event with output compaction on (`--compact`), native hook (NativeAOT):
# median and p95 over N runs, for a 200 KB pytest output (compacted and replaced), a 200 KB output of no known
# runner (answered with nothing), a 2 KB output (too short to compact), and the 200 KB pytest output with
# compaction off (recording only), as the baseline.
#   scripts/bench-hook-compact.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
# With OUTLOOP_HOOK_BIN set to a published outloop-hook, that binary is measured instead of publishing one.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OUTLOOP_HOME="$work/home" CLAUDE_PROJECT_DIR="$work/project"
mkdir -p "$CLAUDE_PROJECT_DIR"

hook="${OUTLOOP_HOOK_BIN:-}"
if [ -z "$hook" ]; then
  dotnet publish src/Outloop.Hook -c Release -r linux-x64 -o "$work/aot" --nologo -v quiet
  hook="$work/aot/outloop-hook"
fi

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def event(command, output):
    return {"session_id": "bench-session", "transcript_path": "/tmp/t.jsonl", "cwd": work + "/project",
            "permission_mode": "default", "hook_event_name": "PostToolUse", "tool_name": "Bash",
            "tool_input": {"command": command, "description": "Run tests"},
            "tool_response": {"stdout": output, "stderr": "", "interrupted": False, "isImage": False},
            "tool_use_id": "toolu_bench", "duration_ms": 1234}
lines = ["============================= test session starts ==============================",
         "platform linux -- Python 3.12.1, pytest-8.0.0, pluggy-1.4.0", "rootdir: /home/user/project", "collected 2800 items", ""]
lines += [f"tests/test_models.py::test_param[{i}] PASSED{' ' * 20}[{i * 100 // 2800:3d}%]" for i in range(2800)]
lines += ["", "=================================== FAILURES ===================================",
          "_______________________________ test_rounding ________________________________", "",
          "    def test_rounding():", ">       assert round_half(2.5) == 3", "E       assert 2 == 3", "",
          "tests/test_models.py:41: AssertionError",
          "=========================== short test summary info ============================",
          "FAILED tests/test_models.py::test_rounding - assert 2 == 3",
          "================== 1 failed, 2799 passed in 21.07s =================="]
pytest = "\n".join(lines)
plain = "\n".join(f"worker {i % 8}: processed record {i} checksum={i * 7919 % 65536:04x}" for i in range(4000))
small = "\n".join(f"test_{i:03d} ... ok" for i in range(120))
for name, command, output in [("pytest", "pytest -v", pytest), ("plain", "./run-batches.sh", plain), ("small", "pytest -v", small)]:
    json.dump(event(command, output), open(f"{work}/{name}.json", "w"))
    print(f"{name}: {len(output)} bytes of output")
PY

printf '%-44s %10s %10s\n' case median_ms p95_ms
for v in "200 KB pytest, --compact (replaced)|--compact|pytest" "200 KB unrecognised, --compact (no answer)|--compact|plain" \
         "2 KB pytest, --compact (too short)|--compact|small" "200 KB pytest, recording only (no flag)||pytest"; do
  IFS='|' read -r name flags event <<<"$v"
  hyperfine --style none --warmup 5 --runs "$runs" --export-json "$work/result.json" \
    "$hook --db $work/$event$flags.db $flags < $work/$event.json > $work/answer.json" >/dev/null
  python3 - "$work/result.json" "$name" "$work/answer.json" <<'PY'
import json, statistics, sys
times = sorted(t * 1000 for t in json.load(open(sys.argv[1]))["results"][0]["times"])
p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
answer = open(sys.argv[3]).read()
print(f"{sys.argv[2]:<44} {statistics.median(times):10.1f} {p95:10.1f}   answer {len(answer)} bytes")
PY
done
echo "token_savings rows (compacted case): $(sqlite3 "$work/pytest--compact.db" 'SELECT count(*) FROM token_savings' 2>/dev/null || echo '?')"
if [ -s "$OUTLOOP_HOME/logs/hook-errors.log" ]; then echo "hook errors:"; head -5 "$OUTLOOP_HOME/logs/hook-errors.log"; fi
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores"
