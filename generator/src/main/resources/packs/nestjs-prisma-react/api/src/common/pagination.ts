import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** ?page=1&pageSize=20&sort=createdAt:desc&q=text — shared by every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'field:asc or field:desc', example: 'createdAt:desc' })
  @IsOptional()
  @Matches(/^[A-Za-z]+:(asc|desc)$/)
  sort?: string;

  @ApiPropertyOptional({ description: 'case-insensitive text search over the searchable fields' })
  @IsOptional()
  @IsString()
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function paging(query: PageQuery): { skip: number; take: number; page: number; pageSize: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return { skip: (page - 1) * pageSize, take: pageSize, page, pageSize };
}

/** The Prisma orderBy for ?sort=, limited to the entity's sortable keys; newest first by default. */
export function sorting(sort: string | undefined, allowed: readonly string[]): Record<string, 'asc' | 'desc'>[] {
  const [key, direction] = (sort ?? 'createdAt:desc').split(':');
  const order: Record<string, 'asc' | 'desc'>[] = [];
  if (allowed.includes(key)) {
    order.push({ [key]: direction === 'asc' ? 'asc' : 'desc' });
  }
  order.push({ id: 'asc' });
  return order;
}
