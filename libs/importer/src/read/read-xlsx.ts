import type { SourceRow } from './source-document';

/** Every worksheet's rows in order, each cell as its displayed text; merged cells repeat only in their first cell. */
export async function readXlsx(content: Buffer): Promise<SourceRow[]> {
  // Loaded only for spreadsheets: exceljs takes longer to load than a text file takes to parse.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: SourceRow[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column);
        cells.push(cell.isMerged && cell.master !== cell ? '' : cell.text ?? '');
      }
      rows.push({ cells, line: rowNumber });
    });
  });
  return rows;
}

export function isZip(content: Buffer): boolean {
  return content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;
}
