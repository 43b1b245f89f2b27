import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import type { Spending } from '../database/entities';

export class PutSpendingDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: '125000.50', description: '执行数，元，至多两位小数' })
  @IsDefined()
  executed!: unknown;
}

export class SpendingDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() period!: string;
  @ApiProperty({ description: '元, exact decimal' }) executed!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty() updatedAt!: Date;

  static from({ projectId, period, executed, version, updatedBy, updatedAt }: Spending): SpendingDto {
    return { projectId, period, executed, version, updatedBy, updatedAt };
  }
}
