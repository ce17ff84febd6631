#!/usr/bin/env python3
"""Do failure templates, iterations and the other task signals separate resolved from unresolved tasks?

Reads an Outloop store after `outloop import auto ../shared/data/mini-swe-agent` and
`outloop backfill --signals SIGNALS.jsonl`, and prints, for one agent's labelled tasks, every signal's AUC against
"unresolved" (0.5 = chance; above = a higher value goes with unresolved) with
  - a 95% bootstrap interval (2,000 resamples of the tasks),
  - a two-sided permutation p-value (5,000 label shuffles) and its Holm adjustment over all signals of the table,
  - the 5th-95th percentile of the AUC on the held-out halves of 200 random 2-fold splits (what a new run of half
    the size would see).
The learnt signals are scored on held-out halves only: the failure-template score (each task scored by the smoothed
unresolved rate of the templates it hit, learnt on the other half), and "pick the best signal on one half, use it
on the other" (the selection is part of what is tested, so fishing through this table cannot inflate it; its
p-value comes from repeating the whole procedure on shuffled labels).
Usage: scripts/outcome-signal.py STORE.db SIGNALS.jsonl [AGENT]   (AGENT defaults to mini-swe-agent)
"""
import bisect
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
rng = random.Random(7)


def flag(value):
    """A yes/no/none signal as a number: none (no such run) sits between no and yes."""
    return 0.5 if value is None else float(value)


# (group, name, value). The first group is the previous pass's table; the second, other definitions of
# iterations; the third, what reading the trajectories suggested (exploration and the size of the fix).
FEATURES = [
    ("failures and iterations", "iterations (1 + failed checks a later edit answered)", lambda s: s["iterations"]),
    ("failures and iterations", "failed tool calls", lambda s: s["failedCalls"]),
    ("failures and iterations", "failed verification runs", lambda s: s["failedVerifications"]),
    ("failures and iterations", "last verification run failed", lambda s: flag(s["lastVerificationFailed"])),
    ("failures and iterations", "last test run failed", lambda s: flag(s["lastTestFailed"])),
    ("failures and iterations", "never ran a test", lambda s: float(s["testRuns"] == 0)),
    ("failures and iterations", "wrote or edited a test file", lambda s: float(s["editedTests"])),
    ("failures and iterations", "verification runs", lambda s: s["verifications"]),
    ("failures and iterations", "source edits", lambda s: s["sourceEdits"]),
    ("iterations, other definitions", "checked fix attempts (edits followed by a check)", lambda s: s["checkedEdits"]),
    ("iterations, other definitions", "failed checks after the first edit (last included)", lambda s: s["failedChecksAfterEdit"]),
    ("iterations, other definitions", "share of checked attempts that failed",
     lambda s: s["failedChecksAfterEdit"] / s["checkedEdits"] if s["checkedEdits"] else 0.0),
    ("effort and size of the fix", "tool calls", lambda s: s["calls"]),
    ("effort and size of the fix", "search calls", lambda s: s["searches"]),
    ("effort and size of the fix", "tokens of searches and reads", lambda s: s["explorationTokens"]),
    ("effort and size of the fix", "submitted patch: changed lines outside tests", lambda s: s["patchLines"] or 0),
    ("effort and size of the fix", "submitted patch: files outside tests", lambda s: s["patchFiles"] or 0),
]


def auc(score, subset):
    """Mann-Whitney AUC of score for unresolved (label 1) against resolved, ties counting half."""
    pos = sorted(score[t] for t in subset if labels[t] == 1)
    neg = sorted(score[t] for t in subset if labels[t] == 0)
    if not pos or not neg:
        return None
    total = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg, p), bisect.bisect_right(neg, p)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def auc_labels(values, flags):
    """AUC from parallel lists (for shuffled labels)."""
    pos = [v for v, y in zip(values, flags) if y]
    neg = sorted(v for v, y in zip(values, flags) if not y)
    total = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg, p), bisect.bisect_right(neg, p)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def bootstrap(score, n=2000):
    values = []
    for _ in range(n):
        sample = [rng.choice(ids) for _ in ids]
        if a := auc(score, sample):
            values.append(a)
    values.sort()
    return values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]


def permutation_p(score, observed, n=5000):
    values = [score[t] for t in ids]
    flags = [labels[t] for t in ids]
    hits = 0
    for _ in range(n):
        rng.shuffle(flags)
        hits += abs(auc_labels(values, flags) - 0.5) >= abs(observed - 0.5) - 1e-12
    return (hits + 1) / (n + 1)


def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    adjusted, running = [0.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(ps) - rank) * ps[i]))
        adjusted[i] = running
    return adjusted


def splits(count, seed):
    r = random.Random(seed)
    halves = []
    for _ in range(count):
        order = ids[:]
        r.shuffle(order)
        half = len(order) // 2
        halves.append((order[:half], order[half:]))
        halves.append((order[half:], order[:half]))
    return halves


