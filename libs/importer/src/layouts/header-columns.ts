import { cleanCell, type SourceDocument, type SourceRow } from '../read/source-document';

export type ColumnRole =
  | 'seq' | 'department' | 'unitCode' | 'projectCode' | 'unitName' | 'parentProject' | 'name' | 'category' | 'amount' | 'fiscal' | 'specialAccount'
  | 'other' | 'goal' | 'indicators' | 'level1' | 'level2' | 'indicatorName' | 'operator' | 'nature' | 'annualTarget'
  | 'periodTarget' | 'unit' | 'weight' | 'actual' | 'score' | 'deviationReason';

/** Header wordings seen in budget-system exports; first match wins, so specific wordings come first. */
const COLUMN_SYNONYMS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['seq', /^(序号|编号)$/],
  ['unitCode', /^(预算)?单位(代码|编码|编号)$/],
  ['projectCode', /^项目(代码|编码|编号)$/],
  ['department', /^(部门|部门名称|主管部门|预算部门|主管部门名称|预算主管部门)$/],
  ['parentProject', /^一级项目(名称)?$/],
  ['name', /^(二级项目(名称)?|项目名称.*|项目)$/],
  ['unitName', /^(单位名称|资金使用单位|预算单位|实施单位|实施主体)$/],
  ['category', /^项目(类别|类型|性质)$/],
  ['fiscal', /^财政拨款/],
  ['specialAccount', /^财政专户/],
  ['other', /^(其他资金|单位资金)/],
  ['amount', /^(金额|总计|预算数|预算金额|资金总额|项目金额|年度预算数?|总金额|年度资金总额|全年预算数|项目资金)/],
  ['periodTarget', /^(实施周期|实施期|总体|整体|中期)(指标值|目标值)/],
  ['annualTarget', /^(年度|全年|本年)?(预期|计划|绩效)?(指标值|目标值|计划值)$|^(指标目标值|年度目标|预期值|计划值)$/],
  ['goal', /^(绩效目标|年度总体目标|总体目标|年度绩效目标|项目绩效目标)$/],
  ['indicators', /^(绩效指标|绩效目标指标)$/],
  // `一级` alone under a `绩效指标` group; 一级项目/二级项目 are taken above.
  ['level1', /^(一级|指标类别)/],
  ['level2', /^二级/],
  ['indicatorName', /^(三级|指标名称|绩效指标名称|具体指标|指标内容)/],
  ['operator', /^(指标方向|运算符|计算符号|符号|比较符|比较方式)$/],
  // 指标性质 holds 定量/定性 in some exports and 正向/反向 or a comparator in others.
  ['nature', /^指标性质$/],
  ['unit', /^(度量单位|计量单位|指标单位)$/],
  ['weight', /^(指标)?(分值|权重)/],
  ['actual', /^((全年|年度)?实际(完成)?(指标)?值|完成值|实际完成情况|.*执行情况|1[-—–~～至到]\d+月.*)/],
  ['score', /^(自评)?得分/],
  ['deviationReason', /^(偏差原因|未完成原因|原因分析)/],
];

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface TableHeader {
  /** The header's last row: data starts below it. */
  rowIndex: number;
  /** The header's first row: a merged group header (`绩效指标` over `一级指标|二级指标|三级指标`) sits above. */
  firstRowIndex: number;
  columns: ColumnMap;
  /** Multiplier to 元 from a 万元/千元/元 mark in the amount header or the lines above it. */
  amountFactor: number;
  /** The header rows' text, to recognise the header repeated after a page break. */
  signature: string[];
  /** Each header row's first cell, a cheap test before comparing whole rows. */
  signatureLeads: string[];
  /**
   * Causes listed under a 偏差原因分析 group (经费保障 | 制度保障 | 人员保障 | …), as the 监控表 template has them:
   * a row marks (√) the columns that apply or writes the reason into one.
   */
  reasonOptions: Array<{ index: number; label: string }>;
}

function headerKey(cell: string): string {
  return cleanCell(cell).normalize('NFKC').replace(/\s+/g, '').replace(/[(（][^)）]*[)）]$/, '');
}

function roleOf(key: string): ColumnRole | undefined {
  for (const [role, pattern] of COLUMN_SYNONYMS) if (pattern.test(key)) return role;
  return undefined;
}

