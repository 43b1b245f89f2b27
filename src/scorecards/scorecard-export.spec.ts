import { Workbook } from 'exceljs';
import { type ExportTable, toCsv, toXlsx } from './scorecard-export';

const table: ExportTable = {
  title: '绩效记分卡-财政局/本级-2025',
  headers: ['名称', '预算数（元）', '说明'],
  rows: [
    ['合计', 1234567.89, null],
    ['单位 "甲", 一处', 0.5, '第一行\n第二行'],
  ],
};

describe(toCsv.name, () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const { body, contentType } = toCsv(table);
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(body.toString('utf8').split('\r\n')).toHaveLength(table.rows.length + 2);
  });

  it.each([
    ['a number as written', '1234567.89'],
    ['an empty cell for null', '合计,1234567.89,\r\n'],
    ['quotes doubled and the cell quoted', '"单位 ""甲"", 一处"'],
    ['a line break kept inside quotes', '"第一行\n第二行"'],
  ])('writes %s', (_case, expected) => {
    expect(toCsv(table).body.toString('utf8')).toContain(expected);
  });
});

describe(toXlsx.name, () => {
  it('reads back with the same headers, numbers as numbers and a sheet name Excel accepts', async () => {
    const { body, fileName } = await toXlsx(table);
    expect(fileName).toBe('绩效记分卡-财政局_本级-2025.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('绩效记分卡-财政局_本级-2025');
    expect(sheet.getRow(1).values).toEqual([undefined, ...table.headers]);
    expect(sheet.getCell('B2').value).toBe(1234567.89);
    expect(sheet.getCell('C3').value).toBe('第一行\n第二行');
  });
});
