import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdParamDto } from '../common/id.dto';
import { ListProjectsQueryDto, ProjectDetailDto, ProjectPageDto } from './project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @ApiOkResponse({ type: ProjectPageDto })
  list(@Query() query: ListProjectsQueryDto): Promise<ProjectPageDto> {
    return this.projects.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectDetailDto })
  get(@Param() { id }: IdParamDto): Promise<ProjectDetailDto> {
    return this.projects.get(id);
  }
}
