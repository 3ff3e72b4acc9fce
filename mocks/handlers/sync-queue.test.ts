/** The mock tenant's queue, linked resources and config endpoints keep the documented shapes. */
import { beforeEach, describe, expect, it } from 'vitest';
import { compareQueueOrder, DOCUMENTED_EVENT, seedQueue } from '../data/queue';
import { getTenant, resetTenant, SERVER_PROFILES } from '../tenant';

const base = 'https://tenant.example.test/openidm';
const headers = { 'Accept-API-Version': 'resource=1.0' };

async function get(path: string) {
  const response = await fetch(`${base}/${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { result: Record<string, unknown>[] } };
}

/** Every page of a query, following the cookie until the server gives none. */
async function readAll(filter: string, pageSize: number): Promise<{ ids: string[]; pages: Record<string, unknown>[][]; cookies: (string | null)[] }> {
  const ids: string[] = [];
  const pages: Record<string, unknown>[][] = [];
  const cookies: (string | null)[] = [];
  let cookie: string | null = null;
  do {
    const { status, body } = await get(
      `sync/queue?_queryFilter=${encodeURIComponent(filter)}&_pageSize=${pageSize}&_fields=_id${cookie ? `&_pagedResultsCookie=${encodeURIComponent(cookie)}` : ''}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ totalPagedResultsPolicy: 'NONE', totalPagedResults: -1, remainingPagedResults: -1 });
    ids.push(...body.result.map((e) => e._id as string));
    pages.push(body.result);
    cookie = body.pagedResultsCookie as string | null;
    cookies.push(cookie);
  } while (cookie);
  return { ids, pages, cookies };
}

const DOCUMENTED_FIELDS = ['_id', '_rev', 'mapping', 'resourceId', 'syncAction', 'state', 'resourceCollection', 'nodeId', 'createDate', 'remainingRetries'];

describe.each(SERVER_PROFILES)('GET sync/queue (%s)', (profile) => {
  beforeEach(() => {
    resetTenant({ profile });
  });

  it('pages every event exactly once by cursor, with no totals', async () => {
    const { ids, pages } = await readAll('true', 1000);
    // 4,004 events: five pages on both servers (the last one partly full, so no trailing empty page).
    expect(pages).toHaveLength(5);
    expect(ids).toHaveLength(getTenant().queue.size);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the documented record shape, and adds the old and new objects of the change', async () => {
    const byId = `sync/queue?_queryFilter=${encodeURIComponent(`/_id eq "${DOCUMENTED_EVENT._id}"`)}`;
    const documented = await get(`${byId}&_fields=${DOCUMENTED_FIELDS.join(',')}`);
    expect(documented.body.result).toEqual([
      {
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
      },
    ]);
    // Without _fields the whole event comes, as on a real tenant: a create has no old object.
    const [whole] = (await get(byId)).body.result;
    expect(whole).toMatchObject({ ...DOCUMENTED_EVENT, oldObject: null, newObject: { _id: DOCUMENTED_EVENT.resourceId } });
    expect(JSON.stringify(whole).length).toBeGreaterThan(1500);

    const acquired = await get(`sync/queue?_queryFilter=${encodeURIComponent('/state eq "ACQUIRED"')}&_pageSize=50`);
    expect(acquired.body.result.every((e) => typeof e.nodeId === 'string')).toBe(true);
    const pending = await get(`sync/queue?_queryFilter=${encodeURIComponent('/state eq "PENDING"')}&_pageSize=50`);
    expect(pending.body.result.every((e) => e.nodeId === null)).toBe(true);
  });

  it('carries both objects of an update, with some attributes changed, and only one object for a delete', async () => {
    const { body } = await get(`sync/queue?_queryFilter=${encodeURIComponent('/syncAction eq "notifyUpdate"')}&_pageSize=20`);
    for (const event of body.result) {
      const oldObject = event.oldObject as Record<string, unknown>;
      const newObject = event.newObject as Record<string, unknown>;
      expect(oldObject._id).toBe(event.resourceId);
      const changed = Object.keys(newObject).filter((k) => k !== '_rev' && JSON.stringify(newObject[k]) !== JSON.stringify(oldObject[k]));
      expect(changed.length).toBeGreaterThan(0);
    }
    const deletes = await get(`sync/queue?_queryFilter=${encodeURIComponent('/syncAction eq "notifyDelete"')}&_pageSize=20`);
    expect(deletes.body.result.every((e) => e.newObject === null && typeof e.oldObject === 'object')).toBe(true);
  });

  it('returns only the asked fields, which keeps a page small', async () => {
    const { body } = await get(`sync/queue?_queryFilter=${encodeURIComponent('remainingRetries lt 2')}&_pageSize=20&_fields=remainingRetries`);
    expect(body.result.length).toBe(20);
    for (const e of body.result) {
      expect(Object.keys(e).sort()).toEqual(['_id', '_rev', 'remainingRetries']);
      expect(e.remainingRetries).toBeLessThan(2);
    }
    const whole = await fetch(`${base}/sync/queue?_queryFilter=true&_pageSize=100`, { headers });
    const light = await fetch(`${base}/sync/queue?_queryFilter=true&_pageSize=100&_fields=${DOCUMENTED_FIELDS.join(',')}`, { headers });
    const [wholeBytes, lightBytes] = [(await whole.text()).length, (await light.text()).length];
    expect(lightBytes * 5).toBeLessThan(wholeBytes);
  });

  it('reads one event by an _id filter, and nothing for an unknown id', async () => {
    const id = getTenant().queue.events[10]!._id;
    expect((await get(`sync/queue?_queryFilter=${encodeURIComponent(`_id eq "${id}"`)}`)).body.result.map((e) => e._id)).toEqual([id]);
    expect((await get(`sync/queue?_queryFilter=${encodeURIComponent('_id eq "no-such-event"')}`)).body.result).toEqual([]);
  });

  it('answers 400 to a broken filter or cursor', async () => {
    expect((await get('sync/queue?_queryFilter=state+eq')).status).toBe(400);
    expect((await get('sync/queue?_queryFilter=true&_pagedResultsCookie=nonsense')).status).toBe(400);
  });
});

