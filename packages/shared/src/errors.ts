import { z } from 'zod';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Stable error codes: clients branch on these, never on messages. */
export const ERROR_CODES = [
  'validation_failed',
  'bad_json',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'conflict',
  'capacity_full',
  'has_references',
  'rate_limited',
  'payload_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

type Messages = Record<ErrorCode, string>;

export const ERROR_MESSAGES: Record<Locale, Messages> = {
  'zh-CN': {
    validation_failed: '提交的内容有误，请检查标出的字段',
    bad_json: '请求内容不是有效的 JSON',
    unauthenticated: '请先登录',
    invalid_credentials: '账号或密码不正确',
    account_locked: '登录失败次数过多，账号已暂时锁定，请在 {minutes} 分钟后再试',
    forbidden: '您没有权限进行此操作',
    csrf_rejected: '请求来源不被信任，请刷新页面后重试',
    not_found: '未找到该记录',
    conflict: '该记录与已有记录冲突',
    capacity_full: '这个时段已经约满了，请选择其他有空位的时段',
    has_references: '该单位已有相关记录，不能删除，请改为归档',
    rate_limited: '操作过于频繁，请稍后再试',
    payload_too_large: '提交的内容过大',
    internal: '服务器出现问题，请稍后再试',
  },
  'zh-TW': {
    validation_failed: '提交的內容有誤，請檢查標出的欄位',
    bad_json: '請求內容不是有效的 JSON',
    unauthenticated: '請先登入',
    invalid_credentials: '帳號或密碼不正確',
    account_locked: '登入失敗次數過多，帳號已暫時鎖定，請在 {minutes} 分鐘後再試',
    forbidden: '您沒有權限進行此操作',
    csrf_rejected: '請求來源不被信任，請重新整理頁面後重試',
    not_found: '找不到該記錄',
    conflict: '該記錄與已有記錄衝突',
    capacity_full: '這個時段已經約滿了，請選擇其他有空位的時段',
    has_references: '該單位已有相關記錄，不能刪除，請改為封存',
    rate_limited: '操作過於頻繁，請稍後再試',
    payload_too_large: '提交的內容過大',
    internal: '伺服器出現問題，請稍後再試',
  },
  en: {
    validation_failed: 'Some fields are not valid; please check the marked fields',
    bad_json: 'The request body is not valid JSON',
    unauthenticated: 'Please sign in first',
    invalid_credentials: 'Wrong account or password',
    account_locked: 'Too many failed sign-ins: the account is locked; try again in {minutes} minutes',
    forbidden: 'You are not allowed to do this',
    csrf_rejected: 'The request came from an untrusted origin; reload the page and try again',
    not_found: 'Record not found',
    conflict: 'This conflicts with an existing record',
    capacity_full: 'This time slot is full; please choose another slot with room',
    has_references: 'Other records point to this unit, so it cannot be deleted; archive it instead',
    rate_limited: 'Too many requests; please wait a moment',
    payload_too_large: 'The request is too large',
    internal: 'Something went wrong on the server; please try again later',
  },
};

export function errorMessage(locale: Locale, code: ErrorCode, params: Record<string, string | number> = {}): string {
  return ERROR_MESSAGES[locale][code].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Picks the best supported locale from an Accept-Language header. */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-hant' || tag.startsWith('zh-hant')) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}
