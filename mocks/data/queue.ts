/**
 * The mock tenant's sync queue (idm-api.md §4): queued implicit-sync events for the mappings that
 * have `queuedSync` enabled, both states, some acquired long ago by a node and some with few
 * retries left. Thousands by default, 200,000 in large-data mode.
 *
 * Events are kept in queue order (createDate, then `_id`), so a page can start from the server's
 * cursor with a binary search instead of a scan, and deleting events never invalidates a cursor.
 */
import { createRandom, hashText, pick, type Random } from '../random';
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

/** An event whose createDate has nanoseconds. */
export const NANOSECOND_EVENT_ID = '7a11ce5e-c0de-4ace-9ace-00000000a11c';

export const XSS_RESOURCE_ID = '<img src=x onerror=alert(1)>';

/**
 * A resource id of 160 characters with no place to break a line (no space, hyphen or slash): the
 * console must still show it whole, wrapped, at 320 px.
 */
export const LONG_RESOURCE_ID = '7f3a9c2e'.repeat(20);
export const LONG_EVENT_ID = '1000a11d-0000-4000-8000-00000000001d';

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
  store.insert({
    _id: LONG_EVENT_ID,
    _rev: '0000000000000003',
    mapping: 'managedAlpha_user_managedBravo_user',
    resourceId: LONG_RESOURCE_ID,
    syncAction: 'notifyUpdate',
    state: 'PENDING',
    resourceCollection: 'managed/alpha_user',
    nodeId: null,
    createDate: new Date(now - 100_000).toISOString(),
    remainingRetries: 5,
  });
  // A live tenant was seen writing createDate with nanoseconds (idm-api.md §10).
  store.insert({
    _id: '7a11ce5e-c0de-4ace-9ace-00000000a11c',
    _rev: '0000000000000002',
    mapping: 'managedAlpha_user_systemAdAccounts',
    resourceId: alphaUserIds()[0]!,
    syncAction: 'notifyUpdate',
    state: 'PENDING',
    resourceCollection: 'managed/alpha_user',
    nodeId: null,
    createDate: new Date(now - 120_000).toISOString().replace('Z', '123456Z'),
    remainingRetries: 3,
  });
  return store;
}

const GIVEN_NAMES = ['Ana', 'Bruno', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Mei', 'Nadia', 'Omar', 'Priya'];
const SURNAMES = [
  'Almeida',
  'Bauer',
  'Chen',
  'Dubois',
  'Eze',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  "O'Brien",
  'Nakamura',
];
const CITIES = [
  { city: 'Lisbon', postalCode: '1100-148', country: 'PT', stateProvince: 'Lisboa' },
  { city: 'Grenoble', postalCode: '38000', country: 'FR', stateProvince: 'Isère' },
  { city: 'Austin', postalCode: '78701', country: 'US', stateProvince: 'TX' },
  { city: 'Bristol', postalCode: 'BS1 4DJ', country: 'GB', stateProvince: 'England' },
];
const ROLES = ['employee', 'contractor', 'sales', 'it-admin', 'hr-partner', 'finance'];

/**
 * The changed object's state before and after the change, as a real queued event carries them
 * (`oldObject`, `newObject`; idm-api.md §10): a whole managed user of a few kilobytes each. A create
 * has no `oldObject`, a delete no `newObject`; an update changes a few attributes. Derived from the
 * event's id on each read rather than stored, so 200,000 events cost no memory for them.
 */
export function changeOf(event: QueuedEvent): { oldObject: Record<string, unknown> | null; newObject: Record<string, unknown> | null } {
  const random = createRandom(hashText(event._id));
  const given = pick(random, GIVEN_NAMES);
  const sn = pick(random, SURNAMES);
  const userName = `${given}.${sn}${Math.floor(random() * 900) + 100}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
  const place = pick(random, CITIES);
  const roles = ROLES.filter(() => random() < 0.35);
  const realm = event.resourceCollection.replace(/^managed\//, '').replace(/_user$/, '');
  const before: Record<string, unknown> = {
    _id: event.resourceId,
    _rev: `${Math.floor(random() * 90) + 10}`,
    userName,
    givenName: given,
    sn,
    cn: `${given} ${sn}`,
    displayName: `${given} ${sn}`,
    mail: `${userName}@example.com`,
    telephoneNumber: `+1 512 555 ${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
    postalAddress: `${Math.floor(random() * 200) + 1} Main Street`,
    ...place,
    description: `Account provisioned for ${realm} by the onboarding workflow`,
    accountStatus: 'active',
    preferences: { updates: random() < 0.5, marketing: random() < 0.3 },
    consentedMappings: [],
    kbaInfo: [
      {
        questionId: '1',
        answer: { $crypto: { type: 'salted-hash', value: { algorithm: 'SHA-256', data: 'fLTVfAZ2ExEUGZ4M0JPmSRO1p4ZQXJ3zKqH1YVx0PZ8cQ2b5D3eLJ1hGvP2oRzI' } } },
      },
      {
        questionId: '2',
        answer: { $crypto: { type: 'salted-hash', value: { algorithm: 'SHA-256', data: 'T0gxZk9wYWJjRHlvc2FkYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY3' } } },
      },
    ],
    effectiveRoles: roles.map((role) => ({
      _refResourceCollection: `managed/${realm}_role`,
      _refResourceId: `${role}-${hashText(role).toString(16)}`,
      _ref: `managed/${realm}_role/${role}-${hashText(role).toString(16)}`,
    })),
    effectiveAssignments: roles.map((role) => ({
      _refResourceCollection: `managed/${realm}_assignment`,
      _refResourceId: `ldap-${role}`,
      _ref: `managed/${realm}_assignment/ldap-${role}`,
    })),
    aliasList: [],
    memberOfOrgIDs: [],
    frIndexedString1: pick(random, ['EMEA', 'AMER', 'APAC']),
    frIndexedString2: `cost-center-${Math.floor(random() * 900) + 100}`,
    frIndexedDate1: new Date(Date.UTC(2020, Math.floor(random() * 60), 1)).toISOString(),
    frUnindexedString1: null,
    passwordLastChangedTime: new Date(Date.UTC(2026, Math.floor(random() * 10), 1 + Math.floor(random() * 27))).toISOString(),
    lastSync: { [event.mapping]: { effectiveAssignments: [], timestamp: new Date(Date.UTC(2026, 9, 1 + Math.floor(random() * 27))).toISOString() } },
  };
  if (event.syncAction === 'notifyCreate') return { oldObject: null, newObject: before };
  if (event.syncAction === 'notifyDelete') return { oldObject: before, newObject: null };
  const after: Record<string, unknown> = { ...before, _rev: String(Number(before._rev) + 1) };
  const changes = [
    () => (after.telephoneNumber = `+1 512 555 ${String(Math.floor(random() * 10_000)).padStart(4, '0')}`),
    () => (after.description = 'Moved to the platform team'),
    () => (after.accountStatus = 'inactive'),
    () => Object.assign(after, pick(random, CITIES)),
    () => (after.sn = pick(random, SURNAMES)),
    () => (after.preferences = { ...(before.preferences as object), marketing: !(before.preferences as { marketing: boolean }).marketing }),
  ];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) pick(random, changes)();
  return { oldObject: before, newObject: after };
}
