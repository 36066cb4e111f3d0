import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

/** Counting every row of a large tenant costs more than the page itself: by default the count stops here. */
export const COUNT_CAP = 1000;

export type CountMode = 'exact' | 'estimated' | 'none';

/**
 * ?page=1&pageSize=20&sort=createdAt:desc&q=text&count=estimated&after=<id> — shared by every list endpoint.
 * Offset paging (page) and keyset paging (after = the id of the last row of the previous page, as `next` says)
 * follow the same order; keyset pages stay fast however deep they go.
 */
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

  @ApiPropertyOptional({
    enum: ['exact', 'estimated', 'none'],
    default: 'estimated',
    description: `total: exact counts every matching row; estimated counts up to ${ COUNT_CAP } (totalCapped says when there are more); none leaves it out`,
  })
  @IsOptional()
  @IsIn(['exact', 'estimated', 'none'], { message: 'count must be exact, estimated or none' })
  count?: CountMode;

  @ApiPropertyOptional({ description: 'keyset paging: the `next` of the previous page (the id of its last row); page is then ignored' })
  @IsOptional()
  @IsUUID('all', { message: 'after must be the `next` value of a previous page (a row id)' })
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Matching rows: exact, or at least this many when totalCapped; absent with count=none. */
  total?: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  /** ?after= for the next page in the same order; null on the last page. */
  next: string | null;
}

export interface Paging {
  skip: number;
  take: number;
  page: number;
  pageSize: number;
  cursor?: { id: string };
}

/**
 * Offset or keyset paging. One row more than the page is read, so the last page is known without a count.
 * Prisma's cursor compares with the cursor row inside the SQL, so the order (timestamps in microseconds) is exact.
 */
export function paging(query: PageQuery): Paging {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (query.after !== undefined) {
    return { skip: 1, take: pageSize + 1, page, pageSize, cursor: { id: query.after } };
  }
  return { skip: (page - 1) * pageSize, take: pageSize + 1, page, pageSize };
}

/** The take of the count query: everything (exact), one more than the cap (estimated), nothing (none). */
export function countTake(mode: CountMode): number | undefined {
  return mode === 'exact' ? undefined : mode === 'estimated' ? COUNT_CAP + 1 : 0;
}

/** The page from the rows read (one more than the page when there are more) and the count of countTake(mode). */
export async function pageOf<R extends { id: string }, T>(
  rows: R[],
  paged: Paging,
  mode: CountMode,
  counted: number,
  present: (rows: R[]) => Promise<T[]>,
): Promise<Page<T>> {
  const more = rows.length > paged.pageSize;
  const shown = more ? rows.slice(0, paged.pageSize) : rows;
  const result: Page<T> = { items: await present(shown), page: paged.page, pageSize: paged.pageSize, next: more ? shown[shown.length - 1].id : null };
  if (mode === 'exact') {
    result.total = counted;
  } else if (mode === 'estimated') {
    result.total = Math.min(counted, COUNT_CAP);
    result.totalCapped = counted > COUNT_CAP;
  }
  return result;
}

/** The Prisma orderBy for ?sort=, limited to the entity's sortable keys; newest first by default (the list index order). */
export function sorting(sort: string | undefined, allowed: readonly string[]): Record<string, 'asc' | 'desc'>[] {
  const [key, direction] = (sort ?? 'createdAt:desc').split(':');
  const order: Record<string, 'asc' | 'desc'>[] = [];
  if (allowed.includes(key)) {
    order.push({ [key]: direction === 'asc' ? 'asc' : 'desc' });
  }
  order.push({ id: 'asc' });
  return order;
}
