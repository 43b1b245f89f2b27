import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Workbook } from 'exceljs';
import { parseDocument } from '../parse-document';
import { readCsv } from './read-text';

const twin = resolve(__dirname, '../../../../test/fixtures/import/ok/self-evaluation-ziping.csv');

describe('an XLSX 自评表', () => {
  it('parses into the same document as its CSV twin', async () => {
    const csv = readFileSync(twin);
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('自评表');
    for (const row of readCsv(csv.toString('utf8'))) sheet.addRow(row.cells.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());

    const fromXlsx = await parseDocument({ fileName: join('x', '自评表.xlsx'), content: xlsx });
    const fromCsv = await parseDocument({ fileName: '自评表.csv', content: csv });

    expect(fromXlsx.projects[0].indicators).toHaveLength(4);
    expect(fromXlsx).toEqual(fromCsv);
  });
});