function mapColumns(keys: string[]): ColumnMap {
  const columns: ColumnMap = {};
  keys.forEach((key, index) => {
    const role = roleOf(key);
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

/**
 * Keys of a header spread over two rows by merged cells: a sub-header names its column by itself (`一级指标`) or
 * together with the group above it (`年度` under `指标值` → `年度指标值`); a blank sub-header keeps the group's name.
 */
function twoRowKeys(upper: string[], lower: string[]): string[] {
  const keys: string[] = [];
  let group = '';
  for (let index = 0; index < Math.max(upper.length, lower.length); index++) {
    const above = headerKey(upper[index] ?? '');
    const below = headerKey(lower[index] ?? '');
    if (above !== '') group = above;
    if (below === '') keys.push(above);
    else keys.push(roleOf(below) || group === '' ? below : below + group);
  }
  return keys;
}

const UNIT_MARK = /单位[:：]\s*(万元|千元|元)/;
const FACTORS: Record<string, number> = { 万元: 1e4, 千元: 1e3, 元: 1 };

function amountFactor(document: SourceDocument, header: { firstRowIndex: number; rowIndex: number }, columns: ColumnMap): number {
  const amountHeader = columns.amount === undefined ? '' : document.rows.slice(header.firstRowIndex, header.rowIndex + 1).map((row) => row.cells[columns.amount as number] ?? '').join('');
  const inHeader = /万元|千元|元/.exec(amountHeader);
  if (inHeader) return FACTORS[inHeader[0]];
  const above = document.rows.slice(Math.max(0, header.firstRowIndex - 8), header.firstRowIndex);
  const mark = above.map((row) => UNIT_MARK.exec(row.cells.join(' '))).reverse().find((match) => match !== null);
  // Without a mark, tables of budget projects are in 万元, as the disclosure rules ask.
  return mark ? FACTORS[mark[1]] : 1e4;
}

function isHeaderCandidate(cells: string[]): boolean {
  // Header cells are short; skipping long-celled data rows keeps detection cheap on large files.
  return cells.length >= 3 && !cells.some((cell) => cell.length > 40);
}

/** The first header from `from` on whose cells (one row, or two rows under merged group cells) name every required role. */
export function findHeader(document: SourceDocument, required: readonly ColumnRole[], from = 0): TableHeader | null {
  const { rows } = document;
  const complete = (columns: ColumnMap) => required.every((role) => columns[role] !== undefined);
  for (let rowIndex = from; rowIndex < rows.length; rowIndex++) {
    const { cells } = rows[rowIndex];
    if (!isHeaderCandidate(cells)) continue;
    const single = mapColumns(cells.map(headerKey));
    const next = rows[rowIndex + 1];
    let header: { firstRowIndex: number; rowIndex: number; columns: ColumnMap } | null = null;
    let reasonOptions: TableHeader['reasonOptions'] = [];
    if (next && isHeaderCandidate(next.cells) && Object.keys(single).length > 0 && !isKeyValueRow(cells)) {
      const merged = mapColumns(twoRowKeys(cells, next.cells));
      reasonOptions = reasonOptionsOf(cells, next.cells);
      if (reasonOptions.length > 0) merged.deviationReason = reasonOptions[0].index;
      if (complete(merged) && (Object.keys(merged).length > Object.keys(single).length || reasonOptions.length > 0)) {
        header = { firstRowIndex: rowIndex, rowIndex: rowIndex + 1, columns: merged };
      }
    }
    if (!header) reasonOptions = [];
    if (!header && complete(single)) header = { firstRowIndex: rowIndex, rowIndex, columns: single };
    if (header) {
      const headerRows = rows.slice(header.firstRowIndex, header.rowIndex + 1);
      const signature = headerRows.map((row) => rowText(row.cells));
      const signatureLeads = headerRows.map((row) => leadKey(row) ?? '');
      return { ...header, amountFactor: amountFactor(document, header, header.columns), signature, signatureLeads, reasonOptions };
    }
  }
  return null;
}

function reasonOptionsOf(upper: string[], lower: string[]): TableHeader['reasonOptions'] {
  const group = upper.findIndex((cell) => roleOf(headerKey(cell)) === 'deviationReason');
  const options: TableHeader['reasonOptions'] = [];
  if (group < 0) return options;
  for (let index = group; index < lower.length && (index === group || headerKey(upper[index] ?? '') === ''); index++) {
    const label = headerKey(lower[index] ?? '');
    if (label === '' || roleOf(label) !== undefined) break;
    options.push({ index, label });
  }
  return options.length > 1 ? options : [];
}

/**
 * `项目名称 | 河道保洁`, `项目资金（万元） | 年度资金总额 | 12`: labels followed by their values, above a grid
 * rather than a group header over it.
 */
function isKeyValueRow(cells: string[]): boolean {
  const keys = cells.map(headerKey).filter((key) => key !== '');
  const value = keys.find((key) => key !== keys[0]);
  if (keys.some((key) => readAmount(key) !== null)) return true;
  return keys.length > 0 && roleOf(keys[0]) !== undefined && value !== undefined && roleOf(value) === undefined;
}

function rowText(cells: string[]): string {
  return cells.map(headerKey).join('|');
}

const NOTE_ROW = /^(注|说明|备注|填表说明|填报说明|填表人|制表人?|审核人?|负责人|联系人|联系电话|填报日期|数据来源)\s*\d*\s*[:：、.]/;
const TOTAL_ROW = /^(合计|总计|小计|总分|共计)$/;

/** Rows that are not data: the header repeated after a page break, 合计/小计 lines, notes under the table. */
export function isNonDataRow(row: SourceRow, header: TableHeader): boolean {
  const lead = leadKey(row);
  if (lead === null) return false;
  if (header.signatureLeads.includes(lead)) return header.signature.includes(rowText(row.cells));
  return TOTAL_ROW.test(lead) || NOTE_ROW.test(lead);
}

function leadKey(row: SourceRow): string | null {
  const first = row.cells.find((cell) => cell.trim() !== '');
  return first === undefined ? null : cleanCell(first).replace(/\s+/g, '');
}

export function cellOf(row: SourceRow, columns: ColumnMap, role: ColumnRole): string {
  const index = columns[role];
  return index === undefined ? '' : cleanCell(row.cells[index] ?? '');
}

/** `1,234.5` → 1234.5 × factor, rounded to the fen; blank or non-numeric → null. */
export function readAmount(text: string, factor = 1): number | null {
  const compact = (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text).replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Math.round(Number(compact) * factor * 100) / 100;
}
