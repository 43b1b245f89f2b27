import { PeriodError, addDays, isWithinYear, parsePeriod, periodsOf } from './period';

describe('parsing period strings', () => {
  it.each([
    ['2025', 'year', 1, 12, '2025-12-31'],
    ['2025-H1', 'half', 1, 6, '2025-06-30'],
    ['2025-H2', 'half', 2, 12, '2025-12-31'],
    ['2025-Q1', 'quarter', 1, 3, '2025-03-31'],
    ['2025-Q3', 'quarter', 3, 9, '2025-09-30'],
    ['2025-07', 'month', 7, 7, '2025-07-31'],
    ['2024-02', 'month', 2, 2, '2024-02-29'],
    ['2025-02', 'month', 2, 2, '2025-02-28'],
    [' 2025-12 ', 'month', 12, 12, '2025-12-31'],
  ])('%s', (text, kind, index, throughMonth, endDate) => {
    expect(parsePeriod(text)).toEqual({ text: text.trim(), year: Number(text.trim().slice(0, 4)), kind, index, throughMonth, endDate });
  });

  it.each([
    ['2025-H3', 'PERIOD_FORMAT'],
    ['2025-Q5', 'PERIOD_FORMAT'],
    ['2025-7', 'PERIOD_FORMAT'],
    ['25', 'PERIOD_FORMAT'],
    ['2025年', 'PERIOD_FORMAT'],
    ['', 'PERIOD_FORMAT'],
    ['2025-13', 'PERIOD_OUT_OF_RANGE'],
    ['2025-00', 'PERIOD_OUT_OF_RANGE'],
    ['1999', 'PERIOD_OUT_OF_RANGE'],
  ])('rejects “%s” with %s and a Chinese message', (text, code) => {
    expect(() => parsePeriod(text)).toThrow(PeriodError);
    try {
      parsePeriod(text);
    } catch (error) {
      expect(error).toMatchObject({ code, details: { period: text } });
      expect((error as PeriodError).message).toMatch(/期间/);
    }
  });

  it.each([
    ['2025-Q3', 2025, true],
    ['2025-Q3', 2026, false],
  ])('isWithinYear(%s, %s) is %s', (text, year, within) => {
    expect(isWithinYear(parsePeriod(text), year)).toBe(within);
  });

  it.each([
    ['2025-12-31', 10, '2026-01-10'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s plus %s days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('the periods of a year', () => {
  it('are the year, its halves, quarters and months, each ending where it should', () => {
    const periods = periodsOf(2025);
    expect(periods.map((period) => period.text)).toEqual([
      '2025', '2025-H1', '2025-H2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4',
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((month) => `2025-${month}`),
    ]);
    expect(periods.find((period) => period.text === '2025-02')?.endDate).toBe('2025-02-28');
  });
});
