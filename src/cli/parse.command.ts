import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DocumentError, LAYOUT_NAMES, parseDocument, type ParsedDocument } from '@app/importer';

const EXIT_UNPARSABLE = 2;

function summary(fileName: string, layout: string, document: ParsedDocument): string {
  const lines = [
    `${fileName}：版式 ${layout}，部门 ${document.department ?? '（未注明）'}，年度 ${document.year ?? '（未注明）'}`,
    `项目 ${document.projects.length} 个，指标 ${document.projects.reduce((sum, project) => sum + project.indicators.length, 0)} 个`,
  ];
  for (const project of document.projects) {
    const targets = project.indicators.flatMap((indicator) => [indicator.annualTarget, indicator.periodTarget]);
    const unreadable = targets.filter((target) => target && (target.kind === 'placeholder' || target.kind === 'missing')).length;
    const warning = project.indicators.length === 0 ? '  ⚠ 无绩效指标' : unreadable > 0 ? `  ⚠ ${unreadable} 个指标值待补充或缺失` : '';
    lines.push(`  ${project.name}：${project.indicators.length} 个指标${warning}`);
  }
  return lines.join('\n');
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('解析绩效目标表（文本、TSV/CSV、Markdown 表格或 XLSX）')
    .argument('<file>', '要解析的文件')
    .option('--json', '按 parsed-document 格式输出 JSON')
    .option('--layout <name>', `指定版式（${LAYOUT_NAMES.join(' / ')}）`)
    .action(async (file: string, options: { json?: boolean; layout?: string }) => {
      try {
        const content = await readFile(file).catch((error: NodeJS.ErrnoException) => {
          throw new DocumentError('UNREADABLE', `${file}：无法读取文件（${error.code ?? error.message}）`, { fileName: file });
        });
        const { layout, ...document } = await parseDocument({ fileName: file, content }, { layout: options.layout });
        process.stdout.write(options.json ? `${JSON.stringify(document, null, 2)}\n` : `${summary(file, layout, document)}\n`);
      } catch (error) {
        if (!(error instanceof DocumentError)) throw error;
        console.error(`${error.message} [${error.code}]`);
        process.exitCode = EXIT_UNPARSABLE;
      }
    });
}
