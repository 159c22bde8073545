#!/usr/bin/python3
"""Writes the welfare robustness layouts: the same truth re-typed by different hands.

Each layout is one way a person could re-type the printed 地域福祉計画 進行管理・評価シート
(R5) report into Excel: 45 project sheets grouped into workbooks, and the overview of grades
(評価一覧) in a workbook of its own. This script writes the .xlsx files only; the driver
make_welfare_layouts.sh has LibreOffice save each as .xls and as one CSV per sheet.

The layouts are taken from the printed page, not from what any reader accepts. Values are
the truth's raw tokens, typed as text or as numbers with a display format that shows the
same token (80 with 0"件" shows 80件).

Usage:
  make_welfare_layouts.py generate TRUTH_DIR OUT_DIR   write OUT_DIR/<layout>/xlsx/*.xlsx
  make_welfare_layouts.py list                         print "<layout> <csv encoding>" lines
  make_welfare_layouts.py bom CSV_DIR                  prefix each CSV in CSV_DIR with a UTF-8 BOM
  make_welfare_layouts.py readme                       print the README of the layouts folder
"""
import csv
import datetime
import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field

import openpyxl
from openpyxl.styles import Alignment, Border, Side

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮"
YEARS = ["R3", "R4", "R5", "R6", "R7"]
ACTUAL_YEARS = ["R3", "R4", "R5"]
TITLE = "第４期朝霞市地域福祉計画・地域福祉活動計画　進行管理・評価シート"
EVAL_YEAR = "Ｒ5年度"
LEGEND = ["A　着実に進捗している", "B　ある程度進捗している", "C　進捗が順調でない"]
SIDE_LABEL = "第４期計画掲載内容"
NUMBER = re.compile(r"([0-9][0-9,]*)(件|回|人|円|か所)")
COMPOSITE = re.compile(r"(\S+) (\S+) / (\S+) (\S+)")
FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
FIXED_TIME = datetime.datetime(2024, 7, 1, 9, 0, 0)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


# ---------------------------------------------------------------- layouts

@dataclass(frozen=True)
class Overview:
    """How one author typed the 評価一覧; the default is the printed table."""
    book: str = "評価一覧"
    sheet: str = "評価一覧"
    header: str = "two-row"          # two-row | one-row (進捗状況（R3） … on one row)
    year_label: str = "R{n}"         # format of the year header cells
    goal_cells: str = "merge"        # merge | fill (on every row) | first (first row only)
    direction_cells: str = "merge"
    joined_name: bool = False        # ①関係機関との連携 in one cell
    blank_between_goals: bool = False
    header_repeat: str = "page"      # page (before 基本目標3, as printed) | goal | once
    note: str = "page"               # page (after each printed page) | end
    extra_columns: bool = False      # the printed but empty 担当課 / 頁 columns
    caption: bool = False            # a title row above the table
    origin: tuple = (1, 1)


@dataclass(frozen=True)
class Layout:
    """How one author typed the 45 project sheets; the default is the printed page."""
    name: str
    summary: str
    csv_encoding: str                # utf8bom | cp932
    grouping: str = "goal"           # goal | direction | all | each
    sheet_name: str = "ascii"        # ascii (7)④ | fullwidth （７）④
    origin: tuple = (1, 1)
    side_label: str = "chars"        # chars (one per line) | rotated | none
    label_width: int = 1             # columns one label is merged over
    gap: int = 0                     # empty columns between a label and its value
    spaced_labels: bool = True       # 事　業　名 as printed, or 事業名
    title: str = "right"             # right (Ｒ5年度 beside the title) | above
    departments: str = "one-row"     # one-row (部局名 課名 係名 side by side) | stacked
    sections_on_lines: bool = True   # several 課 on separate lines, or joined with 、
    indicator: str = "under"         # under (name below 指標名) | beside
    year_label: str = "R{n}年度"
    full_width_year: bool = False    # Ｒ３年度: full-width digits in the year header
    # text | numfmt (0"件") | general (General"件") | mixed (targets numfmt, actuals text)
    typing: str = "text"
    composite: str = "printed"       # printed (啓発 21件 on two rows) | sublabel (啓発 | 21件)
    notes: bool = False              # ※ and （注） lines under the year table
    blank_rows: bool = False         # empty rows between the blocks
    # one (one cell, three lines) | three (three cells) | bottom (three cells under the sheet)
    # | heading (one cell on the 1 heading row)
    legend: str = "one"
    grade: str = "right"             # right | below | right-first | label
    grade_label: str = "評価"
    goal_book: str = "基本目標{n}"   # workbook name when grouped by 基本目標 ({nf}: full width)
    narratives: bool = False         # the first 30 characters of each narrative
    merges: bool = True              # False: only milestones are merged over their years
    overview: Overview = field(default_factory=Overview)


