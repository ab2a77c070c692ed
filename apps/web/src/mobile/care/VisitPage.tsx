import { useCallback, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Input, Radio } from 'antd';
import { CONCERN_LEVELS, HELP_KINDS, WELLBEING_ITEMS, type VisitInput } from '@youshe/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../app/PageLoading';
import { usePageTitle } from '../../app/use-page-title';
import { Notice } from '../Notice';
import { carePhoneApi, carePhoneKeys } from './care-phone.api';
import { SignaturePad } from './SignaturePad';
import { VisitPhoto } from './VisitPhoto';
import { enqueueVisit, syncQueue, uuidv7 } from './visit-queue';

type Presence = VisitInput['presence'];
type Confirmation = VisitInput['confirmation'];

/**
 * One visit in under a minute: did you see them, seven taps (plus the family's items), what you helped with, how it
 * looks overall, and the resident's confirmation. Saved on the phone first, then sent; works with no network at all.
 */
export function VisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const opened = useRef(Date.now());
  // The round is already on the phone: the page works offline from it.
  const route = useQuery({ queryKey: carePhoneKeys.route, queryFn: carePhoneApi.route, staleTime: 5 * 60_000 });
  const stop = route.data?.items.find((s) => s.id === id);
  usePageTitle(t('care.visitTitle', { name: stop?.name ?? '' }));
  const [presence, setPresence] = useState<Presence>('visited');
  const [answers, setAnswers] = useState<Record<string, 'ok' | 'concern'>>({});
  const [help, setHelp] = useState<string[]>([]);
  const [concern, setConcern] = useState<VisitInput['concern']>('none');
  const [note, setNote] = useState('');
  const [confirmation, setConfirmation] = useState<Confirmation>('verbal');
  const [signature, setSignature] = useState<string | null>(null);
  const [photo, setPhoto] = useState<string | null>(null);
  const onSignature = useCallback((png: string | null) => setSignature(png), []);

  if (route.isPending) return <PageLoading />;
  if (!stop) return <Notice tone="muted" title={t('care.emptyRoute')} />;
  const seen = presence === 'visited';
  const items = [...WELLBEING_ITEMS, ...stop.extraItems];
  const needsSignature = seen && confirmation === 'signature' && !signature;

  const save = async () => {
    const visit = {
      id: uuidv7(),
      recipientId: stop.id,
      recipientName: stop.name,
      visitedAt: new Date().toISOString(),
      minutes: Math.max(1, Math.min(480, Math.round((Date.now() - opened.current) / 60_000))),
      presence,
      answers: seen ? Object.fromEntries(items.map((i) => [i, answers[i] ?? 'ok'])) : {},
      helpGiven: help as VisitInput['helpGiven'],
      concern,
      confirmation: seen ? confirmation : 'none',
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(seen && confirmation === 'signature' && signature ? { signature } : {}),
      ...(photo ? { photo } : {}),
    } satisfies VisitInput & { recipientName: string; photo?: string };
    enqueueVisit(visit);
    const result = await syncQueue();
    void navigate('/care/route', { state: { saved: result === 'sent' ? 'sent' : 'offline' } });
  };

  return (
    <form
      className="care-visit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1>{t('care.visitTitle', { name: stop.name })}</h1>
      {typeof navigator !== 'undefined' && !navigator.onLine && <Notice tone="info" title={t('care.offline')} testId="care-offline" />}
      <fieldset className="resident-card">
        <legend>{t('care.presence')}</legend>
        <Radio.Group value={presence} onChange={(e) => setPresence(e.target.value as Presence)} className="care-options">
          {(['visited', 'not_home_reached', 'not_home_unreachable'] as const).map((p) => (
            <Radio key={p} value={p} data-testid={`care-presence-${p}`}>
              {t(`care.presenceOptions.${p}`)}
            </Radio>
          ))}
        </Radio.Group>
      </fieldset>
      {seen && (
        <fieldset className="resident-card">
          <legend>{t('care.checklist')}</legend>
          {items.map((item) => (
            <div key={item} className="care-item" role="group" aria-label={t(`care.items.${item}`)}>
              <span className="care-item-name">{t(`care.items.${item}`)}</span>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={answers[item] ?? 'ok'}
                onChange={(e) => setAnswers({ ...answers, [item]: e.target.value as 'ok' | 'concern' })}
                options={[
                  { value: 'ok', label: t('care.ok') },
                  { value: 'concern', label: t('care.concernMark') },
                ]}
              />
            </div>
          ))}
        </fieldset>
      )}
      <fieldset className="resident-card">
        <legend>{t('care.help')}</legend>
        <Checkbox.Group value={help} onChange={(v) => setHelp(v as string[])} className="care-options">
          {HELP_KINDS.map((h) => (
            <Checkbox key={h} value={h}>
              {t(`care.helpKinds.${h}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </fieldset>
      <fieldset className="resident-card">
        <legend>{t('care.concern')}</legend>
        <Radio.Group value={concern} onChange={(e) => setConcern(e.target.value as VisitInput['concern'])} className="care-options">
          {CONCERN_LEVELS.map((c) => (
            <Radio key={c} value={c} data-testid={`care-concern-${c}`}>
              {t(`care.concernLevels.${c}`)}
            </Radio>
          ))}
        </Radio.Group>
      </fieldset>
      <div className="resident-card">
        <label htmlFor="care-note" className="care-label">
          {t('care.note')}
        </label>
        <Input.TextArea id="care-note" value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
      </div>
      <VisitPhoto value={photo} onChange={setPhoto} />
      {seen && (
        <fieldset className="resident-card">
          <legend>{t('care.confirmation')}</legend>
          <Radio.Group value={confirmation} onChange={(e) => setConfirmation(e.target.value as Confirmation)} className="care-options">
            {(['verbal', 'signature'] as const).map((c) => (
              <Radio key={c} value={c} data-testid={`care-confirm-${c}`}>
                {t(`care.confirmOptions.${c}`)}
              </Radio>
            ))}
          </Radio.Group>
          {confirmation === 'signature' && (
            <>
              <p>{t('care.signHere')}</p>
              <SignaturePad onChange={onSignature} />
            </>
          )}
        </fieldset>
      )}
      <Button type="primary" htmlType="submit" size="large" block disabled={needsSignature} data-testid="care-save">
        {t('care.save')}
      </Button>
    </form>
  );
}
