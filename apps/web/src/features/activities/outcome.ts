import type { OutcomeField } from '@youshe/shared';

/** Outcome figures kept in fen (1/100 yuan): people type and read them in yuan. */
export const MONEY_FIELDS: readonly OutcomeField[] = ['value_donated_fen', 'sales_fen'];

export const isMoneyField = (key: string) => (MONEY_FIELDS as readonly string[]).includes(key);

/** What the form shows for a stored figure: yuan for money, the count otherwise. */
export function toInputValue(key: string, stored: number | undefined): number | undefined {
  if (stored === undefined) return undefined;
  return isMoneyField(key) ? stored / 100 : stored;
}

/** What the server stores for a typed figure: whole fen for money (rounded), the count otherwise. */
export function toStoredValue(key: string, typed: number | null | undefined): number | undefined {
  if (typed === null || typed === undefined || Number.isNaN(typed)) return undefined;
  return isMoneyField(key) ? Math.round(typed * 100) : Math.round(typed);
}

/** Converts the close dialog's figures into the outcome the server expects, leaving out blanks. */
export function outcomeFromForm(values: Record<string, number | null | undefined>): Partial<Record<OutcomeField, number>> {
  const out: Partial<Record<OutcomeField, number>> = {};
  for (const [key, typed] of Object.entries(values)) {
    const stored = toStoredValue(key, typed);
    if (stored !== undefined) out[key as OutcomeField] = stored;
  }
  return out;
}

/** A stored figure for display: '¥1,234.50' style money in the reader's locale, or the count. */
export function formatOutcome(key: string, stored: number, locale: string): string {
  if (isMoneyField(key)) {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(stored / 100);
  }
  return new Intl.NumberFormat(locale).format(stored);
}
