import type { VisitInput } from '@youshe/shared';
import { api, isApiError } from '../../app/api';

/**
 * Visits waiting on the phone. A visit is stored here first, with an id made on the phone, and only then sent; the
 * server treats that id as the visit's key, so sending the same visit twice (a lost answer, two tabs) makes one visit.
 */
export type QueuedVisit = VisitInput & {
  recipientName: string;
  error?: string;
  /** A photo taken at the visit (a JPEG data URL, already made small on the phone), sent after the visit itself. */
  photo?: string;
  /** The visit has arrived; only its photo still waits. */
  visitSent?: boolean;
};

const KEY = 'youshe.care.queue.v1';
const listeners = new Set<() => void>();

/** A UUIDv7: 48 bits of milliseconds, then random bits, with the version and variant set. */
export function uuidv7(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function readQueue(): QueuedVisit[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedVisit[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(items: QueuedVisit[]) {
  localStorage.setItem(KEY, JSON.stringify(items));
  listeners.forEach((l) => l());
}

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function enqueueVisit(visit: QueuedVisit) {
  writeQueue([...readQueue().filter((v) => v.id !== visit.id), visit]);
}

export function discardVisit(id: string) {
  writeQueue(readQueue().filter((v) => v.id !== id));
}

let inFlight: Promise<'sent' | 'offline' | 'partial'> | null = null;

/** Sends the whole queue in one request; what the server took (new or already there) leaves the phone. */
export function syncQueue(): Promise<'sent' | 'offline' | 'partial'> {
  // One send at a time: a second caller waits for the send under way rather than sending the same visits twice.
  inFlight ??= sendQueue().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function sendQueue(): Promise<'sent' | 'offline' | 'partial'> {
  const visitsResult = await sendVisits();
  if (visitsResult === 'offline') return 'offline';
  const photosResult = await sendPhotos();
  return visitsResult === 'partial' ? 'partial' : photosResult;
}

/** A data URL as a file for a multipart upload. */
function fileOf(dataUrl: string, name: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',');
  const type = /^data:([^;]+)/.exec(head)?.[1] ?? 'image/jpeg';
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new File([bytes], name, { type });
}

/** Photos of visits that have arrived; sending one again replaces it, so a lost answer costs nothing. */
async function sendPhotos(): Promise<'sent' | 'offline' | 'partial'> {
  for (const v of readQueue().filter((q) => q.visitSent && q.photo && !q.error)) {
    const form = new FormData();
    form.append('file', fileOf(v.photo!, `${v.id}.jpg`));
    try {
      await api.upload(`/api/care/visits/${v.id}/photo`, form, 'PUT');
      discardVisit(v.id);
    } catch (err) {
      if (isApiError(err) && err.code !== 'network' && err.status < 500) {
        writeQueue(readQueue().map((q) => (q.id === v.id ? { ...q, error: err.message } : q)));
        return 'partial';
      }
      return 'offline';
    }
  }
  return 'sent';
}

async function sendVisits(): Promise<'sent' | 'offline' | 'partial'> {
  const queue = readQueue().filter((v) => !v.error && !v.visitSent);
  if (!queue.length) return 'sent';
  if (typeof navigator !== 'undefined' && !navigator.onLine) return 'offline';
  const visits = queue.map(({ recipientName: _n, error: _e, photo: _p, visitSent: _s, ...v }) => v);
  let results: { id: string | null; status: string; message: string | null }[];
  try {
    results = (await api.post<{ results: typeof results }>('/api/care/visits/batch', { visits })).results;
  } catch (err) {
    if (isApiError(err) && err.code !== 'network' && err.status < 500) {
      writeQueue(readQueue().map((v) => (queue.some((q) => q.id === v.id) ? { ...v, error: err.message } : v)));
      return 'partial';
    }
    return 'offline';
  }
  const byId = new Map(results.map((r, i) => [r.id ?? queue[i]!.id, r]));
  const left = readQueue().flatMap((v) => {
    const r = byId.get(v.id);
    if (!r) return [v];
    if (r.status === 'created' || r.status === 'duplicate') return v.photo ? [{ ...v, visitSent: true }] : [];
    return [{ ...v, error: r.message ?? 'rejected' }];
  });
  writeQueue(left);
  return left.some((v) => v.error) ? 'partial' : 'sent';
}

let started = false;
/** Sends when the phone comes back online, and retries every half minute while anything waits. */
export function startQueueSync() {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void syncQueue());
  window.setInterval(() => {
    if (readQueue().some((v) => !v.error)) void syncQueue();
  }, 30_000);
}
