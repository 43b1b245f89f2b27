import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../common/page.dto';
import type { Flag, Indicator, Project, TargetColumns } from '../database/entities';

export class ListProjectsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1900) @Max(2200)
  year?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'department id' })
  @IsOptional() @IsUUID()
  department?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'unit id' })
  @IsOptional() @IsUUID()
  unit?: string;

  @ApiPropertyOptional({ example: 'R04', description: 'only projects with an open flag of this code' })
  @IsOptional() @IsString() @Matches(/^[A-Z0-9_]{1,64}$/)
  flag?: string;
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty() name!: string;
}

export class ProjectSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true }) year!: number | null;
  @ApiProperty({ type: String, nullable: true }) category!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '元, exact decimal' }) amount!: string | null;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) department!: OrganisationRefDto | null;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) unit!: OrganisationRefDto | null;
  @ApiProperty({ type: String, nullable: true }) parentName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) importId!: string | null;

  static from(row: Project): ProjectSummaryDto {
    return {
      id: row.id,
      name: row.name,
      year: row.year,
      category: row.category,
      amount: row.amount,
      department: row.department ? { id: row.department.id, code: row.department.code, name: row.department.name } : null,
      unit: row.unit ? { id: row.unit.id, code: row.unit.code, name: row.unit.name } : null,
      parentName: row.parentName,
      importId: row.importId,
    };
  }
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectSummaryDto] }) items!: ProjectSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TargetDto {
  @ApiProperty({ type: String, nullable: true }) raw!: string | null;
  @ApiProperty({ enum: ['quantitative', 'qualitative', 'placeholder', 'missing'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) comparator!: string | null;
  @ApiProperty({ type: String, nullable: true }) value!: string | null;
  @ApiProperty({ type: String, nullable: true }) upper!: string | null;
  @ApiProperty({ type: String, nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true }) per!: string | null;

  static from(columns: TargetColumns): TargetDto | null {
    if (columns.kind === null) return null;
    const { raw, kind, comparator, value, upper, unit, per } = columns;
    return { raw, kind, comparator, value, upper, unit, per };
  }
}

export class FlagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['project', 'indicator', 'actual', 'unit'] }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ example: 'R04' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '2025-H1', description: '录入规则所判断的期间；针对目标表本身的问题为 null' })
  period!: string | null;
  @ApiProperty({ enum: ['error', 'warning', 'info'] }) severity!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty() openedAt!: Date;

  static from(row: Flag): FlagDto {
    const { id, subjectType, subjectId, code, period, severity, message, details, openedAt } = row;
    return { id, subjectType, subjectId, code, period, severity, message, details, openedAt };
  }
}

export class IndicatorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ type: Number, nullable: true }) seq!: number | null;
  @ApiProperty({ type: String, nullable: true }) level1!: string | null;
  @ApiProperty({ type: String, nullable: true }) level2!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() key!: boolean;
  @ApiProperty({ type: String, nullable: true }) weight!: string | null;
  @ApiProperty({ type: TargetDto, nullable: true }) annualTarget!: TargetDto | null;
  @ApiProperty({ type: TargetDto, nullable: true }) periodTarget!: TargetDto | null;
  @ApiProperty({ type: [FlagDto] }) flags!: FlagDto[];

  static from(row: Indicator, flags: FlagDto[]): IndicatorDto {
    const { id, position, seq, level1, level2, name, key, weight } = row;
    return {
      id, position, seq, level1, level2, name, key, weight,
      annualTarget: TargetDto.from(row.annualTarget),
      periodTarget: TargetDto.from(row.periodTarget),
      flags,
    };
  }
}

export class ProjectDetailDto extends ProjectSummaryDto {
  @ApiProperty({ type: String, nullable: true }) goal!: string | null;
  @ApiProperty({ type: String, nullable: true }) goalReference!: string | null;
  @ApiProperty({ description: '元 per source: fiscal / specialAccount / other (exact decimals or null)' })
  funding!: { fiscal: string | null; specialAccount: string | null; other: string | null };
  @ApiProperty({ type: [IndicatorDto] }) indicators!: IndicatorDto[];
  @ApiProperty({ type: [FlagDto], description: 'open flags on the project itself' }) flags!: FlagDto[];
}
