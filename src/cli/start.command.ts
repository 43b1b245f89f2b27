import type { Command } from 'commander';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('迁移数据库；数据库为空时导入示例文件；然后启动 API 和 worker 两个进程')
    .option('--samples <dir>', '数据库为空时导入的目录', 'samples')
    .action(async (options: { samples: string }) => {
      const { start } = await import('./start');
      await start(options.samples);
    });
}
