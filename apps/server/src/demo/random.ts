/**
 * The demo's only source of chance: a seeded PRNG (sfc32) and ids made from it, so that the
 * same seed gives the same rows, ids and timestamps on every run and every machine.
 */

/** Every demo timestamp is an offset from this moment (Monday 6 January 2025, 08:00 in Shanghai). */
export const DEMO_EPOCH = Date.UTC(2025, 0, 6, 0, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The demo's own "today": the Friday of the epoch's week, when the records say it was loaded. */
export const DEMO_TODAY = DEMO_EPOCH + 4 * DAY;

/** Whole days from the demo's today to the Shanghai date of `today`, by which every demo date is moved. */
export function demoShiftDays(today: Date): number {
  const shanghaiDay = (ms: number) => Math.floor((ms + 8 * HOUR) / DAY);
  return shanghaiDay(today.getTime()) - shanghaiDay(DEMO_TODAY);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A row with its instants and calendar dates (`YYYY-MM-DD`) moved by `days`; other values untouched. */
export function shiftRowDates<T extends object>(row: T, days: number): T {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (value instanceof Date) out[key] = new Date(value.getTime() + days * DAY);
    else if (typeof value === 'string' && DATE_ONLY.test(value)) {
      out[key] = new Date(Date.parse(`${value}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
    }
  }
  return out as T;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A wall-clock time in Shanghai ('2024-07-26 09:00') as an instant: the articles' dates, read the same everywhere. */
export function shanghai(at: string): Date {
  const ms = Date.parse(`${at.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`not a demo time: ${at}`);
  return new Date(ms);
}

/** The Shanghai date `days` after the epoch's, at a wall-clock time: for what is still to come in the demo. */
export function afterEpoch(days: number, time: string): Date {
  return shanghai(`${new Date(DEMO_EPOCH + 8 * HOUR + days * DAY).toISOString().slice(0, 10)} ${time}`);
}

export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Spread the seed over the state the way the reference implementation does, then warm up.
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const r = (t + this.d) | 0;
    this.c = (this.c + r) | 0;
    return (r >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (!list.length) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** A new array in random order (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A string of URL-safe characters, like the application's random tokens (public links, codes). */
  token(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += TOKEN_ALPHABET[this.int(0, 63)];
    return s;
  }

  /**
   * A UUIDv7 whose time part is `ms` and whose random part comes from this generator:
   * ids sort in the order the demo "created" the rows, like the application's own ids.
   */
  uuid(ms: number): string {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const time = hex(Math.floor(ms), 12);
    const randA = hex(this.int(0, 0xfff), 3);
    const variant = hex(0x8000 | this.int(0, 0x3fff), 4);
    const randB = hex(this.int(0, 0xffffff), 6) + hex(this.int(0, 0xffffff), 6);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${variant}-${randB}`;
  }
}

/** A fixed clock that moves forward by a step on each tick: creation times in insertion order. */
export class DemoClock {
  private at: number;
  constructor(
    start: number,
    private readonly stepMs: number,
  ) {
    this.at = start;
  }
  tick(): Date {
    const now = new Date(this.at);
    this.at += this.stepMs;
    return now;
  }
}
