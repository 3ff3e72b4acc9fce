/**
 * The sync-queue view as it lives in the URL: the filters (mapping, state, sync action, resource
 * id, "remaining retries below N" or an advanced `_queryFilter`), the auto-refresh interval and the
 * event whose change is open.
 * Every simple filter is built into an escaped `_queryFilter` here, never by pasting strings.
 */
import { paths } from '../../config/paths';
import type { Filter } from '../../lib/query-filter/ast';
import { all, eq, lt, printFilter } from '../../lib/query-filter/build';

export const STATES = ['PENDING', 'ACQUIRED'] as const;
export const SYNC_ACTIONS = ['notifyCreate', 'notifyUpdate', 'notifyDelete'] as const;
/** Auto-refresh choices in seconds; 0 = off (the default). */
export const REFRESH_INTERVALS = [0, 10, 30, 60] as const;

/** An event ACQUIRED by a node for longer than this may be stuck. */
export const STUCK_AFTER_MS = 15 * 60_000;
/** An event with this many retries left or fewer is close to being abandoned. */
export const FEW_RETRIES = 1;

export interface SyncQueueView {
  mapping: string;
  state: '' | (typeof STATES)[number];
  action: '' | (typeof SYNC_ACTIONS)[number];
  resourceId: string;
  /** "Remaining retries below N"; empty = no limit. */
  retriesBelow: string;
  /** A raw `_queryFilter`; replaces the simple filters when set. */
  advanced: string;
  refresh: number;
  /** The event whose change is open (its old and new objects), '' for none. */
  event: string;
}

export const EMPTY_FILTERS = { mapping: '', state: '', action: '', resourceId: '', retriesBelow: '', advanced: '' } as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

export function readSyncQueueView(params: URLSearchParams): SyncQueueView {
  const retries = params.get('retriesBelow') ?? '';
  const refresh = Number(params.get('refresh'));
  return {
    mapping: params.get('mapping') ?? '',
    state: oneOf(STATES, params.get('state')),
    action: oneOf(SYNC_ACTIONS, params.get('action')),
    resourceId: params.get('resourceId') ?? '',
    retriesBelow: /^\d+$/.test(retries) ? retries : '',
    advanced: params.get('filter') ?? '',
    refresh: (REFRESH_INTERVALS as readonly number[]).includes(refresh) ? refresh : 0,
    event: params.get('event') ?? '',
  };
}

export function writeSyncQueueView(view: SyncQueueView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.advanced) {
    params.set('filter', view.advanced);
  } else {
    if (view.mapping) params.set('mapping', view.mapping);
    if (view.state) params.set('state', view.state);
    if (view.action) params.set('action', view.action);
    if (view.resourceId) params.set('resourceId', view.resourceId);
    if (view.retriesBelow) params.set('retriesBelow', view.retriesBelow);
  }
  if (view.refresh) params.set('refresh', String(view.refresh));
  if (view.event) params.set('event', view.event);
  return params;
}

/**
 * A link to the queue showing what `view` filters: other pages link here through this builder, so
 * the queue's parameters are written in one place.
 */
export function queueUrl(view: Partial<SyncQueueView>): string {
  const params = writeSyncQueueView({ ...EMPTY_FILTERS, refresh: 0, event: '', ...view }).toString();
  return params ? `${paths.syncQueue}?${params}` : paths.syncQueue;
}

/**
 * The events of `mapping` that {@link flagsOf} calls possibly stuck at `now`, as a server filter:
 * ACQUIRED and created before `now - STUCK_AFTER_MS` (ISO timestamps compare as text).
 */
export function stuckFilter(mapping: string, now: number): string {
  const before = new Date(now - STUCK_AFTER_MS).toISOString();
  return printFilter(all(eq('/mapping', mapping), eq('/state', 'ACQUIRED'), lt('/createDate', before)));
}

export function hasFilter(view: SyncQueueView): boolean {
  return Boolean(view.advanced || view.mapping || view.state || view.action || view.resourceId || view.retriesBelow);
}

/** The `_queryFilter` the server gets: the advanced filter as typed, or one built and escaped here. */
export function queryFilterOf(view: SyncQueueView): string {
  if (view.advanced) return view.advanced;
  const parts: Filter[] = [];
  if (view.mapping) parts.push(eq('/mapping', view.mapping));
  if (view.state) parts.push(eq('/state', view.state));
  if (view.action) parts.push(eq('/syncAction', view.action));
  if (view.resourceId) parts.push(eq('/resourceId', view.resourceId));
  if (view.retriesBelow) parts.push(lt('/remainingRetries', Number(view.retriesBelow)));
  return printFilter(all(...parts));
}

export interface EventFlags {
  /** ACQUIRED by a node for longer than {@link STUCK_AFTER_MS} (measured from its creation). */
  possiblyStuck: boolean;
  /** Retries left, when the server says. */
  fewRetries: boolean;
}

export function flagsOf(event: { state: string | null; createDate?: string | null; remainingRetries?: number | null }, now: number): EventFlags {
  const created = event.createDate ? Date.parse(event.createDate) : Number.NaN;
  return {
    possiblyStuck: event.state === 'ACQUIRED' && Number.isFinite(created) && now - created > STUCK_AFTER_MS,
    fewRetries: typeof event.remainingRetries === 'number' && event.remainingRetries <= FEW_RETRIES,
  };
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": compact, for a table column. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}