describe('sync/queue cookies on a self-managed (JDBC) server', () => {
  beforeEach(() => {
    resetTenant({ profile: 'self-managed' });
  });

  it('hands out numeric offsets, and a cookie after an exactly full last page that leads to an empty page', async () => {
    const filter = '/mapping eq "managedAlpha_user_systemAdAccounts"';
    const matching = getTenant().queue.events.filter((e) => e.mapping === 'managedAlpha_user_systemAdAccounts').length;
    const { ids, pages, cookies } = await readAll(filter, matching);
    expect(cookies).toEqual([String(matching), null]);
    expect(pages.map((p) => p.length)).toEqual([matching, 0]);
    expect(ids).toHaveLength(matching);
  });

  it('pages a sorted query by offset too', async () => {
    const first = await get('sync/queue?_queryFilter=true&_pageSize=10&_sortKeys=-createDate&_fields=createDate');
    expect(first.body.pagedResultsCookie).toBe('10');
    const second = await get('sync/queue?_queryFilter=true&_pageSize=10&_sortKeys=-createDate&_fields=createDate&_pagedResultsCookie=10');
    const dates = [...first.body.result, ...second.body.result].map((e) => e.createDate as string);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(second.body.pagedResultsCookie).toBe('20');
  });

  it('shifts what an offset points at when events before it are deleted', async () => {
    const first = await get('sync/queue?_queryFilter=true&_pageSize=10&_fields=_id');
    const cookie = first.body.pagedResultsCookie as string;
    expect(cookie).toBe('10');
    const before = await get(`sync/queue?_queryFilter=true&_pageSize=10&_fields=_id&_pagedResultsCookie=${cookie}`);
    for (const event of first.body.result.slice(0, 3)) getTenant().queue.delete(event._id as string);
    const after = await get(`sync/queue?_queryFilter=true&_pageSize=10&_fields=_id&_pagedResultsCookie=${cookie}`);
    // The same cookie now skips the three events that moved up into the first page's range.
    expect(after.body.result[0]!._id).toBe(before.body.result[3]!._id);
  });
});

describe('sync/queue cookies on AIC', () => {
  it('gives no cookie after the last page, and a cookie that survives deletions', async () => {
    const filter = '/mapping eq "managedAlpha_user_systemAdAccounts"';
    const matching = getTenant().queue.events.filter((e) => e.mapping === 'managedAlpha_user_systemAdAccounts').length;
    expect((await readAll(filter, matching)).cookies).toEqual([null]);
    const first = await get('sync/queue?_queryFilter=true&_pageSize=10&_fields=_id');
    const next = `sync/queue?_queryFilter=true&_pageSize=10&_fields=_id&_pagedResultsCookie=${encodeURIComponent(first.body.pagedResultsCookie as string)}`;
    const before = await get(next);
    for (const event of first.body.result.slice(0, 3)) getTenant().queue.delete(event._id as string);
    expect((await get(next)).body.result).toEqual(before.body.result);
  });
});

