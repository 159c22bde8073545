"""The strategy truth tables as the printed report groups them, and the value typing shared by the
layout generator and its check.

Reads pipeline/src/test/resources/truth/strategy_*.csv only. A raw token is typed either as text or
as a number whose number format displays the same token; `display` renders a stored value the way
Excel shows it for the few formats used here.
"""
import csv
import os
import re
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
TRUTH = os.path.join(ROOT, 'pipeline', 'src', 'test', 'resources', 'truth')

CIRCLED = '①②③④⑤⑥⑦⑧⑨'
FULLWIDTH = str.maketrans('0123456789', '０１２３４５６７８９')
VALUE_COLUMNS = ['baseline_value', 'actual_R2', 'actual_R3', 'actual_R4', 'actual_R5', 'actual_R6',
                 'target_R7']


@dataclass
class Item:
    """One printed value row: a 数値目標 (kind 'nt') or a KPI (kind 'kpi')."""
    kind: str
    no: int
    name: str
    unit: str
    values: list
    status: str
    label: str
    base_year: str
    department: str = ''


@dataclass
class Measure:
    """One 具体的な施策 (ア/イ/ウ) of a basic goal with its KPIs and narrative blocks."""
    goal: int
    label: str
    name: str
    departments: str
    kpis: list
    narrative: dict = field(default_factory=dict)


@dataclass
class Goal:
    """One 基本目標; the 数値目標 page and the KPI pages print different names for goal 4."""
    no: int
    nt_name: str
    kpi_name: str
    targets: list
    measures: list
    opinion: str = ''


@dataclass
class Truth:
    goals: list
    summary: list

    def items(self):
        for g in self.goals:
            yield from g.targets
            for m in g.measures:
                yield from m.kpis


def _read(name):
    with open(os.path.join(TRUTH, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f))


def _short(text, limit=90):
    """First paragraph of a narrative block: its ①… heading line and the start of its body."""
    para = text.strip().split('\n\n')[0].split('\n')
    head, body = para[0], ''.join(para[1:])
    if len(body) > limit:
        body = body[:limit].rsplit('、', 1)[0] + '、…'
    return head + ('\n' + body if body else '')


def load():
    nts = _read('strategy_numeric_target.csv')
    kpis = _read('strategy_kpi.csv')
    summary = _read('strategy_summary.csv')
    narratives = _read('strategy_narrative.csv')
    goals = []
    for gno in sorted({int(r['basic_goal_no']) for r in nts}):
        targets = [Item('nt', int(r['target_no']), r['target_name'], r['unit'],
                        [r[c] for c in VALUE_COLUMNS], r['status'], r['status_label'],
                        r['baseline_year_raw'])
                   for r in nts if int(r['basic_goal_no']) == gno]
        krows = [r for r in kpis if int(r['basic_goal_no']) == gno]
        measures = []
        for label in dict.fromkeys(r['measure_label'] for r in krows):
            mrows = [r for r in krows if r['measure_label'] == label]
            m = Measure(gno, label, mrows[0]['measure_name'], mrows[0]['departments'],
                        [Item('kpi', int(r['kpi_no']), r['kpi_name'], r['unit'],
                              [r[c] for c in VALUE_COLUMNS], r['status'], r['status_label'],
                              r['baseline_year'], r['kpi_department']) for r in mrows])
            for n in narratives:
                if int(n['basic_goal_no']) == gno and n['measure_label'] == label:
                    m.narrative[n['block']] = n['text']
            measures.append(m)
        opinion = next((n['text'] for n in narratives
                        if int(n['basic_goal_no']) == gno and n['block'] == 'committee_opinion'), '')
        nt_name = next(r['basic_goal_name'] for r in nts if int(r['basic_goal_no']) == gno)
        goals.append(Goal(gno, nt_name, krows[0]['basic_goal_name'], targets, measures,
                          opinion.split('\n')[0].split('。')[0] + '。' if opinion else ''))
    return Truth(goals, summary)


def short_narrative(measure, block):
    text = measure.narrative.get(block, '')
    return _short(text) if text else ''


def policies(measure):
    """The ①… headings of 主な取組と成果, without the （課） suffix: the measure's 施策 list."""
    text = measure.narrative.get('main_efforts', '')
    heads = [p.split('\n')[0] for p in text.split('\n\n') if p.strip()]
    return [re.sub(r'（[^（）]*）$', '', h) for h in heads if h and h[0] in CIRCLED]


# --- typing and display ---------------------------------------------------------------------------

def as_number(token):
    """(value, number format) that displays `token` exactly, or None when it must stay text."""
    t = token
    if re.fullmatch(r'-?\d{1,3}(?:,\d{3})+', t):
        return int(t.replace(',', '')), '#,##0'
    if re.fullmatch(r'-?\d+', t):
        return int(t), 'General'
    m = re.fullmatch(r'-?\d+\.(\d+)', t)
    if m:
        return float(t), '0.' + '0' * len(m.group(1))
    m = re.fullmatch(r'(-?\d+(?:\.(\d+))?)%', t)
    if m:
        decimals = len(m.group(2) or '')
        return round(float(m.group(1)) / 100, decimals + 4), '0' + ('.' + '0' * decimals if decimals else '') + '%'
    return None


def display(value, fmt):
    """The text Excel shows for `value` under `fmt` (only the formats this generator writes)."""
    if value is None:
        return ''
    if isinstance(value, str):
        return value
    fmt = fmt or 'General'
    suffix = ''
    fmt = re.sub(r'\\(.)', r'"\1"', fmt).replace('""', '')  # LibreOffice writes 0"件" as 0\件
    m = re.fullmatch(r'(.*?)"([^"]*)"', fmt)
    if m:
        fmt, suffix = m.group(1), m.group(2)
    if fmt == 'General':
        text = str(int(value)) if float(value).is_integer() else ('%.10g' % value)
    elif fmt in ('#,##0', '0'):
        text = format(round(value), ',d' if ',' in fmt else 'd')
    elif fmt.endswith('%'):
        d = len(fmt) - fmt.index('.') - 2 if '.' in fmt else 0
        text = f'{value * 100:.{d}f}%'
    elif fmt.startswith('0.'):
        text = f'{value:.{len(fmt) - 2}f}'
    else:
        raise ValueError('format not supported: ' + fmt)
    return text + suffix


def typed(token, mode):
    """A cell value for `token`: text, or a formatted number in 'number' mode, or in 'mixed' mode a
    number only for whole numbers (a typist who keeps 77.50 and 58.2% as typed text)."""
    if mode == 'text' or token == '':
        return token
    n = as_number(token)
    if n is None:
        return token
    if mode == 'mixed' and n[1] not in ('General', '#,##0'):
        return token
    assert display(*n) == token, (token, n)
    return n