LAYOUTS = [
    Layout("01-as-printed",
           "as printed: one workbook per 基本目標, name under 指標名, legend in one cell with the "
           "grade right of it, values typed as text, two-row indicators on two rows; overview with "
           "merged goal/direction cells and the header again before 基本目標3; narratives (first 30 "
           "characters); UTF-8 BOM CSV",
           "utf8bom", narratives=True),
    Layout("02-beside-numfmt-onebook",
           "all 45 sheets in one workbook; indicator name beside 指標名; numbers with display "
           "formats (0\"件\", #,##0\"円\", \"啓発 \"0\"件\"); grade below the legend; 課名 joined with 、; "
           "overview with R3年度 headers and the goal typed on every row; CP932 CSV",
           "cp932", grouping="all", indicator="beside", typing="numfmt", grade="below",
           sections_on_lines=False,
           overview=Overview(year_label="R{n}年度", goal_cells="fill")),
    Layout("03-direction-books-sublabel",
           "one workbook per 施策の方向性 (16); legend in three cells with the grade merged down "
           "right of them; year header Ｒ３年度; two-row indicators with a sub-label column; "
           "overview with blank rows between goals, header before each goal, ①関係機関との連携 in "
           "one cell; UTF-8 BOM CSV",
           "utf8bom", grouping="direction", legend="three", full_width_year=True,
           year_label="Ｒ{n}年度", composite="sublabel",
           overview=Overview(book="進捗状況一覧", joined_name=True, blank_between_goals=True,
                             header_repeat="goal")),
    Layout("04-label-hyoka-reiwa",
           "label 評価 with the letter right of it and the legend in three cells at the bottom; "
           "year header 令和3年度; numbers with display formats; overview with 令和3年度 headers; "
           "CP932 CSV",
           "cp932", legend="bottom", grade="label", grade_label="評価", year_label="令和{n}年度",
           typing="numfmt", goal_book="評価シート_基本目標{nf}",
           overview=Overview(year_label="令和{n}年度", note="end")),
    Layout("05-one-file-per-sheet-spaced",
           "one workbook per project sheet; labels merged over two columns and values one column "
           "further; name beside 指標名; General\"件\" (G/標準) formats; sub-label column; legend "
           "in three cells with the grade below; overview on one header row (進捗状況（R3）…), goal and "
           "direction on their first row only; UTF-8 BOM CSV",
           "utf8bom", grouping="each", label_width=2, gap=1, indicator="beside",
           typing="general", composite="sublabel", legend="three", grade="below",
           overview=Overview(book="評価一覧表", header="one-row", goal_cells="first",
                             direction_cells="first", note="end")),
    Layout("06-notes-blank-rows",
           "all sheets in one workbook; ※ and （注） notes under the year table and blank rows "
           "between blocks; labels without spacing (事業名); targets typed as numbers, actuals as "
           "text; overview with a caption row and the empty 担当課/頁 columns; CP932 CSV",
           "cp932", grouping="all", notes=True, blank_rows=True, spaced_labels=False,
           typing="mixed",
           overview=Overview(extra_columns=True, caption=True)),
    Layout("07-jikohyoka-stacked",
           "label 自己評価 with the letter right of it, legend in one cell on the section heading; "
           "部局名/課名/係名 on three rows; name beside 指標名; year header 令和３年度 (full-width); "
           "sub-label column with formatted numbers; overview with blank rows between goals and "
           "joined ①name; UTF-8 BOM CSV",
           "utf8bom", grade="label", grade_label="自己評価", legend="heading", departments="stacked",
           indicator="beside", year_label="令和{n}年度", full_width_year=True, typing="numfmt",
           composite="sublabel",
           overview=Overview(joined_name=True, blank_between_goals=True, header_repeat="once",
                             note="end")),
    Layout("08-fullwidth-sheetnames",
           "one workbook per 基本目標 named 基本目標１; sheet names （７）④ in full width; the table "
           "starts at B2; side label typed once with vertical text; labels without spacing; legend "
           "in three cells with the grade below; overview with joined ①name; CP932 CSV",
           "cp932", sheet_name="fullwidth", origin=(2, 2), goal_book="基本目標{nf}",
           side_label="rotated", spaced_labels=False, legend="three", grade="below",
           overview=Overview(joined_name=True, origin=(2, 2))),
    Layout("09-shifted-wide",
           "one workbook per 基本目標; starts at C3 with Ｒ5年度 above the title; values two columns "
           "right of their labels; blank rows; General\"件\" (G/標準) formats; grade below the "
           "legend; overview on one header row with blank rows between goals; UTF-8 BOM CSV",
           "utf8bom", origin=(3, 3), title="above", gap=2, blank_rows=True, typing="general",
           grade="below",
           overview=Overview(header="one-row", blank_between_goals=True, header_repeat="once",
                             origin=(3, 3))),
    Layout("10-stacked-notes-sublabel",
           "all sheets in one workbook; 部局名/課名/係名 stacked; name beside 指標名; year header "
           "令和3年度; notes under the year table; sub-label column with formatted numbers; label 評価 "
           "with the legend at the bottom; no side label; overview with joined ①name and 担当課/頁; "
           "CP932 CSV",
           "cp932", grouping="all", departments="stacked", indicator="beside",
           year_label="令和{n}年度", notes=True, typing="numfmt", composite="sublabel",
           grade="label", legend="bottom", side_label="none",
           overview=Overview(book="00_評価一覧", sheet="一覧", joined_name=True,
                             extra_columns=True)),
    Layout("11-unmerged-typist",
           "one workbook per 基本目標; nothing merged but the milestones over their years (目標値 "
           "on the first of two rows, name below 指標名 in one cell); no side label, labels without "
           "spacing, 課名 joined with 、; "
           "legend in three cells with the grade right of the first line; overview "
           "with goal and direction typed on every row and the header once; UTF-8 BOM CSV",
           "utf8bom", side_label="none", spaced_labels=False, sections_on_lines=False,
           legend="three", grade="right-first", merges=False,
           overview=Overview(goal_cells="fill", direction_cells="fill", header_repeat="once",
                             note="end")),
]


