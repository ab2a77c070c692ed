import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCampaign } from '@youshe/shared';
import { chinaDate, formatDayLong } from '../../app/format';

export type Slot = PublicCampaign['outlets'][number]['slots'][number];

export interface SlotDay {
  /** YYYY-MM-DD in China time, where the outlet is, whatever the phone's zone. */
  date: string;
  slots: Slot[];
  placesLeft: number;
  hasCurrent: boolean;
}

/** An outlet's slots by day, in the order the server lists them (by start). */
export function slotDays(slots: Slot[], current?: string | null): SlotDay[] {
  const days = new Map<string, SlotDay>();
  for (const s of slots) {
    const date = chinaDate(s.startsAt);
    const day = days.get(date) ?? { date, slots: [], placesLeft: 0, hasCurrent: false };
    day.slots.push(s);
    day.placesLeft += Math.max(0, s.placesLeft);
    day.hasCurrent ||= s.id === current;
    days.set(date, day);
  }
  return [...days.values()];
}

/** A day to open first: one with room, or the one holding the resident's booking. */
export const choosable = (d: SlotDay) => d.placesLeft > 0 || d.hasCurrent;

/**
 * The days of an open outlet as large buttons that wrap two or three to a row, each saying the places left that
 * day: a short list of dates reads more easily on a small phone than every time of every day at once. Date and
 * weekday go on lines of their own: together they broke at any character in a half-width button.
 */
export function DayPicker({ days, selected, onSelect }: { days: SlotDay[]; selected: string | null; onSelect: (date: string) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <>
      <p id={labelId} className="booking-step-label">
        {t('bookings.public.pickDay')}
      </p>
      {/* Toggle buttons (aria-pressed) rather than radios: one tap chooses, with no arrow keys to learn. */}
      <div role="group" aria-labelledby={labelId} className="booking-days">
        {days.map((d) => {
          const { date, weekday } = formatDayLong(d.slots[0]!.startsAt);
          return (
            <button
              key={d.date}
              type="button"
              className={d.placesLeft > 0 ? 'booking-day' : 'booking-day full'}
              aria-pressed={d.date === selected}
              onClick={() => onSelect(d.date)}
              data-testid="booking-day"
              data-date={d.date}
            >
              <span className="booking-day-date">{date}</span>
              <span>{weekday}</span>
              <span className="booking-day-left">
                {d.placesLeft > 0 ? t('bookings.public.placesLeft', { count: d.placesLeft }) : t('bookings.public.slotFull')}
              </span>
              {d.hasCurrent && <span className="booking-day-current">{t('bookings.public.currentDay')}</span>}
            </button>
          );
        })}
      </div>
    </>
  );
}
