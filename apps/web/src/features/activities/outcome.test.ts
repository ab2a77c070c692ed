import { describe, expect, it } from 'vitest';
import { formatOutcome, outcomeFromForm, toInputValue, toStoredValue } from './outcome';

describe('outcome figures', () => {
  it('are typed in yuan and stored in whole fen for money', () => {
    expect(toStoredValue('value_donated_fen', 12000)).toBe(1_200_000);
    expect(toStoredValue('sales_fen', 0.1 + 0.2)).toBe(30);
    expect(toInputValue('value_donated_fen', 1_200_050)).toBe(12000.5);
  });

  it('are whole counts otherwise', () => {
    expect(toStoredValue('people_served', 80)).toBe(80);
    expect(toInputValue('people_served', 80)).toBe(80);
  });

  it('leave out blanks, so a required one left blank is reported by the server', () => {
    expect(outcomeFromForm({ people_served: 80, materials_handed_out: null, sales_fen: undefined })).toEqual({ people_served: 80 });
    expect(outcomeFromForm({ people_served: 0 })).toEqual({ people_served: 0 });
  });

  it('show money as yuan', () => {
    expect(formatOutcome('value_donated_fen', 1_200_000, 'zh-CN')).toBe('¥12,000.00');
    expect(formatOutcome('people_served', 1200, 'zh-CN')).toBe('1,200');
  });
});