README_HEAD = """# Welfare layouts: one truth, typed by different hands

Each folder is one plausible way of re-typing the printed 地域福祉計画 進行管理・評価シート (R5,
seed 004) into Excel, written from the truth CSVs (`truth/welfare_sheet.csv`,
`truth/welfare_overview.csv`, narratives cut short from `truth/welfare_narrative.csv`) by
`pipeline/scripts/layouts/make_welfare_layouts.sh`. Do not edit these files: change the script
and run it again.

Each of `xlsx/`, `xls/` (saved by LibreOffice as MS Excel 97) and `csv/` (one file per sheet,
`<workbook>-<sheet>.csv`, saved as shown) is a complete submission: the 45 project sheets
(sheet `(7)④`, one per project) and the overview of grades in a workbook of its own. Every
value shows the truth's raw token (`80件`, `11,000,000円`, `3182件`, `調査・研究`), typed as text
or as a number with a display format. A milestone covering several years ((1)②, (1)③, (3)①,
(3)③) is one cell merged over those years; in CSV it stands in the first year only. The
three two-row indicators ((4)② 啓発/研修, (7)① ボランティア/実習生, (10)① SNS/紙媒体) print
`啓発 21件` over `研修 7件` with 目標値/実績値 merged over both rows, and the bare sub-label in
an empty year, unless the layout has a sub-label column. The grade is a lone letter; the
overview keeps the bare (17)① row without grades. `check_welfare_layouts.py` checks all of this
in every format.

What differs:
"""


