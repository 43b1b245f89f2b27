import { parsePeriod, Period } from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import type { ReportFormat } from '../database/entities';
import { ReportDataLoader } from './report-data-loader.service';
import { monthRangeLabel } from './report-format';
import {
  buildSelfEvaluationNarrative,
  renderMonitoringPdf,
  renderMonitoringXlsx,
  renderSelfEvaluationPdf,
  renderSelfEvaluationReportPdf,
  renderSelfEvaluationXlsx,
} from './report-renderers';
import { monitoringProject, ProjectRow, selfEvaluationContext, selfEvaluationSheet } from './report-rows';
import { ReportStore } from './report-store.service';
import { GenerateReportData } from './reports.queue';

const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\x00-\x1f]/g;

/** Stored data that cannot make the report: the run fails at once with this message, without retries. */
export class ReportDataError extends Error {}

export interface RenderedReport {
  format: ReportFormat;
  fileName: string;
  content: Buffer;
}

export interface GenerationResult {
  files: RenderedReport[];
  /** Why the stored data could not make the report, as also written to its rows. */
  error: string | null;
}

/** Loads one unit's data for a period, renders the requested formats and stores each file in its `reports` row. */
@Injectable()
export class ReportGenerator {
  private readonly logger = new Logger(ReportGenerator.name);

  constructor(
    private readonly loader: ReportDataLoader,
    private readonly store: ReportStore,
  ) {}

  async generate(job: GenerateReportData): Promise<GenerationResult> {
    const data = { ...job, formats: await this.store.markRendering(job) };
    let files: RenderedReport[];
    try {
      files = await this.render(data);
    } catch (error) {
      if (!(error instanceof ReportDataError)) throw error;
      await this.store.markFailed(data, error.message);
      return { files: [], error: error.message };
    }
    for (const file of files) await this.store.saveFile(data, file.format, file.fileName, file.content);
    this.logger.log(`report ${data.kind} ${data.unitId} ${data.period}: ${files.map((f) => `${f.format} ${f.content.length} B`).join(', ')}`);
    return { files, error: null };
  }

  private async render(data: GenerateReportData): Promise<RenderedReport[]> {
    const period = parsePeriod(data.period);
    const projects = await this.loader.projects(data.unitId, period);
    if (projects.length === 0) throw new ReportDataError(`该单位在 ${period.text} 期间没有项目，无法生成报告`);
    const indicators = await this.loader.indicators(projects.map((project) => project.id), period);
    const unitName = projects[0].unitName;
    const file = (format: ReportFormat, title: string, content: Buffer): RenderedReport => ({
      format,
      fileName: `${unitName}-${title}.${format}`.replace(UNSAFE_IN_FILE_NAMES, '_'),
      content,
    });

    if (data.kind === 'monitoring') {
      const sheet = {
        year: period.year,
        throughMonth: period.throughMonth,
        department: projects[0].departmentName ?? unitName,
        unitName,
        projects: projects.map((project) => monitoringProject(project, indicators.get(project.id)!, period)),
      };
      const title = `${period.year}年${monthRangeLabel(period.throughMonth)}绩效监控表`;
      return Promise.all(
        data.formats.map(async (format) =>
          file(format, title, await (format === 'xlsx' ? renderMonitoringXlsx(sheet) : renderMonitoringPdf(sheet))),
        ),
      );
    }

    requireScores(projects, period);
    const sheets = projects.map((project) => selfEvaluationSheet(project, indicators.get(project.id)!, period.year));
    if (data.kind === 'self_evaluation_report') {
      const narratives = sheets.map((sheet, index) =>
        buildSelfEvaluationNarrative(sheet, selfEvaluationContext(projects[index], indicators.get(projects[index].id)!, period)),
      );
      const title = `${period.year}年度项目支出绩效自评报告`;
      // A unit with several projects gets one document: each project's report becomes a numbered part.
      const report =
        narratives.length === 1
          ? narratives[0]
          : {
              title: `${unitName}${title}`,
              subtitle: `共${narratives.length}个项目`,
              sections: narratives.map(({ title: heading, sections }) => ({ heading, paragraphs: [], subsections: sections })),
            };
      return [file('pdf', title, await renderSelfEvaluationReportPdf(report))];
    }
    const title = `${period.year}年度项目支出绩效自评表`;
    return Promise.all(
      data.formats.map(async (format) =>
        file(format, title, await (format === 'xlsx' ? renderSelfEvaluationXlsx(sheets) : renderSelfEvaluationPdf(sheets))),
      ),
    );
  }
}

/** A 自评表 shows the evaluation's 总分 and grade; it is never made for a project that has none. */
function requireScores(projects: ProjectRow[], period: Period): void {
  const unscored = projects.filter((project) => project.score === null || project.grade === null);
  if (unscored.length > 0) {
    const names = unscored.slice(0, 5).map((project) => `“${project.name}”`).join('、');
    throw new ReportDataError(
      `${unscored.length} 个项目尚无 ${period.text} 期间的评分（${names}${unscored.length > 5 ? '等' : ''}），请先完成评分再生成自评表`,
    );
  }
}
