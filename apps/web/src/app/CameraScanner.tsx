import { useEffect, useRef, useState } from 'react';
import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** The browser's own QR reader where it has one (Android Chrome); otherwise jsQR, loaded only when needed. */
type Reader = (frame: ImageData, canvas: HTMLCanvasElement) => Promise<string | null>;

interface NativeDetector {
  detect(source: HTMLCanvasElement): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => NativeDetector;
  }
}

async function makeReader(): Promise<Reader> {
  if (window.BarcodeDetector) {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    return async (_frame, canvas) => (await detector.detect(canvas))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  return async (frame) => jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/**
 * A button that opens the phone's (or laptop's) camera and reads one QR code: a resident's sign-up
 * code at the door, a booking at the counter. The camera stops as soon as a code is read or the
 * dialog closes; where there is no camera, the typed or handheld-scanner input beside it still works.
 */
export function CameraScanner({ onCode, label }: { onCode: (text: string) => void; label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<CameraOutlined />} onClick={() => setOpen(true)} data-testid="camera-scan">
        {label ?? t('scanner.open')}
      </Button>
      <Modal open={open} title={t('scanner.title')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        {open && (
          <CameraView
            onCode={(text) => {
              setOpen(false);
              onCode(text);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function CameraView({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const found = useRef(onCode);
  found.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        setProblem(t('scanner.noCamera'));
        return;
      }
      if (stopped || !video.current || !context) return stream.getTracks().forEach((track) => track.stop());
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      const read = await makeReader();
      // A few frames a second is enough to read a code held still, and spares a cheap phone's battery.
      const tick = async () => {
        const v = video.current;
        if (stopped || !v) return;
        if (v.videoWidth > 0) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          context.drawImage(v, 0, 0);
          const text = await read(context.getImageData(0, 0, canvas.width, canvas.height), canvas).catch(() => null);
          if (text && !stopped) return found.current(text);
        }
        timer = window.setTimeout(() => void tick(), 200);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  if (problem) return <Alert type="warning" showIcon title={problem} />;
  return (
    <>
      <video
        ref={video}
        muted
        playsInline
        style={{ width: '100%', borderRadius: 8, background: '#000' }}
        aria-label={t('scanner.videoLabel')}
      />
      <p style={{ marginTop: 8 }}>{t('scanner.hint')}</p>
    </>
  );
}
