import sharp from 'sharp';
import { invalidField } from './errors.js';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff']);

/**
 * A photo from a phone, made fit to keep: checked to be an image before anything is stored, turned
 * upright, scaled to 1600 px (and a 400 px thumbnail), re-encoded as JPEG. Re-encoding drops EXIF, and
 * with it the GPS position of whoever took it. Refusals name the `file` field.
 */
export async function normalisePhoto(upload: { data: Buffer; truncated: boolean }, maxSide = 1600) {
  if (upload.truncated || upload.data.length > MAX_PHOTO_BYTES) throw invalidField('file', 'custom', 'photo_too_large');
  let format: string | undefined;
  try {
    format = (await sharp(upload.data).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !FORMATS.has(format)) throw invalidField('file', 'custom', 'not_an_image');
  const upright = sharp(upload.data).rotate();
  const full = await upright
    .clone()
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const thumb = await upright
    .clone()
    .resize({ width: 400, height: 400, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
  return { full: full.data, width: full.info.width, height: full.info.height, thumb };
}
