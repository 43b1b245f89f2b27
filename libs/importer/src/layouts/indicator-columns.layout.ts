import { parseTarget, resolveLevel1, resolveLevel2, type ResolvedLevel, type Target } from '@app/domain';
import type { ParsedIndicator, ParsedProject } from '../parsed-document';
import { cleanCell, type SourceDocument, type SourceRow } from '../read/source-document';
import { cellOf, findHeader, isNonDataRow, readAmount, type ColumnMap, type TableHeader } from './header-columns';
import { indicator, inlineIndicator, qualitativeTarget } from './indicator-text';
import { newProject, type Layout } from './layout';
import { isPreambleRow, readPreamble, type Preamble } from './preamble';

function findIndicatorTable(document: SourceDocument, from = 0): TableHeader | null {
  return findHeader(document, ['indicatorName', 'level1'], from) ?? findHeader(document, ['indicatorName', 'level2'], from);
}

/** The next table's header: the same header repeated after a page break, with no 项目名称 above it, continues this one. */
function findNextTable(document: SourceDocument, header: TableHeader): TableHeader | null {
  const repeats = (next: TableHeader) =>
    next.signature.join('\n') === header.signature.join('\n') &&
    !document.rows.slice(header.rowIndex + 1, next.firstRowIndex).some(isPreambleRow);
  let next = findIndicatorTable(document, header.rowIndex + 1);
  while (next && repeats(next)) next = findIndicatorTable(document, next.rowIndex + 1);
  return next;
}

// 指标性质/指标方向 words: 正向 asks for at least the value, 反向 for at most; 定量 says nothing of the direction.
const DIRECTION_COMPARATORS: Record<string, string> = { 正向: '≥', 反向: '≤' };
const NOT_APPLICABLE = /^[—–\-－/／]+$/;

/**
 * Target from its cells: the operator may sit in its own column (a comparator, or 正向/反向/定量/定性 under
 * 指标方向 or 指标性质, sometimes both) and the unit in another; `—` or `/` means none.
 */
function targetFrom(value: string, operator: string, unit: string): Target | null {
  if (value === '' || NOT_APPLICABLE.test(value)) return null;
  if (/定性/.test(operator)) return qualitativeTarget(value);
  const withUnit = unit !== '' && /[\d０-９]$/.test(value) ? value + unit : value;
  const written = comparatorOf(operator);
  const hasComparator = /^[≥≤><=＝≧≦]|^(大于|小于|不|等于|达到|至少|控制|同比|较)/.test(value);
  return parseTarget((hasComparator || !/^[\d０-９]/.test(value) ? '' : written) + withUnit);
}

function comparatorOf(operator: string): string {
  let written = '';
  for (const part of operator.split(' ')) {
    const direction = /^(正向|反向|定量)(指标)?$/.exec(part);
    const comparator = direction ? DIRECTION_COMPARATORS[direction[1]] ?? '' : /^[\s-]*$/.test(part) ? '' : part;
    if (comparator !== '') written = comparator;
  }
  return written;
}

function readNumber(text: string): number | null {
  return readAmount(text.replace(/分$|%$/, ''));
}

function indicatorOf(row: SourceRow, columns: ColumnMap, name: string, level: ResolvedLevel): ParsedIndicator | null {
  const seq = columns.seq === undefined ? null : readSeq(cellOf(row, columns, 'seq'));
  // Without a value column the name cell carries the target too: `培训人数≥100人`.
  if (columns.annualTarget === undefined && columns.periodTarget === undefined) return inlineIndicator(name, level, seq);
  const unit = cellOf(row, columns, 'unit');
  const operator = columns.nature === undefined ? cellOf(row, columns, 'operator') : `${cellOf(row, columns, 'nature')} ${cellOf(row, columns, 'operator')}`;
  return indicator({
    seq,
    level1: level.level1,
    level2: level.level2,
    name,
    periodTarget: targetFrom(cellOf(row, columns, 'periodTarget'), operator, unit),
    annualTarget: targetFrom(cellOf(row, columns, 'annualTarget'), operator, unit),
  });
}

const MARK = /^[√✓✔☑■●▲vVyY是]$/;

