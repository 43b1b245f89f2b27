import { Body, Controller, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdParamDto } from '../common/id.dto';
import { DefinitionDto, PutDefinitionDto } from './definition.dto';
import { DefinitionsService } from './definitions.service';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators/:id/definition')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Put()
  @ApiOkResponse({ type: DefinitionDto, description: 'the unit’s definition of a 待单位补充 indicator, pending a reviewer' })
  propose(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto, @Body() body: PutDefinitionDto): Promise<DefinitionDto> {
    return this.definitions.propose(caller, id, body);
  }

  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: DefinitionDto })
  accept(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto): Promise<DefinitionDto> {
    return this.definitions.accept(caller, id);
  }
}
