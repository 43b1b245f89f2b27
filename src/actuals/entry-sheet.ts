import type { CompletionPossibility, Period, QualitativeGrade } from '@app/domain';
import { type Cell, Workbook, type Worksheet } from 'exceljs';
import { AppError } from '../common/app-error';
import { DEVIATION_CATEGORIES, type EntryInput, type EntryValues, GRADE_CHOICES, POSSIBILITY_CHOICES } from './entry-values';

export const SHEET_NAME = '填报';

/** One indicator as the sheet shows it, with the current actual (if any) filled in. */
export interface SheetRow extends Omit<EntryValues, 'evidence'> {
  indicatorId: string;
  version: number | null;
  project: string;
  level1: string | null;
  level2: string | null;
  name: string;
  annualTarget: string | null;
  periodTarget: string | null;
}

export interface SheetEntry extends EntryInput {
  sheetRow: number;
  indicatorId: string;
  version: number;
}

type Column = { key: keyof SheetRow; header: string; width: number; hidden?: boolean; fill?: boolean; choices?: readonly string[] };

const GRADE_LABELS: Record<QualitativeGrade, string> = { achieved: GRADE_CHOICES[0], partial: GRADE_CHOICES[1], not_achieved: GRADE_CHOICES[2] };
const POSSIBILITY_LABELS: Record<CompletionPossibility, string> = { certain: POSSIBILITY_CHOICES[0], possible: POSSIBILITY_CHOICES[1], impossible: POSSIBILITY_CHOICES[2] };

const COLUMNS: Column[] = [
  { key: 'indicatorId', header: '指标ID', width: 38, hidden: true },
  { key: 'version', header: '版本', width: 6, hidden: true },
  { key: 'project', header: '项目名称', width: 30 },
  { key: 'level1', header: '一级指标', width: 12 },
  { key: 'level2', header: '二级指标', width: 14 },
  { key: 'name', header: '三级指标', width: 30 },
  { key: 'annualTarget', header: '年度指标值', width: 16 },
  { key: 'periodTarget', header: '期间指标值', width: 16 },
  { key: 'value', header: '实际完成值（定量，填数字）', width: 16, fill: true },
  { key: 'grade', header: '完成等级（定性）', width: 14, fill: true, choices: GRADE_CHOICES },
  { key: 'text', header: '说明', width: 24, fill: true },
  { key: 'deviationCategory', header: '偏差原因类别', width: 14, fill: true, choices: DEVIATION_CATEGORIES },
  { key: 'deviationText', header: '偏差原因分析及改进措施', width: 30, fill: true },
  { key: 'possibility', header: '完成目标可能性（监控期间）', width: 16, fill: true, choices: POSSIBILITY_CHOICES },
  { key: 'suggestion', header: '相关建议或举措', width: 24, fill: true },
];
const FILL_KEYS = COLUMNS.filter((c) => c.fill).map((c) => c.key);
const column = (key: keyof SheetRow) => COLUMNS.findIndex((c) => c.key === key) + 1;

/**
 * One row per indicator: targets shown and locked, the cells to fill unlocked, lists on the grade, category and
 * possibility cells, the indicator id and version in hidden columns so a filled sheet can be posted back.
 */
export async function buildEntrySheet(rows: readonly SheetRow[], period: Period): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map(({ key, header, width, hidden }) => ({ key, header, width, hidden: hidden ?? false }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow({
      ...row,
      grade: row.grade && GRADE_LABELS[row.grade],
      possibility: row.possibility && POSSIBILITY_LABELS[row.possibility],
      value: row.value === null ? null : Number(row.value),
    });
  }
  const lastRow = rows.length + 1;
  for (const { key, choices } of COLUMNS.filter((c) => c.fill)) {
    if (key === 'possibility' && period.kind === 'year') continue;
    for (let r = 2; r <= lastRow; r++) {
      const cell = sheet.getCell(r, column(key));
      cell.protection = { locked: false };
      if (choices) {
        cell.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${choices.join(',')}"`], showErrorMessage: true, error: `请从列表中选择：${choices.join('、')}` };
      }
    }
  }
  await sheet.protect('', { formatColumns: true, formatRows: true, selectLockedCells: true, selectUnlockedCells: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The filled rows of a posted sheet (rows with nothing to enter are skipped); a sheet not made by us is refused. */
export async function readEntrySheet(content: Buffer): Promise<SheetEntry[]> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('SHEET_INVALID', '文件不是有效的 XLSX 填报表');
  }
  const sheet = workbook.getWorksheet(SHEET_NAME);
  if (!sheet || !headersMatch(sheet)) {
    throw new AppError('SHEET_INVALID', `找不到“${SHEET_NAME}”工作表或表头已被改动，请重新下载填报表`);
  }
  const entries: SheetEntry[] = [];
  sheet.eachRow((row, sheetRow) => {
    if (sheetRow === 1) return;
    const read = (key: keyof SheetRow) => cellValue(row.getCell(column(key)));
    if (FILL_KEYS.every((key) => read(key) === null)) return;
    const entry: SheetEntry = { sheetRow, indicatorId: String(read('indicatorId') ?? ''), version: Number(read('version') ?? 0) };
    for (const key of FILL_KEYS) entry[key as keyof EntryInput] = read(key) as never;
    entries.push(entry);
  });
  return entries;
}

function headersMatch(sheet: Worksheet): boolean {
  return COLUMNS.every(({ header }, index) => cellValue(sheet.getRow(1).getCell(index + 1)) === header);
}

function cellValue(cell: Cell): string | number | null {
  const value = cell.value;
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'object' && 'result' in value) return (value.result as string | number | undefined) ?? null;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return cell.text || null;
}
