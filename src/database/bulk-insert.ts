import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export interface BulkColumn<Row> {
  name: string;
  /** Postgres element type, e.g. `uuid`, `text`, `numeric`, `target_kind`. */
  type: string;
  value: (row: Row) => unknown;
}

const ROWS_PER_STATEMENT = 10_000;
const ROWS_PER_STRING = 16;
const COPY_CHUNK_BYTES = 64 * 1024;

/**
 * Inserts rows with one array parameter per column (`INSERT … SELECT * FROM unnest($1::uuid[], …)`), so a
 * statement has as many bind parameters as columns, never near Postgres's 65 535 limit, whatever the row count.
 */
export async function bulkInsert<Row>(
  manager: EntityManager,
  table: string,
  columns: BulkColumn<Row>[],
  rows: readonly Row[],
  onConflict = '',
): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays}) ${onConflict}`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await manager.query(sql, columns.map((c) => chunk.map(c.value)));
  }
}

/**
 * Inserts rows with `COPY … FROM STDIN` on the manager's connection, so inside its transaction: the values travel
 * as COPY's text format, never as SQL, and Postgres parses no arrays. For large inserts with no ON CONFLICT.
 */
export async function copyRows<Row>(
  manager: EntityManager,
  table: string,
  columns: BulkColumn<Row>[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`copyRows into ${table} must run inside a transaction`);
  const client: PoolClient = await runner.connect();
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  await pipeline(Readable.from(copyText(columns, rows)), client.query(copyFrom(`COPY "${table}" (${names}) FROM STDIN`)));
}

/**
 * COPY text format (tab between values, newline after each row, `\N` for null) as UTF-8 chunks of about
 * COPY_CHUNK_BYTES that end on a row. A few rows are joined into one string at a time: a string built from thousands of
 * rows by `+=` is a deep tree of pieces, and encoding it cost three times as much as encoding small ones.
 */
export function* copyText<Row>(columns: BulkColumn<Row>[], rows: readonly Row[]): Generator<Buffer> {
  let pieces: Buffer[] = [];
  let bytes = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STRING) {
    let text = '';
    for (let index = start; index < Math.min(start + ROWS_PER_STRING, rows.length); index++) {
      for (let column = 0; column < columns.length; column++) {
        if (column > 0) text += '\t';
        text += copyValue(columns[column].value(rows[index]));
      }
      text += '\n';
    }
    const piece = Buffer.from(text);
    pieces.push(piece);
    bytes += piece.length;
    if (bytes >= COPY_CHUNK_BYTES) {
      yield Buffer.concat(pieces, bytes);
      pieces = [];
      bytes = 0;
    }
  }
  if (bytes > 0) yield Buffer.concat(pieces, bytes);
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = new RegExp(COPY_SPECIAL.source, 'g');
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return COPY_SPECIAL.test(text) ? text.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]) : text;
}
