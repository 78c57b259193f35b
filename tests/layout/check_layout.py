#!/usr/bin/env python3
"""The source tree's rules (CODING_GUIDELINES.md), checked: prints one line per breach, exits 1.

1. An include of one of the project's headers names its folder ("server/roommanager.h"),
   unless the header is in the including file's own folder.
2. A header whose name ends in _p.h is private to its folder: only that folder, tests/, bench/
   and fuzz/ include it.
3. Qt Widgets only in ui/ and app/ (and the tests of those).
4. No product source file (outside tests/, bench/ and fuzz/; the browser client's .js, .css and
   .html under resources/ included) over 800 lines.
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..'))
WIDGETS_DIR = sys.argv[2] if len(sys.argv) > 2 else '/usr/include/x86_64-linux-gnu/qt6/QtWidgets'
MAX_LINES = 800
SKIP = {'.git', 'node_modules'}
NOT_PRODUCT = ('tests', 'bench', 'fuzz')
WIDGETS_ALLOWED = ('ui', 'app', 'tests')

sources = []
for dirpath, dirnames, filenames in os.walk(ROOT):
    dirnames[:] = [d for d in dirnames if d not in SKIP and not d.startswith('build')]
    for name in filenames:
        if name.endswith(('.cpp', '.h')):
            sources.append(os.path.relpath(os.path.join(dirpath, name), ROOT))

headers = {}  # bare name -> folders holding it
for path in sources:
    if path.endswith('.h'):
        headers.setdefault(os.path.basename(path), []).append(os.path.dirname(path))

widgets = set()
if os.path.isdir(WIDGETS_DIR):
    widgets = {n for n in os.listdir(WIDGETS_DIR) if n.startswith('Q') and not n.endswith('.h')}
    widgets.add('QtWidgets')

include = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)
breaches = []
for path in sorted(sources):
    folder = os.path.dirname(path)
    top = path.split(os.sep)[0]
    with open(os.path.join(ROOT, path), encoding='utf-8') as f:
        text = f.read()
    for m in include.finditer(text):
        kind, name = m.group(1), m.group(2)
        line = text.count('\n', 0, m.start()) + 1
        where = f'{path}:{line}'
        if kind == '"':
            if '/' not in name:
                if name in headers and folder not in headers[name]:
                    breaches.append(f'{where}: "{name}" is in {headers[name][0]}/: include it as "{headers[name][0]}/{name}"')
            else:
                target_folder = os.path.dirname(name)
                if name.endswith('_p.h') and target_folder != folder and top not in NOT_PRODUCT:
                    breaches.append(f'{where}: "{name}" is private to {target_folder}/')
        elif top not in WIDGETS_ALLOWED:
            base = name.split('/')[-1]
            if base in widgets or name.startswith('QtWidgets'):
                breaches.append(f'{where}: <{name}> is Qt Widgets, which only ui/ and app/ use')
    if top not in NOT_PRODUCT:
        lines = text.count('\n')
        if lines > MAX_LINES:
            breaches.append(f'{path}: {lines} lines, more than {MAX_LINES}: split it')

# The browser client's files count too: app.js grew past the limit once without anyone noticing.
for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, 'resources')):
    dirnames[:] = [d for d in dirnames if d not in SKIP]
    for name in filenames:
        if name.endswith(('.js', '.css', '.html')):
            path = os.path.relpath(os.path.join(dirpath, name), ROOT)
            with open(os.path.join(ROOT, path), encoding='utf-8') as f:
                lines = f.read().count('\n')
            if lines > MAX_LINES:
                breaches.append(f'{path}: {lines} lines, more than {MAX_LINES}: split it')

for b in breaches:
    print(b)
print(f'check_layout: {len(sources)} files, {len(breaches)} breaches', file=sys.stderr)
sys.exit(1 if breaches else 0)
