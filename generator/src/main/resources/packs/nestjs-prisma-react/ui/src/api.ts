import { BASE, currentSession, signOut } from './auth';

/** The API client: base URL from VITE_API_URL (default /api, proxied in dev), bearer token of the signed-in session. */

/** A list page; total is capped at 1,000 by default (totalCapped: there are more), absent with ?count=none. */
export interface Page<T> {
  items: T[];
  total?: number;
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  next: string | null;
}

/** A total for people: 1000+ when the API stopped counting. */
export function totalText(page: Page<unknown>): string {
  return page.total === undefined ? '?' : String(page.total) + (page.totalCapped ? '+' : '');
}

export type Row = Record<string, unknown> & { id: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join('; '));
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = currentSession()?.token;
  const response = await fetch(BASE + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    // expired or revoked: back to the sign-in page
    signOut();
    window.location.assign('/sign-in');
  }
  if (response.status === 204) {
    return undefined as T;
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = (data as { message?: string | string[] }).message ?? response.statusText;
    throw new ApiError(response.status, Array.isArray(message) ? message : [message]);
  }
  return data as T;
}

export const api = {
  list: (route: string, params: URLSearchParams) => call<Page<Row>>('GET', '/' + route + '?' + params.toString()),
  get: (route: string, id: string) => call<Row>('GET', '/' + route + '/' + id),
  create: (route: string, body: Record<string, unknown>) => call<Row>('POST', '/' + route, body),
  update: (route: string, id: string, body: Record<string, unknown>) => call<Row>('PATCH', '/' + route + '/' + id, body),
  remove: (route: string, id: string) => call<void>('DELETE', '/' + route + '/' + id),
};
