import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth';
import { Page } from '../common/pagination';
import type { RequestUser } from '../db/tenant-db';
import { Create{e.names.pascal}Dto, List{e.names.pluralPascal}Query, Update{e.names.pascal}Dto, {e.names.pascal}View } from './{e.names.kebab}.dto';
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
  get(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<{e.names.pascal}View> {
    return this.service.get(user, id);
  }

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
{#if e.exportEndpoint}

  /** GDPR: everything stored about this data subject, as JSON. */
  @Get(':id/export')
  @Requires('{e.name}', 'read')
  export(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<{e.names.pascal}View> {
    return this.service.get(user, id);
  }
{/if}
{#if e.eraseEndpoint}

  /** GDPR: overwrite this data subject's optional personal data; the row stays for referential integrity. */
  @Post(':id/erase')
  @HttpCode(200)
  @Requires('{e.name}', 'update')
  erase(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<{e.names.pascal}View> {
    return this.service.erase(user, id);
  }
{/if}
}
