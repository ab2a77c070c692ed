import type { finderAlertSchema, publicWristbandSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api } from '../../app/api';

export type PublicWristband = z.infer<typeof publicWristbandSchema>;
export type FinderAlert = z.input<typeof finderAlertSchema>;
const enc = encodeURIComponent;

export const finderApi = {
  scan: (code: string) => api.get<PublicWristband>(`/api/public/wristbands/${enc(code)}`),
  alert: (code: string, body: FinderAlert) => api.post<{ notified: boolean }>(`/api/public/wristbands/${enc(code)}/alert`, body),
};

/** The finder's position if they allow it, within a few seconds; without it the family is still told at once. */
export function currentPosition(timeoutMs = 8000): Promise<{ lat: number; lng: number; accuracy: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
