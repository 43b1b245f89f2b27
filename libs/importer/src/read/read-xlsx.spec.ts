import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Workbook } from 'exceljs';
import { parseDocument } from '../parse-document';
import { readCsv } from './read-text';

const fixtures = resolve(__dirname, '../../../../test/fixtures/import/ok');

describe('an XLSX table', () => {
  it.each([
    ['self-evaluation-ziping.csv', [], 4],
    // The header's group cells merged across and down, as budget systems export them.
    ['columns-two-row-header.csv', ['A3:A4', 'D3:D4', 'F3:H3', 'J3:K3', 'A9:A10', 'F9:H9', 'J9:K9'], 5],
  ])('parses into the same document as its CSV twin %s (merged %j)', async (name, merges, indicators) => {
    const csv = readFileSync(join(fixtures, name));
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('表');
    for (const row of readCsv(csv.toString('utf8'))) sheet.addRow(row.cells.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    for (const range of merges) sheet.mergeCells(range);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    const fromXlsx = await parseDocument({ fileName: join('x', '表.xlsx'), content: xlsx });
    const fromCsv = await parseDocument({ fileName: name, content: csv });

    expect(fromXlsx.projects.flatMap((project) => project.indicators)).toHaveLength(indicators);
    expect(fromXlsx).toEqual(fromCsv);
  });
});
