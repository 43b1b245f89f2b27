import type ExcelJS from 'exceljs';
import { CellFormat, cellText, Form, FormCell, placeCells } from './form';
import { toWanYuan } from './report-format';

const FONT_NAME = '宋体';
const FONT_SIZE = 10;
const LINE_HEIGHT_PT = 13.5;
const SHEET_NAME_MAX = 31;
const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  plain: undefined,
  wanYuan: '#,##0.00',
  percent: '0.00%',
};
const THIN = { style: 'thin' } as const;

/** Excel forbids []:*?/\ in sheet names, caps them at 31 characters and compares them case-insensitively. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  for (let copy = 1; ; copy++) {
    const suffix = copy === 1 ? '' : `(${copy})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** Approximate width in Excel character units: a CJK character is about two digits wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

function excelValue({ value, format }: FormCell): ExcelJS.CellValue {
  return format === 'wanYuan' && typeof value === 'number' ? toWanYuan(value) : value;
}

function addFormSheet(workbook: ExcelJS.Workbook, form: Form, name: string): void {
  const width = form.columnWidths.length;
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: form.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  });
  sheet.columns = form.columnWidths.map((columnWidth) => ({ width: columnWidth }));

  const headings = [form.title, form.subtitle].filter((text): text is string => text !== null);
  headings.forEach((text, index) => {
    const excelRow = sheet.getRow(index + 1);
    sheet.mergeCells(index + 1, 1, index + 1, width);
    excelRow.getCell(1).value = text;
    excelRow.getCell(1).style = {
      font: { name: FONT_NAME, size: index === 0 ? 16 : 11, bold: index === 0 },
      alignment: { horizontal: 'center', vertical: 'middle' },
    };
    excelRow.height = index === 0 ? 30 : 20;
  });

  const firstRow = headings.length + 1;
  const lineCounts = form.rows.map(() => 1);
  for (const { row, col, cell } of placeCells(form)) {
    const top = firstRow + row;
    const left = col + 1;
    const bottom = top + cell.rowSpan - 1;
    const right = left + cell.colSpan - 1;
    const style: Partial<ExcelJS.Style> = {
      font: { name: FONT_NAME, size: FONT_SIZE, bold: cell.bold },
      alignment: { horizontal: cell.align, vertical: 'middle', wrapText: true },
      border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
      numFmt: NUMBER_FORMATS[cell.format],
      ...(cell.fill && { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${cell.fill}` } } }),
    };
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) sheet.getCell(r, c).style = style;
    }
    if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
    sheet.getCell(top, left).value = excelValue(cell);
    if (cell.rowSpan === 1) {
      const spanWidth = form.columnWidths.slice(col, col + cell.colSpan).reduce((sum, w) => sum + w, 0);
      lineCounts[row] = Math.max(lineCounts[row], Math.ceil(displayWidth(cellText(cell)) / Math.max(spanWidth - 1, 1)));
    }
  }
  // Excel does not grow rows to fit wrapped text in merged cells, so the height is set from an estimate.
  lineCounts.forEach((lines, index) => {
    sheet.getRow(firstRow + index).height = Math.max(20, lines * LINE_HEIGHT_PT + 6);
  });
}

export async function renderFormsXlsx(forms: Form[]): Promise<Buffer> {
  // Loaded with the first workbook, not at start: a worker that only imports or scores never needs it.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const taken = new Set<string>();
  for (const form of forms) addFormSheet(workbook, form, uniqueSheetName(form.sheetName, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
