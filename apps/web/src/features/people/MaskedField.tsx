import { useState } from 'react';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '@youshe/shared';
import { errorText } from '../../app/api';
import { peopleApi } from './people.api';

interface Props {
  personId: string;
  personName: string;
  field: RevealableField;
  masked: string | null;
  canReveal: boolean;
}

/**
 * A piece of personal data as lists show it: masked, with a button that fetches the full value.
 * Each reveal is a deliberate, audited act, so the value is fetched on click and never cached.
 */
export function MaskedField({ personId, personName, field, masked, canReveal }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [shown, setShown] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => peopleApi.reveal(personId, field),
    onSuccess: (data) => setShown(data.value ?? ''),
    onError: (e) => void message.error(errorText(e)),
  });
  if (!masked) return <span aria-label={t('common.none')}>—</span>;
  const fieldName = t(`people.${field}`);

  return (
    <span className="masked-value">
      <span data-testid={`${field}-value-${personId}`}>{shown ?? masked}</span>
      {canReveal &&
        (shown === null ? (
          <Tooltip title={t('people.revealHint')}>
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() => reveal.mutate()}
              data-testid={`reveal-${field}-${personId}`}
              aria-label={t('people.revealLabel', { field: fieldName, name: personName })}
            >
              {t('people.reveal')}
            </Button>
          </Tooltip>
        ) : (
          <Button
            size="small"
            type="link"
            icon={<EyeInvisibleOutlined />}
            onClick={() => setShown(null)}
            data-testid={`hide-${field}-${personId}`}
            aria-label={t('people.hideLabel', { field: fieldName, name: personName })}
          >
            {t('people.hide')}
          </Button>
        ))}
    </span>
  );
}
