import { parsePeriod } from '@app/domain';
import { decimalString, readEntry } from './entry-values';

const year = parsePeriod('2025');
const half = parsePeriod('2025-H1');

describe(readEntry.name, () => {
  it.each([
    ['a number', { value: 12.5 }, '12.5'],
    ['a numeric string with thousands separators', { value: '1,234.50' }, '1234.50'],
    ['a negative change', { value: '-3' }, '-3'],
  ])('accepts %s for a quantitative target', (_case, input, stored) => {
    expect(readEntry(input, 'quantitative', year)).toEqual({ values: expect.objectContaining({ value: stored, grade: null }), errors: [] });
  });

  it.each([
    ['达成', 'achieved'],
    ['部分达成', 'partial'],
    ['未达成', 'not_achieved'],
    ['达成年度指标', 'achieved'],
    ['部分达成年度指标并具有一定效果', 'partial'],
    ['未达成目标且效果较差', 'not_achieved'],
    ['not_achieved', 'not_achieved'],
  ])('reads the grade “%s” as %s', (grade, stored) => {
    expect(readEntry({ grade }, 'qualitative', year)).toEqual({ values: expect.objectContaining({ grade: stored, value: null }), errors: [] });
  });

  it.each([
    ['text for a quantitative target', { value: '基本完成' }, 'quantitative', 'value'],
    ['no value for a quantitative target', { text: '见附件' }, 'quantitative', 'value'],
    ['a grade for a quantitative target', { value: 3, grade: '达成' }, 'quantitative', 'grade'],
    ['an unknown grade', { grade: '优秀' }, 'qualitative', 'grade'],
    ['a number for a qualitative target', { value: 95, grade: '达成' }, 'qualitative', 'value'],
    ['no grade for a qualitative target', {}, 'qualitative', 'grade'],
    ['an unknown deviation category', { grade: '未达成', deviationCategory: '天气' }, 'qualitative', 'deviationCategory'],
    ['a number where text belongs', { value: 1, suggestion: 7 }, 'quantitative', 'suggestion'],
  ] as const)('rejects %s on the field at fault, in Chinese', (_case, input, kind, field) => {
    const { errors } = readEntry(input, kind, year);
    expect(errors).toEqual([{ field, message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
  });

  it.each([
    ['确定能', 'certain'],
    ['2', 'possible'],
    ['不可能', 'impossible'],
  ])('reads the 完成目标可能性 “%s” as %s in a monitoring period', (possibility, stored) => {
    expect(readEntry({ value: 1, possibility }, 'quantitative', half).values.possibility).toBe(stored);
  });

  it('refuses a 完成目标可能性 for the full year', () => {
    expect(readEntry({ value: 1, possibility: '有可能' }, 'quantitative', year).errors.map((e) => e.field)).toEqual(['possibility']);
  });

  it('accepts either a number or a grade while the target is still a placeholder', () => {
    expect(readEntry({ value: '5' }, 'placeholder', year).errors).toEqual([]);
    expect(readEntry({ grade: '达成' }, 'placeholder', year).errors).toEqual([]);
  });
});

describe(decimalString.name, () => {
  it.each([
    [1e21, null],
    [Number.NaN, null],
    ['12.', null],
    ['1.2.3', null],
    [' 7 ', '7'],
    [0.1, '0.1'],
  ])('%p → %p', (input, expected) => {
    expect(decimalString(input)).toBe(expected);
  });
});
