import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { Indicator, ProposedDefinition } from '../database/entities';

export class PutDefinitionDto {
  @ApiProperty({ example: '培训人次' }) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '产出指标' }) @IsOptional() @IsString() @MaxLength(32)
  level1?: string;

  @ApiPropertyOptional({ example: '数量指标' }) @IsOptional() @IsString() @MaxLength(32)
  level2?: string;

  @ApiProperty({ example: '≥200人次', description: '年度指标值, read by parseTarget' }) @IsString() @MaxLength(200)
  annualTarget!: string;

  @ApiPropertyOptional({ example: '≥100人次' }) @IsOptional() @IsString() @MaxLength(200)
  periodTarget?: string;
}

export class DefinitionDto {
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ enum: ['proposed', 'accepted'] }) status!: 'proposed' | 'accepted';
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) level1!: string | null;
  @ApiProperty({ type: String, nullable: true }) level2!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the parsed 年度指标值' }) annualTarget!: object;
  @ApiProperty({ type: String, nullable: true }) proposedBy!: string | null;

  static proposed(indicator: Indicator, proposal: ProposedDefinition): DefinitionDto {
    const { name, level1, level2, annualTarget } = proposal;
    return { indicatorId: indicator.id, status: 'proposed', name, level1, level2, annualTarget, proposedBy: indicator.proposedBy };
  }
}
