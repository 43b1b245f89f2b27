import { IsString, IsUUID, MaxLength } from 'class-validator';

export class IdParamDto {
  @IsUUID()
  id!: string;
}

/** `/…/:id/…/:period`; the period's format is checked by the domain, with a Chinese message. */
export class IdPeriodParamDto extends IdParamDto {
  @IsString() @MaxLength(16)
  period!: string;
}
