import { parsePeriod } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Report, ReportFormat, Unit } from '../database/entities';
import { CreateReportDto, ListReportsQueryDto, ReportDto, ReportPageDto } from './report.dto';
import { ReportDataLoader } from './report-data-loader.service';
import { ReportsProducer } from './reports.producer';
import { GeneratedReportKind, KIND_FORMATS } from './reports.queue';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function formatsFor(kind: GeneratedReportKind, wanted: ReportFormat[] | undefined): ReportFormat[] {
  const supported = KIND_FORMATS[kind];
  const formats = wanted ?? [...supported];
  const unsupported = formats.filter((format) => !supported.includes(format));
  if (unsupported.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${kind} 报告只能生成 ${supported.join('、')} 格式，不支持 ${unsupported.join('、')}`, {
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

  /** Queues one job per unit; each returns its rows, which turn `ready` (or `failed`) when the worker is done. */
  async request(dto: CreateReportDto, requestedBy: string | null): Promise<ReportDto[]> {
    const formats = formatsFor(dto.kind, dto.formats);
    const period = parsePeriod(dto.period);
    if (dto.unitId && !(await this.units.existsBy({ id: dto.unitId }))) {
      throw new AppError('NOT_FOUND', `单位 ${dto.unitId} 不存在`, { unitId: dto.unitId });
    }
    const unitIds = dto.unitId
      ? [dto.unitId]
      : (await this.loader.units(period, { unitId: null, departmentId: null })).map((unit) => unit.id);
    const rows: Report[] = [];
    for (const unitId of unitIds) {
      rows.push(...(await this.producer.enqueue({ kind: dto.kind, unitId, period: period.text, formats, scheduleId: null }, requestedBy)));
    }
    return rows.map(ReportDto.from);
  }

  async list(query: ListReportsQueryDto): Promise<ReportPageDto> {
    const [rows, total] = await this.reports.findAndCount({
      where: { kind: query.kind, unitId: query.unit, period: query.period },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(ReportDto.from), total, page: query.page, pageSize: query.pageSize };
  }

  async file(id: string): Promise<Report & { content: Buffer }> {
    const row = await this.reports.findOne({ where: { id }, select: { id: true, format: true, fileName: true, content: true, status: true } });
    if (!row) throw new AppError('NOT_FOUND', `报告 ${id} 不存在`, { id });
    if (row.content === null) {
      throw new AppError('CONFLICT', `报告 ${id} 尚未生成（状态：${row.status}）`, { id, status: row.status });
    }
    return row as Report & { content: Buffer };
  }
}
