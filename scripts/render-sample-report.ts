/**
 * Renders the sample 自评表, 自评报告 and 监控表 (PDF and XLSX) into a temporary folder and turns page 1 of
 * each PDF into a PNG in docs/ with poppler's pdftoppm, to check by eye that Chinese renders and the layout holds.
 * Usage: npm run build && node dist/scripts/render-sample-report.js
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  renderMonitoringPdf,
  renderMonitoringXlsx,
  renderSelfEvaluationPdf,
  renderSelfEvaluationXlsx,
} from '../src/reports/report-renderers';
import { sampleMonitoringSheet, sampleSelfEvaluationContext, sampleSelfEvaluationSheet } from '../src/reports/sample-reports';
import { buildSelfEvaluationNarrative } from '../src/reports/self-evaluation-narrative';
import { renderSelfEvaluationReportPdf } from '../src/reports/self-evaluation-report-pdf';

async function main(outDir: string, pngDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const sheet = sampleSelfEvaluationSheet();
  const files: [string, Buffer][] = [
    ['ziping-sample.pdf', await renderSelfEvaluationPdf([sheet])],
    ['ziping-sample.xlsx', await renderSelfEvaluationXlsx([sheet])],
    ['ziping-report-sample.pdf', await renderSelfEvaluationReportPdf(buildSelfEvaluationNarrative(sheet, sampleSelfEvaluationContext()))],
    ['jiankong-sample.pdf', await renderMonitoringPdf(sampleMonitoringSheet())],
    ['jiankong-sample.xlsx', await renderMonitoringXlsx(sampleMonitoringSheet())],
  ];
  for (const [name, bytes] of files) {
    const path = join(outDir, name);
    writeFileSync(path, bytes);
    console.log(`${path}\t${bytes.length} bytes`);
    if (name.endsWith('.pdf')) {
      const png = join(pngDir, name.replace(/\.pdf$/, ''));
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', path, png]);
      console.log(`${png}.png`);
    }
  }
}

main(join(tmpdir(), 'jixiao-samples'), 'docs').catch((error) => {
  console.error(error);
  process.exit(1);
});