def spread(values):
    values = sorted(v for v in values if v is not None)
    return values[len(values) // 20], values[-(len(values) // 20) - 1], statistics.mean(values)


def template_scores(train, test):
    # A template counts when seen in >= 2 training tasks; rates are smoothed towards the training base rate.
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


def group_of(task_id):
    """The repository of a SWE-bench-style task id (agent:owner__repo-123:...), else one group for all."""
    parts = task_id.split(":")
    return parts[1].split("__")[0] if len(parts) > 1 and "__" in parts[1] else ""


GROUPS = defaultdict(list)
for t in ids:
    GROUPS[group_of(t)].append(t)


def within_group_auc(score, lab):
    """AUC over (unresolved, resolved) pairs of the same repository only: the repository mix cannot make it."""
    wins = pairs = 0.0
    for members in GROUPS.values():
        pos = [score[t] for t in members if lab[t]]
        neg = [score[t] for t in members if not lab[t]]
        wins += sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
        pairs += len(pos) * len(neg)
    return wins / pairs


def within_group_p(score, observed, n=2000):
    hits = 0
    for _ in range(n):
        shuffled = {}
        for members in GROUPS.values():
            values = [labels[t] for t in members]
            rng.shuffle(values)
            shuffled.update(zip(members, values))
        hits += abs(within_group_auc(score, shuffled) - 0.5) >= abs(observed - 0.5) - 1e-12
    return (hits + 1) / (n + 1)


def best_on_train(scores, train, test):
    """AUC on test of the signal (and direction) that separated train best: selection included."""
    best, best_gap, sign = None, -1.0, 1
    for name, score in scores.items():
        a = auc(score, train)
        if a is not None and abs(a - 0.5) > best_gap:
            best, best_gap, sign = name, abs(a - 0.5), 1 if a >= 0.5 else -1
    a = auc(scores[best], test)
    return (a if sign > 0 else 1 - a), best


HALVES = splits(200, 7)
scores = {name: {t: fn(signals[t]) for t in ids} for _, name, fn in FEATURES}
rows = []
for group, name, _ in FEATURES:
    score = scores[name]
    a = auc(score, ids)
    lo, hi = bootstrap(score)
    p = permutation_p(score, a)
    hlo, hhi, _ = spread(auc(score, test) for _, test in HALVES)
    resolved = statistics.mean(score[t] for t in ids if labels[t] == 0)
    unresolved = statistics.mean(score[t] for t in ids if labels[t] == 1)
    w = within_group_auc(score, labels)
    rows.append([group, name, resolved, unresolved, a, lo, hi, p, hlo, hhi, w, within_group_p(score, w)])
for row, adjusted in zip(rows, holm([r[7] for r in rows])):
    row.insert(10, adjusted)

template_aucs = [auc(template_scores(train, test), test) for train, test in HALVES]
tlo, thi, tmean = spread(template_aucs)

picked = defaultdict(int)
selected = []
for train, test in HALVES:
    a, name = best_on_train(scores, train, test)
    selected.append(a)
    picked[name] += 1
slo, shi, smean = spread(selected)
# The same procedure on shuffled labels: how often does chance give a held-out mean as high?
truth = dict(labels)
null_means, shuffles = [], 1000
flags = [truth[t] for t in ids]
for k in range(shuffles):
    rng.shuffle(flags)
    labels.update(zip(ids, flags))
    null_means.append(statistics.mean(best_on_train(scores, tr, te)[0] for tr, te in splits(10, 1000 + k)))
labels.update(truth)
select_p = (sum(m >= smean for m in null_means) + 1) / (shuffles + 1)

y = [labels[t] for t in ids]
print(f"{agent}: {len(ids)} labelled tasks, {sum(y)} unresolved, {sum(1 for t in ids if templates[t])} with failures, "
      f"{len({tpl for t in ids for tpl in templates[t]})} templates")
for key in ("iterations", "checkedEdits", "failedChecksAfterEdit"):
    x = [signals[t][key] for t in ids]
    print(f"point-biserial r({key}, unresolved) = {statistics.correlation(x, y):.3f}")
print()
print(f"{len(GROUPS)} repositories; 'within repo' compares only tasks of the same repository (labels shuffled within each)")
print()
print("| signal | mean resolved | mean unresolved | AUC, all tasks [95% bootstrap] | permutation p (Holm) "
      "| held-out halves, 5th-95th pct | within repo: AUC, p |")
print("|---|---|---|---|---|---|---|")
group = None
for g, name, res, unres, a, lo, hi, p, hlo, hhi, adj, w, wp in rows:
    if g != group:
        print(f"| *{g}* | | | | | | |")
        group = g
    print(f"| {name} | {res:.2f} | {unres:.2f} | {a:.2f} [{lo:.2f}-{hi:.2f}] | {p:.3f} ({adj:.2f}) | {hlo:.2f}-{hhi:.2f} "
          f"| {w:.2f}, {wp:.3f} |")
print("| *learnt on one half, scored on the other* | | | | | | |")
print(f"| failure-template score | -- | -- | {tmean:.2f} (mean over halves) | -- | {tlo:.2f}-{thi:.2f} | -- |")
print(f"| best signal of this table picked on the other half | -- | -- | {smean:.2f} (mean over halves) "
      f"| {select_p:.3f} (whole procedure, {shuffles} shuffles) | {slo:.2f}-{shi:.2f} | -- |")
print()
shared = sorted(((len(ts), sum(labels[t] for t in ts), tpl) for tpl, ts in
                 ((tpl, [t for t in ids if tpl in templates[t]]) for tpl in {x for t in ids for x in templates[t]})
                 if len(ts) >= 3), reverse=True)
text = dict(con.execute("SELECT id, signature FROM patterns WHERE kind = 'failure'"))
print("failure templates in >= 3 tasks (tasks, of them unresolved): " + "; ".join(
    f"{text.get(tpl, tpl)[:60]!r} {n}, {u}" for n, u, tpl in shared))
print("picked on the training half: " + ", ".join(f"{n} {c}" for n, c in sorted(picked.items(), key=lambda kv: -kv[1])))
