import { useRef, useState } from 'react';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

const MAX_SIDE = 1280;

/**
 * The photo made small on the phone before it is kept: a cheap phone's 12-megapixel picture would not fit in
 * its storage beside the queue, nor go over a weak network. The server makes it smaller still and strips its metadata.
 */
async function shrink(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.8);
}

/** An optional photo of the visit, taken with the phone's camera. */
export function VisitPhoto({ value, onChange }: { value: string | null; onChange: (dataUrl: string | null) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [failed, setFailed] = useState(false);
  return (
    <div className="resident-card">
      <span className="care-label">{t('care.photo')}</span>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        data-testid="care-photo-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          try {
            setFailed(false);
            onChange(await shrink(file));
          } catch {
            setFailed(true);
          }
        }}
      />
      {value && <img src={value} alt={t('care.photo')} style={{ display: 'block', maxWidth: '100%', borderRadius: 8, margin: '8px 0' }} />}
      <Button size="large" icon={<CameraOutlined />} onClick={() => input.current?.click()}>
        {value ? t('care.photoRetake') : t('care.photoTake')}
      </Button>{' '}
      {value && <Button size="large" icon={<DeleteOutlined />} aria-label={t('care.photoRemove')} onClick={() => onChange(null)} />}
      {failed && <p role="alert">{t('care.photoFailed')}</p>}
    </div>
  );
}
