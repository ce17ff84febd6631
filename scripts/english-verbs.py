#!/usr/bin/env python3
"""Writes src/Outloop/Automation/Routing/EnglishVerbs.txt, EnglishWords.txt.gz and EnglishDescriptors.txt.gz from
WordNet 3.0 (Debian: apt-get install wordnet-base).

The router reads a word it does not know by whether it can be a verb: an unknown verb is an action no tool declares
("squash", "bisect", "seed"), an unknown noun is only the thing the request is about ("the gateway", "the headers").
Per single-word verb lemma: V when the verb is its main reading (its tagged verb senses are at least its tagged noun
and adjective senses together, or it has no other reading), v when it is also a verb but mostly something else.
Irregular forms from verb.exc follow as "form>lemma". EnglishWords.txt.gz lists every single-word lemma of 7 letters
or more, so the typo corrector never reads a real word ("context") as two letters off a development word ("convert").
EnglishDescriptors.txt.gz lists the adjectives and adverbs whose main reading describes (tagged adjective and adverb
senses outnumber noun and verb ones, or the word is nothing else): "untidy", "awful", "sloppy" say how a thing is,
never which operation is asked for.
Run: python3 scripts/english-verbs.py [/usr/share/wordnet]
"""
import gzip
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
out = os.path.join(os.path.dirname(__file__), "..", "src", "Outloop", "Automation", "Routing", "EnglishVerbs.txt")


def tagged(pos):
    counts = {}
    with open(os.path.join(root, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, p_cnt = parts[0], int(parts[3])
            # lemma pos synset_cnt p_cnt [ptr_symbol x p_cnt] sense_cnt tagsense_cnt offsets...
            tag = int(parts[4 + p_cnt + 1])
            counts[lemma] = counts.get(lemma, 0) + tag
    return counts


verbs, nouns, adjs, advs = tagged("verb"), tagged("noun"), tagged("adj"), tagged("adv")
lines = []
for lemma in sorted(verbs):
    if not lemma.isalpha() or not lemma.isascii() or len(lemma) < 2:
        continue
    other = nouns.get(lemma, 0) + adjs.get(lemma, 0)
    has_other = lemma in nouns or lemma in adjs
    if verbs[lemma] >= other and (verbs[lemma] > 0 or not has_other):
        lines.append(f"{lemma} V")
    elif verbs[lemma] > 0:
        lines.append(f"{lemma} v")

known = {line.split()[0] for line in lines}
with open(os.path.join(root, "verb.exc"), encoding="latin-1") as f:
    for line in f:
        form, lemma = line.split()[:2]
        if form.isalpha() and form.isascii() and lemma in known and form != lemma:
            lines.append(f"{form}>{lemma}")

with open(out, "w", encoding="ascii", newline="\n") as f:
    f.write("# English verbs, from WordNet 3.0 (scripts/english-verbs.py): 'lemma V' main reading is a verb, 'lemma v' also a verb,\n")
    f.write("# 'form>lemma' irregular form. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
    f.write("# THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,\n")
    f.write("# EXPRESS OR IMPLIED. The whole licence is in THIRD-PARTY-NOTICES.md.\n")
    f.write("\n".join(lines) + "\n")
print(f"{out}: {sum(1 for l in lines if l.endswith(' V'))} main verbs, {sum(1 for l in lines if l.endswith(' v'))} also verbs, "
      f"{sum(1 for l in lines if '>' in l)} irregular forms")

words = sorted(w for w in set(verbs) | set(nouns) | set(adjs) | set(advs) if w.isalpha() and w.isascii() and len(w) >= 7)
words_out = os.path.join(os.path.dirname(out), "EnglishWords.txt.gz")
with gzip.GzipFile(words_out, "wb", mtime=0) as f:
    f.write(("# English words of 7 letters or more, from WordNet 3.0 (scripts/english-verbs.py). "
             "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n" + "\n".join(words) + "\n").encode("ascii"))
print(f"{words_out}: {len(words)} words")

descriptors = []
for lemma in sorted(set(adjs) | set(advs)):
    if not (lemma.isalpha() and lemma.isascii() and len(lemma) >= 3):
        continue
    described = adjs.get(lemma, 0) + advs.get(lemma, 0)
    other = nouns.get(lemma, 0) + verbs.get(lemma, 0)
    if (described > other and described > 0) or not (lemma in nouns or lemma in verbs):
        descriptors.append(lemma)
descriptors_out = os.path.join(os.path.dirname(out), "EnglishDescriptors.txt.gz")
with gzip.GzipFile(descriptors_out, "wb", mtime=0) as f:
    f.write(("# English adjectives and adverbs whose main reading describes, from WordNet 3.0 (scripts/english-verbs.py). "
             "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n" + "\n".join(descriptors) + "\n").encode("ascii"))
print(f"{descriptors_out}: {len(descriptors)} words")
