import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Submission } from '../database/entities';

export class ReviewDto {
  @ApiPropertyOptional({ description: 'a note on approval' }) @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}

export class ReasonDto {
  @ApiProperty({ description: '退回 / 重新打开的原因' }) @IsString() @MinLength(1) @MaxLength(2000)
  reason!: string;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'approved', 'returned'] }) status!: string;
  @ApiProperty({ description: 'entries cannot change while locked' }) locked!: boolean;
  @ApiProperty({ type: String, nullable: true }) submittedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) reviewedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) reviewedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'set when an approved period was reopened' }) reopenedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) reopenedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;

  static from(row: Submission, locked: boolean): SubmissionDto {
    const { unitId, period, status, submittedBy, submittedAt, reviewedBy, reviewedAt, reopenedAt, reopenedBy, reason } = row;
    return { unitId, period, status, locked, submittedBy, submittedAt, reviewedBy, reviewedAt, reopenedAt, reopenedBy, reason };
  }
}
