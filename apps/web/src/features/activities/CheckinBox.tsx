import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, type InputRef, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { phoneSchema } from '@youshe/shared';
import { ApiError, problemText } from '../../app/api';
import { CameraScanner } from '../../app/CameraScanner';
import { applyServerErrors, zodRule } from '../../app/forms';
import { activitiesApi, activityKeys, type CheckinResult } from './activities.api';
import { parseCheckinCode } from './checkin-code';

type Outcome = { kind: 'ok'; result: CheckinResult } | { kind: 'error'; text: string; retry?: () => void };

/**
 * The check-in desk: a person's code typed, pasted or read by a handheld scanner (which types it
 * and presses Enter), or someone who just walked in. A repeat scan is an answer, not an error.
 */
export function CheckinBox({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const codeRef = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [walkinForm] = Form.useForm<{ name: string; phone?: string }>();

  const refresh = () => {
    void client.invalidateQueries({ queryKey: activityKeys.detail(activityId) });
    void client.invalidateQueries({ queryKey: activityKeys.signups(activityId) });
    void client.invalidateQueries({ queryKey: ['activities', 'list'] });
  };
  const failed = (e: unknown, retry: () => void) => {
    const text = e instanceof ApiError && e.code === 'not_found' ? t('checkin.unknownCode') : problemText(e);
    // A dropped connection may or may not have reached the server; asking again is safe (exactly once).
    setOutcome({ kind: 'error', text, retry: e instanceof ApiError && e.code === 'network' ? retry : undefined });
  };

  const byCode = useMutation({
    mutationFn: (c: string) => activitiesApi.checkInCode(activityId, c),
    onSuccess: (result) => {
      setOutcome({ kind: 'ok', result });
      setCode('');
      refresh();
      codeRef.current?.focus();
    },
    onError: (e, c) => failed(e, () => byCode.mutate(c)),
  });
  const walkin = useMutation({
    mutationFn: (v: { name: string; phone?: string }) =>
      activitiesApi.checkInWalkin(activityId, { name: v.name.trim(), phone: v.phone?.trim() || null }),
    onSuccess: (result) => {
      setOutcome({ kind: 'ok', result });
      walkinForm.resetFields();
      refresh();
    },
    onError: (e, v) => {
      const rest = applyServerErrors(walkinForm, mapWalkinPaths(e), ['name', 'phone']);
      if (rest.length || !(e instanceof ApiError && e.details.length)) failed(e, () => walkin.mutate(v));
    },
  });

  const submitCode = (typed = code) => {
    const parsed = parseCheckinCode(typed);
    if (!parsed) {
      setCodeError(typed.trim() ? t('checkin.codeInvalid') : t('checkin.codeRequired'));
      return;
    }
    setCodeError(null);
    setOutcome(null);
    byCode.mutate(parsed);
  };

  return (
    <Card size="small" title={t('checkin.title')} data-testid="checkin-box">
      <div className="checkin-grid">
        <section aria-labelledby="checkin-code-heading">
          <Typography.Title level={3} id="checkin-code-heading" style={{ fontSize: 15, marginTop: 0 }}>
            {t('checkin.byCode')}
          </Typography.Title>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={codeRef}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={() => submitCode()}
              placeholder={t('checkin.codePlaceholder')}
              aria-label={t('checkin.code')}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? 'checkin-code-error' : 'checkin-code-hint'}
              status={codeError ? 'error' : undefined}
              autoComplete="off"
              spellCheck={false}
              maxLength={300}
              data-testid="checkin-code"
            />
            <Button type="primary" onClick={() => submitCode()} loading={byCode.isPending} data-testid="checkin-submit">
              {t('checkin.submit')}
            </Button>
          </Space.Compact>
          <div style={{ marginTop: 8 }}>
            <CameraScanner onCode={(text) => submitCode(text)} />
          </div>
          {codeError ? (
            <div id="checkin-code-error" className="field-error" role="alert">
              {codeError}
            </div>
          ) : (
            <div id="checkin-code-hint" className="org-kind-hint" style={{ marginTop: 4 }}>
              {t('checkin.codeHint')}
            </div>
          )}
        </section>
        <section aria-labelledby="walkin-heading">
          <Typography.Title level={3} id="walkin-heading" style={{ fontSize: 15, marginTop: 0 }}>
            {t('checkin.walkin')}
          </Typography.Title>
          <Form form={walkinForm} layout="inline" onFinish={(v) => walkin.mutate(v)} className="walkin-form" data-testid="walkin-form">
            <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input placeholder={t('checkin.walkinName')} aria-label={t('checkin.walkinName')} maxLength={30} data-testid="walkin-name" />
            </Form.Item>
            <Form.Item name="phone" rules={[zodRule(phoneSchema)]}>
              <Input
                placeholder={t('checkin.walkinPhone')}
                aria-label={t('checkin.walkinPhone')}
                inputMode="numeric"
                maxLength={11}
                data-testid="walkin-phone"
              />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={walkin.isPending} data-testid="walkin-submit">
                {t('checkin.walkinSubmit')}
              </Button>
            </Form.Item>
          </Form>
        </section>
      </div>
      <div aria-live="polite" data-testid="checkin-result">
        {outcome?.kind === 'ok' && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type={outcome.result.firstTime ? 'success' : 'info'}
            data-first-time={outcome.result.firstTime}
            title={
              outcome.result.firstTime
                ? t('checkin.done', { name: outcome.result.name })
                : t('checkin.already', { name: outcome.result.name })
            }
            description={t('checkin.attendance', { count: outcome.result.attendanceCount })}
          />
        )}
        {outcome?.kind === 'error' && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type="error"
            role="alert"
            title={outcome.text}
            action={
              outcome.retry && (
                <Button size="small" onClick={outcome.retry}>
                  {t('common.retry')}
                </Button>
              )
            }
          />
        )}
      </div>
    </Card>
  );
}

/** The server names the walk-in's fields 'walkin.name' and 'walkin.phone'; the form calls them 'name' and 'phone'. */
function mapWalkinPaths(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  return new ApiError(
    e.status,
    e.code,
    e.message,
    e.details.map((d) => ({ ...d, path: d.path.replace(/^walkin\./, '') })),
  );
}