# ---------------------------------------------------------------- truth

@dataclass
class Project:
    """One truth row of welfare_sheet.csv with its narratives."""
    row: dict
    narrative: dict

    @property
    def direction_no(self):
        return int(self.row["policy_direction_no"])

    @property
    def project_no(self):
        return int(self.row["project_no"])

    @property
    def goal_no(self):
        return int(self.row["basic_goal_no"])

    def sheet_name(self, style):
        if style == "fullwidth":
            return "（%s）%s" % (str(self.direction_no).translate(FULL_DIGITS),
                               CIRCLED[self.project_no - 1])
        return "(%d)%s" % (self.direction_no, CIRCLED[self.project_no - 1])

    def composite(self):
        return self.row["year_assignment"].startswith("composite")

    def inferred(self):
        return self.row["year_assignment"].startswith("inferred")


def read_truth(truth_dir):
    def rows(name):
        with open(os.path.join(truth_dir, name), encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    narratives = {}
    for n in rows("welfare_narrative.csv"):
        narratives.setdefault(n["sheet_no"], {})[n["block"]] = n["text"]
    projects = [Project(r, narratives.get(r["sheet_no"], {})) for r in rows("welfare_sheet.csv")]
    return projects, rows("welfare_overview.csv")


def short(text):
    """The first 30 characters of the first printed line: the fixtures keep narratives short."""
    return text.split("\n")[0].strip()[:30] if text else ""


# ---------------------------------------------------------------- cells

def put(ws, row, col, value, row2=None, col2=None, fmt=None, wrap=False, vertical=None,
        box=True, merge=True):
    row2 = row2 or row
    col2 = col2 or col
    cell = ws.cell(row=row, column=col)
    if value is not None and value != "":
        cell.value = value
    if fmt:
        cell.number_format = fmt
    if wrap or vertical is not None or (isinstance(value, str) and "\n" in value):
        cell.alignment = Alignment(wrap_text=True, vertical="center",
                                   text_rotation=vertical or 0)
    if not merge:
        row2, col2 = row, col
    if box:
        for r in range(row, row2 + 1):
            for c in range(col, col2 + 1):
                ws.cell(row=r, column=c).border = BOX
    if row2 > row or col2 > col:
        ws.merge_cells(start_row=row, start_column=col, end_row=row2, end_column=col2)


def typed(token, mode, prefix=None):
    """The cell value and number format that display token (with prefix + space before it)."""
    shown = "%s %s" % (prefix, token) if prefix and token else (prefix or token)
    m = NUMBER.fullmatch(token or "")
    if mode == "text" or not m:
        return shown, None
    number, unit = int(m.group(1).replace(",", "")), m.group(2)
    if "," in m.group(1):
        core = "#,##0"
    else:
        core = "General" if mode == "general" else "0"
    fmt = ('"%s "' % prefix if prefix else "") + core + '"%s"' % unit
    return number, fmt


def value_mode(layout, kind):
    if layout.typing == "mixed":
        return "numfmt" if kind == "target" else "text"
    return layout.typing


def year_header(layout, year):
    n = year[1:]
    if layout.full_width_year:
        n = n.translate(FULL_DIGITS)
    return layout.year_label.format(n=n)


def label(layout, spaced, plain):
    return spaced if layout.spaced_labels else plain


def year_runs(values, merge):
    """[(first index, last index, token)], runs of equal milestone text merged when printed so."""
    runs = []
    for i, v in enumerate(values):
        if (merge and runs and v and v == runs[-1][2] and not NUMBER.fullmatch(v)
                and runs[-1][1] == i - 1):
            runs[-1] = (runs[-1][0], i, v)
        else:
            runs.append((i, i, v))
    return runs


# ---------------------------------------------------------------- project sheet

def write_project(ws, p, lay):
    def cell(*args, keep=False, **kwargs):
        # an author who merges nothing still merges a milestone over the years it covers
        put(ws, *args, merge=lay.merges or keep, **kwargs)

    r0, c0 = lay.origin
    side = c0 if lay.side_label != "none" else None
    lab = c0 + (1 if side else 0)                    # first label column
    val = lab + lay.label_width + lay.gap            # first value column
    sub = lay.composite == "sublabel"
    if lay.indicator == "under":
        ylab = val
    else:
        ylab = lab
    ysub = (ylab + lay.label_width if lay.indicator == "beside" else ylab + 1) if sub else None
    first_year = max((ysub or ylab) + 1, val if lay.indicator == "beside" else 0)
    last = first_year + len(YEARS) - 1
    left = side or lab
    lab_end = val - 1                                # labels are merged up to the value
    row = r0

    def blank():
        nonlocal row
        if lay.blank_rows:
            row += 1

    def label_cell(r, text, r2=None):
        cell(r, lab, text, row2=r2, col2=lab + lay.label_width - 1, wrap=True)

    # title
    if lay.title == "above":
        cell(row, last, EVAL_YEAR, box=False)
        row += 1
        cell(row, left, TITLE, col2=last, box=False)
    else:
        cell(row, left, TITLE, col2=last - 1, box=False)
        cell(row, last, EVAL_YEAR, box=False)
    row += 2 if lay.blank_rows else 1

    # 部局名 / 課名 / 係名
    sections = p.row["section"].split("、")
    section_text = ("\n" if lay.sections_on_lines else "、").join(sections)
    bureau = label(lay, "部　局　名", "部局名")
    division = label(lay, "課　　名", "課名")
    team = label(lay, "係　　名", "係名")
    if lay.departments == "stacked":
        for text, value in ((bureau, ""), (division, section_text), (team, p.row["subsection"])):
            cell(row, left, text, col2=lab + lay.label_width - 1)
            cell(row, val, value, col2=last, wrap=True)
            row += 1
    else:
        # 部局名 value, 課名 label, 課名 value (widest), 係名 label, 係名 value up to the right edge
        cell(row, left, bureau, col2=lab + lay.label_width - 1)
        cell(row, val, "")
        cell(row, val + 1, division)
        cell(row, val + 2, section_text, col2=last - 2, wrap=True)
        cell(row, last - 1, team)
        cell(row, last, p.row["subsection"])
        row += 1
    blank()

    # 第４期計画掲載内容
    plan = [
        ("基本目標", "基本目標", p.row["basic_goal"]),
        ("施策の方向性", "施策の方向性", p.row["policy_direction"]),
        ("事　業　名", "事業名", CIRCLED[p.project_no - 1] + p.row["project_name"]),
        ("事業の概要", "事業の概要", short(p.narrative.get("outline")) if lay.narratives else ""),
    ]
    if side:
        if lay.side_label == "chars":
            cell(row, side, "\n".join(SIDE_LABEL), row2=row + len(plan) - 1, wrap=True)
        else:
            cell(row, side, SIDE_LABEL, row2=row + len(plan) - 1, vertical=255)
    for spaced, plain, value in plan:
        label_cell(row, label(lay, spaced, plain))
        cell(row, val, value, col2=last, wrap=True)
        row += 1
    blank()

    # 指標名 and the year table
    target_rows = 2 if p.composite() else 1
    indicator_label = "指標名"
    if lay.indicator == "beside":
        cell(row, left, indicator_label, col2=lab + lay.label_width - 1)
        cell(row, val, p.row["indicator_name"], col2=last)
        row += 1
        header_row = row
    else:
        header_row = row
        cell(row, left, indicator_label, col2=lab_end)
        cell(row + 1, left, p.row["indicator_name"], row2=row + 2 * target_rows, col2=lab_end,
            wrap=True)
    cell(header_row, ylab if lay.indicator == "under" else left, "年度",
        col2=(ysub or ylab + lay.label_width - 1) if lay.indicator == "beside" else (ysub or ylab))
    for i, y in enumerate(YEARS):
        cell(header_row, first_year + i, year_header(lay, y))
    row = header_row + 1
    label_col = ylab if lay.indicator == "under" else left
    label_end = (ylab + lay.label_width - 1) if lay.indicator == "beside" else ylab
    for kind, years in (("target", YEARS), ("actual", ACTUAL_YEARS)):
        text = "目標値" if kind == "target" else "実績値"
        mode = value_mode(lay, kind)
        values = [p.row["%s_%s" % (kind, y)] for y in years] + [""] * (len(YEARS) - len(years))
        if p.composite():
            parts = [COMPOSITE.fullmatch(v).groups() if v else None for v in values]
            names = [x for x in parts if x][0][0], [x for x in parts if x][0][2]
            if sub:
                cell(row, label_col, text, row2=row + 1, col2=label_end)
                for k in range(2):
                    cell(row + k, ysub, names[k])
                    for i, part in enumerate(parts):
                        token = part[2 * k + 1] if part else ""
                        v, fmt = typed(token, mode)
                        cell(row + k, first_year + i, v, fmt=fmt)
            else:
                cell(row, label_col, text, row2=row + 1, col2=ysub or label_end)
                for k in range(2):
                    for i, part in enumerate(parts):
                        # an empty year still prints its bare sub-label
                        token = part[2 * k + 1] if part else ""
                        v, fmt = typed(token, mode, prefix=names[k])
                        cell(row + k, first_year + i, v, fmt=fmt)
            row += 2
        else:
            cell(row, label_col, text, col2=ysub or label_end)
            for a, b, token in year_runs(values, p.inferred()):
                v, fmt = typed(token, mode)
                cell(row, first_year + a, v, col2=first_year + b, fmt=fmt, keep=True)
            row += 1
    if lay.notes:
        cell(row, left, "※実績値は各年度末（3月31日）現在の数値です。", col2=last, box=False)
        cell(row + 1, left, "（注）R6年度・R7年度の実績値は、各年度終了後に記入します。",
            col2=last, box=False)
        row += 2
    blank()

    # 1　取り組み内容・成果・進捗状況
    if lay.legend == "heading":
        cell(row, left, "1　取り組み内容・成果・進捗状況", col2=last - 3, box=False)
        cell(row, last - 2, "\n".join(LEGEND), col2=last)
    else:
        cell(row, left, "1　取り組み内容・成果・進捗状況", col2=last, box=False)
    row += 1
    narr = (lambda key: short(p.narrative.get(key))) if lay.narratives else (lambda key: "")
    label_cell(row, label(lay, "R5年度の\n取り組み内容", "R5年度の取り組み内容"))
    cell(row, val, narr("activities"), col2=last, wrap=True)
    row += 1
    assess = label(lay, "進捗状況\n及び\n自己評価", "進捗状況及び自己評価")
    grade = p.row["evaluation"]
    if lay.grade == "label":
        label_cell(row, assess)
        cell(row, val, narr("self_assessment"), col2=last - 2, wrap=True)
        cell(row, last - 1, lay.grade_label)
        cell(row, last, grade)
        row += 1
    elif lay.legend == "one" and lay.grade == "right":
        label_cell(row, assess)
        cell(row, val, narr("self_assessment"), col2=last - 3, wrap=True)
        cell(row, last - 2, "\n".join(LEGEND), col2=last - 1)
        cell(row, last, grade)
        row += 1
    elif lay.legend == "one" and lay.grade == "below":
        label_cell(row, assess, r2=row + 1)
        cell(row, val, narr("self_assessment"), row2=row + 1, col2=last - 2, wrap=True)
        cell(row, last - 1, "\n".join(LEGEND), col2=last)
        cell(row + 1, last - 1, grade, col2=last)
        row += 2
    elif lay.legend == "three" and lay.grade in ("right", "right-first"):
        label_cell(row, assess, r2=row + 2)
        cell(row, val, narr("self_assessment"), row2=row + 2, col2=last - 3, wrap=True)
        for k, line in enumerate(LEGEND):
            cell(row + k, last - 2, line, col2=last - 1)
        if lay.grade == "right":
            cell(row, last, grade, row2=row + 2)
        else:
            cell(row, last, grade)
        row += 3
    elif lay.legend == "three" and lay.grade == "below":
        label_cell(row, assess, r2=row + 3)
        cell(row, val, narr("self_assessment"), row2=row + 3, col2=last - 2, wrap=True)
        for k, line in enumerate(LEGEND):
            cell(row + k, last - 1, line, col2=last)
        cell(row + 3, last - 1, grade, col2=last)
        row += 4
    else:
        raise ValueError("no grade layout %s/%s" % (lay.legend, lay.grade))
    blank()

    # ２　課題・今後の取り組み方針
    cell(row, left, "２　課題・今後の取り組み方針", col2=last, box=False)
    row += 1
    for text, key in (("課題", "issues"), ("今後の取り組み方針", "direction")):
        label_cell(row, text)
        cell(row, val, narr(key), col2=last, wrap=True)
        row += 1
    blank()
    cell(row, left, "３　協働事項（事業推進のために、市民や地域に協力してもらいたいこと）", col2=last,
        box=False)
    cell(row + 1, left, "", col2=last)
    row += 2
    blank()
    cell(row, left, "4　推進委員会の意見（評価）", col2=last, box=False)
    cell(row + 1, left, "", col2=last)
    row += 2
    if lay.legend == "bottom":
        row += 1
        for k, line in enumerate(LEGEND):
            cell(row + k, left, line, col2=lab_end + 1, box=False)
        row += 3

    # widths, so that the sheet also reads well when opened
    ws.column_dimensions[openpyxl.utils.get_column_letter(left)].width = 6 if side else 14
    for c in range(lab, last + 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = 13


# ---------------------------------------------------------------- overview

def write_overview(ws, rows, ov):
    r0, c0 = ov.origin
    goal_col, dir_col, no_col = c0, c0 + 1, c0 + 2
    name_col = no_col if ov.joined_name else no_col + 1
    first_year = name_col + 1
    last_year = first_year + len(YEARS) - 1
    extra = [last_year + 1, last_year + 2] if ov.extra_columns else []
    last = extra[-1] if extra else last_year
    row = r0
    if ov.caption:
        put(ws, row, c0, "第４期朝霞市地域福祉計画・地域福祉活動計画　評価一覧（Ｒ5年度）", col2=last,
            box=False)
        row += 2

    def header():
        nonlocal row
        if ov.header == "two-row":
            put(ws, row, goal_col, "基本目標", row2=row + 1)
            put(ws, row, dir_col, "施策の方向性", row2=row + 1)
            put(ws, row, no_col, "事業名", row2=row + 1, col2=name_col)
            put(ws, row, first_year, "進捗状況", col2=last_year)
            for i, y in enumerate(YEARS):
                put(ws, row + 1, first_year + i, ov.year_label.format(n=y[1:]))
            for c, text in zip(extra, ("担当課", "頁")):
                put(ws, row, c, text, row2=row + 1)
            row += 2
        else:
            put(ws, row, goal_col, "基本目標")
            put(ws, row, dir_col, "施策の方向性")
            put(ws, row, no_col, "事業名", col2=name_col)
            for i, y in enumerate(YEARS):
                put(ws, row, first_year + i, "進捗状況（%s）" % ov.year_label.format(n=y[1:]))
            for c, text in zip(extra, ("担当課", "頁")):
                put(ws, row, c, text)
            row += 1

    def note():
        nonlocal row
        put(ws, row, c0, "※ 部分は、重点的評価施策", col2=last, box=False)
        row += 1

    goals = []
    for r in rows:
        if not goals or goals[-1][0] != r["basic_goal"]:
            goals.append((r["basic_goal"], []))
        goals[-1][1].append(r)

    header()
    for gi, (goal, goal_rows) in enumerate(goals):
        if gi > 0:
            page_break = gi == 2        # the printed page 2 starts with 基本目標3
            if ov.note == "page" and page_break:
                note()
            if ov.blank_between_goals or (page_break and ov.header_repeat == "page"):
                row += 1
            if ov.header_repeat == "goal" or (ov.header_repeat == "page" and page_break):
                header()
        goal_start = row
        directions = []
        for r in goal_rows:
            if not directions or directions[-1][0] != r["policy_direction"]:
                directions.append((r["policy_direction"], []))
            directions[-1][1].append(r)
        for direction, dir_rows in directions:
            dir_start = row
            for r in dir_rows:
                no = CIRCLED[int(r["project_no"]) - 1]
                if ov.goal_cells == "fill" or (ov.goal_cells == "first" and row == goal_start):
                    put(ws, row, goal_col, goal, wrap=True)
                if ov.direction_cells == "fill" or (ov.direction_cells == "first"
                                                    and row == dir_start):
                    put(ws, row, dir_col, direction, wrap=True)
                if ov.joined_name:
                    put(ws, row, no_col, no + r["project_name"])
                else:
                    put(ws, row, no_col, no)
                    put(ws, row, name_col, r["project_name"])
                for i, y in enumerate(YEARS):
                    put(ws, row, first_year + i, r.get("grade_" + y, ""))
                for c in extra:
                    put(ws, row, c, "")
                if ov.goal_cells != "merge":
                    put(ws, row, goal_col, None)
                if ov.direction_cells != "merge":
                    put(ws, row, dir_col, None)
                row += 1
            if ov.direction_cells == "merge":
                put(ws, dir_start, dir_col, direction, row2=row - 1, wrap=True)
        if ov.goal_cells == "merge":
            put(ws, goal_start, goal_col, goal, row2=row - 1, wrap=True, vertical=255)
    note()
    ws.column_dimensions[openpyxl.utils.get_column_letter(goal_col)].width = 8
    ws.column_dimensions[openpyxl.utils.get_column_letter(dir_col)].width = 18
    ws.column_dimensions[openpyxl.utils.get_column_letter(name_col)].width = 40


# ---------------------------------------------------------------- workbooks

def book_groups(projects, lay):
    """[(workbook base name, [projects])] in the author's grouping."""
    if lay.grouping == "all":
        return [("進行管理・評価シート_R5", projects)]
    if lay.grouping == "each":
        return [("評価シート" + p.sheet_name(lay.sheet_name), [p]) for p in projects]
    groups = {}
    for p in projects:
        if lay.grouping == "goal":
            key = lay.goal_book.format(n=p.goal_no,
                                       nf=str(p.goal_no).translate(FULL_DIGITS))
        else:
            key = "施策の方向性%02d" % p.direction_no
        groups.setdefault(key, []).append(p)
    return list(groups.items())


def new_book():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "layouts-welfare"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def save(wb, path):
    """Saves with fixed zip entry times, so that running the script again changes no byte."""
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


def generate(truth_dir, out_dir):
    projects, overview = read_truth(truth_dir)
    for lay in LAYOUTS:
        target = os.path.join(out_dir, lay.name, "xlsx")
        os.makedirs(target, exist_ok=True)
        for base, members in book_groups(projects, lay):
            wb = new_book()
            for p in members:
                write_project(wb.create_sheet(p.sheet_name(lay.sheet_name)), p, lay)
            save(wb, os.path.join(target, base + ".xlsx"))
        wb = new_book()
        write_overview(wb.create_sheet(lay.overview.sheet), overview, lay.overview)
        save(wb, os.path.join(target, lay.overview.book + ".xlsx"))
        print("%s: %d workbooks" % (lay.name, len(os.listdir(target))))


def add_bom(csv_dir):
    for name in sorted(os.listdir(csv_dir)):
        path = os.path.join(csv_dir, name)
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(b"\xef\xbb\xbf"):
            with open(path, "wb") as f:
                f.write(b"\xef\xbb\xbf" + data)


def main(argv):
    if len(argv) == 4 and argv[1] == "generate":
        generate(argv[2], argv[3])
    elif len(argv) == 2 and argv[1] == "list":
        for lay in LAYOUTS:
            print(lay.name, lay.csv_encoding)
    elif len(argv) == 2 and argv[1] == "readme":
        print(README_HEAD)
        for lay in LAYOUTS:
            print("- `%s`: %s" % (lay.name, lay.summary))
    elif len(argv) == 3 and argv[1] == "bom":
        add_bom(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
