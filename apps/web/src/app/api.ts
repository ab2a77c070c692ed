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

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'zh-CN' };
  // No Content-Type without a body: the server rejects an empty JSON body. A form (a file) sets its own.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
}

async function failure(res: Response): Promise<ApiError> {
  let data: unknown;
  try {
    data = JSON.parse(await res.text());
  } catch {
    data = null;
  }
  const err = (data ?? {}) as { code?: ErrorCode; message?: string; details?: unknown };
  return new ApiError(
    res.status,
    err.code ?? 'internal',
    err.message ?? i18n.t('errors.http', { status: res.status }),
    asFieldIssues(err.details),
  );
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (!res.ok) throw await failure(res);
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  return data as T;
}

/** The file name a download answer suggests (RFC 5987 `filename*` first). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

/** Fetches a file (an Excel ledger) and hands it to the browser as a download; failures throw as any call. */
async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const res = await send('GET', withQuery(path, query));
  if (!res.ok) throw await failure(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A multipart form (a photo upload; PUT where the upload replaces a file). */
  upload: <T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST') => request<T>(method, path, form),
  download,
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

/** A failure's banner above a list or a form: a general title and, when there is one, what exactly went wrong. */
export interface FailureBanner {
  title: string;
  description?: string | undefined;
}

/**
 * The banner for a failure when the page already shows the server's problems about some fields beside
 * them (`shown`: their paths as the server names them, e.g. `from` and `to` for a period). None when every
 * problem the server reported is shown beside its field, so the page does not say it twice; otherwise the
 * failure's message, with the problems that no field on the page shows as its description. Any failure
 * without field problems (no network, a server error, a refusal) always has its banner.
 */
export function failureBanner(error: unknown, shown: readonly string[]): FailureBanner | undefined {
  if (error === null || error === undefined) return undefined;
  if (!(error instanceof ApiError) || error.details.length === 0) return { title: errorText(error) };
  const away = error.details.filter((d) => !shown.includes(d.path));
  if (away.length === 0) return undefined;
  return { title: error.message, description: [...new Set(away.map((d) => d.message))].join('；') };
}
