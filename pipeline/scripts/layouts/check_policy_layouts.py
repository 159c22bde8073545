#!/usr/bin/python3
"""Checks the 施策評価シート layout suite against the truth CSVs.

For every layout and every format (xlsx rendered with its display formats, the LibreOffice CSVs,
and the .xls converted back to CSV by LibreOffice) it checks that each policy is on exactly one
sheet, and that the sheet shows every truth raw token: code and name, 担当課, 関連課, the
まち・ひと・しごと goal, each indicator's name, definition and four values in a row, both ratings
(chosen digit and label), each project row (name, three costs, direction in that order), the 計 row
and the 経年変化 totals, and the start of each narrative block. It also checks that the three
formats of a layout show the same grid of cells. Exits 1 on any failure.

Usage: check_policy_layouts.py <truth dir> <layouts dir> <soffice command...>
"""
import csv
import glob
import io
import os
import re
import subprocess
import sys
import tempfile
from collections import OrderedDict, defaultdict

import openpyxl

CIRCLED = {"①": 1, "②": 2, "③": 3, "④": 4}
FW = str.maketrans("０１２３４５６７８９", "0123456789")
CODE = re.compile(r"6[1-5]\d")


def read_truth(truth_dir):
    def rows(name):
        with open(os.path.join(truth_dir, name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    t = OrderedDict((r["policy_code"], {"sheet": r, "ind": [], "proj": [], "tot": {}, "text": {}})
                    for r in rows("policy_sheet.csv"))
    for r in rows("policy_indicator.csv"):
        t[r["policy_code"]]["ind"].append(r)
    for r in rows("policy_project_cost.csv"):
        t[r["policy_code"]]["proj"].append(r)
    for r in rows("policy_cost_total.csv"):
        t[r["policy_code"]]["tot"]["kei" if "経年変化" in r["row_type"] else "total"] = \
            [r["R2"], r["R3"], r["R4_forecast"]]
    for r in rows("policy_narrative.csv"):
        t[r["policy_code"]]["text"][r["block"]] = r["text"]
    return t


# ---------------------------------------------------------------- grids

def render(value, fmt):
    """The text Excel shows for a cell, for the display formats the suite uses."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if fmt == "General":
        return str(int(value)) if float(value).is_integer() else "%.10g" % value
    if fmt == "#,##0":
        return f"{value:,.0f}"
    if fmt == '#,##0;-#,##0;"-"':
        return "-" if value == 0 else f"{value:,.0f}"
    m = re.fullmatch(r"0(?:\.(0+))?(%?)", fmt)
    if m:
        decimals = len(m.group(1) or "")
        return f"{value * 100:.{decimals}f}%" if m.group(2) else f"{value:.{decimals}f}"
    raise ValueError(f"display format {fmt!r} not rendered by the check")


def trim(grid):
    rows = [list(r) for r in grid]
    for r in rows:
        while r and r[-1] == "":
            r.pop()
    while rows and not rows[-1]:
        rows.pop()
    return rows


def xlsx_grids(path):
    wb = openpyxl.load_workbook(path)
    base = os.path.splitext(os.path.basename(path))[0]
    out = {}
    for ws in wb.worksheets:
        grid = [[render(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
        out[(base, ws.title)] = trim(grid)
    return out


def csv_grids(folder):
    """Reads <workbook>-<sheet>.csv files; returns {(workbook, sheet): grid} and the encodings seen."""
    out, encodings = {}, set()
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            text, enc = raw[3:].decode("utf-8"), "utf-8-bom"
        else:
            text, enc = raw.decode("cp932"), "cp932"
            # CP932 has no U+2014: Excel and LibreOffice write it as 0x815C, which reads back as U+2015.
            text = text.replace("―", "—")
        encodings.add(enc)
        base, sheet = os.path.splitext(os.path.basename(path))[0].rsplit("-", 1)
        out[(base, sheet)] = trim(list(csv.reader(io.StringIO(text, newline=""))))
    return out, encodings


def xls_grids(folder, soffice):
    with tempfile.TemporaryDirectory() as tmp:
        files = sorted(glob.glob(os.path.join(folder, "*.xls")))
        subprocess.run(soffice + ["--convert-to",
                                  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                                  "--outdir", tmp] + files, check=True, capture_output=True)
        for path in glob.glob(os.path.join(tmp, "*.csv")):
            data = open(path, "rb").read()
            open(path, "wb").write(b"\xef\xbb\xbf" + data)
        grids, _ = csv_grids(tmp)
        return grids


# ---------------------------------------------------------------- checks

def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def seqs(grid):
    """Non-empty cells of every row and every column, in order."""
    rows = [[norm(c) for c in r if norm(c)] for r in grid]
    width = max((len(r) for r in grid), default=0)
    cols = [[norm(r[i]) for r in grid if i < len(r) and norm(r[i])] for i in range(width)]
    return rows, cols


def contains_run(cells, run):
    n = len(run)
    return sum(1 for i in range(len(cells) - n + 1) if cells[i:i + n] == run)


def check_sheet(grid, p):
    """Returns a list of (item, ok) for one policy's sheet."""
    s = p["sheet"]
    rows, cols = seqs(grid)
    cells = {c for r in rows for c in r}
    results = []

    def item(name, ok):
        results.append((name, bool(ok)))

    code, name = s["policy_code"], s["policy_name"]
    item("code+name", f"{code} {name}" in cells
         or any(contains_run(r, [code, name]) for r in rows)
         or (any(contains_run(r, ["施策番号", code]) for r in rows)
             and any(contains_run(r, ["施策名", name]) for r in rows)))
    item("担当課", s["department"] in cells)
    item("関連課", s["related_departments"] in cells)
    item("まち・ひと・しごと", norm(s["machi_hito_shigoto_goal"]) in cells)

    for ind in p["ind"]:
        tag = f"指標{ind['indicator_no']}"
        item(f"{tag} name", norm(ind["name_as_printed"]) in cells
             or any(contains_run(r, [norm(ind["name"]), ind["unit"]]) for r in rows))
        item(f"{tag} definition", norm(ind["description"]) in cells)
        run = [ind["actual_R2"], ind["actual_R3"], ind["forecast_R4"], ind["target_R7"]]
        item(f"{tag} values", any(contains_run(x, run) for x in rows + cols))

    for key in ("progress", "necessity"):
        label, want = s[f"{key}_label"], int(s[f"{key}_rating"])
        got = None
        for r in rows:
            if not any(c == label or c.endswith("… " + label) or c.endswith("…　" + label) for c in r):
                continue
            line = " ".join(r)
            circled = [CIRCLED[ch] for ch in line if ch in CIRCLED]
            if circled:
                got = circled[0]
            else:
                digits = [c.translate(FW) for c in r if c.translate(FW) in ("1", "2", "3", "4")]
                if len(digits) == 1:
                    got = int(digits[0])
        item(f"{key} {want} {label}", got == want)

    for pr in p["proj"]:
        run = [pr["project_name_as_printed"], pr["cost_R2_raw"], pr["cost_R3_raw"], pr["cost_R4_forecast_raw"],
               pr["direction"]]
        item(f"project {pr['row_no']}", sum(contains_run(r, run) for r in rows) == 1)

    total = p["tot"]["total"]
    item("計", any(contains_run(r, ["計（単位：千円）"] + total) for r in rows))
    # the same three totals again, in a row or down a column: the 経年変化 block
    item("経年変化", sum(contains_run(x, p["tot"]["kei"]) for x in rows + cols) >= 2)

    for block, text in p["text"].items():
        head = norm(text.split("\n")[0])[:30]
        if head:
            item(f"text {block}", any(head in c for c in cells))
    return results


def sheet_code(base, sheet):
    m = CODE.search(sheet) or CODE.search(base)
    return m.group(0) if m else None


def check_format(grids, truth, label, failures):
    by_code = defaultdict(list)
    for (base, sheet), grid in grids.items():
        by_code[sheet_code(base, sheet)].append((base, sheet, grid))
    passed = total = 0
    for code, p in truth.items():
        found = by_code.get(code, [])
        if len(found) != 1:
            failures.append(f"{label}: policy {code} on {len(found)} sheets")
            continue
        base, sheet, grid = found[0]
        for name, ok in check_sheet(grid, p):
            total += 1
            passed += ok
            if not ok:
                failures.append(f"{label}: {base}/{sheet}: {name}")
    extra = set(by_code) - set(truth)
    if extra:
        failures.append(f"{label}: sheets with no policy: {sorted(extra)}")
    return passed, total


def main():
    truth_dir, layouts_dir, soffice = sys.argv[1], sys.argv[2], sys.argv[3:]
    truth = read_truth(truth_dir)
    failures = []
    grand = [0, 0]
    for layout in sorted(d for d in os.listdir(layouts_dir) if os.path.isdir(os.path.join(layouts_dir, d))):
        root = os.path.join(layouts_dir, layout)
        xlsx = {}
        for path in sorted(glob.glob(os.path.join(root, "xlsx", "*.xlsx"))):
            xlsx.update(xlsx_grids(path))
        csvs, encodings = csv_grids(os.path.join(root, "csv"))
        xls = xls_grids(os.path.join(root, "xls"), soffice)
        counts = []
        for fmt, grids in (("xlsx", xlsx), ("csv", csvs), ("xls", xls)):
            passed, total = check_format(grids, truth, f"{layout}/{fmt}", failures)
            grand[0] += passed
            grand[1] += total
            counts.append(f"{fmt} {passed}/{total}")
        for fmt, grids in (("csv", csvs), ("xls", xls)):
            if grids != xlsx:
                diff = sorted(k for k in set(grids) | set(xlsx) if grids.get(k) != xlsx.get(k))
                failures.append(f"{layout}/{fmt}: grid differs from the xlsx on {diff[:3]}")
        print(f"{layout}: {len(xlsx)} sheets; {', '.join(counts)}; CSV {'/'.join(sorted(encodings))}")
    for f in failures:
        print("FAIL", f)
    print(f"total: {grand[0]}/{grand[1]} checks passed, {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
