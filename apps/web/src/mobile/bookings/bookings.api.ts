import type { Booking, PublicCampaign, SlotAlternative } from '@youshe/shared';
import { api, ApiError } from '../../app/api';
import i18n from '../../app/i18n';

export const bookingKeys = {
  campaign: (token: string) => ['public', 'booking-campaign', token] as const,
  booking: (code: string) => ['public', 'booking', code] as const,
};

/** A full slot: the server's words and the nearest slots that still have room. */
export class SlotFullError extends ApiError {
  constructor(
    message: string,
    readonly alternatives: SlotAlternative[],
  ) {
    super(409, 'capacity_full', message);
  }
}

const enc = encodeURIComponent;

/**
 * Booking and moving go through fetch directly: a full slot's answer carries `details.alternatives`,
 * which the shared client leaves out, and a booking carries an Idempotency-Key so a retry is safe.
 */
async function post(path: string, body: unknown, idempotencyKey?: string): Promise<Booking> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Accept-Language': i18n.language || 'zh-CN',
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const data = (await res.json().catch(() => null)) as (Booking & { code: string; message?: string; details?: unknown }) | null;
  if (res.ok && data) return data;
  const err = (data ?? {}) as { code?: string; message?: string; details?: unknown };
  if (err.code === 'capacity_full') {
    const alternatives = (err.details as { alternatives?: SlotAlternative[] } | undefined)?.alternatives ?? [];
    throw new SlotFullError(err.message ?? '', alternatives);
  }
  const details = Array.isArray(err.details) ? (err.details as ApiError['details']) : [];
  throw new ApiError(res.status, (err.code as ApiError['code']) ?? 'internal', err.message ?? i18n.t('errors.unknown'), details);
}

export const bookingApi = {
  campaign: (token: string) => api.get<PublicCampaign>(`/api/public/booking-campaigns/${enc(token)}`),
  book: (token: string, body: { slotId: string; values: Record<string, string>; consent: true; waitlist: boolean }, key: string) =>
    post(`/api/public/booking-campaigns/${enc(token)}/bookings`, body, key),
  booking: (code: string) => api.get<Booking>(`/api/public/bookings/${enc(code)}`),
  changeSlot: (code: string, slotId: string) => post(`/api/public/bookings/${enc(code)}/slot`, { slotId }),
  cancel: (code: string) => api.post<Booking>(`/api/public/bookings/${enc(code)}/cancel`),
  accept: (code: string) => api.post<Booking>(`/api/public/bookings/${enc(code)}/accept`),
};

/** A fresh key per filled-in form: resending the same form (a dropped answer) sends the same key. */
export const newIdempotencyKey = () =>
  `bk-${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
