#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus of about SIZE_MB megabytes.

Articles of 2 to 8 KB are made of sentences drawn from examples/*.txt,
with the entity labels of rules/entities.yaml swapped for others of the
same type (one swap table per article), so that the matcher and the
relation patterns see realistic, varied text.  Same arguments, same bytes.

Usage: gen_corpus.py SIZE_MB OUT_DIR [SEED]
"""
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)


def sentences():
    out = []
    folder = os.path.join(TOP, "examples")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        if text.startswith("---"):  # front matter is no prose
            end = text.find("\n---", 3)
            text = text[end + 4:] if end >= 0 else text
        for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if len(s) > 20:
                out.append(s)
    return out


def labels_by_type():
    types, label_re = {}, re.compile(r"^\s+label:\s*(.+?)\s*$")
    current = None
    with open(os.path.join(TOP, "rules", "entities.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\s+type:\s*(\w+)", line)
            if m:
                current = m.group(1)
            m = label_re.match(line)
            if m and current:
                types.setdefault(current, []).append(m.group(1).strip("\"'"))
    return types


def swap_table(rng, types):
    table = {}
    for names in types.values():
        shuffled = names[:]
        rng.shuffle(shuffled)
        table.update(zip(names, shuffled))
    return table


def article(rng, pool, pattern, types):
    table = swap_table(rng, types)
    target = rng.randint(2048, 8192)
    paras, para, size = [], [], 0
    while size < target:
        s = pattern.sub(lambda m: table[m.group(0)], rng.choice(pool))
        para.append(s)
        size += len(s) + 1
        if len(para) >= rng.randint(3, 5):
            paras.append(" ".join(para))
            para = []
    if para:
        paras.append(" ".join(para))
    return "\n\n".join(paras) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    goal = int(float(sys.argv[1]) * 1_000_000)
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    pool, types = sentences(), labels_by_type()
    names = sorted((n for ns in types.values() for n in ns), key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, names)))
    written = i = 0
    while written < goal:
        folder = os.path.join(out, "%04d" % (i // 1000))
        os.makedirs(folder, exist_ok=True)
        data = article(rng, pool, pattern, types).encode("utf-8")
        with open(os.path.join(folder, "%06d.txt" % i), "wb") as f:
            f.write(data)
        written += len(data)
        i += 1
    print("%s: %d articles, %d bytes" % (out, i, written))


if __name__ == "__main__":
    main()
