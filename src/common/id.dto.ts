import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class IdParamDto {
  @IsUUID()
  id!: string;
}

/** `/…/:id/…/:period`; the period's format is checked by the domain, with a Chinese message. */
export class IdPeriodParamDto extends IdParamDto {
  @IsString() @MaxLength(16)
  period!: string;
}

/** `/…/:id/…/:period/evidence/:sha256`: a file kept as evidence, named by its content's sha256. */
export class EvidenceParamDto extends IdPeriodParamDto {
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 应为 64 位小写十六进制' })
  sha256!: string;
}
