#!/usr/bin/python3
"""Robustness suite for the 総合戦略 効果検証 family: the same truth re-typed into Excel the ways different
people would type the printed report, each layout saved as .xlsx, .xls (MS Excel 97) and CSV.

Usage: make_strategy_layouts.py [OUT_DIR]
  OUT_DIR defaults to pipeline/src/test/resources/fixtures/layouts/strategy.
  LO_PROFILE (env) is the LibreOffice user installation directory; a fresh temporary one by default.

Each layout is a function below that lays out the whole truth (8 数値目標 of 4 basic goals, 27 KPIs of 12
measures, the 総括 roll-up) as its author would. Value cells always display the truth's raw token; only how
they are typed (text, or a number with a format showing the same token) and where they stand varies.
The .xls is LibreOffice's MS Excel 97 save of the .xlsx; the CSVs are LibreOffice's save of every sheet
(`<workbook base>-<sheet name>.csv`, values as shown), in CP932 with CRLF or UTF-8 with a BOM.
"""
import csv
import datetime
import glob
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.dont_write_bytecode = True  # keeps __pycache__ out of the source tree

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

import strategy_model as sm
from strategy_model import CIRCLED, FULLWIDTH, typed

VAL = ['v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6']
R_YEARS = ['R2', 'R3', 'R4', 'R5', 'R6', 'R7']
FIXED_TIME = datetime.datetime(2025, 6, 30, 9, 0, 0)

NT_COMMENTS = {
    1: '　①については、一定の効果が挙がっているため、引き続き現行施策を基本とした推進が求められる。',
    2: '　本市に住みつづけたいと考えている市民が微増となっているものの、本市を好きと感じている青少年の割合が'
       '策定当初より落ち込んでいることから、若年層に対する愛着醸成を図るための施策の重点化が求められる。',
    3: '　いずれの指標も策定当初より悪くなっていることから、安心して子育てができるまちの実現に向けた'
       '各種施策を強化する必要がある。',
    4: '　近所づきあいのある市民の割合が減っていることから、人と人がつながり支え合えるまちの実現に向けて、'
       '現行の施策内容を見直すことが求められる。',
}
NT_NOTE_4 = ('※数値目標②は「介護予防・日常生活圏域ニーズ調査」の調査項目であったが、R３以降は、この数値目標の項目が、'
             '国のアンケート調査項目として示されなくなったこと、また、他の調査項目で「生きがい」について、'
             'より具体的な項目に変更されたため実施していない。')
WRAPPED = {
    'pdf': {'A　目標達成（見込み）': 'A　目標達成\n（見込み）',
            'B　目標達成（見込み）': 'B　目標達成\n（見込み）',
            'C　目標達成に至らない': 'C　目標達成\nに至らない',
            'B　策定当初より良くなっている': 'B　策定当初よ\nり良くなってい\nる',
            'C　策定当初より悪くなっている': 'C　策定当初よ\nり悪くなってい\nる'},
    'wrap': {'A　目標達成（見込み）': 'A　目標達成\n（見込み）',
             'B　目標達成（見込み）': 'B　目標達成\n（見込み）',
             'C　目標達成に至らない': 'C　目標達成\nに至らない',
             'B　策定当初より良くなっている': 'B　策定当初より\n良くなっている',
             'C　策定当初より悪くなっている': 'C　策定当初より\n悪くなっている'},
}
KPI_LEGEND = 'A：目標達成（見込み）　B：策定当初より良くなっている　C：策定当初より悪くなっている'
NT_LEGEND = 'A：目標達成　B：目標達成（見込み）　C：目標達成に至らない'


# --- sheet writing ------------------------------------------------------------------------------------

class Span:
    """A cell value spanning `n` columns (merged) when written by Sheet.row."""

    def __init__(self, value, n):
        self.value, self.n = value, n


class Sheet:
    """Writes rows top to bottom from column `c0`; `r` is the next row."""

    def __init__(self, ws, c0=1):
        self.ws, self.r, self.c0 = ws, 1, c0

    def put(self, r, c, value, span=1, vspan=1, bold=False):
        fmt = None
        if isinstance(value, tuple):
            value, fmt = value
        cell = self.ws.cell(row=r, column=c)
        if value is not None and value != '':
            cell.value = value
        if fmt and fmt != 'General':
            cell.number_format = fmt
        if isinstance(value, str) and '\n' in value:
            cell.alignment = Alignment(wrap_text=True, vertical='center')
        if bold:
            cell.font = Font(bold=True)
        if span > 1 or vspan > 1:
            self.ws.merge_cells(start_row=r, start_column=c, end_row=r + vspan - 1, end_column=c + span - 1)

    def row(self, *cells, at=None, bold=False):
        c = self.c0 if at is None else at
        for v in cells:
            n = 1
            if isinstance(v, Span):
                v, n = v.value, v.n
            self.put(self.r, c, v, span=n, bold=bold)
            c += n
        self.r += 1

    def blank(self, n=1):
        self.r += n


def new_book(first_sheet):
    wb = Workbook()
    wb.active.title = first_sheet
    wb.properties.creator = 'strategy layouts'
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    return wb


def sheet(wb, title, c0=1, widths=None):
    ws = wb[title] if title in wb.sheetnames else wb.create_sheet(title)
    for col, w in (widths or {}).items():
        ws.column_dimensions[col].width = w
    return Sheet(ws, c0)


# --- options and value tables ------------------------------------------------------------------------

