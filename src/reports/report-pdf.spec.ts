import { SelfEvaluationSheet } from './report-data';
import { renderMonitoringPdf, renderSelfEvaluationPdf } from './report-renderers';
import { sampleMonitoringSheet, sampleSelfEvaluationContext, sampleSelfEvaluationSheet } from './sample-reports';
import { buildSelfEvaluationNarrative } from './self-evaluation-narrative';
import { renderSelfEvaluationReportPdf } from './self-evaluation-report-pdf';
import { pdfPageTexts } from './testing/pdf-text';

const EMBEDDED_SUBSET = /\/BaseFont \/[A-Z]{6}\+NotoSansSC/;

function sheetWithManyIndicators(count: number): SelfEvaluationSheet {
  const sample = sampleSelfEvaluationSheet();
  return {
    ...sample,
    indicators: Array.from({ length: count }, (_, index) => ({
      ...sample.indicators[index % sample.indicators.length],
      name: `长表指标${String(index + 1).padStart(2, '0')}号`,
      deviationReason: '原因较长，需要折行显示：'.repeat(3),
    })),
  };
}

describe('自评表 PDF', () => {
  it('contains the project, its funds and every indicator name in an embedded Chinese font subset', async () => {
    const sheet = sampleSelfEvaluationSheet();

    const pdf = await renderSelfEvaluationPdf([sheet]);

    const [page] = pdfPageTexts(pdf);
    for (const text of [sheet.projectName, sheet.department, '项目资金（万元）', ...sheet.indicators.map(({ name }) => name)]) {
      expect(page).toContain(text);
    }
    expect(page).toContain(String(sheet.totalScore));
    expect(pdf.toString('latin1')).toMatch(EMBEDDED_SUBSET);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('starts every project on its own page', async () => {
    const sheets = [sampleSelfEvaluationSheet(1), sampleSelfEvaluationSheet(2)];

    const pages = pdfPageTexts(await renderSelfEvaluationPdf(sheets));

    expect(pages).toHaveLength(2);
    sheets.forEach((sheet, index) => expect(pages[index]).toContain(sheet.projectName));
  });

  it('breaks a long indicator table across pages, repeating its column headings, losing no row', async () => {
    const sheet = sheetWithManyIndicators(45);

    const pages = pdfPageTexts(await renderSelfEvaluationPdf([sheet]));

    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('偏差原因分析及改进措施');
      expect(page).toContain(`第${index + 1}页，共${pages.length}页`);
    });
    for (const { name } of sheet.indicators) {
      expect(pages.filter((page) => page.includes(name))).toHaveLength(1);
    }
    expect(pages[pages.length - 1]).toContain('总分');
  });
});

describe('监控表 PDF', () => {
  it('is landscape and holds every project and indicator with its likelihood and light', async () => {
    const sheet = sampleMonitoringSheet(4);

    const pdf = await renderMonitoringPdf(sheet);

    const text = pdfPageTexts(pdf).join('');
    for (const project of sheet.projects) {
      expect(text).toContain(project.name);
      for (const { name } of project.indicators) expect(text).toContain(name);
    }
    for (const label of ['1-6月执行数', '确定能', '有可能', '完全不可能', '红灯', '黄灯', '绿灯']) expect(text).toContain(label);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89\d* 595\.28\d*\]/);
  });
});

describe('自评报告 PDF', () => {
  it('has the title, the numbered outline and the narrative text', async () => {
    const report = buildSelfEvaluationNarrative(sampleSelfEvaluationSheet(), sampleSelfEvaluationContext());

    const text = pdfPageTexts(await renderSelfEvaluationReportPdf(report)).join('');

    expect(text).toContain(report.title);
    report.sections.forEach(({ heading }, index) => expect(text).toContain(`${'一二三四五六七'[index]}、${heading}`));
    expect(text).toContain(report.sections[4].paragraphs[0]);
  });
});
