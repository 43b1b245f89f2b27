import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/page.dto';
import { OrganisationRefDto } from '../projects/project.dto';

export const GRADES = ['优', '良', '中', '差'] as const;
export type GradeLabel = (typeof GRADES)[number];

/** Each sort has the direction a reviewer looks for first: largest budget, lowest score, lowest 执行率. */
export const SCORECARD_SORTS = ['name', 'budget', 'score', 'executionRate'] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const PERIOD_PATTERN = /^\d{4}(?:-(?:H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const PERIOD_MESSAGE = 'period 应为 2025、2025-H1、2025-Q3 或 2025-07 之一';
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ProjectScorecardQueryDto {
  @ApiPropertyOptional({ example: '2025-H1', description: "默认为项目所属年度 (e.g. '2025')" })
  @IsOptional() @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiPropertyOptional({ description: '只看核心（★）指标' })
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  keyOnly?: boolean;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional() @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'json';
}

export class ScorecardQueryDto extends IntersectionType(ProjectScorecardQueryDto, PageQueryDto) {
  @ApiProperty({ example: 2025 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: GRADES, description: 'only projects of this grade' })
  @IsOptional() @IsIn(GRADES)
  grade?: GradeLabel;

  @ApiPropertyOptional({ example: 'R04', description: 'only projects with an open flag of this code' })
  @IsOptional() @IsString() @Matches(/^[A-Z0-9_]{1,64}$/)
  flag?: string;

  @ApiPropertyOptional({ example: 60, description: 'only projects whose 执行率 (%) is below this' })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(0) @Max(1000)
  executionBelow?: number;

  @ApiPropertyOptional({ enum: SCORECARD_SORTS, default: 'name' })
  @IsOptional() @IsIn(SCORECARD_SORTS)
  sort: ScorecardSort = 'name';
}

export class OverrideScoreDto {
  @ApiProperty({ example: '2025' })
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiProperty({ example: 8.5, description: 'points, never above the indicator weight' })
  @Type(() => Number) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0)
  score!: number;

  @ApiProperty({ example: '目标值设置明显偏低，按偏离度调减' })
  @IsString() @MinLength(2) @MaxLength(1000)
  reason!: string;
}

export class GradeCountsDto {
  @ApiProperty() 优!: number;
  @ApiProperty() 良!: number;
  @ApiProperty() 中!: number;
  @ApiProperty() 差!: number;
}

export class FlagCountsDto {
  @ApiProperty() error!: number;
  @ApiProperty() warning!: number;
  @ApiProperty() info!: number;
}

/** What every scorecard row and total adds up; counts and 元 sum level by level, rates are recomputed from sums. */
export class ScorecardFiguresDto {
  @ApiProperty() projects!: number;
  @ApiProperty({ description: '元, exact decimal' }) budget!: string;
  @ApiProperty({ description: '元, exact decimal' }) spent!: string;
  @ApiProperty({ type: Number, nullable: true, description: '执行率 = spent / budget, in %' }) executionRate!: number | null;
  @ApiProperty() scoredProjects!: number;
  @ApiProperty({ type: Number, nullable: true }) averageScore!: number | null;
  @ApiProperty({ type: GradeCountsDto }) grades!: GradeCountsDto;
  @ApiProperty({ description: 'evaluated indicators (key ones only with keyOnly)' }) indicators!: number;
  @ApiProperty() indicatorsMet!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'indicatorsMet / indicators, in %' }) metShare!: number | null;
  @ApiProperty({ description: 'indicators with no actual entered for the period' }) missingEntries!: number;
  @ApiProperty({ type: FlagCountsDto, description: 'open flags' }) flags!: FlagCountsDto;
  @ApiProperty({ description: 'units whose submission waits for review' }) submissionsPending!: number;
}

export class ScorecardRowDto extends ScorecardFiguresDto {
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: projects with no department/unit' })
  id!: string | null;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'project rows only' }) score?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'project rows only' }) grade?: string | null;
}

export class ScorecardPageDto {
  @ApiProperty() year!: number;
  @ApiProperty() period!: string;
  @ApiPropertyOptional({ type: OrganisationRefDto }) department?: OrganisationRefDto;
  @ApiPropertyOptional({ type: OrganisationRefDto }) unit?: OrganisationRefDto;
  @ApiProperty({ type: ScorecardFiguresDto, description: 'the whole view, all pages' }) total!: ScorecardFiguresDto;
  @ApiProperty({ type: [ScorecardRowDto] }) items!: ScorecardRowDto[];
  @ApiProperty({ description: 'rows over all pages' }) totalItems!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class IndicatorOverrideDto {
  @ApiProperty() score!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) by!: string | null;
  @ApiProperty({ type: Date, nullable: true }) at!: Date | null;
}

export class IndicatorScorecardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ type: String, nullable: true }) level1!: string | null;
  @ApiProperty({ type: String, nullable: true }) level2!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() key!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '年度指标值 as written' }) target!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '实际完成值: number, text or grade' }) actual!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'met / partially_met / not_met / pending / not_scorable; null before evaluation' })
  status!: string | null;
  @ApiProperty({ type: Number, nullable: true }) weight!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) ratio!: number | null;
  @ApiProperty({ type: IndicatorOverrideDto, nullable: true }) override!: IndicatorOverrideDto | null;
  @ApiProperty({ description: 'how the score was reached, with the override when there is one' }) explanation!: string;
}

export class ProjectScorecardDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty() period!: string;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) department!: OrganisationRefDto | null;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) unit!: OrganisationRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: '元' }) budget!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '元' }) spent!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '%' }) executionRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) executionScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: String, nullable: true }) grade!: string | null;
  @ApiProperty() explanation!: string;
  @ApiProperty({ type: [IndicatorScorecardDto] }) indicators!: IndicatorScorecardDto[];
}
