#!/usr/bin/python3
"""Checks that every welfare layout displays the truth, in each of its three formats.

For each layout folder under OUT_DIR and each of xlsx/, xls/ and csv/, every truth sheet must
be there (45 project sheets and the overview) and must display the truth's raw tokens:
basic goal, direction, ①project, indicator name, 課名 (lines or 、), 係名, the lone grade
letter, the year table read by its year header (a merged milestone counts for every year it
covers; in CSV it stands in the first column only), and in the overview every project row's
grades with its direction and goal. The .xls files are read through LibreOffice (to .xlsx for
the merges, to CSV for the displayed text), and their CSV must equal the csv/ folder's.

Usage: check_welfare_layouts.py TRUTH_DIR OUT_DIR [LIBREOFFICE_PROFILE_DIR]
Prints one line per layout and format with the counts; exits 1 on any failure.
"""
import csv
import glob
import io
import os
import re
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.cell.cell import MergedCell

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
YEARS = ["R3", "R4", "R5", "R6", "R7"]
FULL = str.maketrans("０１２３４５６７８９（）", "0123456789()")
SPACES = re.compile(r"[\s\u3000]+")
LEGEND_WORDS = ("着実に", "ある程度", "順調でない")


# ---------------------------------------------------------------- grids

class Grid:
    """Displayed text by (row, column), 1-based, and each merged cell's top-left cell."""

    def __init__(self, cells, merged=None):
        self.cells = cells
        self.merged = merged            # None for CSV: no merges survive
        self.max_row = max((r for r, _ in cells), default=0)
        self.max_col = max((c for _, c in cells), default=0)

    def get(self, r, c, expand=False):
        if expand and self.merged is not None and (r, c) in self.merged:
            r, c = self.merged[(r, c)]
        return self.cells.get((r, c), "")

    def find(self, predicate):
        return sorted(k for k, v in self.cells.items() if predicate(v))


