#!/usr/bin/env python3
"""Do failure templates, iterations and the other task signals separate resolved from unresolved tasks?

Reads an Outloop store after `outloop import auto ../shared/data/mini-swe-agent` and
`outloop backfill --signals SIGNALS.jsonl`, and prints, for one agent's labelled tasks, the AUC of every signal against
"unresolved" (0.5 = chance; above 0.5 = higher value, more often unresolved; below = the reverse), each on all tasks and
as the 5th-95th percentile over the halves of 200 random 2-fold splits (the spread a held-out half would see), plus the
point-biserial correlation of iterations with being unresolved. The template score is the only learnt signal: each
task is scored by the unresolved rate of the failure templates it hit, learnt from the other half of the split.
The signals are fixed in advance (BENCHMARKS.md lists them); none is chosen or tuned on these labels.
Usage: scripts/outcome-signal.py STORE.db SIGNALS.jsonl [AGENT]   (AGENT defaults to mini-swe-agent)
"""
import json
import random
import sqlite3
import statistics
import sys
from collections import defaultdict

db, signals_path = sys.argv[1], sys.argv[2]
agent = sys.argv[3] if len(sys.argv) > 3 else "mini-swe-agent"
con = sqlite3.connect(db)
tasks = {tid: outcome for tid, outcome in con.execute(
    "SELECT id, outcome FROM tasks WHERE agent = ? AND outcome IN ('converged', 'failed')", (agent,))}
labels = {t: 1 if o == "failed" else 0 for t, o in tasks.items()}  # 1 = unresolved
signals = {}
with open(signals_path, encoding="utf-8") as f:
    for line in f:
        s = json.loads(line)
        if s["taskId"] in tasks:
            signals[s["taskId"]] = s
templates = defaultdict(set)
for tid, template in con.execute("SELECT task_id, template_id FROM failures"):
    if tid in tasks:
        templates[tid].add(template)
ids = sorted(tasks)


def flag(value):
    """A yes/no/none signal as a number: none (no such run) sits between no and yes."""
    return 0.5 if value is None else float(value)


FEATURES = {
    "iterations (1 + failed checks between source edits)": lambda s: s["iterations"],
    "failed tool calls (no-match answers and reproductions excluded)": lambda s: s["failedCalls"],
    "failed verification runs": lambda s: s["failedVerifications"],
    "last verification run failed": lambda s: flag(s["lastVerificationFailed"]),
    "last test run failed": lambda s: flag(s["lastTestFailed"]),
    "never ran a test (no test run outside reproductions)": lambda s: float(s["testRuns"] == 0),
    "wrote or edited a test file": lambda s: float(s["editedTests"]),
    "verification runs": lambda s: s["verifications"],
    "source edits": lambda s: s["sourceEdits"],
    "no submission step": lambda s: float(not s["submitted"]),
    "for comparison: tool calls": lambda s: s["calls"],
}


def auc(score, subset):
    pos = [score[t] for t in subset if labels[t] == 1]
    neg = [score[t] for t in subset if labels[t] == 0]
    if not pos or not neg:
        return None
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def template_scores(train, test):
    # A template counts when seen in >= MIN_TRAIN training tasks; rates are smoothed towards the training base rate.
    prior, min_train = 2, 2
    base = sum(labels[u] for u in train) / len(train)
    seen = defaultdict(list)
    for u in train:
        for template in templates[u]:
            seen[template].append(labels[u])
    score = {}
    for t in test:
        rates = [(sum(v) + prior * base) / (len(v) + prior) for tpl in templates[t] if len(v := seen[tpl]) >= min_train]
        score[t] = statistics.mean(rates) if rates else base
    return score


SPLITS = 200
rng = random.Random(7)
halves = []
for _ in range(SPLITS):
    order = ids[:]
    rng.shuffle(order)
    half = len(order) // 2
    halves.append((order[:half], order[half:]))
    halves.append((order[half:], order[:half]))


def spread(values):
    values = sorted(v for v in values if v is not None)
    return values[len(values) // 20], values[-(len(values) // 20) - 1], statistics.mean(values)


rows = []
for name, fn in FEATURES.items():
    score = {t: fn(signals[t]) for t in ids}
    lo, hi, _ = spread(auc(score, test) for _, test in halves)
    unresolved = statistics.mean(score[t] for t in ids if labels[t] == 1)
    resolved = statistics.mean(score[t] for t in ids if labels[t] == 0)
    rows.append((name, auc(score, ids), lo, hi, resolved, unresolved))
template_aucs = [auc(template_scores(train, test), test) for train, test in halves]
lo, hi, mean = spread(template_aucs)

y = [labels[t] for t in ids]
x = [signals[t]["iterations"] for t in ids]
r = statistics.correlation(x, y) if len(set(x)) > 1 else float("nan")
print(f"{agent}: {len(ids)} labelled tasks, {sum(y)} unresolved, {sum(1 for t in ids if templates[t])} with failures, "
      f"{len({tpl for t in ids for tpl in templates[t]})} templates")
print(f"point-biserial r(iterations, unresolved) = {r:.3f}")
print()
print("| signal | mean resolved | mean unresolved | AUC, all tasks | AUC on held-out halves, 5th-95th pct |")
print("|---|---|---|---|---|")
for name, a, lo_, hi_, res, unres in rows:
    print(f"| {name} | {res:.2f} | {unres:.2f} | {a:.2f} | {lo_:.2f}-{hi_:.2f} |")
print(f"| failure-template score, learnt on the other half | -- | -- | {mean:.2f} (mean) | {lo:.2f}-{hi:.2f} |")
