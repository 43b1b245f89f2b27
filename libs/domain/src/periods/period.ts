export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

/**
 * A reporting period as stored (`2025`, `2025-H1`, `2025-Q3`, `2025-07`). An actual for a period is
 * the cumulative value from January to the end of `throughMonth`, the monitoring month m of domain.md §6.3.
 */
export interface Period {
  text: string;
  year: number;
  kind: PeriodKind;
  /** 1-based half, quarter or month; 1 for a year. */
  index: number;
  throughMonth: number;
  /** Last day of the period, `YYYY-MM-DD`. */
  endDate: string;
}

export type PeriodErrorCode = 'PERIOD_FORMAT' | 'PERIOD_OUT_OF_RANGE';

/** Thrown for a malformed period string; `code` is stable, `message` is Chinese. */
export class PeriodError extends Error {
  constructor(
    readonly code: PeriodErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}

const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export function parsePeriod(text: string): Period {
  const match = PERIOD_PATTERN.exec(text.trim());
  if (!match) {
    throw new PeriodError(
      'PERIOD_FORMAT',
      `期间“${text}”格式不正确，应为 2025、2025-H1、2025-Q3 或 2025-07 之一`,
      { period: text },
    );
  }
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new PeriodError('PERIOD_OUT_OF_RANGE', `期间“${text}”的年度 ${year} 超出 ${MIN_YEAR}–${MAX_YEAR} 范围`, {
      period: text,
      year,
    });
  }
  const [kind, index, throughMonth] = periodShape(match[2]);
  if (throughMonth < 1 || throughMonth > 12) {
    throw new PeriodError('PERIOD_OUT_OF_RANGE', `期间“${text}”的月份 ${index} 应在 01–12 之间`, {
      period: text,
      month: index,
    });
  }
  return { text: match[0], year, kind, index, throughMonth, endDate: lastDayOfMonth(year, throughMonth) };
}

function periodShape(suffix: string | undefined): [PeriodKind, number, number] {
  if (suffix === undefined) return ['year', 1, 12];
  const index = Number(suffix.replace(/^[HQ]/, ''));
  if (suffix.startsWith('H')) return ['half', index, index * 6];
  if (suffix.startsWith('Q')) return ['quarter', index, index * 3];
  return ['month', index, index];
}

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every period of a year as stored: the year, its halves, quarters and months. */
export function periodsOf(year: number): Period[] {
  const suffixes = ['', '-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4', ...Array.from({ length: 12 }, (_, month) => `-${String(month + 1).padStart(2, '0')}`)];
  return suffixes.map((suffix) => parsePeriod(`${year}${suffix}`));
}

export function isWithinYear(period: Period, year: number): boolean {
  return period.year === year;
}

/** `YYYY-MM-DD` plus whole days, in the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
