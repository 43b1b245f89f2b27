import { isValidTimeZone, resolvePeriodRule } from './report-period';

describe(resolvePeriodRule.name, () => {
  it.each([
    ['自评表 on 10 January reports on the previous year', 'previous-year', '2026-01-10T00:00:00Z', '2025'],
    ['监控表 on 10 July reports on 1–6月', 'current-H1', '2025-07-10T00:00:00Z', '2025-H1'],
    ['a quarter of the current year', 'current-Q3', '2025-10-05T00:00:00Z', '2025-Q3'],
    ['previous H2 is last year’s second half', 'previous-H2', '2026-01-03T00:00:00Z', '2025-H2'],
    ['previous month across the new year', 'previous-month', '2026-01-10T00:00:00Z', '2025-12'],
    ['current month', 'current-month', '2025-07-10T00:00:00Z', '2025-07'],
    ['the date is taken in Asia/Shanghai, where 31 Dec 17:00 UTC is already 1 January', 'previous-year', '2025-12-31T17:00:00Z', '2025'],
  ])('%s', (_scenario, rule, at, expected) => {
    expect(resolvePeriodRule(rule, new Date(at), 'Asia/Shanghai')).toBe(expected);
  });

  it('uses the given time zone, not the machine’s', () => {
    const at = new Date('2025-12-31T17:00:00Z');
    expect([resolvePeriodRule('current-year', at, 'UTC'), resolvePeriodRule('current-year', at, 'Asia/Shanghai')]).toEqual(['2025', '2026']);
  });

  it.each(['last-year', 'current-H3', 'current-Q5', ''])('refuses the unknown rule "%s"', (rule) => {
    expect(() => resolvePeriodRule(rule, new Date(), 'UTC')).toThrow(/unknown period rule/);
  });
});

describe(isValidTimeZone.name, () => {
  it.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Mars/Olympus', false],
  ])('%s → %s', (timeZone, valid) => expect(isValidTimeZone(timeZone)).toBe(valid));
});
