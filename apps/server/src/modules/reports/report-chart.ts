import sharp from 'sharp';
import type { ReportData } from './report-data.js';

export const CHART_GREEN = '#0b6e4f';
/** The drawing's size in CSS pixels; it is rasterised at twice that so it stays sharp when printed. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 220;
const SCALE = 2;
// librsvg finds fonts through fontconfig by family name; these are the faces pdf.ts looks for, by family.
const FONTS = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The activities of each month as bars, the same chart the PDF draws with its own primitives: a baseline,
 * one green bar per month scaled to the busiest month, the count above each bar and the month below it.
 */
export function monthsChartSvg(months: ReportData['months']): string {
  const left = 30;
  const right = 10;
  const top = 10;
  const plot = CHART_HEIGHT - top - 34;
  const width = CHART_WIDTH - left - right;
  const max = Math.max(1, ...months.map((m) => m.activities));
  const slot = width / Math.max(months.length, 1);
  const base = top + plot + 14;
  const parts: string[] = [
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    `<line x1="${left}" y1="${base}" x2="${left + width}" y2="${base}" stroke="#666666" stroke-width="1"/>`,
  ];
  months.forEach((m, i) => {
    const h = (m.activities / max) * plot;
    const x = left + i * slot + slot * 0.2;
    const centre = (x + slot * 0.3).toFixed(1);
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(slot * 0.6).toFixed(1)}" height="${h.toFixed(1)}" fill="${CHART_GREEN}"/>`,
      `<text x="${centre}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" font-size="12" fill="#111111">${m.activities}</text>`,
      `<text x="${centre}" y="${base + 16}" text-anchor="middle" font-size="12" fill="#111111">${esc(m.short)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" font-family="${esc(FONTS)}">${parts.join('')}</svg>`;
}

/** The chart as a PNG, drawn on the server without a browser: sharp (libvips + librsvg) rasterises the SVG. */
export function monthsChartPng(months: ReportData['months']): Promise<Buffer> {
  return sharp(Buffer.from(monthsChartSvg(months)), { density: 72 * SCALE })
    .png()
    .toBuffer();
}