BASE = dict(
    typing='text',          # text | number | mixed
    years='under',          # under | above | header
    yfmt='full',            # how a year row cell is written, see year_text
    nendo_row=False,        # a （年度） row under the header
    status='line',          # line | wrap | pdf | letter | split
    status_pos='end',       # end | after_unit | after_name
    no='circled',           # circled (own column) | combined (①name) | digit | fw
    nt_no='combined',
    w=1, name_w=1,          # column span of each value slot, of the name slot
    vmerge=False,           # name, unit and status merged over the value row and its year row
    repeat_hdr=None,        # header repeated after this many items (a page break)
    page_no=None,           # a page number row before each repeated header: [last page number]
    blank_between=False,
    empty_third=False,      # a numbered empty row ③ when a measure has two KPIs, as printed
    hdr=None,               # header labels overriding the defaults, by slot
    circled=CIRCLED,
)


def opts(**kw):
    o = dict(BASE)
    o.update(kw)
    return o


def year_text(y, o, first):
    """A year row cell. 'printed' copies the PDF's mixed brackets, incl. (R２) in a table's first row."""
    style = o['yfmt']
    is_r = y.startswith('R') and y[1:].isdigit()
    if style == 'printed_nt':
        return f'（{y}）' if y in ('R7',) or not is_r else f'({y}）'
    if style == 'printed_kpi':
        return f'({y.translate(FULLWIDTH) if first and y == "R2" else y})'
    if style == 'full':
        return f'（{y}）'
    if style == 'half':
        return f'({y})'
    if style == 'fw':  # full-width brackets and letters, e.g. （Ｒ３）; a 数値目標 baseline keeps its token
        return f'（{y}）' if not is_r else '（' + ('Ｒ' + y[1:]).translate(FULLWIDTH) + '）'
    if style == 'mixvariants':  # what a typist switching input modes leaves: R２, （Ｒ３）, (R4)
        return {'R2': 'R２', 'R3': '（Ｒ３）', 'R4': '(R4)', 'R5': '（R5）', 'R6': '(R６)'}.get(y, f'（{y}）')
    if style == 'bare':
        return y
    raise ValueError(style)


def status_cells(it, o):
    if not it.status:
        return [''] * (2 if o['status'] == 'split' else 1)
    s = o['status']
    if s == 'line':
        return [it.label]
    if s == 'letter':
        return [it.status]
    if s == 'split':
        return [it.status, it.label.split('　', 1)[1]]
    return [WRAPPED[s].get(it.label, it.label)]


def slots(o, kind):
    no_style = o['nt_no'] if kind == 'nt' else o['no']
    order = [] if no_style == 'combined' else ['no']
    order.append('name')
    status = ['sl', 'sw'] if o['status'] == 'split' else ['st']
    byear = ['by'] if kind == 'nt' and o['years'] == 'header' else []
    rest = {'end': ['unit'] + byear + VAL + status,
            'after_unit': ['unit'] + status + byear + VAL,
            'after_name': status + ['unit'] + byear + VAL}[o['status_pos']]
    cols, c = {}, 0
    for s in order + rest:
        w = 1 if s in ('no', 'sl') else o['name_w'] if s == 'name' else o['w']
        cols[s] = (c, w)
        c += w
    return cols


def header_labels(o, kind):
    h = {'name': '数値目標' if kind == 'nt' else '指標名', 'unit': '単位', 'by': '基準年度',
         'v0': '策定当初', 'v6': '目標値', 'st': '進捗状況', 'sl': '進捗状況'}
    for i in range(1, 6):
        h[f'v{i}'] = '実績値'
    if o['years'] == 'header':
        h.update({'v0': '策定当初' if kind == 'nt' else '策定当初（R1）', 'v6': '目標値（R7）'})
        for i in range(1, 6):
            h[f'v{i}'] = f'R{i + 1}'
    h.update((o['hdr'] or {}).get(kind, {}))
    return h


def value_table(sh, items, o, kind, measure_rows=3):
    """The printed table: header, optional （年度） row, one value row (and year row) per item."""
    cols = slots(o, kind)
    c0 = sh.c0
    x = lambda s: c0 + cols[s][0]
    vx = lambda s: c0 + cols[s][0] + cols[s][1] - 1   # values stand in a slot's last column
    labels = header_labels(o, kind)

    def header():
        for s, (c, w) in cols.items():
            if s in ('name', 'sw'):
                continue
            if s == 'no':
                sh.put(sh.r, c0 + c, labels['name'], span=1 + cols['name'][1])
            elif s == 'sl':
                sh.put(sh.r, c0 + c, labels['sl'], span=1 + cols['sw'][1])
            else:
                sh.put(sh.r, c0 + c, labels[s], span=w)
        if 'no' not in cols:
            sh.put(sh.r, x('name'), labels['name'], span=cols['name'][1])
        sh.r += 1
        if o['nendo_row']:
            for s in VAL:
                sh.put(sh.r, x(s), '（年度）', span=cols[s][1])
            sh.r += 1

    def year_row(it, first):
        ys = [it.base_year] + R_YEARS
        for s, y in zip(VAL, ys):
            sh.put(sh.r, vx(s), year_text(y, o, first))
        sh.r += 1

    def value_row(it, number):
        vspan = 2 if o['vmerge'] and o['years'] == 'under' else 1
        no_style = o['nt_no'] if kind == 'nt' else o['no']
        name = it.name if it else ''
        no = {'circled': o['circled'][number - 1], 'combined': '', 'digit': number,
              'fw': str(number).translate(FULLWIDTH)}[no_style]
        if no_style == 'combined' and it:
            name = o['circled'][number - 1] + name
        if 'no' in cols:
            sh.put(sh.r, x('no'), no, vspan=vspan)
        sh.put(sh.r, x('name'), name, span=cols['name'][1], vspan=vspan)
        if not it:
            sh.r += vspan
            return
        sh.put(sh.r, x('unit'), it.unit, span=cols['unit'][1], vspan=vspan)
        if 'by' in cols:
            sh.put(sh.r, vx('by'), it.base_year)
        for s, v in zip(VAL, it.values):
            sh.put(sh.r, vx(s), typed(v, o['typing']))
        st = status_cells(it, o)
        if o['status'] == 'split':
            sh.put(sh.r, x('sl'), st[0], vspan=vspan)
            sh.put(sh.r, x('sw'), st[1], span=cols['sw'][1], vspan=vspan)
        else:
            sh.put(sh.r, x('st'), st[0], span=cols['st'][1], vspan=vspan)
        sh.r += 1

    header()
    rows = list(items)
    if o['empty_third'] and kind == 'kpi':
        rows += [None] * (measure_rows - len(rows))
    for i, it in enumerate(rows):
        if o['repeat_hdr'] and i and i % o['repeat_hdr'] == 0:
            if o['page_no'] is not None:
                o['page_no'][0] += 1
                sh.put(sh.r, x(VAL[3]), f'- {o["page_no"][0]} -')
                sh.r += 1
            header()
        elif o['blank_between'] and i:
            sh.blank()
        if it and o['years'] == 'above':
            year_row(it, i == 0)
        value_row(it, i + 1)
        if it and o['years'] == 'under':
            year_row(it, i == 0)
        elif not it and o['years'] == 'under' and not o['vmerge']:
            sh.blank()
    return cols


