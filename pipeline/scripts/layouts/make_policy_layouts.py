#!/usr/bin/python3
"""Writes the 施策評価シート (policy evaluation sheets, R4 = FY2022, policies 611-656) robustness suite.

Each layout is one plausible way a department re-types the printed report into Excel. Every layout
holds the same truth (pipeline/src/test/resources/truth/policy_*.csv); only the arrangement, the
labels and the typing differ. This script writes the .xlsx files of every layout; the driver
make_policy_layouts.sh converts them with LibreOffice to .xls and to one CSV per sheet.

Usage: make_policy_layouts.py <truth dir> <output dir>
         writes <output dir>/<NN-name>/xlsx/*.xlsx and <output dir>/README.md
       make_policy_layouts.py --list
         prints each layout's name and CSV encoding (cp932 or utf-8-bom), tab-separated
"""
import csv
import os
import re
import sys
from collections import OrderedDict

import openpyxl
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

CIRCLED = {1: "①", 2: "②", 3: "③", 4: "④"}
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

NARRATIVE_BLOCKS = [
    "target_state", "implementation", "third_party_opinion", "progress_basis", "external_factors",
    "necessity_reason", "analysis", "outlook", "role_sharing", "summary",
]


# ---------------------------------------------------------------- truth

def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_truth(truth_dir):
    """Returns policies in printed order, each a dict with the sheet, indicators, projects, totals, texts."""
    policies = OrderedDict()
    for row in read_csv(os.path.join(truth_dir, "policy_sheet.csv")):
        policies[row["policy_code"]] = {"sheet": row, "indicators": [], "projects": [], "totals": {},
                                        "texts": {}}
    for row in read_csv(os.path.join(truth_dir, "policy_indicator.csv")):
        policies[row["policy_code"]]["indicators"].append(row)
    for row in read_csv(os.path.join(truth_dir, "policy_project_cost.csv")):
        policies[row["policy_code"]]["projects"].append(row)
    for row in read_csv(os.path.join(truth_dir, "policy_cost_total.csv")):
        kind = "kei" if "経年変化" in row["row_type"] else "total"
        policies[row["policy_code"]]["totals"][kind] = [row["R2"], row["R3"], row["R4_forecast"]]
    for row in read_csv(os.path.join(truth_dir, "policy_narrative.csv")):
        policies[row["policy_code"]]["texts"][row["block"]] = row["text"]
    for code, p in policies.items():
        p["indicators"].sort(key=lambda r: int(r["indicator_no"]))
        p["projects"].sort(key=lambda r: int(r["row_no"]))
    return policies


# ---------------------------------------------------------------- typing

NUMBER_WITH_COMMAS = re.compile(r"^-?\d{1,3}(,\d{3})+$")
INTEGER = re.compile(r"^-?\d+$")
DECIMAL = re.compile(r"^-?\d+\.(\d+)$")
PERCENT = re.compile(r"^(-?\d+(?:\.(\d+))?)%$")
DASH_FOR_ZERO = '#,##0;-#,##0;"-"'


def as_typed(token, typing, kind):
    """Returns (value, number_format) that Excel displays as exactly `token`.

    typing: 'text' keeps every token a string (pasted or typed with a leading apostrophe);
    'excel' is what Excel makes of a token typed into a General cell, with the display format
    that keeps decimals and % as printed; 'mixed' types costs as numbers and indicators as text;
    'dashzero' is 'excel' plus costs printed `-` typed as 0 under a format that shows 0 as `-`.
    kind: 'cost' or 'indicator' or 'other'.
    """
    if typing == "text" or (typing == "mixed" and kind != "cost"):
        return token, None
    if typing == "dashzero" and kind == "cost" and token == "-":
        return 0, DASH_FOR_ZERO
    if kind == "cost" and (NUMBER_WITH_COMMAS.match(token) or INTEGER.match(token)):
        return int(token.replace(",", "")), "#,##0"
    if NUMBER_WITH_COMMAS.match(token):
        return int(token.replace(",", "")), "#,##0"
    if INTEGER.match(token):
        return int(token), "General"
    m = DECIMAL.match(token)
    if m:
        return float(token), "0." + "0" * len(m.group(1))
    m = PERCENT.match(token)
    if m:
        decimals = len(m.group(2) or "")
        value = round(float(m.group(1)) / 100, decimals + 2)
        return value, "0%" if decimals == 0 else "0." + "0" * decimals + "%"
    return token, None


