import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Caller } from '../auth/caller';
import { assertAllowed, canRead, readScopeCondition } from '../auth/scope';
import { AppError } from '../common/app-error';
import { periodOf } from '../common/period';
import { Report, ReportFormat, Unit } from '../database/entities';
import { CreateReportDto, ListReportsQueryDto, ReportDto, ReportPageDto } from './report.dto';
import { ReportDataLoader } from './report-data-loader.service';
import { ReportsProducer } from './reports.producer';
import { GeneratedReportKind, KIND_FORMATS, KIND_LABELS } from './reports.queue';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function formatsFor(kind: GeneratedReportKind, wanted: ReportFormat[] | undefined): ReportFormat[] {
  const supported = KIND_FORMATS[kind];
  const formats = wanted ?? [...supported];
  const unsupported = formats.filter((format) => !supported.includes(format));
  if (unsupported.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${KIND_LABELS[kind]}只能生成 ${supported.join('、')} 格式，不支持 ${unsupported.join('、')}`, {
      fields: { formats: [`unsupported for ${kind}: ${unsupported.join(', ')}`] },
    });
  }
  return formats;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectRepository(Report) private readonly reports: Repository<Report>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    private readonly loader: ReportDataLoader,
    private readonly producer: ReportsProducer,
  ) {}

  /**
   * Queues one job per unit; each returns its rows, which turn `ready` (or `failed`) when the worker is done.
   * A caller may ask for a unit it can read; every unit at once is for admins.
   */
  async request(caller: Caller, dto: CreateReportDto): Promise<ReportDto[]> {
    const formats = formatsFor(dto.kind, dto.formats);
    const period = periodOf(dto.period);
    if (dto.unitId) {
      const unit = await this.units.findOneBy({ id: dto.unitId });
      if (!unit) throw new AppError('NOT_FOUND', `单位 ${dto.unitId} 不存在`, { unitId: dto.unitId });
      assertAllowed(canRead(caller, { unitId: unit.id, departmentId: unit.departmentId }), `为单位“${unit.name}”生成报告`);
    } else {
      assertAllowed(caller.role === 'admin', '为全部单位生成报告');
    }
    const unitIds = dto.unitId
      ? [dto.unitId]
      : (await this.loader.units(period, { unitId: null, departmentId: null })).map((unit) => unit.id);
    const rows: Report[] = [];
    for (const unitId of unitIds) {
      rows.push(...(await this.producer.enqueue({ kind: dto.kind, unitId, period: period.text, formats, scheduleId: null }, caller.actor)));
    }
    return rows.map(ReportDto.from);
  }

  /** Newest first, limited to the units the caller may read. */
  async list(caller: Caller, { kind, unit, period, page, pageSize }: ListReportsQueryDto): Promise<ReportPageDto> {
    const query = this.reports
      .createQueryBuilder('report')
      .orderBy('report.createdAt', 'DESC')
      .addOrderBy('report.id')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const scope = readScopeCondition(caller, 'report');
    if (scope) query.andWhere(scope.sql, scope.params);
    if (kind) query.andWhere('report.kind = :kind', { kind });
    if (unit) query.andWhere('report.unitId = :unit', { unit });
    if (period) query.andWhere('report.period = :period', { period });
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(ReportDto.from), total, page, pageSize };
  }

  async file(caller: Caller, id: string): Promise<Report & { content: Buffer }> {
    const row = await this.reports.findOne({
      where: { id },
      select: { id: true, format: true, fileName: true, content: true, status: true, unitId: true, departmentId: true },
    });
    if (!row) throw new AppError('NOT_FOUND', `报告 ${id} 不存在`, { id });
    assertAllowed(canRead(caller, row), `下载报告 ${id}`);
    if (row.content === null) {
      throw new AppError('CONFLICT', `报告 ${id} 尚未生成（状态：${row.status}）`, { id, status: row.status });
    }
    return row as Report & { content: Buffer };
  }
}