describe('DELETE sync/queue/<id>', () => {
  it('deletes once, then answers 404', async () => {
    const id = getTenant().queue.events[3]!._id;
    const first = await fetch(`${base}/sync/queue/${id}`, { method: 'DELETE', headers });
    expect(first.status).toBe(200);
    expect(((await first.json()) as { _id: string })._id).toBe(id);
    const second = await fetch(`${base}/sync/queue/${id}`, { method: 'DELETE', headers });
    expect(second.status).toBe(404);
    expect(await second.json()).toEqual({ code: 404, reason: 'Not Found', message: `Object ${id} not found in sync/queue` });
  });
});

describe('seeding the queue', () => {
  it('seeds 200,000 events in the large mode, in queue order, quickly', () => {
    // CPU time, not wall time: on a loaded machine the wall clock also counts the wait for a core.
    const started = process.cpuUsage();
    const store = seedQueue({ large: true });
    const used = process.cpuUsage(started);
    const elapsed = (used.user + used.system) / 1000;
    expect(store.size).toBe(200_004);
    expect(new Set(store.events.map((e) => e.mapping)).size).toBeGreaterThanOrEqual(5);
    expect(store.events.some((e) => e.state === 'ACQUIRED')).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
    for (let i = 1; i < store.events.length; i++) if (compareQueueOrder(store.events[i - 1]!, store.events[i]!) >= 0) throw new Error(`out of order at ${i}`);
  });
});

describe('POST sync?_action=getLinkedResources', () => {
  it("answers the seed's example verbatim, as a bare array", async () => {
    const response = await fetch(`${base}/sync?_action=getLinkedResources&resourceName=managed/realm-name_user/42f8a60e-2019-4110-a10d-7231c3578e2b`, {
      method: 'POST',
      headers,
    });
    expect(await response.json()).toEqual([
      {
        resourceName: 'system/ldap/account/03496258-1c5e-40a0-8744-badc2500f262',
        content: {
          uid: 'joe.smith1',
          mail: 'joe.smith@example.com',
          sn: 'Smith',
          givenName: 'Joe',
          employeeType: [],
          dn: 'uid=joe.smith1,ou=People,dc=example,dc=com',
          ldapGroups: [],
          cn: 'Joe Smith',
          kbaInfo: [],
          aliasList: [],
          objectClass: ['top', 'inetOrgPerson', 'organizationalPerson', 'person'],
          _id: '03496258-1c5e-40a0-8744-badc2500f262',
        },
        linkQualifier: 'default',
        linkType: 'systemLdapAccounts_managedUser',
      },
    ]);
  });

  it('links only to mappings that exist, and reports an unreadable object with content null', async () => {
    const names = new Set(getTenant().mappings.map((m) => m.name));
    for (const link of getTenant().links.links) expect(names).toContain(link.linkType);
    const response = await fetch(`${base}/sync?_action=getLinkedResources&resourceName=managed/bravo_user/7d1c3a52-5b8e-4c1f-9a0e-2f6b8d4e1a90`, {
      method: 'POST',
      headers,
    });
    const body = (await response.json()) as { content: unknown; error?: string; resourceName: string }[];
    const broken = body.find((e) => e.error);
    expect(broken).toMatchObject({ content: null, resourceName: 'system/servicenow/sys_user/4f1e2d3c-b5a6-4978-8c9d-0e1f2a3b4c5d' });
  });
});

describe('GET config/sync and config/mapping/<name>', () => {
  it('holds every sync.json mapping, in order, and each per-file mapping on its own', async () => {
    const { body } = await get('config/sync');
    // The AIC profile puts a null entry among them, as real documents hold (see handlers/config.ts).
    const mappings = (body.mappings as ({ _id: string; name: string } | null)[]).filter((m) => m !== null);
    const expected = getTenant().mappings.filter((m) => !m.perFile);
    expect(body._id).toBe('sync');
    expect(mappings.map((m) => m.name)).toEqual(expected.map((m) => m.name));
    expect(mappings.every((m) => m._id === `sync/${m.name}`)).toBe(true);
    expect(mappings.some((m) => 'sourceRouteReady' in m || 'perFile' in m)).toBe(false);

    const perFile = await get('config/mapping/managedAlpha_user_managedBravo_user');
    expect(perFile.body._id).toBe('mapping/managedAlpha_user_managedBravo_user');
    expect((await get('config/mapping/managedUser_systemLdapAccounts')).status).toBe(404);
  });
});
