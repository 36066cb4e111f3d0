import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { DecimalRange, IsDecimalString } from '../common/validators';

/** Body of POST /{e.names.pluralKebab}: the rules of the AppSpec, enforced before the database sees anything. */
export class Create{e.names.pascal}Dto {
{#for f in e.fields}
{#for d in f.dto.decorators}
  {d}
{/for}
  {f.property}{f.dto.optionalMark}: {f.dto.tsType}{#if !f.required} | null{/if};

{/for}
{#for r in e.foreignKeys}
  {#if r.required}@ApiProperty({ format: 'uuid' }){#else}@ApiPropertyOptional({ format: 'uuid' }){/if}
{#if !r.required}
  @IsOptional()
{/if}
  @IsUUID()
  {r.fkProperty}{#if r.required}!{#else}?{/if}: string{#if !r.required} | null{/if};

{/for}
}

/** Body of PATCH /{e.names.pluralKebab}/:id: any subset of the create fields. */
export class Update{e.names.pascal}Dto extends PartialType(Create{e.names.pascal}Dto) {}

/** Query of GET /{e.names.pluralKebab}: paging, sorting, search, and equality filters. */
export class List{e.names.pluralPascal}Query extends PageQuery {
{#for f in e.filterFields}
{#for d in f.dto.filterDecorators}
  {d}
{/for}
  {f.property}?: {f.dto.filterTsType};

{/for}
{#for r in e.foreignKeys}
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  {r.fkProperty}?: string;

{/for}
}

/** What the API returns for one {e.label}: decrypted where encrypted, never the tenant id. */
export type {e.names.pascal}View = {
  id: string;
{#for f in e.fields}
  {f.property}: {f.dto.tsType}{#if !f.required} | null{/if};
{/for}
{#for r in e.foreignKeys}
  {r.fkProperty}: string{#if !r.required} | null{/if};
{/for}
{#if e.hasOwner}
  {e.ownerProperty}: string | null;
{/if}
  createdAt: string;
  updatedAt: string;
};
