import { describe, expect, it } from 'vitest';
import { checkFilter, matchesFilter, parseFilter } from '../../lib/query-filter';
import { flagsOf, formatAge, queryFilterOf, queueUrl, readSyncQueueView, STUCK_AFTER_MS, stuckFilter, writeSyncQueueView } from './sync-queue-view';

const view = (search: string) => readSyncQueueView(new URLSearchParams(search));

describe('queryFilterOf', () => {
  it('asks for every event without filters', () => {
    expect(queryFilterOf(view(''))).toBe('true');
  });

  it('joins every simple filter with and', () => {
    const filter = queryFilterOf(view('mapping=managedUser_systemLdapAccounts&state=ACQUIRED&action=notifyDelete&resourceId=abc&retriesBelow=2'));
    expect(filter).toBe(
      '/mapping eq "managedUser_systemLdapAccounts" and /state eq "ACQUIRED" and /syncAction eq "notifyDelete" and /resourceId eq "abc" and /remainingRetries lt 2',
    );
    expect(checkFilter(filter).ok).toBe(true);
  });

  it('escapes quotes and backslashes so what was typed is what the server compares', () => {
    const filter = queryFilterOf(view(`resourceId=${encodeURIComponent(`o'neil" or true or "\\`)}`));
    expect(filter).toBe(`/resourceId eq "o'neil\\" or true or \\"\\\\"`);
    expect(parseFilter(filter)).toEqual({ type: 'comparison', operator: 'eq', pointer: '/resourceId', value: `o'neil" or true or "\\` });
  });

  it('sends an advanced filter as typed, ignoring the simple ones', () => {
    expect(queryFilterOf(view('filter=%2FremainingRetries+lt+2&mapping=x'))).toBe('/remainingRetries lt 2');
  });

  it('ignores values that are not allowed', () => {
    const v = view('state=DONE&action=notifyLater&retriesBelow=two&refresh=7');
    expect(v).toMatchObject({ state: '', action: '', retriesBelow: '', refresh: 0 });
    expect(queryFilterOf(v)).toBe('true');
  });

  it('round-trips through the URL', () => {
    const v = view('mapping=m&state=PENDING&retriesBelow=3&refresh=30&event=03e6ab3b');
    expect(v.event).toBe('03e6ab3b');
    expect(readSyncQueueView(writeSyncQueueView(v))).toEqual(v);
    expect(writeSyncQueueView(view('filter=true&mapping=m')).toString()).toBe('filter=true');
  });
});

describe('flagsOf', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it('flags an event acquired for longer than the threshold', () => {
    expect(flagsOf({ state: 'ACQUIRED', createDate: ago(STUCK_AFTER_MS + 1000) }, now).possiblyStuck).toBe(true);
    expect(flagsOf({ state: 'ACQUIRED', createDate: ago(60_000) }, now).possiblyStuck).toBe(false);
    expect(flagsOf({ state: 'PENDING', createDate: ago(STUCK_AFTER_MS * 10) }, now).possiblyStuck).toBe(false);
  });

  it('flags few retries only when the server sends remainingRetries', () => {
    expect(flagsOf({ state: 'PENDING', remainingRetries: 1 }, now).fewRetries).toBe(true);
    expect(flagsOf({ state: 'PENDING', remainingRetries: 0 }, now).fewRetries).toBe(true);
    expect(flagsOf({ state: 'PENDING', remainingRetries: 4 }, now).fewRetries).toBe(false);
    expect(flagsOf({ state: 'PENDING' }, now)).toEqual({ possiblyStuck: false, fewRetries: false });
  });

  it('copes with a missing or broken createDate', () => {
    expect(flagsOf({ state: 'ACQUIRED', createDate: null }, now).possiblyStuck).toBe(false);
    expect(flagsOf({ state: 'ACQUIRED', createDate: 'yesterday' }, now).possiblyStuck).toBe(false);
  });
});

describe('formatAge', () => {
  it('is compact', () => {
    expect(formatAge(45_000)).toBe('45 s');
    expect(formatAge(12 * 60_000)).toBe('12 min');
    expect(formatAge(3 * 3600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(formatAge(2 * 86400_000 + 4 * 3600_000)).toBe('2 d 4 h');
    expect(formatAge(Number.NaN)).toBe('unknown');
  });
});

describe('links into the queue', () => {
  it('queueUrl writes only the filters given, as the page reads them back', () => {
    const url = queueUrl({ mapping: 'a b', state: 'ACQUIRED' });
    expect(url).toBe('/sync-queue?mapping=a+b&state=ACQUIRED');
    expect(readSyncQueueView(new URLSearchParams(url.split('?')[1]))).toMatchObject({ mapping: 'a b', state: 'ACQUIRED', action: '', advanced: '' });
    expect(queueUrl({})).toBe('/sync-queue');
  });

  it('stuckFilter selects exactly the events flagsOf calls possibly stuck', () => {
    const now = Date.parse('2026-11-27T12:00:00.000Z');
    const filter = stuckFilter('m', now);
    const at = (ms: number) => new Date(now - ms).toISOString();
    const events = [
      { mapping: 'm', state: 'ACQUIRED', createDate: at(STUCK_AFTER_MS + 1) },
      { mapping: 'm', state: 'ACQUIRED', createDate: at(STUCK_AFTER_MS - 1) },
      { mapping: 'm', state: 'PENDING', createDate: at(STUCK_AFTER_MS * 4) },
      { mapping: 'other', state: 'ACQUIRED', createDate: at(STUCK_AFTER_MS * 4) },
    ];
    for (const event of events) {
      expect(matchesFilter(parseFilter(filter), event)).toBe(event.mapping === 'm' && flagsOf(event, now).possiblyStuck);
    }
  });
});
