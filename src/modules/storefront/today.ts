import { todayInVietnam } from '../catalog/index.js';

let last = { at: 0, day: '' };

/**
 * Today in Vietnam (yyyy-mm-dd), the day OCOP certificates are judged on. Worked out at most
 * once a second: making the time-zone formatter costs more than rendering half a page.
 */
export function today(now = Date.now()): string {
  if (now - last.at >= 1000 || now < last.at) last = { at: now, day: todayInVietnam(new Date(now)) };
  return last.day;
}
