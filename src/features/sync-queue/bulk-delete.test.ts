/** Bulk-delete bookkeeping, against the mock tenant through MSW (the real fetch layer). */
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { getTenant } from '../../../mocks/tenant';
import { deleteQueuedEvent } from './api/requests';
import { deleteEach, removedIds, stillSelected, summarize, type DeleteResults } from './bulk-delete';

afterEach(() => server.events.removeAllListeners());

function deletesSeen(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'DELETE') seen.push(decodeURIComponent(new URL(request.url).pathname.split('/').pop()!));
  });
  return seen;
}

describe('deleteEach', () => {
  it('deletes each event once, reports 404 as already gone and keeps failures selected', async () => {
    const [a, b, c, d] = getTenant()
      .queue.events.slice(1, 5)
      .map((e) => e._id) as [string, string, string, string];
    getTenant().queue.delete(b); // processed by a node in the meantime
    server.use(
      http.delete(`*/openidm/sync/queue/${c}`, () =>
        HttpResponse.json({ code: 500, reason: 'Internal Server Error', message: 'Repository is read-only' }, { status: 500 }),
      ),
    );
    const seen = deletesSeen();
    const updates: DeleteResults[] = [];

    const results = await deleteEach([a, b, c, d, a, d], deleteQueuedEvent, { concurrency: 2, onUpdate: (r) => updates.push(r) });

    expect(seen.sort()).toEqual([a, b, c, d].sort());
    expect(results.get(a)).toEqual({ status: 'deleted' });
    expect(results.get(b)).toMatchObject({ status: 'gone' });
    expect(results.get(c)).toEqual({ status: 'failed', message: '500 Internal Server Error: Repository is read-only' });
    expect(results.get(d)).toEqual({ status: 'deleted' });
    expect(summarize(results)).toEqual({ total: 4, done: 4, deleted: 2, gone: 1, failed: 1 });
    expect(getTenant().queue.get(a)).toBeUndefined();
    expect(getTenant().queue.get(c)).toBeDefined();

    // Progress was reported along the way, starting with everything pending.
    expect(summarize(updates[0]!)).toMatchObject({ total: 4, done: 0 });
    expect(updates.map((u) => summarize(u).done)).toContain(2);

    expect([...stillSelected([a, b, c, d], results)]).toEqual([c]);
    expect(removedIds(results).sort()).toEqual([a, b, d].sort());
  });

  it('keeps what a cancelled run never reached selected', async () => {
    const ids = getTenant()
      .queue.events.slice(1, 4)
      .map((e) => e._id);
    const controller = new AbortController();
    controller.abort();
    const results = await deleteEach(ids, deleteQueuedEvent, { signal: controller.signal, onUpdate: () => undefined });
    expect([...stillSelected(ids, results)]).toEqual(ids);
    expect(
      getTenant()
        .queue.events.slice(1, 4)
        .map((e) => e._id),
    ).toEqual(ids);
  });
});
