import { renderFormsPdf } from './form-pdf';
import { renderFormsXlsx } from './form-xlsx';
import { monitoringForm } from './monitoring-form';
import { MonitoringSheet, SelfEvaluationSheet } from './report-data';
import { selfEvaluationForm } from './self-evaluation-form';

const SELF_EVALUATION_TITLE = '项目支出绩效自评表';

/** One worksheet per project. */
export function renderSelfEvaluationXlsx(sheets: SelfEvaluationSheet[]): Promise<Buffer> {
  return renderFormsXlsx(sheets.map(selfEvaluationForm));
}

/** Each project starts on a new page. */
export function renderSelfEvaluationPdf(sheets: SelfEvaluationSheet[]): Promise<Buffer> {
  return renderFormsPdf(SELF_EVALUATION_TITLE, sheets.map(selfEvaluationForm));
}

export function renderMonitoringXlsx(sheet: MonitoringSheet): Promise<Buffer> {
  return renderFormsXlsx([monitoringForm(sheet)]);
}

export function renderMonitoringPdf(sheet: MonitoringSheet): Promise<Buffer> {
  const form = monitoringForm(sheet);
  return renderFormsPdf(form.title, [form]);
}

export { buildSelfEvaluationNarrative } from './self-evaluation-narrative';
export { renderSelfEvaluationReportPdf } from './self-evaluation-report-pdf';
