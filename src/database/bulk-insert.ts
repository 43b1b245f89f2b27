import type { EntityManager } from 'typeorm';

export interface BulkColumn<Row> {
  name: string;
  /** Postgres element type, e.g. `uuid`, `text`, `numeric`, `target_kind`. */
  type: string;
  value: (row: Row) => unknown;
}

const ROWS_PER_STATEMENT = 10_000;

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
