import { ReportSection, SelfEvaluationReport } from './report-data';
import { BOLD_FONT, createPdf, finishPdf, PAGE_MARGIN, REGULAR_FONT } from './pdf-document';

const BODY_SIZE = 11;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function numbered(index: number, depth: number): string {
  const numeral = CHINESE_NUMERALS[index] ?? String(index + 1);
  return depth === 0 ? `${numeral}、` : `（${numeral}）`;
}

function writeSection(doc: PDFKit.PDFDocument, section: ReportSection, index: number, depth: number): void {
  doc.moveDown(depth === 0 ? 0.8 : 0.4);
  doc.font(BOLD_FONT).fontSize(depth === 0 ? 13 : BODY_SIZE).text(numbered(index, depth) + section.heading);
  doc.moveDown(0.3);
  for (const paragraph of section.paragraphs) {
    doc.font(REGULAR_FONT).fontSize(BODY_SIZE).text(paragraph, { indent: 2 * BODY_SIZE, lineGap: 3, paragraphGap: 4 });
  }
  section.subsections.forEach((subsection, subIndex) => writeSection(doc, subsection, subIndex, depth + 1));
}

/** The 自评报告 as headed sections, numbered 一、 and （一） as official reports are. */
export async function renderSelfEvaluationReportPdf(report: SelfEvaluationReport): Promise<Buffer> {
  const doc = await createPdf(report.title);
  doc.addPage({ size: 'A4', margin: PAGE_MARGIN * 2 });
  doc.font(BOLD_FONT).fontSize(18).text(report.title, { align: 'center' });
  doc.font(REGULAR_FONT).fontSize(12).text(report.subtitle, { align: 'center' });
  report.sections.forEach((section, index) => writeSection(doc, section, index, 0));
  return finishPdf(doc);
}
