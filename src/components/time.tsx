/**
 * Every date and time the console prints goes through here, so all pages write time the same way
 * (src/lib/time-format.ts) in the zone the user chose in the header. `<Time>` is a `<time>` element
 * whose visible text is the absolute time, so keyboard, touch and screen-reader users read it too
 * (not only a `title`); a relative age, where one helps, goes before it, not instead of it.
 */
import { useCallback, useId, useState, type ReactNode } from 'react';
import { formatDateTime, formatIsoWithOffset, setTimeZoneChoice, useTimeZoneChoice, type TimeZoneChoice } from '../lib/time-format';

type TimeValue = string | number | Date | null | undefined;

/** A formatter bound to the user's zone, for text that is not an element (labels, sentences). */
export function useFormatTime(): (value: TimeValue) => string {
  const zone = useTimeZoneChoice();
  return useCallback((value: TimeValue) => formatDateTime(value, zone), [zone]);
}

export function Time({ value, fallback = null, relative }: { value: TimeValue; fallback?: ReactNode; relative?: string | undefined }) {
  const zone = useTimeZoneChoice();
  const text = formatDateTime(value, zone);
  if (!text) return <>{fallback}</>;
  const iso = formatIsoWithOffset(value, zone);
  // Text the server sent that is not a time comes back unchanged: shown as it is, not as a <time>.
  if (iso === text) return <>{text}</>;
  // The machine-readable instant: the server's own string when it sent one (lossless, e.g. its
  // nanoseconds), else ISO 8601 with the offset.
  const dateTime = typeof value === 'string' ? value : iso;
  return <time dateTime={dateTime}>{relative ? `${relative} (${text})` : text}</time>;
}

/** The header's switch between the browser's zone and UTC; remembered across reloads. */
export function TimeZoneSwitch() {
  const id = useId();
  const zone = useTimeZoneChoice();
  // The local zone's offset as of opening the page (it changes only at a DST switch).
  const [localLabel] = useState(() => formatDateTime(Date.now(), 'local').replace(/^.* /, ''));
  return (
    <span className="time-zone-switch">
      <label htmlFor={id}>Times in</label>{' '}
      <select id={id} value={zone} onChange={(e) => setTimeZoneChoice(e.target.value as TimeZoneChoice)}>
        <option value="local">local time ({localLabel})</option>
        <option value="utc">UTC</option>
      </select>
    </span>
  );
}
