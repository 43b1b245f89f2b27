import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Report, ReportFormat } from '../database/entities';
import type { GenerateReportData } from './reports.queue';

/** The `reports` rows: one per (kind, unit, period, format), replaced by every run. */
@Injectable()
export class ReportStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Marks the rows of a run as queued (creating them the first time) and returns them. */
  async queue(data: GenerateReportData, requestedBy: string | null): Promise<Report[]> {
    return this.dataSource.query(
      `INSERT INTO reports (kind, format, period, "unitId", "departmentId", "scheduleId", "requestedBy", status)
       SELECT $1, format, $3, u.id, u."departmentId", $4, $5, 'queued'
       FROM unnest($2::report_format[]) AS format, units u WHERE u.id = $6
       ON CONFLICT (kind, "unitId", period, format) DO UPDATE
         SET status = 'queued', error = NULL, "scheduleId" = EXCLUDED."scheduleId", "requestedBy" = EXCLUDED."requestedBy",
             "createdAt" = now(), "finishedAt" = NULL
       RETURNING id, kind, format, period, "unitId", "departmentId", "scheduleId", status, "fileName", "sizeBytes",
                 sha256, error, "requestedBy", "createdAt", "finishedAt"`,
      [data.kind, data.formats, data.period, data.scheduleId, requestedBy, data.unitId],
    );
  }

  /** The job's formats, and any other of the scope's rows queued by requests that collapsed onto this job. */
  async markRendering(data: GenerateReportData): Promise<ReportFormat[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [{ format: ReportFormat }[], number] = await this.dataSource.query(
      `UPDATE reports SET status = 'rendering'
       WHERE kind = $1 AND "unitId" = $2 AND period = $3 AND (format = ANY($4::report_format[]) OR status = 'queued')
       RETURNING format`,
      [data.kind, data.unitId, data.period, data.formats],
    );
    return rows.map((row) => row.format).sort();
  }

  async saveFile(data: GenerateReportData, format: ReportFormat, fileName: string, content: Buffer): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = 'ready', "fileName" = $5, content = $6, "sizeBytes" = $7, sha256 = $8, error = NULL, "finishedAt" = now()
       WHERE kind = $1 AND "unitId" = $2 AND period = $3 AND format = $4`,
      [data.kind, data.unitId, data.period, format, fileName, content, content.length, createHash('sha256').update(content).digest('hex')],
    );
  }

  async markFailed(data: GenerateReportData, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reports SET status = 'failed', error = $5, "finishedAt" = now()
       WHERE kind = $1 AND "unitId" = $2 AND period = $3 AND (format = ANY($4::report_format[]) OR status = 'rendering')`,
      [data.kind, data.unitId, data.period, data.formats, error],
    );
  }
}
