import { cleanCell, type SourceDocument, type SourceRow } from '../read/source-document';
import { cellOf, findHeader, isNonDataRow } from './header-columns';

const DEPARTMENT_LABELS = '部门名称|部门[（(]单位[)）]名称|预算主管部门|主管部门|预算部门|填报单位';
const DEPARTMENT_LABEL = new RegExp(`(?:${DEPARTMENT_LABELS})(?:[（(]盖章[)）])?\\s*[:：]\\s*([^\\s:：]+)`);
// In a form's cells the label stands alone, perhaps with 及代码, and the value in the next cell.
const DEPARTMENT_CELL = new RegExp(`^(?:${DEPARTMENT_LABELS})(?:及代码|[（(]代码[)）]|[（(]盖章[)）])?$`);
// `[101]某市教育局`, `101-某市教育局`, `某市教育局（101001）`: the code that budget systems put beside the name.
const DEPARTMENT_CODE = /^[[［(（]?\d{3,}[\]］)）]?\s*[-－—]?\s*|\s*[[［(（]\d{3,}[\]］)）]$/g;
const CODED_UNIT_LINE = /^\d{6}\s*[-－—]\s*(\S+)$/;
const TITLE = /^(.+?)(?:[（(]本级[）)])?\s*(\d{4})\s*年.*预算/;
const YEAR = /(20\d{2})\s*年[^。，,]{0,30}(预算|绩效|决算|监控|自评)|^[（(]\s*(20\d{2})\s*年度?\s*[）)]$/;

function* plainLines(rows: SourceRow[]): Generator<string> {
  for (const row of rows) {
    yield row.cells.map(cleanCell).filter((cell) => cell !== '').join(' ').replace(/^[#*\s]+|\*+$/g, '').trim();
  }
}

/** The title at the top of the file, possibly broken over two lines by the PDF extraction. */
function titleText(rows: SourceRow[]): string {
  const top: string[] = [];
  for (const line of plainLines(rows)) if (line !== '' && top.push(line) === 2) break;
  return top.join('');
}

/** A 部门/主管部门 column holding one value throughout; a table that spans departments names none. */
function departmentColumnValue(document: SourceDocument): string | null {
  const header = findHeader(document, ['department', 'name']) ?? findHeader(document, ['department', 'unitName']);
  if (!header) return null;
  let value: string | null = null;
  for (let index = header.rowIndex + 1; index < document.rows.length; index++) {
    const row = document.rows[index];
    const cell = cellOf(row, header.columns, 'department');
    if (cell === '' || isNonDataRow(row, header)) continue;
    if (value !== null && cell !== value) return null;
    value = cell;
  }
  return value;
}

function labelledDepartment(row: SourceRow): string | null {
  const cells = row.cells.map(cleanCell).filter((cell) => cell !== '');
  const at = cells.findIndex((cell) => DEPARTMENT_CELL.test(cell.replace(/\s+/g, '')));
  const value = at < 0 ? undefined : cells.slice(at + 1).find((cell) => cell !== cells[at]);
  return value ? value.replace(DEPARTMENT_CODE, '') || null : null;
}

export function findDepartment(document: SourceDocument): string | null {
  for (const line of plainLines(document.rows)) {
    const labelled = DEPARTMENT_LABEL.exec(line);
    if (labelled) return labelled[1];
  }
  for (const row of document.rows) {
    const labelled = row.cells.length > 1 ? labelledDepartment(row) : null;
    if (labelled) return labelled;
  }
  const column = departmentColumnValue(document);
  if (column) return column;
  for (const line of plainLines(document.rows)) {
    const coded = CODED_UNIT_LINE.exec(line);
    if (coded) return coded[1];
  }
  const title = TITLE.exec(titleText(document.rows).replace(/\s+/g, ''));
  return title && !/^\d/.test(title[1]) ? title[1].replace(/^.*?(?=[\u4e00-\u9fff])/, '') : null;
}

/** From title lines only: table cells mention other years (`2026年信息化运维项目`). */
export function findYear(document: SourceDocument): number | null {
  const titles = document.rows.filter((row) => row.cells.filter((cell) => cell.trim() !== '').length === 1);
  for (const line of plainLines(titles)) {
    const match = YEAR.exec(line);
    if (match) return Number(match[1] ?? match[3]);
  }
  return null;
}
