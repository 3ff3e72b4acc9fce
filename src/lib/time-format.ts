/**
 * One way to write time, on every page: 24-hour `YYYY-MM-DD HH:mm:ss` followed by the zone, either
 * the browser's local zone written as its offset (`UTC+01:00`, unambiguous at any DST change and
 * readable without knowing zone abbreviations) or `UTC`, as the user chooses. CSV exports write
 * ISO 8601 with the offset of the same zone (`2026-03-29T03:30:00+02:00`).
 *
 * The choice is a UI preference, nothing secret: it is remembered in localStorage under its own key
 * (tokens never go there) and shared by every component through a tiny store, so the header's switch
 * re-renders every time on the page at once, and code outside React (a CSV export) reads the same
 * choice.
 */
import { useSyncExternalStore } from 'react';

/** `local`: the browser's zone; `utc`: UTC. An IANA zone name is accepted too (tests, DST edges). */
export type TimeZoneChoice = 'local' | 'utc';
type Zone = TimeZoneChoice | (string & {});

const STORAGE_KEY = 'idm-sync-console.time-zone';

function readStored(): TimeZoneChoice {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'utc' ? 'utc' : 'local';
  } catch {
    // Storage blocked (privacy settings): the default applies and the switch still works this tab.
    return 'local';
  }
}

let current: TimeZoneChoice = readStored();
const listeners = new Set<() => void>();

export function getTimeZoneChoice(): TimeZoneChoice {
  return current;
}

export function setTimeZoneChoice(next: TimeZoneChoice): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across reloads, but applied now.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The zone the user chose; components re-render when it changes. */
export function useTimeZoneChoice(): TimeZoneChoice {
  return useSyncExternalStore(subscribe, getTimeZoneChoice, getTimeZoneChoice);
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: Zone): Intl.DateTimeFormat {
  const key = zone;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      ...(zone === 'local' ? {} : { timeZone: zone === 'utc' ? 'UTC' : zone }),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
}

/** The wall clock of an instant in a zone, and that zone's offset at that instant. */
function wallClock(ms: number, zone: Zone): WallClock {
  if (zone === 'local') {
    const d = new Date(ms);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
      offset: -d.getTimezoneOffset(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  // The offset is what separates the wall clock, read as if it were UTC, from the instant.
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  return { year, month, day, hour, minute, second, offset };
}

function offsetText(minutes: number, separator: string): string {
  return `${minutes < 0 ? '-' : '+'}${pad(minutes / 60)}${separator}${pad(minutes % 60)}`;
}

/** An ISO string, epoch milliseconds or a Date, as epoch milliseconds; NaN when unreadable. */
function toMs(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(value);
}

/**
 * `2026-11-27 20:20:30 UTC` or `2026-11-27 21:20:30 UTC+01:00`. Empty input (a run still going)
 * gives ""; text that is not a time is returned as it came, so nothing the server sent is lost.
 */
export function formatDateTime(value: string | number | Date | null | undefined, zone: Zone): string {
  if (value === null || value === undefined || value === '') return '';
  const ms = toMs(value);
  if (Number.isNaN(ms)) return String(value);
  const w = wallClock(ms, zone);
  const label = zone === 'utc' ? 'UTC' : `UTC${offsetText(w.offset, ':')}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${label}`;
}

/** ISO 8601 with the zone's offset, to the second (`2026-11-27T21:20:30+01:00`): CSV cells, `<time dateTime>`. */
export function formatIsoWithOffset(value: string | number | Date | null | undefined, zone: Zone): string {
  if (value === null || value === undefined || value === '') return '';
  const ms = toMs(value);
  if (Number.isNaN(ms)) return String(value);
  const w = wallClock(ms, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetText(w.offset, ':')}`;
}

const DISPLAYED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) UTC(?:([+-])(\d{2}):(\d{2}))?$/;

/** Reads back what formatDateTime wrote (epoch milliseconds, to the second); NaN for anything else. */
export function parseDisplayedDateTime(text: string): number {
  const m = DISPLAYED.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  const utc = new Date(0);
  utc.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  utc.setUTCHours(Number(h), Number(mi), Number(s), 0);
  return utc.getTime() - offset * 60_000;
}
