import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import type { PublicCampaign } from '@youshe/shared';
import { formatDayLong, formatHours } from '../../app/format';
import { choosable, DayPicker, slotDays, type Slot } from './DayPicker';

type Outlet = PublicCampaign['outlets'][number];

/**
 * Outlet, then day, then time. Every time of every outlet at once made a page of several screens on a phone, the
 * form far below it; here one outlet is open at a time, and inside it one day's times. The outlet holding the
 * booking being moved starts open (or the only outlet), so moving to another time of the same outlet is one tap.
 */
export function SlotPicker({
  campaign,
  current,
  onPick,
}: {
  campaign: PublicCampaign;
  current?: string | null;
  onPick: (slotId: string) => void;
}) {
  const outlets = campaign.outlets;
  const [open, setOpen] = useState<string | null>(
    () => outlets.find((o) => o.slots.some((s) => s.id === current))?.placeId ?? (outlets.length === 1 ? outlets[0]!.placeId : null),
  );
  const tapped = useRef<HTMLElement | null>(null);
  // Opening an outlet closes the one above it, which can pull the tapped card up out of sight (where the browser
  // does not anchor the scroll): bring it back to the top, so the resident sees what their tap opened.
  useEffect(() => {
    const card = tapped.current?.closest('section');
    tapped.current = null;
    if (card && card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: 'start' });
  }, [open]);

  return (
    <>
      {outlets.map((o) => (
        <OutletCard
          key={o.placeId}
          outlet={o}
          current={current}
          open={open === o.placeId}
          onToggle={(header) => {
            tapped.current = header;
            setOpen(open === o.placeId ? null : o.placeId);
          }}
          onPick={onPick}
        />
      ))}
    </>
  );
}

function OutletCard({
  outlet: o,
  current,
  open,
  onToggle,
  onPick,
}: {
  outlet: Outlet;
  current?: string | null;
  open: boolean;
  onToggle: (header: HTMLElement) => void;
  onPick: (slotId: string) => void;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  const earliest = o.slots.find((s) => s.placesLeft > 0 && s.id !== current);
  const left = o.slots.reduce((n, s) => n + Math.max(0, s.placesLeft), 0);
  return (
    <section className={`resident-card booking-outlet${open ? ' open' : ''}`} aria-label={o.name} data-testid="booking-outlet">
      {/* A heading holding a button, as in the WAI-ARIA accordion: found by heading, and says whether it is open. */}
      <h2 className="booking-outlet-heading">
        <button
          type="button"
          className="booking-outlet-toggle"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={(e) => onToggle(e.currentTarget)}
          data-testid="booking-outlet-toggle"
        >
          <span className="booking-outlet-name">{o.name}</span>
          {o.address && <span className="booking-outlet-address">{o.address}</span>}
          <span className={`booking-outlet-summary${earliest ? '' : ' full'}`}>
            {earliest ? (
              // The day and the hours each kept whole: a line broken inside '14:00–17:00' misleads.
              <Trans
                i18nKey="bookings.public.outletSummary"
                values={{ day: formatDayLong(earliest.startsAt).day, hours: formatHours(earliest.startsAt, earliest.endsAt), count: left }}
                components={{ d: <span className="nowrap" />, h: <span className="nowrap" /> }}
              />
            ) : (
              t('bookings.public.outletFull')
            )}
          </span>
          <span className="booking-outlet-cue">
            {open ? t('bookings.public.closeOutlet') : t('bookings.public.openOutlet')}
            <span aria-hidden="true">{open ? ' ▲' : ' ▼'}</span>
          </span>
        </button>
      </h2>
      {open && (
        <div id={bodyId}>
          <OutletTimes slots={o.slots} current={current} onPick={onPick} />
        </div>
      )}
    </section>
  );
}

/** The open outlet's days, and the chosen day's times; it starts on the day of the booking being moved, else the first with room. */
function OutletTimes({ slots, current, onPick }: { slots: Slot[]; current?: string | null; onPick: (slotId: string) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  const days = slotDays(slots, current);
  const [day, setDay] = useState(() => (days.find((d) => d.hasCurrent) ?? days.find(choosable))?.date ?? null);
  const chosen = days.find((d) => d.date === day);
  return (
    <>
      <DayPicker days={days} selected={day} onSelect={setDay} />
      {chosen && (
        <>
          <p id={labelId} className="booking-step-label">
            {t('bookings.public.pickTime')}
          </p>
          <ul className="booking-slots" aria-labelledby={labelId}>
            {chosen.slots.map((s) => (
              <li key={s.id}>
                <SlotButton slot={s} mine={s.id === current} onPick={onPick} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * A time as a large button saying the places left; its day is the one chosen above it. A full one can still be
 * picked: booking it offers the waiting list.
 */
function SlotButton({ slot: s, mine, onPick }: { slot: Slot; mine: boolean; onPick: (slotId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="large"
      block
      type={mine ? 'primary' : 'default'}
      disabled={mine}
      onClick={() => onPick(s.id)}
      data-testid="booking-slot"
      data-slot-id={s.id}
      data-places-left={s.placesLeft}
      className="booking-slot"
    >
      <span>{formatHours(s.startsAt, s.endsAt)}</span>
      <span className="booking-slot-left">
        {mine
          ? t('bookings.public.currentSlot')
          : s.placesLeft <= 0
            ? t('bookings.public.slotFull')
            : t('bookings.public.placesLeft', { count: s.placesLeft })}
      </span>
    </Button>
  );
}
