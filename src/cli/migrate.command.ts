import type { Command } from 'commander';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移 (DATABASE_URL)')
    .action(async () => {
      const { migrate } = await import('./migrate');
      const applied = await migrate();
      console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新');
    });
}
