import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdPeriodParamDto } from '../common/id.dto';
import { PutSpendingDto, SpendingDto } from './spending.dto';
import { SpendingService } from './spending.service';

@ApiTags('spending')
@ApiBearerAuth()
@Controller('projects/:id/spending/:period')
export class SpendingController {
  constructor(private readonly spending: SpendingService) {}

  @Put()
  @ApiOkResponse({ type: SpendingDto })
  put(@CurrentCaller() caller: Caller, @Param() { id, period }: IdPeriodParamDto, @Body() { executed }: PutSpendingDto): Promise<SpendingDto> {
    return this.spending.put(caller, id, period, executed);
  }
}
