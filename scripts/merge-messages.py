#!/usr/bin/env python3
"""Resolve a git merge conflict in messages/*.json: the union of both sides' keys
(ours first, then theirs' new keys). A key only one side changed since the merge base
takes that side's text; both sides changing it differently is reported and ours is kept. Usage: scripts/merge-messages.py (during a merge)."""
import json, subprocess, sys

for locale in ['en', 'ar', 'zh', 'fr', 'ru', 'es']:
    path = f'messages/{locale}.json'
    ours = json.loads(subprocess.check_output(['git', 'show', f':2:{path}']))
    theirs = json.loads(subprocess.check_output(['git', 'show', f':3:{path}']))
    base = json.loads(subprocess.check_output(['git', 'show', f':1:{path}']))
    merged = dict(ours)
    for key, value in theirs.items():
        if key in merged and merged[key] != value:
            if merged[key] == base.get(key):
                merged[key] = value
            elif value != base.get(key):
                print(f'{path}: "{key}" differs; keeping ours', file=sys.stderr)
        merged.setdefault(key, value)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(merged, f, ensure_ascii=False, indent=1)
    subprocess.check_call(['git', 'add', path])
    print(f'{path}: {len(ours)} + {len(merged) - len(ours)} keys')
