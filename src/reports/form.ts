import { formatNumber } from '@app/domain';
import { formatPercent, formatWanYuan } from './report-format';

/** How a number is shown: `wanYuan` holds 元 and shows 万元; `percent` holds a fraction; `plain` as it is. */
export type CellFormat = 'plain' | 'wanYuan' | 'percent';

export interface FormCell {
  value: string | number | null;
  format: CellFormat;
  colSpan: number;
  rowSpan: number;
  bold: boolean;
  align: 'left' | 'center';
  /** Background as RGB hex, e.g. for warning lights. */
  fill: string | null;
}

export interface FormRow {
  cells: FormCell[];
  /** A heading row: the PDF keeps it on the same page as the row after it. */
  heading: boolean;
  /** A table's column headings: the PDF repeats them when the table runs onto a new page. */
  repeatAfterPageBreak: boolean;
}

/**
 * A report laid out as the official form's grid, rendered alike to XLSX and PDF. Cells fill a row left
 * to right, skipping columns taken by a row span from above, as in an HTML table.
 */
export interface Form {
  sheetName: string;
  title: string;
  subtitle: string | null;
  /** In Excel character units; the PDF scales them to the page width. */
  columnWidths: number[];
  rows: FormRow[];
  landscape: boolean;
}

export interface PlacedCell {
  row: number;
  col: number;
  cell: FormCell;
}

export function cell(value: FormCell['value'], options: Partial<Omit<FormCell, 'value'>> = {}): FormCell {
  return { value, format: 'plain', colSpan: 1, rowSpan: 1, bold: false, align: 'center', fill: null, ...options };
}

export function headingRow(...labels: (string | FormCell)[]): FormRow {
  const cells = labels.map((label) => (typeof label === 'string' ? cell(label, { bold: true }) : label));
  return { cells, heading: true, repeatAfterPageBreak: false };
}

export function tableHeadingRow(...labels: (string | FormCell)[]): FormRow {
  return { ...headingRow(...labels), repeatAfterPageBreak: true };
}

export function row(...cells: FormCell[]): FormRow {
  return { cells, heading: false, repeatAfterPageBreak: false };
}

export function placeCells(form: Form): PlacedCell[] {
  const width = form.columnWidths.length;
  const taken = form.rows.map(() => new Array<boolean>(width).fill(false));
  const placed: PlacedCell[] = [];
  form.rows.forEach((formRow, rowIndex) => {
    let col = 0;
    for (const formCell of formRow.cells) {
      while (col < width && taken[rowIndex][col]) col++;
      if (col + formCell.colSpan > width || rowIndex + formCell.rowSpan > form.rows.length) {
        throw new Error(`Form "${form.title}" row ${rowIndex + 1}: cell "${formCell.value}" overflows the grid`);
      }
      for (let r = rowIndex; r < rowIndex + formCell.rowSpan; r++) {
        for (let c = col; c < col + formCell.colSpan; c++) taken[r][c] = true;
      }
      placed.push({ row: rowIndex, col, cell: formCell });
      col += formCell.colSpan;
    }
    if (taken[rowIndex].includes(false)) {
      throw new Error(`Form "${form.title}" row ${rowIndex + 1} does not fill all ${width} columns`);
    }
  });
  return placed;
}

export function cellText({ value, format }: FormCell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'wanYuan':
      return formatWanYuan(value);
    case 'percent':
      return formatPercent(value);
    case 'plain':
      return formatNumber(value);
  }
}

interface Levelled {
  level1: string;
  level2: string;
}

/**
 * The 一级 and 二级 cells that open each indicator row, merged down over runs of equal levels as the
 * official forms do; a row inside a run gets no level cells. `level1Label` may decorate the 一级 text.
 */
export function levelCells<T extends Levelled>(
  indicators: T[],
  level1Label: (level1: string, run: T[]) => string = (level1) => level1,
): FormCell[][] {
  const runEnd = (from: number, same: (a: T, b: T) => boolean): number => {
    let end = from + 1;
    while (end < indicators.length && same(indicators[from], indicators[end])) end++;
    return end;
  };
  const sameLevel1 = (a: T, b: T) => a.level1 === b.level1;
  const sameLevel2 = (a: T, b: T) => sameLevel1(a, b) && a.level2 === b.level2;
  const leading = indicators.map((): FormCell[] => []);
  for (let start = 0; start < indicators.length; ) {
    const end = runEnd(start, sameLevel1);
    const run = indicators.slice(start, end);
    leading[start].push(cell(level1Label(indicators[start].level1, run), { rowSpan: end - start }));
    for (let inner = start; inner < end; ) {
      const innerEnd = runEnd(inner, sameLevel2);
      leading[inner].push(cell(indicators[inner].level2, { rowSpan: innerEnd - inner }));
      inner = innerEnd;
    }
    start = end;
  }
  return leading;
}