/** The reason as written, or the causes a 监控表 row marks under 偏差原因分析 (`经费保障、人员保障`). */
function deviationReasonOf(row: SourceRow, header: TableHeader): string | null {
  if (header.reasonOptions.length === 0) return cellOf(row, header.columns, 'deviationReason') || null;
  const reasons: string[] = [];
  for (const { index, label } of header.reasonOptions) {
    const cell = cleanCell(row.cells[index] ?? '');
    if (cell !== '') reasons.push(MARK.test(cell) ? label : cell);
  }
  return reasons.length > 0 ? reasons.join('、') : null;
}

function readSeq(text: string): number | null {
  const seq = readAmount(text);
  return seq !== null && Number.isInteger(seq) ? seq : null;
}

function parseTable(header: TableHeader, preamble: Preamble, rows: SourceRow[]): ParsedProject[] {
  const { columns } = header;
  const projects: ParsedProject[] = [];
  let project: ParsedProject | null = null;
  let level1: string | null = null;
  let level2: string | null = null;
  for (const row of rows) {
    if (isNonDataRow(row, header) || isTitleRow(row)) continue;
    // Key/value rows after the grid open the next form, whose own header follows them.
    if (isPreambleRow(row)) {
      if (project?.indicators.length) break;
      continue;
    }
    const projectName = cellOf(row, columns, 'name');
    if (!project || (projectName !== '' && projectName !== project.name)) {
      if (!project && projectName === '' && !preamble.name) continue;
      project = projectName === '' ? startFormProject(row, columns, header, preamble) : startProject(row, columns, header, projectName, preamble);
      projects.push(project);
      level1 = level2 = null;
    }
    const name = cellOf(row, columns, 'indicatorName');
    const level1Cell = cellOf(row, columns, 'level1');
    const level2Cell = cellOf(row, columns, 'level2');
    if (level1Cell !== '') {
      // 指标类别 columns name either level; a level2 there implies its level1.
      const asLevel2 = columns.level2 === undefined && resolveLevel1(level1Cell) === null ? resolveLevel2(level1Cell) : null;
      level1 = asLevel2?.level1 ?? resolveLevel1(level1Cell) ?? level1Cell;
      level2 = asLevel2?.level2 ?? null;
    }
    if (level2Cell !== '') {
      const resolved = resolveLevel2(level2Cell);
      level2 = resolved?.level2 ?? level2Cell;
      if (level1Cell === '' && resolved && level1 === null) level1 = resolved.level1;
    }
    if (name === '' || /^(合计|总分|总计|小计)$/.test(name)) continue;
    const entry = indicatorOf(row, columns, name, { level1, level2 });
    if (!entry) continue;
    if (columns.weight !== undefined) entry.weight = readNumber(cellOf(row, columns, 'weight'));
    if (columns.actual !== undefined) entry.actual = targetFrom(cellOf(row, columns, 'actual'), '', cellOf(row, columns, 'unit'));
    if (columns.score !== undefined) entry.score = readNumber(cellOf(row, columns, 'score'));
    if (columns.deviationReason !== undefined) entry.deviationReason = deviationReasonOf(row, header);
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
    const next = findNextTable(document, header);
    const rows = document.rows.slice(header.rowIndex + 1, next?.firstRowIndex ?? document.rows.length);
    projects.push(...parseTable(header, readPreamble(document.rows.slice(preambleFrom, header.firstRowIndex)), rows));
    preambleFrom = header.rowIndex + 1;
    header = next;
  }
  return projects;
}

const TABLE_TITLE = /表$|^[（(]?\d{4}\s*年度?[）)]?$|^单位[:：]/;

/** A table's title or `（2025年度）` line alone on its row, between one table and the next. */
function isTitleRow(row: SourceRow): boolean {
  let text = '';
  for (const cell of row.cells) {
    if (cell.trim() === '') continue;
    if (text !== '') return false;
    text = cleanCell(cell);
  }
  return TABLE_TITLE.test(text);
}

/** The project a form's key/value part names; its money belongs to it alone, not to a table of many projects. */
function startFormProject(row: SourceRow, columns: ColumnMap, header: TableHeader, preamble: Preamble): ParsedProject {
  const project = startProject(row, columns, header, preamble.name ?? '', preamble);
  project.amount ??= preamble.amount ?? null;
  project.funding = preamble.funding ?? null;
  return project;
}

function startProject(row: SourceRow, columns: ColumnMap, header: TableHeader, name: string, preamble: Preamble): ParsedProject {
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
