import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateBy,
} from 'class-validator';
import { PageQueryDto } from '../common/page.dto';
import type { Report, ReportFormat, ReportSchedule, ReportStatus } from '../database/entities';
import { REPORT_FORMATS, REPORT_KINDS, REPORT_STATUSES } from '../database/entities';
import { isValidTimeZone, PERIOD_RULE_PATTERN } from './report-period';
import type { GeneratedReportKind } from './reports.queue';

const GENERATED_KINDS = REPORT_KINDS.filter((kind) => kind !== 'reminder');
const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
/** Five fields, or six with seconds first, as BullMQ's cron parser reads them. */
const CRON = /^\S+( \S+){4,5}$/;

export class CreateReportDto {
  @ApiProperty({ enum: GENERATED_KINDS, description: '自评表 / 自评报告 / 监控表' })
  @IsIn(GENERATED_KINDS)
  kind!: GeneratedReportKind;

  @ApiProperty({ example: '2025', description: '2025 for a 自评表, 2025-H1 (1–6月) for a 监控表' })
  @Matches(PERIOD, { message: 'period 应为 2025、2025-H1、2025-Q3 或 2025-07 之一' })
  period!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one unit; every unit with projects in the period when absent' })
  @IsOptional() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, isArray: true, description: 'default: every format the kind has' })
  @IsOptional() @ArrayNotEmpty() @ArrayUnique() @IsIn(REPORT_FORMATS, { each: true })
  formats?: ReportFormat[];
}

export class ListReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_KINDS })
  @IsOptional() @IsIn(REPORT_KINDS)
  kind?: GeneratedReportKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  unit?: string;

  @ApiPropertyOptional({ example: '2025' })
  @IsOptional() @Matches(PERIOD, { message: 'period 应为 2025、2025-H1、2025-Q3 或 2025-07 之一' })
  period?: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format!: ReportFormat;
  @ApiProperty() period!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) scheduleId!: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the last run failed, in Chinese' }) error!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestedBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
  @ApiProperty({ example: '/reports/…/file' }) fileUrl!: string;

  static from(row: Report): ReportDto {
    const { id, kind, format, period, unitId, scheduleId, status, fileName, sizeBytes, sha256, error, requestedBy, createdAt, finishedAt } = row;
    return {
      id, kind, format, period, unitId, scheduleId, status, fileName, sizeBytes, sha256, error, requestedBy, createdAt, finishedAt,
      fileUrl: `/reports/${id}/file`,
    };
  }
}

export class ReportPageDto {
  @ApiProperty({ type: [ReportDto] }) items!: ReportDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UpdateReportScheduleDto {
  @ApiPropertyOptional({ example: '0 8 10 7 *', description: 'cron, 5 fields (or 6 with seconds first)' })
  @IsOptional() @Matches(CRON, { message: 'cron 应为 5 段（或以秒开头的 6 段）的 cron 表达式' })
  cron?: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptional()
  @ValidateBy({ name: 'isTimeZone', validator: { validate: (value) => typeof value === 'string' && isValidTimeZone(value), defaultMessage: () => 'timezone 不是有效的 IANA 时区' } })
  timezone?: string;

  @ApiPropertyOptional({ example: 'current-H1', description: '<previous|current>-<year|H1|H2|Q1…Q4|month>' })
  @IsOptional() @Matches(PERIOD_RULE_PATTERN, { message: 'periodRule 应形如 previous-year、current-H1、current-Q3、previous-month' })
  periodRule?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, isArray: true })
  @IsOptional() @ArrayNotEmpty() @ArrayUnique() @IsIn(REPORT_FORMATS, { each: true })
  formats?: ReportFormat[];

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'only this unit; null for every unit' })
  @IsOptional() @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'only this department’s units' })
  @IsOptional() @IsUUID()
  departmentId?: string | null;
}

export class ReportScheduleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: string;
  @ApiProperty({ enum: REPORT_FORMATS, isArray: true }) formats!: ReportFormat[];
  @ApiProperty() cron!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty() periodRule!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: Date, nullable: true }) lastRunAt!: Date | null;

  static from(row: ReportSchedule): ReportScheduleDto {
    const { id, kind, formats, cron, timezone, periodRule, unitId, departmentId, enabled, lastRunAt } = row;
    return { id, kind, formats, cron, timezone, periodRule, unitId, departmentId, enabled, lastRunAt };
  }
}
