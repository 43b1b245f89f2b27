import type { Command } from 'commander';

const EXIT_SOME_FAILED = 2;

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入绩效目标文件到数据库（同一文件只导入一次）')
    .argument('<files...>', '要导入的文件')
    .action(async (files: string[]) => {
      const { describeImport, importFiles } = await import('./import-files');
      const results = await importFiles(files);
      results.forEach((row) => console.log(describeImport(row)));
      if (results.some((row) => row.status !== 'succeeded')) process.exitCode = EXIT_SOME_FAILED;
    });
}
