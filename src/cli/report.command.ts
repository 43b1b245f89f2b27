import { Command, InvalidArgumentError, Option } from 'commander';
import type { ReportFormat } from '../database/entities';
import type { GeneratedReportKind } from '../reports/reports.queue';

/** The names operators type, as on the paper forms: 自评表, 自评报告, 监控表. */
export const CLI_REPORT_KINDS: Record<string, GeneratedReportKind> = {
  ziping: 'self_evaluation',
  baogao: 'self_evaluation_report',
  jiankong: 'monitoring',
};

const EXIT_SOME_FAILED = 2;

function formatList(value: string): ReportFormat[] {
  const formats = value.split(',').map((format) => format.trim());
  const unknown = formats.filter((format) => format !== 'xlsx' && format !== 'pdf');
  if (unknown.length > 0) throw new InvalidArgumentError(`未知格式 ${unknown.join(', ')}，可选 xlsx、pdf`);
  return formats as ReportFormat[];
}

function year(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('年度应为四位数字，如 2025');
  return Number(value);
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('生成自评表(ziping)、自评报告(baogao)或监控表(jiankong)，存入数据库并写出文件')
    .addOption(new Option('--kind <kind>', '报告类型').choices(Object.keys(CLI_REPORT_KINDS)).makeOptionMandatory())
    .requiredOption('--year <year>', '预算年度，如 2025', year)
    .option('--unit <unit>', '单位编码、名称或 id；省略时为该期间有项目的全部单位')
    .option('--period <period>', '期间，如 2025-H1；自评表和自评报告默认全年，监控表默认 1-6月')
    .option('--format <formats>', '逗号分隔：xlsx,pdf（默认该类型的全部格式）', formatList)
    .option('--out <dir>', '文件写到此目录', '.')
    .action(async (options: { kind: string; year: number; unit?: string; period?: string; format?: ReportFormat[]; out: string }) => {
      const { generateReportFiles } = await import('./report-files');
      const kind = CLI_REPORT_KINDS[options.kind];
      const period = options.period ?? (kind === 'monitoring' ? `${options.year}-H1` : String(options.year));
      const results = await generateReportFiles({ kind, period, unit: options.unit, formats: options.format, outDir: options.out });
      for (const result of results) console.log(result.line);
      if (results.some((result) => !result.ok)) process.exitCode = EXIT_SOME_FAILED;
    });
}