def render(value, fmt):
    """What Excel shows for the formats the layouts use."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not fmt or fmt == "General":
        return str(value)
    out = ""
    # LibreOffice writes a literal as \件 where Excel and openpyxl write "件"
    for part in re.findall(r'"[^"]*"|\\.|#,##0|0|General|.', fmt):
        if part.startswith('"'):
            out += part[1:-1]
        elif part.startswith("\\"):
            out += part[1:]
        elif part in ("0", "General"):
            out += str(value)
        elif part == "#,##0":
            out += "{:,}".format(value)
        else:
            raise ValueError("format %r not understood" % fmt)
    return out


def xlsx_grids(path):
    wb = openpyxl.load_workbook(path)
    grids = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c, MergedCell):
                    continue
                text = render(c.value, c.number_format)
                if text != "":
                    cells[(c.row, c.column)] = text
        merged = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merged[(r, c)] = (rng.min_row, rng.min_col)
        grids[ws.title] = Grid(cells, merged)
    return grids


def decode_csv(data, encoding):
    if encoding == "utf8bom":
        if not data.startswith(b"\xef\xbb\xbf"):
            raise ValueError("no UTF-8 BOM")
        return data[3:].decode("utf-8")
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("a BOM in a CP932 file")
    return data.decode("cp932")


def csv_grid(text):
    cells = {}
    for r, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        for c, v in enumerate(row, start=1):
            if v != "":
                cells[(r, c)] = v
    return Grid(cells)


# ---------------------------------------------------------------- truth

def read_truth(truth_dir):
    def rows(name):
        with open(os.path.join(truth_dir, name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    sheets = {(int(r["policy_direction_no"]), int(r["project_no"])): r
              for r in rows("welfare_sheet.csv")}
    return sheets, rows("welfare_overview.csv")


def sheet_key(name):
    m = re.fullmatch(r"\((\d+)\)([①-⑮])", name.translate(FULL))
    return (int(m.group(1)), CIRCLED.index(m.group(2)) + 1) if m else None


def year_of(text):
    t = SPACES.sub("", text.translate(FULL)).replace("令和", "R").replace("Ｒ", "R")
    t = re.sub(r"^進捗状況\((.*)\)$", r"\1", t)
    m = re.fullmatch(r"R(\d)(年度)?", t)
    return "R" + m.group(1) if m and "R" + m.group(1) in YEARS else None


def plain(text):
    return SPACES.sub("", text)


# ---------------------------------------------------------------- project sheet

def check_project(g, t, fails, where):
    """Counts the truth tokens found displayed in one project sheet."""
    ok = 0

    def need(cond, what):
        nonlocal ok
        if cond:
            ok += 1
        else:
            fails.append("%s: %s" % (where, what))

    values = list(g.cells.values())
    need("第４期朝霞市地域福祉計画・地域福祉活動計画　進行管理・評価シート" in values, "title")
    need("Ｒ5年度" in values, "Ｒ5年度")
    need(t["basic_goal"] in values, "基本目標 %s" % t["basic_goal"])
    need(t["policy_direction"] in values, "施策の方向性 %s" % t["policy_direction"])
    project = CIRCLED[int(t["project_no"]) - 1] + t["project_name"]
    need(project in values, "事業名 %s" % project)
    need(t["indicator_name"] in values, "指標名 %s" % t["indicator_name"])
    need(any(v.replace("\n", "、") == t["section"] for v in values), "課名 %s" % t["section"])
    if t["subsection"]:
        need(t["subsection"] in values, "係名 %s" % t["subsection"])
    letters = [v for v in values if v in ("A", "B", "C")]
    need(letters == [t["evaluation"]], "grade %s, found %s" % (t["evaluation"], letters))
    legend = [v for v in values if any(w in v for w in LEGEND_WORDS)]
    need(sum(sum(w in v for w in LEGEND_WORDS) for v in legend) == 3, "legend")

    headers = {}
    for (r, c), v in g.cells.items():
        y = year_of(v)
        if y:
            headers.setdefault(r, {})[y] = c
    header_rows = [r for r, ys in headers.items() if sorted(ys) == YEARS]
    if len(header_rows) != 1:
        fails.append("%s: one year header row expected, found %s" % (where, header_rows))
        return ok
    hr = header_rows[0]
    cols = [headers[hr][y] for y in YEARS]
    composite = t["year_assignment"].startswith("composite")
    inferred = t["year_assignment"].startswith("inferred")
    for label, kind in (("目標値", "target"), ("実績値", "actual")):
        at = [k for k in g.find(lambda v: plain(v) == label) if k[0] > hr]
        if len(at) != 1:
            fails.append("%s: one %s label expected, found %s" % (where, label, at))
            continue
        r, lc = at[0]
        expected = [t.get("%s_%s" % (kind, y), "") for y in YEARS]
        if composite:
            got = []
            subs = []
            for k in range(2):
                between = [g.get(r + k, c) for c in range(lc + 1, cols[0])]
                subs.append(next((v for v in between if v), None))
            for c in cols:
                parts = []
                for k in range(2):
                    v = g.get(r + k, c)
                    if subs[k]:
                        v = "%s %s" % (subs[k], v) if v else ""
                    elif v and " " not in v:
                        v = ""           # the bare sub-label printed in an empty year
                    parts.append(v)
                got.append(" / ".join(parts) if all(parts) else ("?" if any(parts) else ""))
        else:
            got = [g.get(r, c, expand=True) for c in cols]
            if inferred and g.merged is None:
                # the CSV keeps a merged milestone in its first column only
                for i in range(1, 5):
                    if got[i] == "" and expected[i] == got[i - 1] == expected[i - 1] != "" and \
                            expected[i] and not re.match(r"\d", expected[i]):
                        got[i] = got[i - 1]
        for y, e, v in zip(YEARS, expected, got):
            need(e == v, "%s %s: expected %r, shown %r" % (label, y, e, v))
        if inferred and g.merged is not None:
            spans = {g.merged.get((r, c)) for c in cols if (r, c) in g.merged}
            need(len(spans) >= 1, "%s: a milestone merged over its years" % label)
    return ok


# ---------------------------------------------------------------- overview

def check_overview(g, truth, fails, where):
    ok = 0

    def need(cond, what):
        nonlocal ok
        if cond:
            ok += 1
        else:
            fails.append("%s: %s" % (where, what))

    directions = {t["policy_direction"] for t in truth}
    goals = {t["basic_goal"] for t in truth}
    dir_cols = {c for (r, c), v in g.cells.items() if v in directions}
    goal_cols = {c for (r, c), v in g.cells.items() if v in goals}
    if len(dir_cols) != 1 or len(goal_cols) != 1:
        fails.append("%s: direction columns %s, goal columns %s" % (where, dir_cols, goal_cols))
        return ok
    dc, gc = dir_cols.pop(), goal_cols.pop()
    headers = {}
    for (r, c), v in g.cells.items():
        y = year_of(v)
        if y:
            headers.setdefault(r, {})[y] = c
    header_rows = [r for r, ys in headers.items() if sorted(ys) == YEARS]
    need(header_rows, "a year header row")
    if not header_rows:
        return ok
    cols = [headers[header_rows[0]][y] for y in YEARS]
    need(all([headers[r][y] for y in YEARS] == cols for r in header_rows), "year columns agree")
    need("※ 部分は、重点的評価施策" in g.cells.values(), "the ※ note")

    def above(r, c):
        while r > 0:
            v = g.get(r, c, expand=True)
            if v:
                return v
            r -= 1
        return ""

    project_rows = {r for (r, c), v in g.cells.items() if v[:1] in CIRCLED and c < cols[0]}
    need(len(project_rows) == len(truth), "%d project rows, found %d" %
         (len(truth), len(project_rows)))
    for t in truth:
        no = CIRCLED[int(t["project_no"]) - 1]
        if t["project_name"]:
            names = (t["project_name"], no + t["project_name"])
            at = [k for k in g.find(lambda v: v in names) if k[1] < cols[0]]
            if len(at) != 1:
                fails.append("%s: %s found %d times" % (where, t["project_name"], len(at)))
                continue
            r = at[0][0]
            r, c = at[0]
            need(g.get(r, c) == no + t["project_name"] or g.get(r, c - 1) == no,
                 "%s numbered %s" % (t["project_name"], no))
        else:
            rs = [r for r in project_rows if above(r, dc) == t["policy_direction"]
                  and any(g.get(r, c) == no for c in range(dc + 1, cols[0]))]
            if len(rs) != 1:
                fails.append("%s: the bare %s row of %s" % (where, no, t["policy_direction"]))
                continue
            r = rs[0]
        for y, c in zip(YEARS, cols):
            need(g.get(r, c) == t.get("grade_" + y, ""), "%s %s grade" % (t["project_name"], y))
        need(above(r, dc) == t["policy_direction"], "%s under %s" % (t["project_name"],
                                                                     t["policy_direction"]))
        need(above(r, gc) == t["basic_goal"], "%s under %s" % (t["project_name"], t["basic_goal"]))
    return ok


# ---------------------------------------------------------------- formats

def check_grids(grids, sheets, overview, fails, where):
    """grids: {sheet name: Grid}; returns (project sheets, overview sheets, tokens)."""
    seen, n_over, tokens = set(), 0, 0
    for name, g in grids.items():
        key = sheet_key(name)
        if key in sheets:
            if key in seen:
                fails.append("%s: sheet %s twice" % (where, name))
            seen.add(key)
            tokens += check_project(g, sheets[key], fails, "%s %s" % (where, name))
        elif any(v == "※ 部分は、重点的評価施策" for v in g.cells.values()):
            n_over += 1
            tokens += check_overview(g, overview, fails, "%s %s" % (where, name))
        else:
            fails.append("%s: sheet %s is neither a project nor the overview" % (where, name))
    missing = set(sheets) - seen
    if missing:
        fails.append("%s: missing sheets %s" % (where, sorted(missing)))
    if n_over != 1:
        fails.append("%s: %d overview sheets" % (where, n_over))
    return len(seen), n_over, tokens


def soffice(profile, fmt, files, outdir):
    subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless",
                    "--convert-to", fmt, "--outdir", outdir] + files,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    sheets, overview = read_truth(argv[1])
    out = argv[2]
    profile = argv[3] if len(argv) == 4 else "/tmp/lo-lwelf"
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from make_welfare_layouts import LAYOUTS
    encodings = {lay.name: lay.csv_encoding for lay in LAYOUTS}
    fails = []
    for layout in sorted(d for d in os.listdir(out) if re.match(r"\d\d-", d)):
        base = os.path.join(out, layout)
        xlsx = sorted(glob.glob(os.path.join(base, "xlsx", "*.xlsx")))
        xls = sorted(glob.glob(os.path.join(base, "xls", "*.xls")))
        csvs = sorted(glob.glob(os.path.join(base, "csv", "*.csv")))
        books = [os.path.basename(p)[:-5] for p in xlsx]
        if [os.path.basename(p)[:-4] for p in xls] != books:
            fails.append("%s: xls workbooks differ from xlsx" % layout)
        where = layout + " xlsx"
        grids = {}
        expected_csv = set()
        for p in xlsx:
            for name, g in xlsx_grids(p).items():
                grids[name] = g
                expected_csv.add("%s-%s.csv" % (os.path.basename(p)[:-5], name))
        counts = check_grids(grids, sheets, overview, fails, where)
        print("%-32s xlsx %2d workbooks %2d project sheets %d overview %4d tokens" %
              (layout, len(xlsx), *counts))

        csv_text = {}
        grids = {}
        for p in csvs:
            name = os.path.basename(p)
            with open(p, "rb") as f:
                try:
                    csv_text[name] = decode_csv(f.read(), encodings[layout])
                except ValueError as e:
                    fails.append("%s csv %s: %s" % (layout, name, e))
                    continue
            book = next((b for b in books if name.startswith(b + "-")), None)
            grids[name[len(book) + 1:-4] if book else name] = csv_grid(csv_text[name])
        if set(os.path.basename(p) for p in csvs) != expected_csv:
            fails.append("%s csv: files differ from the xlsx sheets: %s" % (
                layout, sorted(set(os.path.basename(p) for p in csvs) ^ expected_csv)[:5]))
        counts = check_grids(grids, sheets, overview, fails, layout + " csv")
        print("%-32s csv  %2d files     %2d project sheets %d overview %4d tokens (%s)" %
              (layout, len(csvs), *counts[:2], counts[2], encodings[layout]))

        with tempfile.TemporaryDirectory(prefix="lwelf-check-") as tmp:
            soffice(profile, "xlsx", xls, tmp)
            soffice(profile, CSV_FILTER, xls, tmp)
            grids = {}
            for p in sorted(glob.glob(os.path.join(tmp, "*.xlsx"))):
                grids.update(xlsx_grids(p))
            counts = check_grids(grids, sheets, overview, fails, layout + " xls")
            same = 0
            for name, text in csv_text.items():
                with open(os.path.join(tmp, name), encoding="utf-8", newline="") as f:
                    if f.read() == text:
                        same += 1
                    else:
                        fails.append("%s xls: %s shows other text than csv/%s" % (layout, name,
                                                                                  name))
            print("%-32s xls  %2d workbooks %2d project sheets %d overview %4d tokens, "
                  "%d sheets as in csv/" % (layout, len(xls), *counts, same))
    for f in fails:
        print("FAIL", f)
    print("%d failures" % len(fails))
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main(sys.argv)
