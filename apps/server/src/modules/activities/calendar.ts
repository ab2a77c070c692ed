import type { Activity } from '@youshe/shared';

/** RFC 5545 text: backslash, semicolon, comma and newlines escaped. */
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** An iCalendar feed of published activities: people subscribe once and see new ones as they are published. */
export function activitiesCalendar(name: string, activities: Activity[], publicUrl: (token: string) => string): string {
  const now = stamp(new Date().toISOString());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Youshe//邮社共建//ZH',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const a of activities) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${a.id}@youshe`,
      `DTSTAMP:${now}`,
      `DTSTART:${stamp(a.startsAt)}`,
      `DTEND:${stamp(a.endsAt)}`,
      `SUMMARY:${escapeText(a.title)}`,
      `LOCATION:${escapeText(a.location ?? a.placeName ?? '')}`,
      `DESCRIPTION:${escapeText(`${a.kindName} · ${a.organisers.map((o) => o.name).join('、')}\n${a.description}`)}`,
      `URL:${publicUrl(a.publicToken)}`,
      `STATUS:${a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
