import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { WARNING_LIGHTS } from '../database/entities';
import { FlagDto } from '../projects/project.dto';

const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const PERIOD_MESSAGE = 'period 应为 2025、2025-H1、2025-Q3 或 2025-07 之一';

export class ScoreQueryDto {
  @ApiPropertyOptional({ example: '2025', description: "defaults to the project's budget year" })
  @IsOptional() @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;
}

export class EvaluateRequestDto {
  @ApiProperty({ example: 2025 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '2025-06', description: 'defaults to the year' })
  @IsOptional() @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;
}

export class EvaluateAcceptedDto {
  @ApiProperty() jobId!: string;
}

export class IndicatorScoreDto {
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['met', 'partially_met', 'not_met', 'pending', 'not_scorable'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) ratio!: string | null;
  @ApiProperty({ type: String, nullable: true }) score!: string | null;
  @ApiProperty({ type: String, nullable: true }) weight!: string | null;
  @ApiProperty({ description: '`text`: target, actual, formula and weight in a sentence a reviewer can read; `overAchieved`, `issue` and the monitoring `light` when they apply' })
  explanation!: Record<string, unknown>;
}

export class ProjectScoreDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ type: String, nullable: true }) score!: string | null;
  @ApiProperty({ type: String, nullable: true }) grade!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '执行率 in %' }) executionRate!: string | null;
  @ApiProperty({ type: String, nullable: true }) executionScore!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: WARNING_LIGHTS, description: '双监控 light of a monitoring period; blue is over-achievement' }) light!: string | null;
  @ApiProperty() explanation!: Record<string, unknown>;
  @ApiProperty({ type: Date, nullable: true }) computedAt!: Date | null;
  @ApiProperty({ description: 'inputs changed after the score was computed; a new one is on its way' }) stale!: boolean;
  @ApiProperty({ type: [IndicatorScoreDto] }) indicators!: IndicatorScoreDto[];
  @ApiProperty({ type: [FlagDto], description: 'open flags of the project, its indicators and this period' }) flags!: FlagDto[];
}

export class FailedJobDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() data!: Record<string, unknown>;
  @ApiProperty() failedReason!: string;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty({ type: Date, nullable: true }) finishedAt!: Date | null;
}
