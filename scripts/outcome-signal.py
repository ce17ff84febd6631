#!/usr/bin/env python3
"""Do failure templates and iteration counts separate resolved from unresolved tasks?

Reads an Outloop store after `outloop import auto ../shared/data/mini-swe-agent` and `outloop backfill`, and prints,
for one agent's labelled tasks: AUC of iterations and of failure counts against the labels (0.5 = chance), the
point-biserial correlation of iterations with being unresolved, and a cross-validated template score: each task is
scored by the unresolved rate of the failure templates it hit, learnt from a disjoint half of the tasks.
Usage: scripts/outcome-signal.py STORE.db [AGENT]   (AGENT defaults to mini-swe-agent)
"""
import random
import sqlite3
import statistics
import sys
from collections import defaultdict

db = sys.argv[1]
agent = sys.argv[2] if len(sys.argv) > 2 else "mini-swe-agent"
con = sqlite3.connect(db)
tasks = {tid: (outcome, iterations or 1) for tid, outcome, iterations in con.execute(
    "SELECT id, outcome, iterations FROM tasks WHERE agent = ? AND outcome IN ('converged', 'failed')", (agent,))}
templates = defaultdict(set)
failures = defaultdict(int)
for tid, template in con.execute("SELECT task_id, template_id FROM failures"):
    if tid in tasks:
        templates[tid].add(template)
        failures[tid] += 1

labels = {t: 1 if o == "failed" else 0 for t, (o, _) in tasks.items()}  # 1 = unresolved


def auc(score):
    pos = [score[t] for t in tasks if labels[t] == 1]
    neg = [score[t] for t in tasks if labels[t] == 0]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


iterations = {t: tasks[t][1] for t in tasks}
fails = {t: failures[t] for t in tasks}
# Template score by cross-validation: learn each template's unresolved rate on one half of the tasks, score the other
# half, 200 random splits. (Leave-one-out is biased against the held-out label for rare templates, because holding
# a task out removes its own vote; disjoint halves are not.) A template counts when seen in >= MIN_TRAIN training
# tasks; rates are smoothed towards the training base rate with PRIOR pseudo-tasks.
PRIOR, MIN_TRAIN, SPLITS = 2, 2, 200
rng = random.Random(7)
ids = sorted(tasks)
split_aucs = []
for _ in range(SPLITS):
    rng.shuffle(ids)
    half = len(ids) // 2
    for train, test in ((ids[:half], ids[half:]), (ids[half:], ids[:half])):
        base = sum(labels[u] for u in train) / len(train)
        seen = defaultdict(list)
        for u in train:
            for template in templates[u]:
                seen[template].append(labels[u])
        score = {}
        for t in test:
            rates = [(sum(v) + PRIOR * base) / (len(v) + PRIOR) for tpl in templates[t] if len(v := seen[tpl]) >= MIN_TRAIN]
            score[t] = statistics.mean(rates) if rates else base
        pos = [score[t] for t in test if labels[t] == 1]
        neg = [score[t] for t in test if labels[t] == 0]
        if pos and neg:
            split_aucs.append(sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg)))

y = [labels[t] for t in tasks]
x = [iterations[t] for t in tasks]
r = statistics.correlation(x, y) if len(set(x)) > 1 else float("nan")
resolved = [iterations[t] for t in tasks if labels[t] == 0]
unresolved = [iterations[t] for t in tasks if labels[t] == 1]
print(f"{agent}: {len(tasks)} labelled tasks, {sum(y)} unresolved, {sum(1 for t in tasks if templates[t])} with failures")
print(f"mean iterations: resolved {statistics.mean(resolved):.2f}, unresolved {statistics.mean(unresolved):.2f}")
print(f"AUC iterations {auc(iterations):.3f}; point-biserial r(iterations, unresolved) = {r:.3f}")
print(f"AUC failure count {auc(fails):.3f}")
print(f"AUC template score, 2-fold x {SPLITS}: mean {statistics.mean(split_aucs):.3f}, "
      f"5th-95th percentile {sorted(split_aucs)[len(split_aucs) // 20]:.3f}-{sorted(split_aucs)[-len(split_aucs) // 20]:.3f}   (0.5 = chance)")
