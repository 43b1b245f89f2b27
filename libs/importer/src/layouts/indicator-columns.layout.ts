import { parseTarget, resolveLevel1, resolveLevel2, type Target } from '@app/domain';
import type { ParsedProject } from '../parsed-document';
import { cleanCell, type SourceDocument, type SourceRow } from '../read/source-document';
import { cellOf, findHeader, readAmount, type ColumnMap, type TableHeader } from './header-columns';
import { indicator, qualitativeTarget } from './indicator-text';
import { newProject, type Layout } from './layout';

type PreambleField = 'name' | 'unitName' | 'category' | 'goal';

const PREAMBLE_FIELDS: ReadonlyArray<[PreambleField, RegExp]> = [
  ['name', /^项目名称$/],
  ['unitName', /^(实施单位|单位名称|预算单位)$/],
  ['category', /^项目(类别|类型)$/],
  ['goal', /^(年度总体目标|总体目标|年度绩效目标|绩效目标)$/],
];

const PREAMBLE_LABEL = /^(项目名称|主管部门|实施单位|单位名称|预算单位|项目类别|项目类型|年度总体目标|总体目标|年度绩效目标|项目资金|资金情况)/;

function findIndicatorTable(document: SourceDocument, from = 0): TableHeader | null {
  return findHeader(document, ['indicatorName', 'level1'], from) ?? findHeader(document, ['indicatorName', 'level2'], from);
}

/**
 * `项目名称 | X` cells or `项目名称：X` text above the table: the project when the table has no name column.
 * The value nearest the table wins, so a workbook of one 自评表 after another reads each table's own.
 */
function readPreamble(rows: SourceRow[]): Partial<Record<PreambleField, string>> {
  const found: Partial<Record<PreambleField, string>> = {};
  for (const row of rows) {
    const cells = row.cells.map(cleanCell).flatMap((cell) => cell.split(/[:：]\s*/)).filter((cell) => cell !== '');
    cells.forEach((cell, index) => {
      const field = PREAMBLE_FIELDS.find(([, pattern]) => pattern.test(cell.replace(/\s+/g, '')))?.[0];
      if (field && cells[index + 1] !== undefined) found[field] = cells[index + 1];
    });
  }
  return found;
}

/** Target from its cells: the operator may sit in its own column and the unit in another. */
function targetFrom(value: string, operator: string, unit: string): Target | null {
  if (value === '') return null;
  if (/定性/.test(operator)) return qualitativeTarget(value);
  const withUnit = unit !== '' && /[\d０-９]$/.test(value) ? value + unit : value;
  const comparator = /^((正向|反向|定量)(指标)?|[\s-]*)$/.test(operator) || /^[≥≤><=＝≧≦]|^(大于|小于|不|等于|达到|至少)/.test(value) ? '' : operator;
  return parseTarget(comparator + withUnit);
}

function readNumber(text: string): number | null {
  return readAmount(text.replace(/分$|%$/, ''));
}

function isPreambleRow(row: SourceRow): boolean {
  const first = row.cells.map(cleanCell).find((cell) => cell !== '');
  return first !== undefined && PREAMBLE_LABEL.test(first.replace(/\s+/g, ''));
}

function parseTable(header: TableHeader, preamble: Partial<Record<PreambleField, string>>, rows: SourceRow[]): ParsedProject[] {
  const { columns } = header;
  const projects: ParsedProject[] = [];
  let project: ParsedProject | null = null;
  let level1: string | null = null;
  let level2: string | null = null;
  for (const row of rows) {
    if (isPreambleRow(row)) continue;
    const projectName = cellOf(row, columns, 'name');
    if (!project || (projectName !== '' && projectName !== project.name)) {
      if (!project && projectName === '' && !preamble.name) continue;
      project = startProject(row, columns, header, projectName || preamble.name || '', preamble);
      projects.push(project);
      level1 = level2 = null;
    }
    const name = cellOf(row, columns, 'indicatorName');
    const level1Cell = cellOf(row, columns, 'level1');
    const level2Cell = cellOf(row, columns, 'level2');
    if (level1Cell !== '') (level1 = resolveLevel1(level1Cell) ?? level1Cell), (level2 = null);
    if (level2Cell !== '') {
      const resolved = resolveLevel2(level2Cell);
      level2 = resolved?.level2 ?? level2Cell;
      if (level1Cell === '' && resolved && level1 === null) level1 = resolved.level1;
    }
    if (name === '' || /^(合计|总分|总计)$/.test(name)) continue;
    const unit = cellOf(row, columns, 'unit');
    const operator = cellOf(row, columns, 'operator');
    const entry = indicator({
      level1,
      level2,
      name,
      periodTarget: targetFrom(cellOf(row, columns, 'periodTarget'), operator, unit),
      annualTarget: targetFrom(cellOf(row, columns, 'annualTarget'), operator, unit),
    });
    if (columns.weight !== undefined) entry.weight = readNumber(cellOf(row, columns, 'weight'));
    if (columns.actual !== undefined) entry.actual = targetFrom(cellOf(row, columns, 'actual'), '', unit);
    if (columns.score !== undefined) entry.score = readNumber(cellOf(row, columns, 'score'));
    if (columns.deviationReason !== undefined) entry.deviationReason = cellOf(row, columns, 'deviationReason') || null;
    project.indicators.push(entry);
  }
  return projects;
}

/**
 * Tables that give each level its own column (budget-system exports, 自评表, 监控表), one or several in a file.
 * A blank level or project cell means "same as the row above".
 */
function parseIndicatorColumns(document: SourceDocument): ParsedProject[] {
  const projects: ParsedProject[] = [];
  let preambleFrom = 0;
  for (let header = findIndicatorTable(document); header; ) {
    const next = findIndicatorTable(document, header.rowIndex + 1);
    const rows = document.rows.slice(header.rowIndex + 1, next?.rowIndex ?? document.rows.length);
    projects.push(...parseTable(header, readPreamble(document.rows.slice(preambleFrom, header.rowIndex)), rows));
    preambleFrom = header.rowIndex + 1;
    header = next;
  }
  return projects;
}

function startProject(row: SourceRow, columns: ColumnMap, header: TableHeader, name: string, preamble: Partial<Record<PreambleField, string>>): ParsedProject {
  return newProject(name, {
    unitCode: cellOf(row, columns, 'unitCode') || null,
    unitName: cellOf(row, columns, 'unitName') || (preamble.unitName ?? null),
    parentProject: cellOf(row, columns, 'parentProject') || null,
    category: cellOf(row, columns, 'category') || (preamble.category ?? null),
    amount: readAmount(cellOf(row, columns, 'amount'), header.amountFactor),
    goal: cellOf(row, columns, 'goal') || (preamble.goal ?? null),
  });
}

export const indicatorColumnsLayout: Layout = {
  name: 'columns',
  detect: (document) => findIndicatorTable(document) !== null,
  parse: parseIndicatorColumns,
};
