#!/usr/bin/python3
"""Re-reads every strategy layout in every format and checks that it shows the whole truth.

Usage: check_strategy_layouts.py [LAYOUTS_DIR]   (LO_PROFILE as for make_strategy_layouts.py)

.xlsx is read with openpyxl and rendered with its number formats; .xls is saved as CSV by LibreOffice;
.csv is decoded as UTF-8 when it starts with a BOM, else as CP932. For each of the 35 value rows (8 数値目標,
27 KPIs) one sheet row must hold its seven raw tokens as consecutive non-empty cells, with the unit, the
name and the status (printed label, line breaks aside, or its letter, or letter and wording in two cells)
in the same row and the 数値目標 baseline year within a row of it. The names of goals and measures and the
担当課 must show in some cell, and each 総括 row its label, count (`7`, `7件` or `7 | 件`) and share.
Exits 1 on any miss.
"""
import csv
import glob
import io
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keeps __pycache__ out of the source tree

import openpyxl

import strategy_model as sm

NO_EVAL_YEAR = {'10-flat-lists-no-year', '11-names-in-labels'}
EVAL_YEAR = re.compile(r'令和\s*[6６]\s*年度|R[6６]年度|2024')


def read_csv(path, plain_encoding='cp932'):
    raw = open(path, 'rb').read()
    text = raw[3:].decode('utf-8') if raw.startswith(b'\xef\xbb\xbf') else raw.decode(plain_encoding)
    return list(csv.reader(io.StringIO(text, newline='')))


def read_xlsx(path):
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [[sm.display(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
    return out


def grids(folder, fmt, profile):
    """{(file, sheet): rows of displayed cell texts} for one format folder."""
    files = sorted(glob.glob(os.path.join(glob.escape(folder), fmt, '*.' + fmt)))
    g = {}
    if fmt == 'xlsx':
        for f in files:
            for name, rows in read_xlsx(f).items():
                g[(os.path.basename(f), name)] = rows
    elif fmt == 'csv':
        for f in files:
            g[(os.path.basename(f), '')] = read_csv(f)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to',
                            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
                            '--outdir', tmp] + files, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            for f in sorted(glob.glob(os.path.join(tmp, '*.csv'))):
                g[(os.path.basename(f), '')] = read_csv(f, 'utf-8')
    return g, len(files)


def flat(s):
    return s.replace('\n', '')


def status_ok(row, it):
    if not it.status:
        return True
    for c in row:
        if flat(c) == it.label or c == it.status:
            return True
    return False


def find_value_rows(g, it):
    hits = []
    for key, rows in g.items():
        for r, row in enumerate(rows):
            cells = [c.strip() for c in row if c.strip()]
            for i in range(len(cells) - 6):
                if cells[i:i + 7] == it.values:
                    hits.append((key, r))
                    break
    return hits


def check_items(g, truth):
    counts = dict(rows=0, tokens=0, units=0, names=0, statuses=0, base_years=0)
    misses = []
    for it in truth.items():
        hits = find_value_rows(g, it)
        ok = None
        for key, r in hits:
            rows = g[key]
            row = [c.strip() for c in rows[r]]
            name = any(it.name in flat(c) for c in row)
            unit = it.unit in row
            status = status_ok(row, it)
            near = [c for rr in (r - 1, r, r + 1) if 0 <= rr < len(rows) for c in rows[rr]]
            base = it.kind == 'kpi' or any(c.strip('（）() ') == it.base_year for c in near)
            if name and unit and status and base:
                ok = (name, unit, status, base)
                break
        if not hits:
            misses.append(f'{it.kind} {it.name}: no row with {it.values}')
            continue
        counts['rows'] += 1
        counts['tokens'] += 7
        if ok is None:
            key, r = hits[0]
            row = [c.strip() for c in g[key][r]]
            misses.append(f'{it.kind} {it.name}: row {key} {r + 1} lacks name/unit/status/base year: {row}')
            continue
        for k, v in zip(('names', 'units', 'statuses', 'base_years'), ok):
            counts[k] += v
    return counts, misses


def check_labels(g, truth):
    texts = {flat(c.strip()) for rows in g.values() for row in rows for c in row if c.strip()}
    wanted = []
    for goal in truth.goals:
        wanted += [goal.nt_name, goal.kpi_name] + [m.name for m in goal.measures]
    misses = [w for w in wanted if not any(w in t for t in texts)]
    depts = [m.departments for goal in truth.goals for m in goal.measures]
    misses += [d for d in depts if d not in texts]
    return len(wanted) + len(depts) - len(misses), misses


def check_summary(g, truth):
    rows = [[c.strip() for c in row] for rs in g.values() for row in rs]
    found, misses = 0, []
    for s in truth.summary:
        ok = False
        for row in rows:
            if s['percent'] not in row:
                continue
            if s['status'] == 'A+B':
                ok = any(c == s['label'] for c in row)
            else:
                head = s['label'].split('　', 1)
                for i, c in enumerate(row):
                    if c == s['label']:
                        rest = row[i + 1:]
                    elif len(head) == 2 and c == head[0] and row[i + 1:i + 2] == [head[1]]:
                        rest = row[i + 2:]
                    else:
                        continue
                    rest = [x for x in rest if x]
                    ok = rest[:1] in ([s['count']], [s['count'] + '件']) or rest[:2] == [s['count'], '件']
                    if ok:
                        break
            if ok:
                break
        found += ok
        if not ok:
            misses.append(f"総括 {s['category']} {s['label']} {s['count']} {s['percent']}")
    return found, misses


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        sm.ROOT, 'pipeline', 'src', 'test', 'resources', 'fixtures', 'layouts', 'strategy')
    profile = os.environ.get('LO_PROFILE') or tempfile.mkdtemp(prefix='lo-strategy-check-')
    truth = sm.load()
    failed = False
    print('layout                          fmt  files sheets rows tokens units names status base labels summary')
    for folder in sorted(glob.glob(os.path.join(glob.escape(root), '[0-9]*'))):
        name = os.path.basename(folder)
        for fmt in ('xlsx', 'xls', 'csv'):
            g, nfiles = grids(folder, fmt, profile)
            c, misses = check_items(g, truth)
            nlabels, lmiss = check_labels(g, truth)
            nsum, smiss = check_summary(g, truth)
            misses += [f'label {m}' for m in lmiss] + smiss
            if name in NO_EVAL_YEAR:
                misses += [f'evaluation year stated: {c!r}' for rows in g.values() for row in rows for c in row
                           if EVAL_YEAR.search(c)]
            print(f'{name:31} {fmt:4} {nfiles:5} {len(g):6} {c["rows"]:4} {c["tokens"]:6} {c["units"]:5} '
                  f'{c["names"]:5} {c["statuses"]:6} {c["base_years"]:4} {nlabels:6} {nsum:7}')
            for m in misses:
                print('   MISS', m)
            failed |= bool(misses)
    print('FAILED' if failed else 'every layout complete in every format')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