# --- blocks of the report ----------------------------------------------------------------------------

def paren(label, half=False):
    return f'({label})' if half else f'（{label}）'


def goal_no_text(n, style):
    return {'ascii': f'基本目標{n}', 'fw': f'基本目標{str(n).translate(FULLWIDTH)}',
            'dot': f'基本目標{n}.', 'fwdot': f'基本目標{str(n).translate(FULLWIDTH)}．'}[style]


def summary(sh, truth, label='full', count='text', pct='text', header=None, ab='printed',
            sections=('＜数値目標の達成状況＞', '＜KPIの進捗状況＞'), formulas=None):
    """The 総括 page: two status tables and the A+B shares.
    count: text 0件 | fmt (0 formatted 0"件") | unitcol (0 and 件 in the next cell) | plain.
    formulas: {category: (range of status cells, ...)} counts as COUNTIF over the value sheets."""
    cats = ['数値目標の達成状況', 'KPIの進捗状況']
    for cat, title in zip(cats, sections):
        sh.row(title, bold=True)
        if header:
            sh.row(*header)
        rows = [r for r in truth.summary if r['category'] == cat and r['status'] != 'A+B']
        first = sh.r
        for r in rows:
            lab = [r['label']] if label == 'full' or r['status'] == '合計' else r['label'].split('　', 1)
            if label == 'split' and r['status'] == '合計':
                lab = ['合計', '']
            n = r['count']
            if formulas and r['status'] != '合計':
                n_cell = (f'=' + '+'.join(f'COUNTIF({rng},"{r["status"]}*")' for rng in formulas[cat]), '0"件"')
            elif formulas:
                n_cell = (f'=SUM({col_letter(sh.c0 + len(lab))}{first}:{col_letter(sh.c0 + len(lab))}{sh.r - 1})',
                          '0"件"')
            elif count == 'text':
                n_cell = n + '件'
            elif count == 'fmt':
                n_cell = (int(n), '0"件"')
            else:
                n_cell = int(n)
            cells = lab + [n_cell] + (['件'] if count == 'unitcol' else [])
            cells.append(typed(r['percent'], 'number' if pct == 'number' else 'text'))
            sh.row(*cells)
        if ab == 'rows':
            r = next(r for r in truth.summary if r['category'] == cat and r['status'] == 'A+B')
            width = (2 if label == 'split' else 1) + (2 if count == 'unitcol' else 1)
            sh.row(Span(r['label'], width), typed(r['percent'], 'number' if pct == 'number' else 'text'))
        sh.blank()
    if ab == 'printed':
        ab_rows = [r for r in truth.summary if r['status'] == 'A+B']
        sh.row('指標の総括', bold=True)
        sh.row('', *sections)
        sh.row(ab_rows[0]['label'], *[typed(r['percent'], 'number' if pct == 'number' else 'text')
                                      for r in ab_rows])
        sh.blank()


def col_letter(c):
    from openpyxl.utils import get_column_letter
    return get_column_letter(c)


def nt_goal(sh, goal, o, title='printed', comment=True, note=True, label_after=False, notes_extra=False):
    """One basic goal's 数値目標 table with the comment rows printed under it."""
    if title == 'printed':
        sh.row(f'基本目標{goal.no}.　{goal.nt_name}', bold=True)
    elif title == 'merged':
        sh.row(Span(f'{goal_no_text(goal.no, "fw")}　{goal.nt_name}', 12), bold=True)
    elif title == 'split':
        sh.row(goal_no_text(goal.no, o.get('goal_style', 'ascii')), goal.nt_name, bold=True)
    elif title == 'number':
        sh.row(goal.no, bold=True)
    value_table(sh, goal.targets, o, 'nt')
    if note and goal.no == 4:
        sh.row(NT_NOTE_4)
    if notes_extra and goal.no == 1:
        sh.row('（注）②の令和２年度の数値は、国勢調査の就業状態等基本集計から、就業者／労働力人口の総数で算出した。')
    if comment:
        sh.row('〈指標へのコメント〉')
        sh.row(NT_COMMENTS[goal.no])
    if label_after:
        sh.row('基本目標', goal.nt_name)
    sh.blank()


