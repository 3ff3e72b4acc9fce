/**
 * The mock tenant's sync queue (idm-api.md §4): queued implicit-sync events for the mappings that
 * have `queuedSync` enabled, both states, some acquired long ago by a node and some with few
 * retries left. Thousands by default, 200,000 in large-data mode.
 *
 * Events are kept in queue order (createDate, then `_id`), so a page can start from the server's
 * cursor with a binary search instead of a scan, and deleting events never invalidates a cursor.
 */
import { createRandom, type Random } from '../random';
import { alphaUserIds } from './links';

export interface QueuedEvent {
  _id: string;
  _rev: string;
  mapping: string;
  resourceId: string;
  syncAction: 'notifyCreate' | 'notifyUpdate' | 'notifyDelete';
  state: 'PENDING' | 'ACQUIRED';
  resourceCollection: string;
  nodeId: string | null;
  createDate: string;
  /** Filterable on the real server; not in the documented sample record, so the console copes without it. */
  remainingRetries?: number;
}

/** The mappings that queue events, with their source collection and maxRetries. */
export const QUEUED_MAPPINGS = [
  { name: 'managedUser_systemLdapAccounts', source: 'managed/user', weight: 3, maxRetries: 5 },
  { name: 'managedAlpha_user_systemLdapAccounts', source: 'managed/alpha_user', weight: 4, maxRetries: 5 },
  { name: 'managedAlpha_user_systemAdAccounts', source: 'managed/alpha_user', weight: 2, maxRetries: 3 },
  { name: 'managedBravo_user_systemSalesforceUsers', source: 'managed/bravo_user', weight: 1, maxRetries: 5 },
  // Its target connector is down: events pile up, acquired and retried.
  { name: 'managedAlpha_user_systemServicenowUsers', source: 'managed/alpha_user', weight: 1, maxRetries: 2 },
  { name: 'managedAlpha_user_managedBravo_user', source: 'managed/alpha_user', weight: 1, maxRetries: 5 },
] as const;

/** The documented sample event (idm-api.md §4.2), kept as the oldest event in the queue. */
export const DOCUMENTED_EVENT: QueuedEvent = {
  _id: '03e6ab3b-9e5f-43ac-a7a7-a889c5556955',
  _rev: '0000000034dba395',
  mapping: 'managedUser_systemLdapAccounts',
  resourceId: 'e6533cfe-81ad-4fe8-8104-55e17bd9a1a9',
  syncAction: 'notifyCreate',
  state: 'PENDING',
  resourceCollection: 'managed/realm-name_user',
  nodeId: null,
  createDate: '2018-11-12T07:45:00.072Z',
  remainingRetries: 5,
};

export const XSS_RESOURCE_ID = '<img src=x onerror=alert(1)>';

const ACTIONS = ['notifyCreate', 'notifyUpdate', 'notifyUpdate', 'notifyUpdate', 'notifyDelete'] as const;
const NODES = ['node-1', 'node-2', 'node-3'];

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUID-shaped id from four draws, fast enough for 200,000 events. */
function fastUuid(random: Random): string {
  const words = [random() * 4294967296, random() * 4294967296, random() * 4294967296, random() * 4294967296];
  const bytes: string[] = [];
  for (const word of words) {
    const w = word >>> 0;
    bytes.push(HEX[w >>> 24]!, HEX[(w >>> 16) & 255]!, HEX[(w >>> 8) & 255]!, HEX[w & 255]!);
  }
  bytes[6] = `4${bytes[6]![1]}`;
  bytes[8] = `${'89ab'[(words[2]! >>> 0) & 3]}${bytes[8]![1]}`;
  return `${bytes.slice(0, 4).join('')}-${bytes[4]}${bytes[5]}-${bytes[6]}${bytes[7]}-${bytes[8]}${bytes[9]}-${bytes.slice(10).join('')}`;
}

export function queueKey(event: Pick<QueuedEvent, 'createDate' | '_id'>): string {
  return `${event.createDate}|${event._id}`;
}

/** Queue order: createDate, then `_id` (compared field by field: no key strings to build). */
export function compareQueueOrder(x: Pick<QueuedEvent, 'createDate' | '_id'>, y: Pick<QueuedEvent, 'createDate' | '_id'>): number {
  if (x.createDate !== y.createDate) return x.createDate < y.createDate ? -1 : 1;
  return x._id < y._id ? -1 : x._id > y._id ? 1 : 0;
}

/** The queue, in queue order, with an index by id. */
export class QueueStore {
  readonly events: QueuedEvent[];
  private readonly byId = new Map<string, QueuedEvent>();

