import type { FastifyRequest } from 'fastify';
import { invalidField } from './errors.js';

/**
 * The one file of a multipart request (field "file"), read whole. A missing file or one over the
 * size limit is a refusal beside the `file` field, in the caller's words (`tooLarge`).
 */
export async function readUpload(req: FastifyRequest, tooLarge: string) {
  let part;
  try {
    part = await req.file();
  } catch {
    throw invalidField('file', 'custom', 'file_required');
  }
  if (!part) throw invalidField('file', 'custom', 'file_required');
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw invalidField('file', 'custom', tooLarge);
    throw err;
  }
  return { data, truncated: part.file.truncated, filename: part.filename, fields: part.fields };
}
