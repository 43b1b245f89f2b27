import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { ADMIN_URL } from './scratch';

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU milliseconds of a live process (Linux /proc), or null once it has exited. */
export async function processCpuMs(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name) are utime and stime, in clock ticks.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** User + system CPU milliseconds of each backend connected to the database, by pid. */
export async function backendCpuMs(database: string): Promise<Map<number, number>> {
  const db = new Client({ connectionString: ADMIN_URL });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
    const cpu = new Map<number, number>();
    for (const { pid } of rows as { pid: number }[]) {
      const ms = await processCpuMs(pid);
      if (ms !== null) cpu.set(pid, ms);
    }
    return cpu;
  } finally {
    await db.end();
  }
}

/** CPU the backends used between two readings; a backend that connected in between counts from zero. */
export function backendCpuSpentMs(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}
