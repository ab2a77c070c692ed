/** A sign-up code as the server issues it. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{8,40}$/;

/**
 * The code out of whatever a scanner typed or someone pasted: the bare code, the resident's
 * sign-up page address (…/s/CODE), with stray spaces or a trailing slash.
 * Returns null when nothing there looks like a code.
 */
export function parseCheckinCode(input: string): string | null {
  let s = input.trim();
  const fromPage = /\/s\/([A-Za-z0-9_-]+)/.exec(s);
  if (fromPage) s = fromPage[1]!;
  s = s.replace(/\s+/g, '').replace(/\/+$/, '');
  return CODE_PATTERN.test(s) ? s : null;
}
