/**
 * The header's zone switch re-renders every time on the page at once, and the absolute time is
 * visible text in a <time> element (not only a title), for keyboard, touch and screen readers.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, setTimeZoneChoice } from '../lib/time-format';
import { Time, TimeZoneSwitch } from './time';

afterEach(() => setTimeZoneChoice('local'));

describe('Time', () => {
  it('shows every time in the zone the header switch names, and remembers the choice', async () => {
    const user = userEvent.setup();
    render(
      <>
        <TimeZoneSwitch />
        <p>
          Started <Time value="2026-11-27T13:04:05.250Z" />
        </p>
        <p>
          Ended <Time value="" fallback="still running" />
        </p>
      </>,
    );
    const local = formatDateTime('2026-11-27T13:04:05Z', 'local');
    expect(screen.getByText(local)).toBeInTheDocument();
    expect(screen.getByText(local).tagName).toBe('TIME');
    expect(screen.getByText('Ended still running')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Times in'), 'UTC');
    const utc = screen.getByText('2026-11-27 13:04:05 UTC');
    // The machine-readable instant is the one the server sent, to the last digit.
    expect(utc).toHaveAttribute('dateTime', '2026-11-27T13:04:05.250Z');
    expect(localStorage.getItem('idm-sync-console.time-zone')).toBe('utc');
    // Local time is always written with its offset (UTC+00:00 too), so the two texts always differ.
    expect(screen.queryByText(local)).not.toBeInTheDocument();
  });

  it('puts a relative age before the absolute time, never instead of it', () => {
    setTimeZoneChoice('utc');
    render(<Time value="2026-11-27T13:04:05Z" relative="5 min ago" />);
    expect(screen.getByText('5 min ago (2026-11-27 13:04:05 UTC)')).toBeInTheDocument();
  });
});
