/**
 * One way to write time: what formatDateTime writes reads back as the same instant (to the
 * second) in any zone, both sides of a DST change; ISO 8601 with offset for CSV cells; the zone
 * choice is remembered.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { csvTime } from './csv';
import { formatDateTime, formatIsoWithOffset, getTimeZoneChoice, parseDisplayedDateTime, setTimeZoneChoice } from './time-format';

const instants = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
// Whole-hour, half-hour and 45-minute offsets, both hemispheres' DST, a zone whose DST moves 30 min.
const zones = fc.constantFrom('local', 'utc', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns');
const toSecond = (d: Date) => Math.floor(d.getTime() / 1000) * 1000;

afterEach(() => setTimeZoneChoice('local'));

describe('time format', () => {
  it('writes 24-hour YYYY-MM-DD HH:mm:ss with the zone, and that text reads back as the same instant', () => {
    fc.assert(
      fc.property(instants, zones, (date, zone) => {
        const text = formatDateTime(date.toISOString(), zone);
        expect(text).toMatch(/^\d{4}-\d\d-\d\d ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC([+-]\d\d:\d\d)?$/);
        expect(parseDisplayedDateTime(text)).toBe(toSecond(date));
      }),
    );
  });

  it('writes ISO 8601 with an offset that any ISO reader takes back to the same instant', () => {
    fc.assert(
      fc.property(instants, zones, (date, zone) => {
        const iso = formatIsoWithOffset(date.getTime(), zone);
        expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        expect(Date.parse(iso)).toBe(toSecond(date));
      }),
    );
  });

  it('names the offset on both sides of a DST change (Europe/Paris, spring and autumn)', () => {
    const paris = (iso: string) => formatDateTime(iso, 'Europe/Paris');
    // Spring: 02:00 local does not exist; the clock goes from 01:59:59 +01:00 to 03:00:00 +02:00.
    expect(paris('2026-03-29T00:59:59Z')).toBe('2026-03-29 01:59:59 UTC+01:00');
    expect(paris('2026-03-29T01:00:00Z')).toBe('2026-03-29 03:00:00 UTC+02:00');
    // Autumn: 02:30 local happens twice; the offset tells the two apart.
    expect(paris('2026-10-25T00:30:00Z')).toBe('2026-10-25 02:30:00 UTC+02:00');
    expect(paris('2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30:00 UTC+01:00');
    expect(formatIsoWithOffset('2026-10-25T01:30:00Z', 'Europe/Paris')).toBe('2026-10-25T02:30:00+01:00');
    // West of UTC, and a zone whose offset is not whole hours.
    expect(formatDateTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08 03:00:00 UTC-04:00');
    expect(formatDateTime('2026-01-01T00:00:00Z', 'America/St_Johns')).toBe('2025-12-31 20:30:00 UTC-03:30');
    expect(formatDateTime('2026-01-01T00:00:00Z', 'Asia/Kathmandu')).toBe('2026-01-01 05:45:00 UTC+05:45');
  });

  it('writes UTC as UTC, midnight as 00 (never 24), and keeps what is not a time as it came', () => {
    expect(formatDateTime('2026-11-27T00:00:05.123Z', 'utc')).toBe('2026-11-27 00:00:05 UTC');
    expect(formatIsoWithOffset('2026-11-27T00:00:05.123Z', 'utc')).toBe('2026-11-27T00:00:05+00:00');
    // finishTime as recon/assoc sends it, with microseconds.
    expect(formatDateTime('2026-11-27T13:04:05.123456Z', 'utc')).toBe('2026-11-27 13:04:05 UTC');
    expect(formatDateTime('', 'utc')).toBe('');
    expect(formatDateTime(null, 'utc')).toBe('');
    expect(formatDateTime('yesterday-ish', 'utc')).toBe('yesterday-ish');
    expect(parseDisplayedDateTime('27/11/2026, 13:04:05')).toBeNaN();
  });

  it('remembers the zone choice across reloads (localStorage, a UI preference only) and CSV cells follow it', () => {
    expect(getTimeZoneChoice()).toBe('local');
    setTimeZoneChoice('utc');
    expect(localStorage.getItem('idm-sync-console.time-zone')).toBe('utc');
    expect(getTimeZoneChoice()).toBe('utc');
    expect(csvTime('2026-11-27T13:04:05Z')).toBe('2026-11-27T13:04:05+00:00');
    expect(csvTime('')).toBe('');
    setTimeZoneChoice('local');
    expect(Date.parse(csvTime('2026-11-27T13:04:05Z'))).toBe(Date.parse('2026-11-27T13:04:05Z'));
  });
});
