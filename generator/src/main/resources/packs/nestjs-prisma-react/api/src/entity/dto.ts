import { {e.dtoSwaggerImports} } from '@nestjs/swagger';
{#if e.dtoUsesTransform}
import { Transform } from 'class-transformer';
{/if}
{#if e.dtoClassValidatorImports}
import {
{#for d in e.dtoClassValidatorImports}
  {d},
{/for}
} from 'class-validator';
{/if}
import { PageQuery } from '../common/pagination';
{#if e.dtoOwnValidatorImports}
import { {e.dtoOwnValidatorImports} } from '../common/validators';
{/if}
{#if e.manyToMany}
import type { {e.names.pascal} as {e.rowType} } from '../generated/prisma/client';
{/if}
{#for t in e.linkedTargets}
import type { {t.pascal}Summary } from '../{t.kebab}/{t.kebab}.dto';
{/for}
{#if e.manyToMany}

/** Linked rows GET may include: ?include={#for r in e.manyToMany}{r.name}{#if r_hasNext},{/if}{/for} */
export const INCLUDES = {e.includesLiteral};

/** ?include=a,b as a list. */
const includeList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : value;
{/if}

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
{#for r in e.manyToMany}
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'ids of the linked {r.target.pascal} rows; replaces the links' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  {r.idsProperty}?: string[];

{/for}
}

/**
 * Body of PATCH /{e.names.pluralKebab}/:id: any subset of the create fields; null clears an optional field
 * (a required one refuses null: its rules still apply to everything but a missing value).
 */
export class Update{e.names.pascal}Dto extends PartialType(Create{e.names.pascal}Dto, { skipNullProperties: false }) {}

{#if e.manyToMany}
/** Query of GET /{e.names.pluralKebab}/:id: linked rows to include. */
export class {e.names.pascal}IncludeQuery {
  @ApiPropertyOptional({ description: 'comma-separated: ' + INCLUDES.join(', ') })
  @IsOptional()
  @Transform(includeList)
  @IsIn(INCLUDES, { each: true })
  include?: string[];
}

{/if}
/** Query of GET /{e.names.pluralKebab}: paging, sorting, search, and equality filters. */
export class List{e.names.pluralPascal}Query extends PageQuery {
{#if e.manyToMany}
  @ApiPropertyOptional({ description: 'comma-separated: ' + INCLUDES.join(', ') })
  @IsOptional()
  @Transform(includeList)
  @IsIn(INCLUDES, { each: true })
  include?: string[];

{/if}
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
{#for r in e.manyToMany}
  {r.idsProperty}: string[];
  {r.name}?: {r.target.pascal}Summary[];
{/for}
  createdAt: string;
  updatedAt: string;
};
{#if e.manyToMany}

/** A {e.label} as another entity's ?include= shows it: encrypted and tokenized values left out. */
export type {e.names.pascal}Summary = {
  id: string;
{#for f in e.summaryFields}
  {f.property}: {f.dto.tsType}{#if !f.required} | null{/if};
{/for}
};

export function present{e.names.pascal}Summary(row: {e.rowType}): {e.names.pascal}Summary {
  return {
    id: row.id,
{#for f in e.summaryFields}
    {f.property}: {f.dto.readExpression},
{/for}
  };
}
{/if}
