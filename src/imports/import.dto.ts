import { ApiProperty } from '@nestjs/swagger';
import type { Import, ImportStatus, ImportWarning } from '../database/entities';
import { IMPORT_STATUSES } from '../database/entities';

export class ImportResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: ImportStatus;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) departmentId!: string | null;
  @ApiProperty() projectCount!: number;
  @ApiProperty() indicatorCount!: number;
  @ApiProperty() flagCount!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) warnings!: ImportWarning[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'why it failed: { code, message, details }' })
  error!: { code: string; message: string; details: Record<string, unknown> } | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;

  static from(row: Import): ImportResponseDto {
    return {
      id: row.id,
      fileName: row.fileName,
      sha256: row.sha256,
      sizeBytes: row.sizeBytes,
      status: row.status,
      year: row.year,
      departmentId: row.departmentId,
      projectCount: row.projectCount,
      indicatorCount: row.indicatorCount,
      flagCount: row.flagCount,
      warnings: row.warnings,
      error: row.errorCode
        ? { code: row.errorCode, message: row.errorMessage ?? '', details: row.errorDetails ?? {} }
        : null,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
    };
  }
}