# ---------------------------------------------------------------- layouts

def fw(text):
    return text.translate(FULLWIDTH_DIGITS)


def shorten(text):
    """The first line of a narrative block, at most 40 characters: the suite tests layout, not prose."""
    return text.split("\n")[0][:40]


PRINTED_IND_HEADERS = ["R2年度実績", "R3年度実績", "R4年度見込み", "最終年度目標 (R7年度)"]
SPACED_IND_HEADERS = ["R 2 年度実績", "R 3 年度実績", "R 4 年度見込み", "最終年度目標 (R 7 年度)"]
PRINTED_COST_HEADERS = ["R2決算", "R3決算", "R4決算見込み"]
PRINTED_KEI_HEADERS = ["R2年度", "R3年度", "R4年度(見込み)"]

def dept_workbook(prefix):
    return lambda p: f"{prefix}{p['sheet']['department']}"


LAYOUTS = [
    dict(name="01-as-printed", encoding="cp932",
         workbook=dept_workbook("施策評価シート_"), sheet_name=lambda c, n: c,
         code_name="one", typing="excel", pad_to=38, ind2_placeholder=True, rating="line",
         kei="printed", narrative="full", spaced_642=True,
         what="As printed: one workbook per 担当課, sheets `611`; code and name in one cell; "
              "Excel typing (numbers with #,##0 / 0.0 / 0.0% formats); project table padded to 38 numbered rows; "
              "empty 指標 2 printed `—`; rating line `1 2 ③ 4 … label`; 経年変化 horizontal, label merged over "
              "two rows, year headers on its first row (654 vertical, 654 with full-width ＋, 642 `R 2 年度実績`); "
              "full narratives; CSV CP932."),
    dict(name="02-kei-headers-same-row", encoding="utf-8-bom",
         workbook=lambda p: "R4施策評価シート", sheet_name=lambda c, n: f"施策{c}",
         code_name="one", typing="text", kei="same_row", narrative="short",
         what="One workbook for all 14 policies, sheets `施策611`; every value typed as text; 経年変化 "
              "horizontal for every sheet (654 too), label in one cell with the year headers on its own row "
              "and the totals on the row below; no padding rows; CSV UTF-8 BOM."),
    dict(name="03-kei-headers-above", encoding="cp932",
         workbook=lambda p: f"施策評価シート_施策{p['sheet']['policy_code'][:2]}", sheet_name=lambda c, n: c,
         code_name="two", typing="excel", kei="above", narrative="short",
         what="One workbook per 施策 group (61, 62, …, 65); code and name in two cells; 経年変化 "
              "horizontal with the year headers on the row above the label and the totals on the label's "
              "row; Excel typing; CSV CP932."),
    dict(name="04-kei-vertical", encoding="utf-8-bom",
         workbook=lambda p: f"{p['sheet']['policy_code']}_{p['sheet']['policy_name']}",
         sheet_name=lambda c, n: "施策評価シート",
         code_name="one", typing="mixed", kei="vertical", narrative="short",
         what="One workbook per policy named `611_人権教育・啓発活動`, its one sheet named `施策評価シート` "
              "(the code is only in the file name and the cells); 経年変化 vertical on every sheet (years "
              "down column A, totals in B); costs typed as numbers #,##0, indicators as text; CSV UTF-8 BOM."),
    dict(name="05-yohaku-blank-rows", encoding="cp932",
         workbook=dept_workbook("R4_施策評価_"), sheet_name=lambda c, n: c,
         code_name="one", typing="excel", ind2_placeholder=True, blank_between=True, yohaku=True,
         kei="printed", narrative="short",
         what="One workbook per 担当課; a blank row after every project and `（以下余白）` after the last "
              "one; empty 指標 2 printed `—`; 経年変化 as printed (654 vertical); Excel typing; CSV CP932."),
    dict(name="06-pagebreak-notes", encoding="utf-8-bom",
         workbook=dept_workbook("施策評価シート（"), workbook_suffix="）", sheet_name=lambda c, n: c,
         code_name="one", typing="text", repeat_header_every=10, notes=True, kei="same_row",
         narrative="short",
         what="One workbook per 担当課; the project table's two header rows repeated after every 10 "
              "projects (page break, 652/653/654), notes under the tables (`（注）…` under the indicators, "
              "`※…` under the projects and the 経年変化); text typing; CSV UTF-8 BOM."),
    dict(name="07-offset-merged", encoding="cp932",
         workbook=dept_workbook("施策評価_"), sheet_name=lambda c, n: c,
         code_name="one", typing="excel", offset=True, ind2_placeholder=True, kei="above",
         narrative="short",
         what="Labels in merged cells (A:B, or A:C in the tables) with the values one or two columns to "
              "their right (an empty column between); project names merged B:C, costs in D:F; 計 label "
              "merged A:C; 経年変化 headers above the label; Excel typing; CSV CP932."),
    dict(name="08-width-variants", encoding="utf-8-bom",
         workbook=dept_workbook("施策評価シート_"), sheet_name=lambda c, n: c,
         code_name="one", typing="text", fullwidth=True, rating="line_fw", kei="printed",
         narrative="short",
         what="Full-width and era variants: `担　当　課`, `指標１`, `Ｒ２年度実績 … 最終年度目標（Ｒ７年度）`, "
              "`令和2年度決算`, `令和２年度`, `１ ２ ③ ４ … label`, `３　進捗状況`; text typing; CSV UTF-8 BOM."),
    dict(name="09-rating-circled-alone", encoding="cp932",
         workbook=lambda p: f"施策評価シート_施策{p['sheet']['policy_code'][:2]}",
         sheet_name=lambda c, n: f"施策{c}",
         code_name="one", typing="excel", rating="circled_alone", kei="same_row", narrative="short",
         what="Ratings written as the circled digit alone (`③`) with the label in the next cell; one "
              "workbook per 施策 group, sheets `施策611`; Excel typing; CSV CP932."),
    dict(name="10-code-name-split", encoding="utf-8-bom",
         workbook=dept_workbook("施策評価シート_"), sheet_name=lambda c, n: f"施策{c}",
         code_name="two", typing="excel", rating="cells", kei="printed", pad_to=20,
         narrative="short",
         what="Code and name in separate cells; sheets `施策611`; rating spread over cells `1`,`2`,`③`,`4`,"
              "`…`,label; project table padded to 20 numbered rows (654 has 35); 経年変化 as printed; "
              "Excel typing; CSV UTF-8 BOM."),
    dict(name="11-unit-column", encoding="cp932",
         workbook=lambda p: "R4施策評価シート", sheet_name=lambda c, n: c,
         code_name="one", typing="mixed", indicator_table=True, rating="digit_label", kei="vertical",
         narrative="short",
         what="Indicators as one table row each: 指標 | 指標名 | 単位 (separate column, name without its "
              "unit) | 指標の定義 | four year columns; rating as `3` (number) and its label in separate "
              "cells; one workbook; 経年変化 vertical; costs numbers, indicators text; CSV CP932."),
    dict(name="12-labelled-dash-zero", encoding="utf-8-bom",
         workbook=dept_workbook("R4施策評価_"),
         sheet_name=lambda c, n: f"{c}_{n}"[:31],
         code_name="labelled", typing="dashzero", kei="same_row", narrative="short",
         what="`施策番号` / `施策名` labelled rows; sheets `611_人権教育・啓発活動`; "
              "costs printed `-` typed as 0 under the format `#,##0;-#,##0;\"-\"` (the cell shows `-`, "
              "its value is 0; 656's `—` stays text); Excel typing elsewhere; CSV UTF-8 BOM."),
]


