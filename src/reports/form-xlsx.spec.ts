import { uniqueSheetName } from './form-xlsx';

describe(uniqueSheetName.name, () => {
  it.each([
    ['forbidden characters are replaced', ['a/b\\c[d]:e*f?g'], 'a_b_c_d__e_f_g'],
    ['long names are cut to 31 characters', ['一'.repeat(40)], '一'.repeat(31)],
    ['a repeated name gets a counter', ['项目', '项目'], '项目(2)'],
    ['names differing only in case collide, as Excel compares them', ['Plan', 'PLAN'], 'PLAN(2)'],
    ['the counter still fits within 31 characters', ['一'.repeat(40), '一'.repeat(40)], `${'一'.repeat(28)}(2)`],
    ['an empty or quote-wrapped name falls back', ["''"], 'Sheet'],
  ])('%s', (_, wanted, expected) => {
    const taken = new Set<string>();
    const names = wanted.map((name) => uniqueSheetName(name, taken));
    expect(names[names.length - 1]).toBe(expected);
    expect(new Set(names).size).toBe(names.length);
  });
});
