import type { ParsedFunding } from '../parsed-document';
import { cleanCell, type SourceRow } from '../read/source-document';
import { readAmount } from './header-columns';

/** What the key/value part of a form (项目支出绩效目标申报表, 自评表) above its indicator grid says. */
export interface Preamble {
  name?: string;
  unitName?: string;
  category?: string;
  goal?: string;
  /** 元 */
  amount?: number;
  funding?: ParsedFunding;
}

type TextField = 'name' | 'unitName' | 'category' | 'goal';

const TEXT_FIELDS: ReadonlyArray<[TextField, RegExp]> = [
  ['name', /^项目名称$/],
  ['unitName', /^(实施单位|单位名称|预算单位)$/],
  ['category', /^项目(类别|类型)$/],
  ['goal', /^(年度总体目标|总体目标|年度绩效目标|绩效目标|年度目标)$/],
];

type MoneyField = 'amount' | keyof ParsedFunding;

const MONEY_FIELDS: ReadonlyArray<[MoneyField, RegExp]> = [
  ['amount', /^(项目资金|年度资金总额|资金总额|项目总金额|项目金额|项目总额|预算金额|项目预算|年度预算)/],
  ['fiscal', /^(当年)?财政拨款/],
  ['specialAccount', /^财政专户/],
  ['other', /^(其他资金|单位资金|自筹资金)/],
];

// Sub-headers under a goal label, the goal text sitting in the row below: the annual one is the goal.
const GOAL_SUBHEADER = /^(实施期目标|年度目标|预期目标|实际完成情况|总体目标|中期目标|长期目标)$/;
const ANNUAL_GOAL = /^(年度目标|预期目标)$/;

/** Labels that open a form's key/value part; after an indicator grid they start the next form. */
export const PREAMBLE_LABEL =
  /^(项目名称|主管部门|实施单位|单位名称|预算单位|项目类别|项目类型|年度总体目标|总体目标|年度绩效目标|年度目标|项目资金|资金情况|资金总额|年度资金总额|其中|财政拨款|其他资金)/;

const FACTORS: Record<string, number> = { 万元: 1e4, 千元: 1e3, 元: 1 };

/** Non-empty cells split at `：`, a value that merged cells repeat (label or value) kept once. */
function labelledCells(row: SourceRow): string[] {
  const cells: string[] = [];
  for (const cell of row.cells) {
    for (const part of cleanCell(cell).split(/[:：]\s*/)) {
      if (part !== '' && part !== cells[cells.length - 1]) cells.push(part);
    }
  }
  return cells;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * `项目名称 | X` cells or `项目名称：X` text above a grid. The value nearest the grid wins, so a workbook of one
 * form after another reads each form's own. Money is in 万元 unless a label says otherwise (`项目资金（元）`).
 */
export function readPreamble(rows: SourceRow[]): Preamble {
  const found: Preamble = {};
  let factor = 1e4;
  rows.forEach((row, rowIndex) => {
    const cells = labelledCells(row);
    const titled = cells.length === 1 ? projectOfTitle(cells[0]) : null;
    if (titled) found.name = titled;
    cells.forEach((cell, index) => {
      const label = compact(cell);
      const textField = TEXT_FIELDS.find(([, pattern]) => pattern.test(label))?.[0];
      if (textField && cells[index + 1] !== undefined) {
        found[textField] = textField === 'goal' ? goalOf(cells.slice(index + 1), rows[rowIndex + 1]) : cells[index + 1];
        return;
      }
      const moneyField = moneyFieldOf(label);
      if (!moneyField) return;
      const unit = /万元|千元|元/.exec(label);
      if (unit) factor = FACTORS[unit[0]];
      const value = amountAfter(cells, index, factor);
      if (value === null) return;
      if (moneyField === 'amount') found.amount = value;
      else (found.funding ??= { fiscal: null, specialAccount: null, other: null })[moneyField] = value;
    });
  });
  return found;
}

/** The first number after a money label, up to the next money label (`项目资金（万元） | 年度资金总额 | 12`). */
function amountAfter(cells: string[], labelAt: number, factor: number): number | null {
  for (let index = labelAt + 1; index < cells.length; index++) {
    const amount = readAmount(cells[index], factor);
    if (amount !== null) return amount;
    if (moneyFieldOf(compact(cells[index]))) return null;
  }
  return null;
}

function moneyFieldOf(label: string): MoneyField | undefined {
  return MONEY_FIELDS.find(([, pattern]) => pattern.test(label))?.[0];
}

const PROJECT_TITLE = /^(?:\d{4}\s*年度?)?(.+?)(?:支出)?绩效(?:目标|自评|监控|评价)/;
// Titles of tables that cover many projects or a whole department, not one project.
const GENERAL_TITLE = /\d{4}\s*年|^(.{0,4}项目|部门整体|单位整体|整体|部门|单位)$/;

/** `2025年城乡环境整治项目绩效目标表`: the project a one-project table's title names, when no cell names it. */
function projectOfTitle(title: string): string | null {
  const match = PROJECT_TITLE.exec(title.replace(/\s+/g, ''));
  return match && !GENERAL_TITLE.test(match[1]) ? match[1] : null;
}

function goalOf(after: string[], nextRow: SourceRow | undefined): string {
  if (!GOAL_SUBHEADER.test(compact(after[0])) || !nextRow) return after[0];
  const values = labelledCells(nextRow);
  const annual = after.findIndex((cell) => ANNUAL_GOAL.test(compact(cell)));
  return values[Math.max(annual, 0)] ?? after[0];
}

export function isPreambleRow(row: SourceRow): boolean {
  const first = row.cells.map(cleanCell).find((cell) => cell !== '');
  return first !== undefined && PREAMBLE_LABEL.test(compact(first));
}
