import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Import } from '../database/entities';
import { ImportRunner } from '../imports/import-runner.service';
import { ImportsService } from '../imports/imports.service';
import { CliModule } from './cli.module';

/**
 * Imports files in this process through the same ImportsService and ImportRunner the worker uses, so an
 * operator needs neither Redis nor a running worker; the result is identical to `POST /imports`.
 */
export async function importFiles(paths: string[], { progress = process.stderr.isTTY } = {}): Promise<Import[]> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const service = app.get(ImportsService);
  const runner = app.get(ImportRunner);
  const bar = progress ? new SingleBar({ format: '导入 [{bar}] {value}/{total} {file}' }) : undefined;
  bar?.start(paths.length, 0, { file: '' });
  const results: Import[] = [];
  try {
    for (const path of paths) {
      bar?.update({ file: basename(path) });
      const { import: row } = await service.register(basename(path), await readFile(path), 'cli');
      results.push(await runner.run(row.id));
      bar?.increment();
    }
  } finally {
    bar?.stop();
    await app.close();
  }
  return results;
}

export function describeImport(row: Import): string {
  return row.status === 'succeeded'
    ? `✓ ${row.fileName}：${row.projectCount} 个项目，${row.indicatorCount} 个指标，${row.flagCount} 个问题`
    : `✗ ${row.fileName}：${row.errorMessage ?? row.status} [${row.errorCode ?? ''}]`;
}
