import type { ErrorCode, FieldIssue } from '@youshe/shared';
import i18n from './i18n';

/** What went wrong with a call: the server's stable code, its localised message and per-field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Every list endpoint answers with one page of items and the total. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Builds `path?a=1&b=2`, leaving out empty values so the server's defaults apply. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function asFieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldIssue =>
      typeof d === 'object' && d !== null && typeof (d as FieldIssue).path === 'string' && typeof (d as FieldIssue).message === 'string',
  );
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' };
  // No Content-Type without a body: the server rejects an empty JSON body.
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data ?? {}) as { code?: ErrorCode; message?: string; details?: unknown };
    throw new ApiError(
      res.status,
      err.code ?? 'internal',
      err.message ?? i18n.t('errors.http', { status: res.status }),
      asFieldIssues(err.details),
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return i18n.t('errors.unknown');
}

/**
 * The most specific message for a failure shown away from any form field: the server's words about
 * the fields when it gave some (e.g. "本活动目前不能签到"), else its general message.
 */
export function problemText(error: unknown): string {
  if (error instanceof ApiError && error.details.length > 0) return [...new Set(error.details.map((d) => d.message))].join('；');
  return errorText(error);
}
