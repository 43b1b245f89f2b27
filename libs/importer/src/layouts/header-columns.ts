import { cleanCell, type SourceDocument, type SourceRow } from '../read/source-document';

export type ColumnRole =
  | 'unitCode' | 'unitName' | 'parentProject' | 'name' | 'category' | 'amount' | 'fiscal' | 'specialAccount'
  | 'other' | 'goal' | 'indicators' | 'level1' | 'level2' | 'indicatorName' | 'operator' | 'annualTarget'
  | 'periodTarget' | 'unit' | 'weight' | 'actual' | 'score' | 'deviationReason';

/** Header wordings seen in budget-system exports; first match wins, so specific wordings come first. */
const COLUMN_SYNONYMS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['unitCode', /^(预算)?单位(代码|编码)$/],
  ['parentProject', /^一级项目(名称)?$/],
  ['name', /^(二级项目(名称)?|项目名称.*|项目)$/],
  ['unitName', /^(单位名称|资金使用单位|预算单位|实施单位|实施主体)$/],
  ['category', /^项目(类别|类型|性质)$/],
  ['fiscal', /^财政拨款/],
  ['specialAccount', /^财政专户/],
  ['other', /^(其他资金|单位资金)/],
  ['amount', /^(金额|总计|预算数|预算金额|资金总额|项目金额|年度预算数?|总金额|年度资金总额|全年预算数)/],
  ['periodTarget', /^实施周期指标值/],
  ['annualTarget', /^(年度|全年)?(预期)?(指标值|目标值)$|^(指标目标值|年度目标)$/],
  ['goal', /^(绩效目标|年度总体目标|总体目标|年度绩效目标|项目绩效目标)$/],
  ['indicators', /^(绩效指标|绩效目标指标)$/],
  ['level1', /^一级指标/],
  ['level2', /^二级指标/],
  ['indicatorName', /^(三级指标|指标名称|绩效指标名称|具体指标|指标内容)/],
  ['operator', /^(指标性质|运算符|符号|比较符|指标方向)$/],
  ['unit', /^(度量单位|计量单位|指标单位)$/],
  ['weight', /^(分值|权重)/],
  ['actual', /^(实际完成值|实际值|完成值|全年实际值|实际完成情况|.*执行情况|1-\d+月.*)/],
  ['score', /^得分/],
  ['deviationReason', /^(偏差原因|未完成原因)/],
];

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface TableHeader {
  rowIndex: number;
  columns: ColumnMap;
  /** Multiplier to 元 from a 万元 mark in the amount header or the lines above it. */
  amountFactor: number;
}

function headerKey(cell: string): string {
  return cleanCell(cell).normalize('NFKC').replace(/\s+/g, '').replace(/[(（][^)）]*[)）]$/, '');
}

function mapColumns(cells: string[]): ColumnMap {
  const columns: ColumnMap = {};
  cells.forEach((cell, index) => {
    const key = headerKey(cell);
    const role = COLUMN_SYNONYMS.find(([, pattern]) => pattern.test(key))?.[0];
    if (role && columns[role] === undefined) columns[role] = index;
    // A bare 单位 is the measure unit in an indicator table and the spending unit in a project table.
    if (key === '单位' && columns.unit === undefined) columns.unit = index;
  });
  if (columns.unit !== undefined && columns.indicatorName === undefined && columns.unitName === undefined) {
    columns.unitName = columns.unit;
    delete columns.unit;
  }
  return columns;
}

function amountFactor(document: SourceDocument, headerIndex: number, columns: ColumnMap): number {
  const amountHeader = columns.amount === undefined ? '' : document.rows[headerIndex].cells[columns.amount];
  if (/万元/.test(amountHeader)) return 1e4;
  if (/元/.test(amountHeader)) return 1;
  const above = document.rows.slice(Math.max(0, headerIndex - 8), headerIndex);
  const mark = above.map((row) => row.cells.join(' ')).reverse().find((text) => /单位[:：]\s*(万元|元)/.test(text));
  return mark && !/单位[:：]\s*万元/.test(mark) ? 1 : 1e4;
}

/** The first row from `from` on whose cells name every required role. */
export function findHeader(document: SourceDocument, required: readonly ColumnRole[], from = 0): TableHeader | null {
  for (let rowIndex = from; rowIndex < document.rows.length; rowIndex++) {
    const row = document.rows[rowIndex];
    // Header cells are short; skipping long-celled data rows keeps detection cheap on large files.
    if (row.cells.length < 3 || row.cells.some((cell) => cell.length > 40)) continue;
    const columns = mapColumns(row.cells);
    if (required.every((role) => columns[role] !== undefined)) {
      return { rowIndex, columns, amountFactor: amountFactor(document, rowIndex, columns) };
    }
  }
  return null;
}

export function cellOf(row: SourceRow, columns: ColumnMap, role: ColumnRole): string {
  const index = columns[role];
  return index === undefined ? '' : cleanCell(row.cells[index] ?? '');
}

/** `1,234.5` → 1234.5 × factor, rounded to the fen; blank or non-numeric → null. */
export function readAmount(text: string, factor = 1): number | null {
  const compact = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Math.round(Number(compact) * factor * 100) / 100;
}