  constructor(events: QueuedEvent[]) {
    let sorted = true;
    for (let i = 1; i < events.length && sorted; i++) sorted = compareQueueOrder(events[i - 1]!, events[i]!) <= 0;
    this.events = sorted ? events : events.sort(compareQueueOrder);
    for (const event of this.events) this.byId.set(event._id, event);
  }

  get size(): number {
    return this.events.length;
  }

  get(id: string): QueuedEvent | undefined {
    return this.byId.get(id);
  }

  /** Index of the first event that comes after `position` in queue order. */
  indexAfter(position: Pick<QueuedEvent, 'createDate' | '_id'>): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareQueueOrder(this.events[mid]!, position) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(event: QueuedEvent): void {
    this.events.splice(this.indexAfter(event), 0, event);
    this.byId.set(event._id, event);
  }

  delete(id: string): QueuedEvent | undefined {
    const event = this.byId.get(id);
    if (!event) return undefined;
    this.byId.delete(id);
    const index = this.indexAfter(event) - 1;
    if (this.events[index] === event) this.events.splice(index, 1);
    else this.events.splice(this.events.indexOf(event), 1);
    return event;
  }
}

export interface QueueSeedOptions {
  large?: boolean;
  /** The clock the ages are measured from; events are between a few seconds and a few days old. */
  now?: number;
}

export function seedQueue(options: QueueSeedOptions = {}): QueueStore {
  const random = createRandom(11);
  const now = options.now ?? Date.now();
  const count = options.large ? 200_000 : 4_000;
  const totalWeight = QUEUED_MAPPINGS.reduce((sum, m) => sum + m.weight, 0);
  const events: QueuedEvent[] = [{ ...DOCUMENTED_EVENT }];
  // Some alpha-user events name users that exist, so the console can pivot to their links.
  const knownUsers = alphaUserIds();
  // Ages spread over three days, most of them recent; drawn first and sorted, so the events are
  // generated in queue order (oldest first) and need no sorting.
  const ages = new Float64Array(count);
  for (let i = 0; i < count; i++) ages[i] = Math.floor(random() ** 3 * 3 * 24 * 3600_000) + 5_000;
  ages.sort().reverse();
  // One event per millisecond at most, so queue order is createDate order.
  for (let i = count - 2; i >= 0; i--) if (ages[i]! <= ages[i + 1]!) ages[i] = ages[i + 1]! + 1;
  for (let i = 0; i < count; i++) {
    let draw = random() * totalWeight;
    let mapping: (typeof QUEUED_MAPPINGS)[number] = QUEUED_MAPPINGS[0];
    for (const m of QUEUED_MAPPINGS) {
      draw -= m.weight;
      if (draw < 0) {
        mapping = m;
        break;
      }
    }
    const stuckMapping = mapping.name === 'managedAlpha_user_systemServicenowUsers';
    const ageMs = ages[i]!;
    const acquired = stuckMapping ? random() < 0.6 : random() < 0.08;
    const retriesUsed = stuckMapping ? Math.floor(random() * (mapping.maxRetries + 1)) : random() < 0.04 ? mapping.maxRetries - 1 : 0;
    const event: QueuedEvent = {
      _id: fastUuid(random),
      _rev: `00000000${HEX[i & 255]}${HEX[(i >>> 8) & 255]}${HEX[(i >>> 16) & 255]}00`,
      mapping: mapping.name,
      resourceId: mapping.source === 'managed/alpha_user' && random() < 0.3 ? knownUsers[Math.floor(random() * knownUsers.length)]! : fastUuid(random),
      syncAction: ACTIONS[Math.floor(random() * ACTIONS.length)]!,
      state: acquired ? 'ACQUIRED' : 'PENDING',
      resourceCollection: mapping.source,
      nodeId: acquired ? NODES[Math.floor(random() * NODES.length)]! : null,
      createDate: new Date(now - ageMs).toISOString(),
      remainingRetries: Math.max(0, mapping.maxRetries - retriesUsed),
    };
    events.push(event);
  }
  const store = new QueueStore(events);
  // Odd values the console must show as text.
  store.insert({
    _id: '5c0ffee0-0bad-4bad-8bad-00000000d00d',
    _rev: '0000000000000001',
    mapping: 'managedAlpha_user_systemLdapAccounts',
    resourceId: XSS_RESOURCE_ID,
    syncAction: 'notifyUpdate',
    state: 'PENDING',
    resourceCollection: 'managed/alpha_user',
    nodeId: null,
    createDate: new Date(now - 90_000).toISOString(),
    remainingRetries: 5,
  });
  return store;
}
