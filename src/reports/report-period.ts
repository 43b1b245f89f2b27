import { parsePeriod } from '@app/domain';

/** `<previous|current>-<year|H1|H2|Q1…Q4|month>`: the period a scheduled run reports on, relative to its date. */
export const PERIOD_RULE_PATTERN = /^(previous|current)-(year|H[12]|Q[1-4]|month)$/;

function localYearMonth(at: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

/**
 * The stored period string (`2025`, `2025-H1`, `2025-07`) a rule names on the date `at` in `timeZone`:
 * `previous-year` on 10 January 2026 is `2025`; `current-H1` on 10 July 2025 is `2025-H1`.
 */
export function resolvePeriodRule(rule: string, at: Date, timeZone: string): string {
  const match = PERIOD_RULE_PATTERN.exec(rule);
  if (!match) throw new Error(`unknown period rule "${rule}"`);
  const [, relation, unit] = match;
  const { year, month } = localYearMonth(at, timeZone);
  const back = relation === 'previous' ? 1 : 0;
  if (unit === 'year') return String(year - back);
  if (unit === 'month') {
    const monthsSinceZero = year * 12 + (month - 1) - back;
    return `${Math.floor(monthsSinceZero / 12)}-${String((monthsSinceZero % 12) + 1).padStart(2, '0')}`;
  }
  return parsePeriod(`${year - back}-${unit}`).text;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
