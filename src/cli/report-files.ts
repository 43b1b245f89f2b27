import { parsePeriod } from '@app/domain';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SingleBar } from 'cli-progress';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { ReportFormat } from '../database/entities';
import { ReportDataLoader } from '../reports/report-data-loader.service';
import { ReportGenerator } from '../reports/report-generator.service';
import { ReportStore } from '../reports/report-store.service';
import type { GeneratedReportKind } from '../reports/reports.queue';
import { formatsFor } from '../reports/reports.service';
import { CliModule } from './cli.module';

export interface ReportFilesRequest {
  kind: GeneratedReportKind;
  period: string;
  /** Unit code, name or id; every unit with projects in the period when absent. */
  unit?: string;
  formats?: ReportFormat[];
  outDir: string;
}

export interface UnitResult {
  ok: boolean;
  line: string;
}

/**
 * Generates in this process through the same ReportGenerator the worker uses, so the rows in `reports`
 * are replaced exactly as a queued run would; needs Postgres only.
 */
export async function generateReportFiles(request: ReportFilesRequest, { progress = process.stderr.isTTY } = {}): Promise<UnitResult[]> {
  const formats = formatsFor(request.kind, request.formats);
  const period = parsePeriod(request.period);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const bar = progress ? new SingleBar({ format: '生成 [{bar}] {value}/{total} {unit}' }) : undefined;
  try {
    const units: { id: string; name: string }[] = request.unit
      ? await app.get<DataSource>(getDataSourceToken()).query(`SELECT id, name FROM units WHERE code = $1 OR name = $1 OR id::text = $1`, [request.unit])
      : await app.get(ReportDataLoader).units(period, { unitId: null, departmentId: null });
    if (units.length === 0) return [{ ok: false, line: `✗ 找不到单位 ${request.unit ?? ''}（或该期间没有单位有项目）` }];
    await mkdir(request.outDir, { recursive: true });
    const store = app.get(ReportStore);
    const generator = app.get(ReportGenerator);
    const results: UnitResult[] = [];
    bar?.start(units.length, 0, { unit: '' });
    for (const unit of units) {
      bar?.update({ unit: unit.name });
      const data = { kind: request.kind, unitId: unit.id, period: period.text, formats, scheduleId: null };
      await store.queue(data, 'cli');
      const { files, error } = await generator.generate(data);
      for (const file of files) await writeFile(join(request.outDir, file.fileName), file.content);
      results.push(
        error === null
          ? { ok: true, line: `✓ ${unit.name}：${files.map((file) => join(request.outDir, file.fileName)).join('，')}` }
          : { ok: false, line: `✗ ${unit.name}：${error}` },
      );
      bar?.increment();
    }
    return results;
  } finally {
    bar?.stop();
    await app.close();
  }
}
