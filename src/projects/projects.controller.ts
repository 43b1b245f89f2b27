import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller } from '../auth/caller';
import { IdParamDto } from '../common/id.dto';
import { ListProjectsQueryDto, ProjectDetailDto, ProjectPageDto } from './project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOkResponse({ type: ProjectPageDto })
  list(@CurrentCaller() caller: Caller, @Query() query: ListProjectsQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectDetailDto })
  get(@CurrentCaller() caller: Caller, @Param() { id }: IdParamDto): Promise<ProjectDetailDto> {
    return this.projects.get(caller, id);
  }
}