class SheetWriter:
    """Writes one policy's sheet top to bottom; `row` is the next free row."""

    def __init__(self, ws, layout):
        self.ws = ws
        self.layout = layout
        self.row = 1
        self.typing = layout.get("typing", "text")

    def put(self, col, token, kind="other", row=None):
        row = row or self.row
        if isinstance(token, str):
            value, fmt = as_typed(token, self.typing, kind) if kind != "label" else (token, None)
        else:
            value, fmt = token, None
        cell = self.ws.cell(row=row, column=col, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        if fmt:
            cell.number_format = fmt
        if isinstance(value, str) and "\n" in value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def merge(self, c1, c2, r1=None, r2=None):
        r1 = r1 or self.row
        r2 = r2 or r1
        if (c1, r1) != (c2, r2):
            self.ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    def next(self, n=1):
        self.row += n


def write_policy(ws, p, layout):
    L = layout
    s = p["sheet"]
    code, name = s["policy_code"], s["policy_name"]
    w = SheetWriter(ws, L)
    full = L.get("fullwidth", False)
    off = L.get("offset", False)
    vcol = 4 if off else 2  # column of a header value
    last = 8 if off else 6  # last column of the sheet

    def label(text):
        return text.replace("担当課", "担　当　課").replace("関連課", "関　連　課") if full else text

    def section(num, text):
        return f"{fw(str(num))}　{text}" if full else f"{num} {text}"

    def labelled(lbl, value, kind="other"):
        w.put(1, label(lbl), "label")
        if off:
            w.merge(1, 2)
        w.put(vcol, value, kind)
        w.merge(vcol, last)
        w.next()

    def text_block(text):
        if L.get("narrative") == "short":
            text = shorten(text)
        if text:
            w.put(1, text, "label")
            w.merge(1, last)
        w.next()

    # header
    w.put(1, "施策評価シート", "label")
    w.merge(1, last)
    w.next()
    if L.get("code_name") == "one":
        w.put(1, f"{code} {name}", "label")
        w.merge(1, last)
        w.next()
    elif L.get("code_name") == "two":
        w.put(1, code)
        w.put(2, name, "label")
        w.merge(2, last)
        w.next()
    else:
        labelled("施策番号", code)
        labelled("施策名", name)
    w.next()
    labelled("担当課", s["department"])
    labelled("関連課", s["related_departments"])
    w.put(1, "目指す姿", "label")
    w.next()
    text_block(p["texts"]["target_state"])
    mhs_label = "まち・ひと・しごと創生総合戦略" if L["name"] in ("03-kei-headers-above", "11-unit-column") \
        else "まち・ひと・しごと目標"
    goal = s["machi_hito_shigoto_goal"]
    if L["name"] == "01-as-printed" and " (ウ)" in goal:
        goal = goal.replace(" (ウ)", "\n(ウ)")  # printed on two lines
    labelled(mhs_label, goal)
    w.next()

    # indicators
    if code == "642" and L.get("spaced_642"):
        ind_headers = SPACED_IND_HEADERS
    elif full:
        ind_headers = ["Ｒ２年度実績", "Ｒ３年度実績", "Ｒ４年度見込み", "最終年度目標（Ｒ７年度）"]
    else:
        ind_headers = PRINTED_IND_HEADERS
    values_of = lambda ind: [ind["actual_R2"], ind["actual_R3"], ind["forecast_R4"], ind["target_R7"]]
    if L.get("indicator_table"):
        w.put(1, "指標", "label")
        for i, h in enumerate(["指標名", "単位", "指標の定義"] + ind_headers):
            w.put(2 + i, h, "label")
        w.next()
        for ind in p["indicators"]:
            w.put(1, ind["indicator_no"])
            w.put(2, ind["name"], "label")
            w.put(3, ind["unit"], "label")
            w.put(4, ind["description"], "label")
            for i, v in enumerate(values_of(ind)):
                w.put(5 + i, v, "indicator")
            if ind["mhs_tag"]:
                w.put(9, ind["mhs_tag"], "label")
            w.next()
        w.next()
    else:
        slots = list(p["indicators"])
        if L.get("ind2_placeholder") and len(slots) < 2:
            slots.append(None)
        vc = 4 if off else 3  # first year column
        for no, ind in enumerate(slots, start=1):
            w.put(1, f"指標{fw(str(no))}" if full else f"指標 {no}", "label")
            if off:
                w.merge(1, 2)
            if ind and ind["mhs_tag"]:
                w.put(vc, ind["mhs_tag"], "label")
            w.next()
            w.put(2, ind["name_as_printed"] if ind else "—", "label")
            w.merge(2, last)
            w.next()
            w.put(2, ind["description"] if ind else "—", "label")
            w.merge(2, last)
            w.next()
            for i, h in enumerate(ind_headers):
                w.put(vc + i, h, "label")
            w.next()
            if ind:
                for i, v in enumerate(values_of(ind)):
                    w.put(vc + i, v, "indicator")
            w.next()
            if L.get("notes") and ind:
                w.put(2, "（注）R4年度は見込み値。最終年度目標はR7年度の目標値。", "label")
                w.next()
        w.next()

    # narratives 1-2
    sec = lambda n, t: (w.put(1, section(n, t), "label"), w.next())
    sec(1, "実施内容")
    text_block(p["texts"]["implementation"])
    sec(2, "審議会等第三者機関の評価・意見")
    text_block(p["texts"]["third_party_opinion"])

    # ratings 3-4
    def rating(num, title, value, lbl, printed):
        sec(num, title)
        style = L.get("rating", "line")
        value = int(value)
        if style == "line":
            w.put(1, printed, "label")
        elif style == "line_fw":
            digits = "　".join(CIRCLED[i] if i == value else fw(str(i)) for i in range(1, 5))
            w.put(1, f"{digits}　…　{lbl}", "label")
        elif style == "circled_alone":
            w.put(1, "評価", "label")
            w.put(3, CIRCLED[value], "label")
            w.put(4, lbl, "label")
        elif style == "cells":
            for i in range(1, 5):
                w.put(i, CIRCLED[i] if i == value else str(i), "other")
            w.put(5, "…", "label")
            w.put(6, lbl, "label")
        elif style == "digit_label":
            w.put(1, "評価", "label")
            w.put(2, value)
            w.put(3, lbl, "label")
        w.next()

    rating(3, "進捗状況", s["progress_rating"], s["progress_label"], s["progress_as_printed"])
    w.put(1, "【判断の根拠】", "label")
    w.next()
    text_block(p["texts"]["progress_basis"])
    w.put(1, "【外的要因】", "label")
    w.next()
    text_block(p["texts"]["external_factors"])
    rating(4, "必要性", s["necessity_rating"], s["necessity_label"], s["necessity_as_printed"])
    text_block(p["texts"]["necessity_reason"])

    # 5 projects
    plus = "＋" if code == "654" and L["name"] in ("01-as-printed", "05-yohaku-blank-rows") else "+"
    sec(5, "施策構成事務事業の優先度評価")
    w.put(1, "※事務事業評価の判定を踏まえて、今後の方向性を判断", "label")
    w.next()
    name_c2 = 3 if off else 2  # last column of the project name
    cost_c = name_c2 + 1
    dir_c = cost_c + 3
    cost_headers = ["令和2年度決算", "令和3年度決算", "令和4年度決算見込み"] if full else PRINTED_COST_HEADERS

    def project_header():
        w.put(1, "番号", "label")
        w.merge(1, 1, w.row, w.row + 1)
        w.put(2, "施策を構成する事務事業名", "label")
        w.merge(2, name_c2, w.row, w.row + 1)
        w.put(cost_c, f"総コスト（事業費{plus}人件費 単位：千円）", "label")
        w.merge(cost_c, cost_c + 2)
        w.put(dir_c, "今後の方向性※", "label")
        w.merge(dir_c, dir_c, w.row, w.row + 1)
        w.next()
        for i, h in enumerate(cost_headers):
            w.put(cost_c + i, h, "label")
        w.next()

    project_header()
    projects = p["projects"]
    for k, pr in enumerate(projects):
        if L.get("repeat_header_every") and k and k % L["repeat_header_every"] == 0:
            w.next()  # the page break leaves a blank row before the repeated header
            project_header()
        w.put(1, pr["row_no"])
        w.put(2, pr["project_name_as_printed"], "label")
        w.merge(2, name_c2)
        for i, key in enumerate(["cost_R2_raw", "cost_R3_raw", "cost_R4_forecast_raw"]):
            w.put(cost_c + i, pr[key], "cost")
        w.put(dir_c, pr["direction"], "label")
        w.next()
        if L.get("blank_between") and k < len(projects) - 1:
            w.next()
    if L.get("yohaku"):
        w.put(2, "（以下余白）", "label")
        w.next()
    for no in range(len(projects) + 1, (L.get("pad_to") or 0) + 1):
        w.put(1, str(no))
        w.next()
    w.put(1, "計（単位：千円）", "label")
    tot_c = cost_c
    w.merge(1, tot_c - 1)
    for i, v in enumerate(p["totals"]["total"]):
        w.put(tot_c + i, v, "cost")
    w.next()
    if L.get("notes"):
        w.put(1, "※【再掲】の事務事業は他の施策で計上しているため、総コストは「-」としている。", "label")
        w.next()
        w.put(1, "※R4年度は決算見込み額", "label")
        w.next()
    w.next()

    # 経年変化
    kei = L.get("kei")
    if kei == "printed":
        kei = "vertical_printed" if code == "654" else "printed"
    kei_headers = ["令和２年度", "令和３年度", "令和４年度（見込み）"] if full else PRINTED_KEI_HEADERS
    kei_values = p["totals"]["kei"]
    if kei == "printed":
        w.put(1, f"総コスト（事業費{plus}人件費）の\n経年変化 単位：千円", "label")
        w.merge(1, 2, w.row, w.row + 1)
        for i, h in enumerate(kei_headers):
            w.put(3 + i, h, "label")
        w.next()
        for i, v in enumerate(kei_values):
            w.put(3 + i, v, "cost")
        w.next()
    elif kei == "same_row":
        w.put(1, "総コスト（事業費+人件費）の経年変化 単位：千円", "label")
        for i, h in enumerate(kei_headers):
            w.put(3 + i, h, "label")
        w.next()
        for i, v in enumerate(kei_values):
            w.put(3 + i, v, "cost")
        w.next()
    elif kei == "above":
        for i, h in enumerate(kei_headers):
            w.put(cost_c + i, h, "label")
        w.next()
        w.put(1, "総コスト（事業費+人件費）の経年変化（単位：千円）", "label")
        w.merge(1, cost_c - 1)
        for i, v in enumerate(kei_values):
            w.put(cost_c + i, v, "cost")
        w.next()
    elif kei == "vertical_printed":
        w.put(1, f"総コスト（事業費{plus}人件費）の\n経年変化 単位：千円", "label")
        w.merge(1, 2, w.row, w.row + 2)
        for i, (h, v) in enumerate(zip(kei_headers, kei_values)):
            w.put(3, h, "label", row=w.row + i)
            w.put(4, v, "cost", row=w.row + i)
        w.next(3)
    elif kei == "vertical":
        w.put(1, "総コスト（事業費+人件費）の経年変化", "label")
        w.put(2, "単位：千円", "label")
        w.next()
        for h, v in zip(kei_headers, kei_values):
            w.put(1, h, "label")
            w.put(2, v, "cost")
            w.next()
    if L.get("notes"):
        w.put(1, "※R4年度は決算見込み", "label")
        w.next()
    w.next()

    # narratives 6-9
    for n, title, key in [(6, "現状と課題の分析", "analysis"), (7, "今後の展開", "outlook"),
                          (8, "行政と市民の役割分担", "role_sharing"), (9, "所管部の総括", "summary")]:
        sec(n, title)
        text_block(p["texts"][key])

    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 40
    for c in range(3, last + 2):
        ws.column_dimensions[get_column_letter(c)].width = 14


def write_layout(policies, layout, out_dir):
    folder = os.path.join(out_dir, layout["name"], "xlsx")
    os.makedirs(folder, exist_ok=True)
    books = OrderedDict()
    for code, p in policies.items():
        base = layout["workbook"](p) + layout.get("workbook_suffix", "")
        books.setdefault(base, []).append(p)
    for base, members in books.items():
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        for p in members:
            s = p["sheet"]
            ws = wb.create_sheet(layout["sheet_name"](s["policy_code"], s["policy_name"]))
            write_policy(ws, p, layout)
        wb.save(os.path.join(folder, base + ".xlsx"))
    return len(books)


def main():
    if sys.argv[1:] == ["--list"]:
        for layout in LAYOUTS:
            print(f"{layout['name']}\t{layout['encoding']}")
        return
    truth_dir, out_dir = sys.argv[1], sys.argv[2]
    policies = load_truth(truth_dir)
    for layout in LAYOUTS:
        n = write_layout(policies, layout, out_dir)
        print(f"{layout['name']}: {n} workbook(s)")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as readme:
        readme.write(README_HEAD)
        for layout in LAYOUTS:
            readme.write(f"- `{layout['name']}`: {layout['what']}\n")


README_HEAD = """# 施策評価シート layouts (robustness suite)

The 14 policy sheets 611-656 of the R4 (FY2022) evaluation, re-typed from the printed report in
different layouts. Every layout holds the same truth (`pipeline/src/test/resources/truth/policy_*.csv`):
each cell shows exactly the printed token (`10,059`, `-`, `—`, `7.2%`, `-5.0%`), whether it is
typed as text or as a number under a display format. Each layout folder holds the same
submission three times: `xlsx/`, `xls/` (LibreOffice, MS Excel 97) and `csv/` (one CSV per
sheet, named `<workbook>-<sheet>.csv`, saved as shown). A CP932 CSV cannot hold `—` (U+2014):
it is written as 0x815C, which reads back as `―` (U+2015), as in a CSV saved by Excel.
Only `01-as-printed` carries the narrative blocks in full; the other layouts keep the first line
of each block, cut at 40 characters, to keep the suite small.

Regenerate with `pipeline/scripts/layouts/make_policy_layouts.sh` (it also runs the check
`check_policy_layouts.py`). The layouts were made from the printed page (seed 001) and the truth
CSVs only.

"""

if __name__ == "__main__":
    main()
