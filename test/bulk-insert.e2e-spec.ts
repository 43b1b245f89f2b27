import { DataSource } from 'typeorm';
import { BulkColumn, copyRows } from '../src/database/bulk-insert';
import { databaseOptions } from '../src/database/database.options';

interface Probe {
  id: number;
  name: string | null;
  done: boolean | null;
  details: string | null;
  amount: string | null;
}

const COLUMNS: BulkColumn<Probe>[] = [
  { name: 'id', type: 'integer', value: (row) => row.id },
  { name: 'name', type: 'text', value: (row) => row.name },
  { name: 'done', type: 'boolean', value: (row) => row.done },
  { name: 'details', type: 'jsonb', value: (row) => row.details },
  { name: 'amount', type: 'numeric', value: (row) => row.amount },
];

const row = (id: number, name: string | null, extra: Partial<Probe> = {}): Probe => ({
  id,
  name,
  done: null,
  details: null,
  amount: null,
  ...extra,
});

describe(copyRows.name, () => {
  let db: DataSource;
  const count = async () => Number((await db.query('SELECT count(*) FROM copy_rows_probe'))[0].count);

  beforeAll(async () => {
    db = await new DataSource(databaseOptions(process.env.DATABASE_URL!)).initialize();
    await db.query(
      `CREATE TABLE copy_rows_probe (id integer PRIMARY KEY, name text NOT NULL, done boolean, details jsonb, amount numeric(18,2))`,
    );
  });

  afterEach(() => db.query('TRUNCATE copy_rows_probe'));

  afterAll(async () => {
    await db.query('DROP TABLE copy_rows_probe');
    await db.destroy();
  });

  it('stores every value as given: control characters, backslashes, \\N as text, JSON, money, nulls', async () => {
    const rows = [
      row(1, '会议到会率（培训出勤率）', { done: true, details: JSON.stringify({ message: 'say "hi"\n\tC:\\x' }), amount: '1234.50' }),
      row(2, 'tab\there, newline\nthere, cr\r, backslash \\', { done: false }),
      row(3, '\\N'),
      ...Array.from({ length: 2_345 }, (_, n) => row(10 + n, `项目${n}`)),
    ];
    await db.transaction((manager) => copyRows(manager, 'copy_rows_probe', COLUMNS, rows));

    const stored = await db.query('SELECT id, name, done, details, amount FROM copy_rows_probe ORDER BY id');
    expect(stored).toHaveLength(rows.length);
    expect(stored.slice(0, 3)).toEqual([
      { id: 1, name: rows[0].name, done: true, details: { message: 'say "hi"\n\tC:\\x' }, amount: '1234.50' },
      { id: 2, name: rows[1].name, done: false, details: null, amount: null },
      { id: 3, name: '\\N', done: null, details: null, amount: null },
    ]);
    expect(stored.at(-1)).toMatchObject({ id: rows.at(-1)!.id, name: rows.at(-1)!.name });
  });

  it('is part of the transaction: rolled back with it', async () => {
    await expect(
      db.transaction(async (manager) => {
        await copyRows(manager, 'copy_rows_probe', COLUMNS, [row(1, 'a'), row(2, 'b')]);
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await count()).toBe(0);
  });

  it('fails as a whole when one row breaks a constraint, and stores nothing', async () => {
    const rows = [row(1, 'a'), row(2, 'b'), row(3, null)];
    await expect(db.transaction((manager) => copyRows(manager, 'copy_rows_probe', COLUMNS, rows))).rejects.toThrow(
      /null value in column "name"/,
    );
    expect(await count()).toBe(0);
  });

  it('refuses to run outside a transaction, where COPY would commit on its own', async () => {
    await expect(copyRows(db.manager, 'copy_rows_probe', COLUMNS, [row(1, 'a')])).rejects.toThrow(/transaction/);
  });
});
