import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { withoutShapingTables } from './pdf-document';

describe(withoutShapingTables.name, () => {
  const original = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  const stripped = withoutShapingTables(original);
  const tags = (font: Buffer) =>
    Array.from({ length: font.readUInt16BE(4) }, (_, index) => font.toString('latin1', 12 + index * 16, 16 + index * 16));

  it('removes GSUB and GPOS from the table directory and keeps every other table', () => {
    expect(tags(stripped)).toEqual(tags(original).filter((tag) => tag !== 'GSUB' && tag !== 'GPOS'));
  });

  it('lays out Chinese text at the same width as the full font', () => {
    const text = '项目支出绩效自评表（2025年度）：≥90%';
    const width = (font: Buffer) => new PDFDocument({ autoFirstPage: false }).font(font).fontSize(10).widthOfString(text);
    expect(width(stripped)).toBe(width(original));
  });
});
