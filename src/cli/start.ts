import { ChildProcess, fork } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.validation';
import { databaseOptions } from '../database/database.options';
import { describeImport, importFiles } from './import-files';
import { migrate } from './migrate';

export async function start(samplesDir: string): Promise<void> {
  const env = validateEnvironment(process.env);
  const applied = await migrate();
  if (applied.length) console.log(`已执行迁移：${applied.join(', ')}`);

  if (await isEmpty(env.DATABASE_URL)) {
    const files = (await readdir(samplesDir)).sort().map((name) => join(samplesDir, name));
    console.log(`数据库为空，导入 ${samplesDir} 中的 ${files.length} 个示例文件`);
    (await importFiles(files)).forEach((row) => console.log(describeImport(row)));
  }

  const children = ['main.js', 'worker.js'].map((entry) => fork(join(__dirname, '..', entry), { stdio: 'inherit' }));
  superviseTogether(children);
  console.log(`API: http://localhost:${env.PORT}/docs`);
}

async function isEmpty(url: string): Promise<boolean> {
  const dataSource = await new DataSource(databaseOptions(url)).initialize();
  try {
    const [{ exists }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM "imports") AS "exists"');
    return !exists;
  } finally {
    await dataSource.destroy();
  }
}

/** Signals go to both children; when one exits, the other is stopped and its exit code becomes ours. */
function superviseTogether(children: ChildProcess[]): void {
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    children.forEach((child) => child.exitCode === null && child.kill(signal));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal));
  for (const child of children) {
    child.on('exit', (code) => {
      if (!stopping) process.exitCode = code ?? 1;
      stopAll('SIGTERM');
    });
  }
}
