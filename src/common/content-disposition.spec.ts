import { contentDisposition } from './content-disposition';

describe(contentDisposition.name, () => {
  it('carries the Chinese name as RFC 5987 UTF-8 and an ASCII fallback', () => {
    const header = contentDisposition('广州市协作办公室-2025年度项目支出绩效自评表.xlsx', 'report-1.xlsx');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1];
    expect(header.startsWith('attachment; filename="report-1.xlsx"; ')).toBe(true);
    expect(decodeURIComponent(encoded)).toBe('广州市协作办公室-2025年度项目支出绩效自评表.xlsx');
  });

  it.each([
    ['parentheses and quotes', "单位（一）(2) 'x'*.pdf"],
    ['spaces and semicolons', 'a b;c.pdf'],
  ])('percent-encodes %s so the value stays one token', (_scenario, name) => {
    const encoded = /filename\*=UTF-8''(.+)$/.exec(contentDisposition(name, 'r.pdf'))![1];
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('keeps the fallback a quoted ASCII string', () => {
    expect(contentDisposition('x.pdf', '自评"表.pdf')).toContain('filename="____.pdf"');
  });
});
