import { BulkColumn, copyText } from './bulk-insert';

interface Row {
  value: unknown;
}
const column: BulkColumn<Row>[] = [{ name: 'value', type: 'text', value: (row) => row.value }];
const oneCell = (value: unknown) => Buffer.concat([...copyText(column, [{ value }])]).toString();

describe(copyText.name, () => {
  it.each<[string, unknown, string]>([
    ['null', null, '\\N\n'],
    ['undefined', undefined, '\\N\n'],
    ['true', true, 't\n'],
    ['false', false, 'f\n'],
    ['a number', 12.5, '12.5\n'],
    ['Chinese text', '会议到会率（培训出勤率）≥95%', '会议到会率（培训出勤率）≥95%\n'],
    ['a tab', 'a\tb', 'a\\tb\n'],
    ['a newline', 'a\nb', 'a\\nb\n'],
    ['a carriage return', 'a\r\nb', 'a\\r\\nb\n'],
    ['a backslash', 'C:\\目录', 'C:\\\\目录\n'],
    ['the text \\N, which is not null', '\\N', '\\\\N\n'],
    ['JSON with an escaped quote and newline', JSON.stringify({ text: 'say "hi"\n' }), String.raw`{"text":"say \\"hi\\"\\n"}` + '\n'],
  ])('writes %s so that COPY reads it back unchanged', (_, value, expected) => {
    expect(oneCell(value)).toBe(expected);
  });

  it('separates columns by tabs and rows by newlines, in chunks that end on a row', () => {
    const columns: BulkColumn<{ n: number }>[] = [
      { name: 'n', type: 'integer', value: (row) => row.n },
      { name: 'twice', type: 'integer', value: (row) => row.n * 2 },
    ];
    const rows = Array.from({ length: 20_000 }, (_, n) => ({ n }));
    const chunks = [...copyText(columns, rows)].map((chunk) => chunk.toString());
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.endsWith('\n'))).toBe(true);
    expect(chunks.join('').split('\n').slice(0, -1)).toEqual(rows.map(({ n }) => `${n}\t${n * 2}`));
  });

  it('writes nothing for no rows', () => {
    expect([...copyText(column, [])]).toEqual([]);
  });
});