def label_block(sh, goal, m, span=10):
    sh.row('基本目標', Span(goal.kpi_name, span))
    sh.row('具体的な施策', Span(m.name, span))
    sh.row('概要', Span('\n'.join(sm.policies(m)), span))
    sh.row('担当課', Span(m.departments, span))


def narratives(sh, m, span=12, years=True, labels=None):
    """Blocks ２–４ of a measure page, shortened; `labels` puts the 基本目標… rows after heading ２."""
    sh.row('２．各KPIの進捗状況' + ('（令和２年度から令和６年度の実施内容と結果について記載）' if years else ''),
           bold=True)
    if labels:
        labels()
    sh.row(Span(sm.short_narrative(m, 'kpi_progress'), span))
    sh.row('３．第２期における主な取組と成果' + ('（令和2年度～令和６年度について記載）' if years else ''),
           bold=True)
    sh.row('施策', Span('\n'.join(sm.policies(m)), max(1, span - 1)))
    sh.row(Span(sm.short_narrative(m, 'main_efforts'), span))
    sh.row('４．今後の課題', bold=True)
    sh.row(Span(sm.short_narrative(m, 'issues'), span))


def opinion(sh, goal, name_style='fwdot'):
    sh.row('朝霞市外部評価委員会からの意見', bold=True)
    sh.row(goal_no_text(goal.no, name_style) + goal.kpi_name)
    sh.row(goal.opinion)
    sh.blank()


# --- the layouts -------------------------------------------------------------------------------------

LAYOUTS = []


def layout(name, csv_encoding, desc, csv_from='xlsx', roundtrip=False):
    def register(fn):
        LAYOUTS.append(dict(name=name, fn=fn, csv_encoding=csv_encoding, desc=desc, csv_from=csv_from,
                            roundtrip=roundtrip))
        return fn
    return register


WIDE = {'A': 6, 'B': 40}


@layout('01-as-printed', 'utf-8-bom',
        'As printed: one workbook, sheets 総括, 数値目標 (all four goals), one sheet per measure 1(ア)…4(ウ) and the '
        'committee opinions; title cells `1` and `（ア）` apart; year rows under the values as copied from the PDF '
        '(`(R2）`, `(R２)`); name, unit and status merged over the value and year rows; status with the printed line '
        'breaks; an empty ③ row where a measure has two KPIs; label rows 基本目標/具体的な施策/概要/担当課 after '
        'heading ２; everything typed as text; 令和6年度 in the title; CSV UTF-8 with BOM.')
