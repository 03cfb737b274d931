#!/usr/bin/env python3
"""Prints every text a rule set names an entity by (labels and aliases), one
per line, for the literal scanners (grep -F, rg -F) of bench/run.sh.

Usage: aliases.py RULES_DIR >ALIASES
"""
import os
import sys

import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def texts(entity):
    if entity.get("label"):
        yield str(entity["label"])
    for alias in entity.get("aliases") or []:
        yield str(alias["text"] if isinstance(alias, dict) else alias)


def main():
    folder = sys.argv[1]
    seen = set()
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader) or {}
        for entity in doc.get("entities") or []:
            for text in texts(entity):
                if text not in seen:
                    seen.add(text)
                    print(text)


if __name__ == "__main__":
    main()
