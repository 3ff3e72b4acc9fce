/** Reading queued events as real servers send them: tolerant where the console only displays, strict on ids. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_EVENT } from '../../../../mocks/data/queue';
import { queuedEventEnvelopeSchema, queuedEventSchema, readQueuedEventPage } from './schemas';

const read = (value: unknown) => queuedEventSchema.safeParse(value);

describe('queuedEventSchema', () => {
  it('reads the documented event as it is', () => {
    expect(read(DOCUMENTED_EVENT).data).toEqual({
      _id: '03e6ab3b-9e5f-43ac-a7a7-a889c5556955',
      mapping: 'managedUser_systemLdapAccounts',
      resourceId: 'e6533cfe-81ad-4fe8-8104-55e17bd9a1a9',
      syncAction: 'notifyCreate',
      state: 'PENDING',
      resourceCollection: 'managed/realm-name_user',
      nodeId: null,
      createDate: '2018-11-12T07:45:00.072Z',
      remainingRetries: 5,
    });
  });

  it('accepts the plausible variants of what it only displays', () => {
    const nanos = read({
      ...DOCUMENTED_EVENT,
      createDate: '2026-11-20T15:31:23.123456789Z',
      remainingRetries: '2',
      resourceId: 42,
      oldObject: { a: 1 },
      newObject: null,
    });
    expect(nanos.data).toMatchObject({ createDate: '2026-11-20T15:31:23.123456789Z', remainingRetries: 2, resourceId: '42' });
    expect(Date.parse(nanos.data!.createDate!)).toBe(Date.parse('2026-11-20T15:31:23.123Z'));
    expect(read({ ...DOCUMENTED_EVENT, createDate: 1_795_801_542_123 }).data?.createDate).toBe('2026-11-27T17:45:42.123Z');
    expect(read({ _id: 'only-an-id' }).data).toEqual({
      _id: 'only-an-id',
      mapping: null,
      resourceId: null,
      syncAction: null,
      state: null,
      resourceCollection: null,
      nodeId: null,
      createDate: null,
      remainingRetries: null,
    });
  });

  it('stays strict on the id, and refuses what is not a plausible value', () => {
    expect(read({ ...DOCUMENTED_EVENT, _id: 7 }).error?.issues[0]?.path).toEqual(['_id']);
    expect(read({ ...DOCUMENTED_EVENT, _id: '' }).success).toBe(false);
    expect(read({ ...DOCUMENTED_EVENT, mapping: { name: 'x' } }).error?.issues[0]?.path).toEqual(['mapping']);
    expect(read({ ...DOCUMENTED_EVENT, remainingRetries: 'many' }).error?.issues[0]?.path).toEqual(['remainingRetries']);
  });

  it('any event with a string id and plausible display fields reads, and keeps its id (property)', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const event = fc.record(
      {
        _id: fc.string({ minLength: 1 }),
        mapping: maybe(fc.string()),
        resourceId: maybe(fc.oneof(fc.string(), fc.integer())),
        syncAction: maybe(fc.string()),
        state: maybe(fc.string()),
        resourceCollection: maybe(fc.string()),
        nodeId: maybe(fc.string()),
        createDate: maybe(
          fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '456789Z')),
            fc.integer({ min: 0, max: 4e12 }),
          ),
        ),
        remainingRetries: maybe(fc.oneof(fc.nat(), fc.nat().map(String))),
        oldObject: fc.jsonValue(),
      },
      { requiredKeys: ['_id'] },
    );
    fc.assert(
      fc.property(event, (raw) => {
        const result = read(raw);
        expect(result.success).toBe(true);
        expect(result.data!._id).toBe(raw._id);
        if (raw.createDate !== undefined && raw.createDate !== null) expect(Number.isFinite(Date.parse(result.data!.createDate!))).toBe(true);
        if (raw.remainingRetries !== undefined && raw.remainingRetries !== null) expect(result.data!.remainingRetries).toBe(Number(raw.remainingRetries));
      }),
    );
  });
});

describe('readQueuedEventPage', () => {
  it('keeps the readable events and reports the others with their position, path and raw JSON', () => {
    const broken = { ...DOCUMENTED_EVENT, _id: 12345 };
    const page = readQueuedEventPage(
      queuedEventEnvelopeSchema.parse({
        result: [DOCUMENTED_EVENT, broken, 'junk'],
        pagedResultsCookie: '3',
        totalPagedResultsPolicy: 'NONE',
        totalPagedResults: -1,
      }),
    );
    expect(page.result.map((e) => e._id)).toEqual([DOCUMENTED_EVENT._id]);
    expect(page.received).toBe(3);
    expect(page.pagedResultsCookie).toBe('3');
    expect(page.unreadable).toEqual([
      { index: 1, path: '_id', message: 'expected string, received number', raw: broken },
      { index: 2, path: '', message: 'expected object, received string', raw: 'junk' },
    ]);
  });

  it('still refuses an envelope without a result array: the console pages by it', () => {
    expect(queuedEventEnvelopeSchema.safeParse({ result: 'none' }).success).toBe(false);
    expect(queuedEventEnvelopeSchema.safeParse({ result: [], pagedResultsCookie: 3 }).success).toBe(false);
  });
});
