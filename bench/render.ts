/**
 * Renders 200 自评表 as XLSX and as PDF, one project per file, in this process, to size the reports
 * benchmark. Baselines from the same run: a one-cell workbook, and a one-line PDF embedding the same font.
 * Usage: npm run build && npm run bench:render [-- count]
 */
import ExcelJS from 'exceljs';
import { renderSelfEvaluationPdf, renderSelfEvaluationXlsx } from '../src/reports/report-renderers';
import { sampleSelfEvaluationSheet } from '../src/reports/sample-reports';
import { createPdf, finishPdf, REGULAR_FONT } from '../src/reports/pdf-document';

interface Measure {
  label: string;
  msPerReport: number;
  averageBytes: number;
}

async function measure(label: string, count: number, render: (index: number) => Promise<Buffer>): Promise<Measure> {
  await render(count);
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index++) bytes += (await render(index)).length;
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { label, msPerReport: elapsedMs / count, averageBytes: bytes / count };
}

async function oneCellWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet').getCell('A1').value = '项目支出绩效自评表';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function oneLinePdf(): Promise<Buffer> {
  const doc = await createPdf('baseline');
  doc.addPage({ size: 'A4' });
  doc.font(REGULAR_FONT).fontSize(10).text('项目支出绩效自评表');
  return finishPdf(doc);
}

async function main(count: number): Promise<void> {
  const sheets = Array.from({ length: count + 1 }, (_, index) => sampleSelfEvaluationSheet(index));
  const results = [
    await measure('baseline: one-cell XLSX', count, oneCellWorkbook),
    await measure('自评表 XLSX', count, (index) => renderSelfEvaluationXlsx([sheets[index]])),
    await measure('baseline: one-line PDF, same font', count, oneLinePdf),
    await measure('自评表 PDF', count, (index) => renderSelfEvaluationPdf([sheets[index]])),
  ];
  console.log(`${count} reports each, one project per file, Node ${process.version}`);
  console.log('| what | ms per report | average size (KB) |');
  console.log('| --- | ---: | ---: |');
  for (const { label, msPerReport, averageBytes } of results) {
    console.log(`| ${label} | ${msPerReport.toFixed(1)} | ${(averageBytes / 1024).toFixed(1)} |`);
  }
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main(Number(process.argv[2] ?? 200)).catch((error) => {
  console.error(error);
  process.exit(1);
});