def as_printed(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括', widths={'A': 48})
    sh.row('令和6年度　第２期朝霞市まち・ひと・しごと創生総合戦略　効果検証', bold=True)
    sh.blank()
    sh.row('１　第２期朝霞市まち・ひと・しごと創生総合戦略の総括', bold=True)
    sh.blank()
    summary(sh, truth)
    o = opts(yfmt='printed_nt', status='pdf', vmerge=True)
    sh = sheet(wb, '数値目標', widths={'A': 36})
    sh.row('１　数値目標の達成状況', bold=True)
    sh.blank()
    for g in truth.goals:
        nt_goal(sh, g, o)
    for g in truth.goals:
        for m in g.measures:
            ko = opts(yfmt='printed_kpi', status='pdf', vmerge=True, nendo_row=True, empty_third=True)
            sh = sheet(wb, f'{g.no}{paren(m.label, True)}', widths=WIDE)
            sh.row(str(g.no), paren(m.label), bold=True)
            sh.blank()
            sh.row('１．重要業績評価指標（KPI）', bold=True)
            value_table(sh, m.kpis, ko, 'kpi')
            sh.blank()
            narratives(sh, m, labels=lambda sh=sh, g=g, m=m: label_block(sh, g, m))
    sh = sheet(wb, '外部評価委員会の意見', widths={'A': 80})
    for g in truth.goals:
        opinion(sh, g)
    return {'第2期総合戦略効果検証_令和6年度': wb}


@layout('02-goal-workbooks', 'cp932',
        'One workbook per basic goal (基本目標1…4, sheets 数値目標 and KPI) and one for the 総括; goal label and name in '
        'one merged title cell `基本目標１　産業の…`; measures as headings `（ア）暮らしに…` above their KPI tables, '
        '担当課 under the heading; values typed as numbers with formats (#,##0, 0.0, 0.00, 0.0%), text where not '
        'numeric; status on one line; counts typed as numbers formatted `0"件"`, shares as percentages; committee opinion under the '
        'last table; CSV CP932 with CRLF.')
def goal_workbooks(truth):
    books = {}
    wb = new_book('総括')
    sh = sheet(wb, '総括', widths={'A': 40})
    sh.row('令和6年度 第2期総合戦略 効果検証 総括', bold=True)
    sh.blank()
    summary(sh, truth, count='fmt', pct='number', header=('進捗状況', '件数', '割合'), ab='rows')
    books['00_総括'] = wb
    for g in truth.goals:
        o = opts(typing='number', yfmt='half', no='digit', nt_no='combined')
        wb = new_book('数値目標')
        sh = sheet(wb, '数値目標', widths={'A': 40})
        nt_goal(sh, g, o, title='merged')
        sh = sheet(wb, 'KPI', widths={'B': 40})
        sh.row(Span(f'{goal_no_text(g.no, "fw")}　{g.kpi_name}', 12), bold=True)
        sh.blank()
        for m in g.measures:
            sh.row(Span(paren(m.label) + m.name, 12), bold=True)
            sh.row('担当課', Span(m.departments, 6))
            value_table(sh, m.kpis, o, 'kpi')
            sh.blank()
        opinion(sh, g)
        books[f'基本目標{g.no}'] = wb
    return books


@layout('03-years-above', 'utf-8-bom',
        'One workbook, sheets 総括 and 基本目標1…4, each goal sheet holding its 数値目標 and then every measure\'s KPI '
        'table; year rows typed ABOVE the value rows (`(R2)`), no merges; status as the letter with the wording in '
        'the next cell (`B | 策定当初より良くなっている`); 総括 labels split the same way with 件 in its own column; '
        'whole numbers typed as numbers, decimals and percentages as text; goal title `基本目標1 | name`, measure '
        'title `(ア) | name`; CSV UTF-8 with BOM.')
def years_above(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括')
    sh.row('第2期朝霞市まち・ひと・しごと創生総合戦略の総括（令和6年度実績）', bold=True)
    sh.blank()
    summary(sh, truth, label='split', count='unitcol', header=('区分', '', '件数', '', '割合'))
    o = opts(typing='mixed', years='above', yfmt='half', status='split')
    for g in truth.goals:
        sh = sheet(wb, f'基本目標{g.no}', widths={'B': 36})
        sh.row(f'基本目標{g.no}', g.nt_name, bold=True)
        sh.row('【数値目標】')
        value_table(sh, g.targets, o, 'nt')
        sh.blank()
        sh.row('【重要業績評価指標（KPI）】', bold=True)
        sh.row('基本目標', g.kpi_name)
        for m in g.measures:
            sh.row(paren(m.label, True), m.name, bold=True)
            sh.row('担当課', m.departments)
            value_table(sh, m.kpis, o, 'kpi')
            sh.blank()
    return {'効果検証R6': wb}


@layout('04-years-in-header', 'cp932',
        'Years only in the header (`策定当初（R1）`, `R2`…`R6`, `目標値（R7）`), no year rows; the 数値目標 '
        'baselines (H28, H2７, R元) in a 基準年度 column; the status column right after 単位, not at the end; sheets '
        '総括, 数値目標, KPI (all 27 KPIs, goal rows `基本目標１ | name`, measure rows `1(ア) | name | 担当課 | …`); '
        'numbers with formats; KPI numbers as digits 1, 2, 3; CSV CP932 with CRLF.')
def years_in_header(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括')
    sh.row('令和６年度　総合戦略の効果検証', bold=True)
    summary(sh, truth, count='plain', pct='number', header=('', '件数', '割合'),
            sections=('数値目標の達成状況', 'KPIの進捗状況'))
    o = opts(typing='number', years='header', status='line', status_pos='after_unit', no='digit')
    sh = sheet(wb, '数値目標', widths={'A': 40})
    for g in truth.goals:
        sh.row(goal_no_text(g.no, 'fw'), g.nt_name, bold=True)
        value_table(sh, g.targets, o, 'nt')
        sh.blank()
    sh = sheet(wb, 'KPI', widths={'B': 40})
    for g in truth.goals:
        sh.row(goal_no_text(g.no, 'fw'), g.kpi_name, bold=True)
        for m in g.measures:
            sh.row(f'{g.no}{paren(m.label, True)}', m.name, '担当課', m.departments)
            value_table(sh, m.kpis, o, 'kpi')
        sh.blank()
    return {'総合戦略_効果検証': wb}


@layout('05-offset-merged', 'utf-8-bom',
        'Header cells merged over two columns with the values typed in the right one (one column right of the '
        'label), the name merged over three, a blank margin column A; title cells `1` and `（ア）` in B and C; '
        'years under; status wrapped; numbers with formats; 総括 counts formatted `0"件"` with its label two '
        'columns wide; CSV UTF-8 with BOM.')
def offset_merged(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括', c0=2)
    sh.row('１　第２期朝霞市まち・ひと・しごと創生総合戦略の総括', bold=True)
    sh.blank()
    for cat, title in (('数値目標の達成状況', '＜数値目標の達成状況＞'), ('KPIの進捗状況', '＜KPIの進捗状況＞')):
        sh.row(title, bold=True)
        for r in truth.summary:
            if r['category'] == cat and r['status'] != 'A+B':
                sh.row(Span(r['label'], 2), '', (int(r['count']), '0"件"'), '', typed(r['percent'], 'number'))
        sh.blank()
    sh.row('指標の総括', bold=True)
    sh.row(Span('', 2), Span('数値目標', 2), Span('KPI', 2))
    ab = [r for r in truth.summary if r['status'] == 'A+B']
    sh.row(Span(ab[0]['label'], 2), '', typed(ab[0]['percent'], 'number'), '', typed(ab[1]['percent'], 'number'))
    o = opts(typing='number', w=2, name_w=3, status='wrap', yfmt='full')
    sh = sheet(wb, '数値目標', c0=2)
    sh.row('１　数値目標の達成状況', bold=True)
    for g in truth.goals:
        nt_goal(sh, g, o)
    for g in truth.goals:
        for m in g.measures:
            sh = sheet(wb, f'{g.no}{paren(m.label, True)}', c0=2)
            sh.row(g.no, Span(paren(m.label), 2), bold=True)
            sh.row('１．重要業績評価指標（KPI）', bold=True)
            value_table(sh, m.kpis, opts(**{**o, 'nendo_row': True}), 'kpi')
            sh.blank()
            sh.row(Span('基本目標', 2), Span(g.kpi_name, 12))
            sh.row(Span('具体的な施策', 2), Span(m.name, 12))
            sh.row(Span('担当課', 2), Span(m.departments, 12))
    return {'KPI進捗状況': wb}


@layout('06-single-sheet-pagebreaks', 'cp932',
        'Everything on one sheet 効果検証 (総括, 数値目標, then each measure), as a long printout: header rows '
        'repeated in the middle of tables after a page number row `- N -`, blank rows between items, empty ③ rows, '
        'the （年度） row under each header; status on one line; text values; `（以下余白）` at the end; title '
        '令和６年度（2024年度）; CSV CP932 with CRLF.')
def single_sheet(truth):
    wb = new_book('効果検証')
    sh = sheet(wb, '効果検証', widths={'B': 40})
    sh.row('令和６年度（2024年度）第２期総合戦略 効果検証', bold=True)
    sh.blank()
    summary(sh, truth, header=('', '件数', '割合'))
    o = opts(years='under', yfmt='full', nendo_row=True, blank_between=True, repeat_hdr=2, page_no=[1])
    sh.row('１　数値目標の達成状況', bold=True)
    for g in truth.goals:
        nt_goal(sh, g, o)
    sh.row('２　基本目標ごとの達成状況', bold=True)
    for g in truth.goals:
        for m in g.measures:
            sh.row(g.no, paren(m.label), bold=True)
            sh.row('１．重要業績評価指標（KPI）')
            value_table(sh, m.kpis, opts(**{**o, 'empty_third': True}), 'kpi')
            label_block(sh, g, m)
            sh.blank()
    sh.row('（以下余白）')
    return {'効果検証シート': wb}


@layout('07-notes-separate-books', 'utf-8-bom',
        'Three workbooks: 01_総括, 02_数値目標 (a sheet per goal) and 03_KPI (a sheet per measure named `1-ア`); '
        'notes under the tables: `※…`, `（注）…`, `〈指標へのコメント〉` with its text, a legend of the statuses, '
        'and `（以下余白）`; KPI title cells `1` and `(ア)`; status wrapped; whole numbers typed as numbers; CSV '
        'UTF-8 with BOM.')
def notes_books(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括', widths={'A': 40})
    summary(sh, truth, count='fmt', header=('', '件数', '割合'))
    sh.row('（注）割合は小数点第２位を四捨五入しているため、合計が100％にならない場合がある。')
    sh.row('（以下余白）')
    books = {'01_総括': wb}
    o = opts(typing='mixed', status='wrap', yfmt='full')
    wb = new_book('基本目標1')
    for g in truth.goals:
        sh = sheet(wb, f'基本目標{g.no}', widths={'A': 40})
        nt_goal(sh, g, o, notes_extra=True)
        sh.row(NT_LEGEND)
        sh.row('（以下余白）')
    books['02_数値目標'] = wb
    wb = new_book('1-ア')
    for g in truth.goals:
        for m in g.measures:
            sh = sheet(wb, f'{g.no}-{m.label}', widths={'B': 40})
            sh.row(g.no, paren(m.label, True), bold=True)
            sh.row('１．重要業績評価指標（KPI）')
            value_table(sh, m.kpis, o, 'kpi')
            sh.row('※進捗状況　' + KPI_LEGEND)
            if any('累計' in k.name for k in m.kpis):
                sh.row('（注）（累計）の指標は、策定当初からの累計値を記載している。')
            sh.row('（以下余白）')
            sh.blank()
            label_block(sh, g, m)
    books['03_KPI'] = wb
    return books


@layout('08-width-variants', 'cp932',
        'Half/full-width variants as a typist switching input modes leaves them: goal titles `基本目標１`, measure '
        'titles and sheet names mixing `（ア）` and `(イ)`, years `R２`, `（Ｒ３）`, `(R4)`, `(R６)`, '
        '`１．重要業績評価指標（ＫＰＩ）`, KPI numbers as full-width digits `１`, headers `割合(％)` (総括) and '
        '`単位(%等)` (数値目標) beside units `%` and `％`; text values; status on one line; no title, `(R６)` only in '
        'the file name; CSV CP932 with CRLF.')
def width_variants(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括')
    summary(sh, truth, header=('進捗状況', '件数', '割合(％)'), sections=('＜数値目標の達成状況＞', '＜ＫＰＩの進捗状況＞'))
    o = opts(yfmt='mixvariants', no='fw', status='line',
             hdr={'kpi': {'name': '指標名', 'unit': '単 位'}, 'nt': {'unit': '単位(%等)'}})
    sh = sheet(wb, '数値目標')
    for g in truth.goals:
        sh.row(f'基本目標{str(g.no).translate(FULLWIDTH)}．', g.nt_name, bold=True)
        value_table(sh, g.targets, o, 'nt')
        sh.blank()
    for g in truth.goals:
        for m in g.measures:
            half = m.label != 'ア'
            title = f'{str(g.no).translate(FULLWIDTH)}{paren(m.label, half)}'
            sh = sheet(wb, title)
            sh.row(title, m.name, bold=True)
            sh.row('１．重要業績評価指標（ＫＰＩ）')
            value_table(sh, m.kpis, o, 'kpi')
            sh.row('担当課', m.departments)
            sh.row('基本目標', g.kpi_name)
    return {'効果検証(R６)': wb}


@layout('09-measure-books-letter', 'utf-8-bom',
        'One workbook per measure as a department would submit it (`基本目標1_施策ア`, sheets KPI and 取組), plus '
        '総括 and 数値目標 workbooks; status as the letter only (A/B/C) in a column right after the name, with a '
        'legend under the table; numbers with formats; years under as `(R2)`; the 総括 with the shares as '
        'percentages and the A+B share under each table; CSV UTF-8 with BOM.')
def measure_books(truth):
    books = {}
    wb = new_book('総括')
    sh = sheet(wb, '総括')
    sh.row('第２期総合戦略の総括', bold=True)
    summary(sh, truth, pct='number', count='fmt', ab='rows')
    books['総括'] = wb
    o = opts(typing='number', status='letter', status_pos='after_name', yfmt='half')
    wb = new_book('数値目標')
    sh = sheet(wb, '数値目標', widths={'A': 40})
    for g in truth.goals:
        sh.row(f'基本目標{g.no}', g.nt_name, bold=True)
        value_table(sh, g.targets, o, 'nt')
        sh.blank()
    sh.row('進捗状況　' + NT_LEGEND)
    sh.row(NT_NOTE_4)
    books['数値目標'] = wb
    for g in truth.goals:
        for m in g.measures:
            wb = new_book('KPI')
            sh = sheet(wb, 'KPI', widths={'B': 40})
            sh.row('基本目標', g.kpi_name)
            sh.row('具体的な施策', f'{paren(m.label)}{m.name}')
            sh.row('担当課', m.departments)
            sh.blank()
            value_table(sh, m.kpis, o, 'kpi')
            sh.row('進捗状況　' + KPI_LEGEND)
            sh = sheet(wb, '取組', widths={'A': 90})
            narratives(sh, m, span=1)
            books[f'基本目標{g.no}_施策{m.label}'] = wb
    return books


@layout('10-flat-lists-no-year', 'cp932',
        'Database-style flat lists with no title and no cell stating the evaluation year (no 令和6年度, narrative '
        'headings left out): sheets 総括 (a table 区分/進捗状況/件数/割合), 数値目標一覧 and KPI一覧 with one row '
        'per item and columns 基本目標/基本目標名/(施策/施策名/担当課)/No/名称/単位/策定当初年度/策定当初値/R2実績…R6実績/'
        'R7目標/進捗状況; '
        'numbers with formats; status on one line; CSV CP932 with CRLF.')
def flat_lists(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括')
    sh.row('区分', '進捗状況', '件数', '割合')
    for r in truth.summary:
        sh.row(r['category'], r['label'], int(r['count']) if r['count'] else '', typed(r['percent'], 'number'))
    yrs = ['策定当初値'] + [f'R{y}実績' for y in range(2, 7)] + ['R7目標']
    sh = sheet(wb, '数値目標一覧')
    sh.row('基本目標', '基本目標名', 'No', '数値目標', '単位', '策定当初年度', *yrs, '進捗状況')
    for g in truth.goals:
        for t in g.targets:
            sh.row(g.no, g.nt_name, t.no, t.name, t.unit, t.base_year,
                   *[typed(v, 'number') for v in t.values], t.label)
    sh = sheet(wb, 'KPI一覧')
    sh.row('基本目標', '基本目標名', '施策', '施策名', '担当課', 'No', '指標名', '単位', '策定当初年度', *yrs, '進捗状況')
    for g in truth.goals:
        for m in g.measures:
            for k in m.kpis:
                sh.row(g.no, g.kpi_name, m.label, m.name, m.departments, k.no, k.name, k.unit, k.base_year,
                       *[typed(v, 'number') for v in k.values], k.label)
    return {'総合戦略指標一覧': wb}


@layout('11-names-in-labels', 'cp932',
        'Title cells hold only the numbers: `1` and `(ア)` on measure sheets, `1` on 数値目標 sheets (one per goal); '
        'goal and measure names appear only in the 基本目標 / 具体的な施策 rows after the table; the printed '
        'year rows (`(R２)` in a table\'s first row); status wrapped; numbers with formats; no committee opinions; '
        'no evaluation year; CSV CP932 with CRLF saved from the .xls.', csv_from='xls')
def names_in_labels(truth):
    wb = new_book('総括')
    sh = sheet(wb, '総括', widths={'A': 48})
    summary(sh, truth, count='fmt', pct='number')
    o = opts(typing='number', status='wrap', yfmt='printed_kpi', nendo_row=True)
    for g in truth.goals:
        sh = sheet(wb, f'数値目標{g.no}', widths={'A': 40})
        sh.row(g.no, bold=True)
        nt_goal(sh, g, opts(**{**o, 'yfmt': 'printed_nt', 'nendo_row': False}), title=None, label_after=True)
    for g in truth.goals:
        for m in g.measures:
            sh = sheet(wb, f'{g.no}{paren(m.label, True)}', widths={'B': 40})
            sh.row(g.no, paren(m.label, True), bold=True)
            sh.row('１．重要業績評価指標（KPI）')
            value_table(sh, m.kpis, o, 'kpi')
            sh.blank()
            sh.row('２．各KPIの進捗状況')
            label_block(sh, g, m)
    return {'strategy_kpi': wb}


@layout('12-formulas-labels-first', 'utf-8-bom',
        'Saved by LibreOffice (formulas with cached values): the 総括 counts are COUNTIF formulas over the status '
        'cells of the other sheets and 合計 a SUM; one sheet per goal `基本目標１` with each measure\'s label rows '
        '(具体的な施策, 担当課) BEFORE its KPI table; KPI number and name in one cell `①市の…`; status wrapped after '
        '`より`; numbers with formats; years under; CSV UTF-8 with BOM saved from the .xls.',
        csv_from='xls', roundtrip=True)
def formulas_labels_first(truth):
    wb = new_book('総括')
    o = opts(typing='number', status='wrap', no='combined', yfmt='full')
    nt_ranges, kpi_ranges = [], []
    nt = sheet(wb, '数値目標', widths={'A': 40})
    for g in truth.goals:
        nt.row(f'基本目標{g.no}　{g.nt_name}', bold=True)
        top = nt.r + 1
        cols = value_table(nt, g.targets, o, 'nt')
        st = col_letter(nt.c0 + cols['st'][0])
        nt_ranges.append(f"'数値目標'!{st}{top}:{st}{nt.r - 1}")
        nt.blank()
    for g in truth.goals:
        title = f'基本目標{str(g.no).translate(FULLWIDTH)}'
        sh = sheet(wb, title, widths={'A': 40})
        sh.row(title, g.kpi_name, bold=True)
        for m in g.measures:
            sh.blank()
            sh.row('具体的な施策', f'{paren(m.label)}{m.name}')
            sh.row('担当課', m.departments)
            top = sh.r + 1
            cols = value_table(sh, m.kpis, o, 'kpi')
            st = col_letter(sh.c0 + cols['st'][0])
            kpi_ranges.append(f"'{title}'!{st}{top}:{st}{sh.r - 1}")
    sh = sheet(wb, '総括', widths={'A': 40})
    sh.row('総括（令和６年度）', bold=True)
    summary(sh, truth, pct='number', header=('進捗状況', '件数', '割合'),
            formulas={'数値目標の達成状況': nt_ranges, 'KPIの進捗状況': kpi_ranges})
    return {'効果検証_集計': wb}


# --- saving and converting ---------------------------------------------------------------------------

CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,{cs},1,,0,false,true,true,false,false,-1'


def soffice(profile, target, outdir, files):
    cmd = ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to', target,
           '--outdir', outdir] + files
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for f in files:
        base = os.path.splitext(os.path.basename(f))[0]
        if not glob.glob(os.path.join(glob.escape(outdir), glob.escape(base) + '*')):
            raise RuntimeError(f'LibreOffice wrote nothing for {f} ({target})')


def fix_zip_times(path):
    """Rewrites an .xlsx with fixed entry times so that regenerating leaves unchanged files unchanged."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            z.writestr(fixed, data)


def finish_csv(path, encoding):
    """CP932 CSVs get Excel's CRLF records; UTF-8 ones the BOM Excel's 'CSV UTF-8' writes."""
    raw = open(path, 'rb').read()
    if encoding == 'utf-8-bom':
        open(path, 'wb').write(b'\xef\xbb\xbf' + raw)
        return
    rows = list(csv.reader(io.StringIO(raw.decode('cp932'), newline='')))
    buf = io.StringIO(newline='')
    csv.writer(buf, lineterminator='\r\n').writerows(rows)
    open(path, 'wb').write(buf.getvalue().encode('cp932'))


def build(out_root, profile):
    truth = sm.load()
    os.makedirs(out_root, exist_ok=True)
    readme = ['# Strategy (総合戦略 効果検証) layouts: one truth, re-typed as different people would',
              '',
              'Generated by `pipeline/scripts/layouts/make_strategy_layouts.sh` from the truth tables '
              '(`truth/strategy_*.csv`). Each folder holds the whole truth (8 数値目標, 27 KPIs, the 総括) '
              'as `xlsx/`, `xls/` (LibreOffice MS Excel 97) and `csv/` (one CSV per sheet, '
              '`<workbook>-<sheet>.csv`, values as shown). Every value cell displays the truth\'s raw token.',
              '']
    for lay in LAYOUTS:
        d = os.path.join(out_root, lay['name'])
        shutil.rmtree(d, ignore_errors=True)
        for sub in ('xlsx', 'xls', 'csv'):
            os.makedirs(os.path.join(d, sub))
        books = lay['fn'](truth)
        with tempfile.TemporaryDirectory() as tmp:
            src = []
            for base, wb in books.items():
                p = os.path.join(tmp if lay['roundtrip'] else os.path.join(d, 'xlsx'), base + '.xlsx')
                wb.save(p)
                src.append(p)
            if lay['roundtrip']:
                soffice(profile, 'xlsx:Calc MS Excel 2007 XML', os.path.join(d, 'xlsx'), src)
            xlsx = sorted(glob.glob(os.path.join(glob.escape(d), 'xlsx', '*.xlsx')))
            for p in xlsx:
                fix_zip_times(p)
            soffice(profile, 'xls:MS Excel 97', os.path.join(d, 'xls'), xlsx)
            csv_src = xlsx if lay['csv_from'] == 'xlsx' else sorted(glob.glob(os.path.join(glob.escape(d), 'xls', '*.xls')))
            cs = 76 if lay['csv_encoding'] == 'utf-8-bom' else 64
            soffice(profile, CSV_FILTER.format(cs=cs), os.path.join(d, 'csv'), csv_src)
        for p in glob.glob(os.path.join(glob.escape(d), 'csv', '*.csv')):
            finish_csv(p, lay['csv_encoding'])
        readme.append(f'- `{lay["name"]}`: {lay["desc"]}')
        print(lay['name'], {s: len(os.listdir(os.path.join(d, s))) for s in ('xlsx', 'xls', 'csv')})
    readme.append('')
    with open(os.path.join(out_root, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(readme))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        sm.ROOT, 'pipeline', 'src', 'test', 'resources', 'fixtures', 'layouts', 'strategy')
    profile = os.environ.get('LO_PROFILE')
    if profile:
        build(out, profile)
    else:
        with tempfile.TemporaryDirectory(prefix='lo-strategy-layouts-') as p:
            build(out, p)


if __name__ == '__main__':
    main()
