import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsUrl, IsUUID, isUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Actual, ActualEntryColumns, ActualRevision } from '../database/entities';

/** A row as SQL returns it: the entry columns beside the others, not embedded. */
export type Flat<T extends { entry: ActualEntryColumns }> = Omit<T, 'entry'> & ActualEntryColumns;

export const flatten = <T extends { entry: ActualEntryColumns }>({ entry, ...rest }: T): Flat<T> => ({ ...rest, ...entry });
import { DEVIATION_CATEGORIES, type EntryInput, GRADE_CHOICES, POSSIBILITY_CHOICES } from './entry-values';

export class EvidenceDto {
  @ApiProperty({ example: '验收报告.pdf' }) @IsString() @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'https://example.org/files/1' }) @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ description: 'an uploaded file (POST …/evidence): sha256 of its content' }) @IsOptional() @Matches(/^[0-9a-f]{64}$/)
  sha256?: string;

  @ApiPropertyOptional({ description: 'an uploaded file’s size in bytes' }) @IsOptional() @IsInt() @Min(0)
  size?: number;
}

/** Field types beyond "present" are judged by readEntry against the indicator's target, with Chinese messages. */
export class PutActualDto implements EntryInput {
  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string' }], description: '定量指标的实际完成值（数字）' })
  @IsOptional()
  value?: unknown;

  @ApiPropertyOptional({ enum: [...GRADE_CHOICES, 'achieved', 'partial', 'not_achieved'], description: '定性指标的完成等级' })
  @IsOptional()
  grade?: unknown;

  @ApiPropertyOptional({ description: '说明' }) @IsOptional()
  text?: unknown;

  @ApiPropertyOptional({ enum: DEVIATION_CATEGORIES, description: '偏差原因类别' }) @IsOptional()
  deviationCategory?: unknown;

  @ApiPropertyOptional({ description: '偏差原因分析及改进措施' }) @IsOptional()
  deviationText?: unknown;

  @ApiPropertyOptional({ enum: [...POSSIBILITY_CHOICES, 'certain', 'possible', 'impossible'], description: '完成目标可能性（监控期间）' })
  @IsOptional()
  possibility?: unknown;

  @ApiPropertyOptional({ description: '相关建议或举措' }) @IsOptional()
  suggestion?: unknown;

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class BulkActualDto extends PutActualDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID()
  indicatorId!: string;

  @ApiPropertyOptional({ description: 'the version read; omitted = the current one' })
  @IsOptional() @IsInt() @Min(0)
  version?: number;
}

const PLAIN_BULK_FIELDS = new Set(['indicatorId', 'version', 'value', 'grade', 'text', 'deviationCategory', 'deviationText', 'possibility', 'suggestion']);

/**
 * A bulk row BulkActualDto accepts, recognised without class-validator (10 000 rows cost it about a second): the
 * fields readEntry judges, a UUID and a version that is a whole number ≥ 0. Rows with evidence, or anything
 * else, are validated by the DTO.
 */
export function isPlainBulkRow(row: unknown): row is BulkActualDto {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  for (const field in row) if (!PLAIN_BULK_FIELDS.has(field)) return false;
  const { indicatorId, version } = row as Record<string, unknown>;
  return typeof indicatorId === 'string' && isUUID(indicatorId) && (version == null || (Number.isInteger(version) && (version as number) >= 0));
}

export class ActualDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ example: '2025-H1' }) period!: string;
  @ApiProperty({ type: String, nullable: true, description: 'exact decimal' }) value!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['achieved', 'partial', 'not_achieved'] }) grade!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviationCategory!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviationText!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['certain', 'possible', 'impossible'] }) possibility!: string | null;
  @ApiProperty({ type: String, nullable: true }) suggestion!: string | null;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty() updatedAt!: Date;

  static from(row: Omit<Flat<Actual>, 'projectId' | 'createdAt'>): ActualDto {
    const { id, indicatorId, period, value, grade, text, deviationCategory, deviationText, possibility, suggestion, evidence, version, updatedBy, updatedAt } = row;
    return { id, indicatorId, period, value, grade, text, deviationCategory, deviationText, possibility, suggestion, evidence, version, updatedBy, updatedAt };
  }
}

export class ActualRevisionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) value!: string | null;
  @ApiProperty({ type: String, nullable: true }) grade!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviationCategory!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviationText!: string | null;
  @ApiProperty({ type: String, nullable: true }) possibility!: string | null;
  @ApiProperty({ type: String, nullable: true }) suggestion!: string | null;
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ description: 'changed after the period was approved and reopened' }) afterApproval!: boolean;
  @ApiProperty({ type: String, nullable: true }) changedBy!: string | null;
  @ApiProperty() changedAt!: Date;

  static from(row: Flat<ActualRevision>): ActualRevisionDto {
    const { version, value, grade, text, deviationCategory, deviationText, possibility, suggestion, evidence, afterApproval, changedBy, changedAt } = row;
    return { version, value, grade, text, deviationCategory, deviationText, possibility, suggestion, evidence, afterApproval, changedBy, changedAt };
  }
}

export class BulkResultDto {
  @ApiProperty() written!: number;
  @ApiProperty({ description: 'new version per indicator id', type: 'object', additionalProperties: { type: 'number' } })
  versions!: Record<string, number>;
}
