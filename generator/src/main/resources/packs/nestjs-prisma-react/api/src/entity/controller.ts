import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, {#if e.manyToMany}Put, {/if}Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth';
import { Page } from '../common/pagination';
import type { RequestUser } from '../db/tenant-db';
import { Create{e.names.pascal}Dto, {#if e.manyToMany}{e.names.pascal}IncludeQuery, {/if}List{e.names.pluralPascal}Query, Update{e.names.pascal}Dto, {e.names.pascal}View } from './{e.names.kebab}.dto';
import { {e.names.pascal}Service } from './{e.names.kebab}.service';

@ApiTags('{e.names.pluralKebab}')
@ApiBearerAuth()
@Controller('{e.names.pluralKebab}')
export class {e.names.pascal}Controller {
  constructor(private readonly service: {e.names.pascal}Service) {}

  @Get()
  @Requires('{e.name}', 'read')
  list(@CurrentUser() user: RequestUser, @Query() query: List{e.names.pluralPascal}Query): Promise<Page<{e.names.pascal}View>> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @Requires('{e.name}', 'read')
{#if e.manyToMany}
  get(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: {e.names.pascal}IncludeQuery): Promise<{e.names.pascal}View> {
    return this.service.get(user, id, query.include);
  }
{#else}
  get(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<{e.names.pascal}View> {
    return this.service.get(user, id);
  }
{/if}

  @Post()
  @Requires('{e.name}', 'create')
  create(@CurrentUser() user: RequestUser, @Body() dto: Create{e.names.pascal}Dto): Promise<{e.names.pascal}View> {
    return this.service.create(user, dto);
  }

  @Patch(':id')
  @Requires('{e.name}', 'update')
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: Update{e.names.pascal}Dto,
  ): Promise<{e.names.pascal}View> {
    return this.service.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('{e.name}', 'delete')
  async remove(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.service.remove(user, id);
  }
{#for r in e.manyToMany}

  /** Links one {r.target.pascal} (many-to-many {r.name}). */
  @Put(':id/{r.routeSegment}/:linkedId')
  @HttpCode(204)
  @Requires('{e.name}', 'update')
  async link{r.pascalName}(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('linkedId', ParseUUIDPipe) linkedId: string,
  ): Promise<void> {
    await this.service.link{r.pascalName}(user, id, linkedId);
  }

  @Delete(':id/{r.routeSegment}/:linkedId')
  @HttpCode(204)
  @Requires('{e.name}', 'update')
  async unlink{r.pascalName}(
    @CurrentUser() user: RequestUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('linkedId', ParseUUIDPipe) linkedId: string,
  ): Promise<void> {
    await this.service.unlink{r.pascalName}(user, id, linkedId);
  }
{/for}
}
