import { type Command, InvalidArgumentError } from 'commander';

function budgetYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InvalidArgumentError('年度应为 2000–2100 之间的整数');
  return year;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function departmentId(text: string): string {
  if (!UUID.test(text)) throw new InvalidArgumentError('部门应为部门 id (uuid)');
  return text;
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('重新评分一个年度（或其中一个部门）的全部项目，由运行中的 worker 完成，显示进度')
    .requiredOption('--year <year>', '预算年度', budgetYear)
    .option('--department <id>', '只评该部门 (id)', departmentId)
    .option('--period <period>', '期间，默认为全年，如 2025-06')
    .action(async (options: { year: number; department?: string; period?: string }) => {
      const { evaluateYear } = await import('./evaluate-year');
      const { done, total } = await evaluateYear({ year: options.year, departmentId: options.department, period: options.period });
      console.log(`✓ ${done}/${total} 个项目已评分`);
    });
}
