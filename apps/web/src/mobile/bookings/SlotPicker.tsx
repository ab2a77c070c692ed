import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicCampaign } from '@youshe/shared';
import { formatTimeRange } from '../../app/format';

/** Outlets with their slots as large buttons, each saying how many places are left; a full slot cannot be picked. */
export function SlotPicker({
  campaign,
  current,
  onPick,
}: {
  campaign: PublicCampaign;
  current?: string | null;
  onPick: (slotId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {campaign.outlets.map((o) => (
        <section className="resident-card" key={o.placeId} aria-label={o.name} data-testid="booking-outlet">
          <h2 style={{ marginTop: 0 }}>{o.name}</h2>
          {o.address && <p style={{ marginTop: 0 }}>{o.address}</p>}
          <ul className="booking-slots">
            {o.slots.map((s) => {
              const full = s.placesLeft <= 0;
              const mine = s.id === current;
              return (
                <li key={s.id}>
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
                    <span>{formatTimeRange(s.startsAt, s.endsAt, true)}</span>
                    <span className="booking-slot-left">
                      {mine
                        ? t('bookings.public.currentSlot')
                        : full
                          ? t('bookings.public.slotFull')
                          : t('bookings.public.placesLeft', { count: s.placesLeft })}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
