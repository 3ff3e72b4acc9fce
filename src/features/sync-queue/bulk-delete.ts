/**
 * Bookkeeping for deleting queued events: each id is sent once, a few at a time; a 404 means the
 * event was already gone (processed or deleted elsewhere), which is reported but is not a failure;
 * only failures stay selected so the user can retry them.
 */
import { CrestError, describeError } from '../../lib/api-error';

export type DeleteResult =
  { status: 'pending' } | { status: 'deleting' } | { status: 'deleted' } | { status: 'gone'; message: string } | { status: 'failed'; message: string };

export type DeleteResults = ReadonlyMap<string, DeleteResult>;

export interface DeleteSummary {
  total: number;
  done: number;
  deleted: number;
  gone: number;
  failed: number;
}

export function summarize(results: DeleteResults): DeleteSummary {
  const summary: DeleteSummary = { total: results.size, done: 0, deleted: 0, gone: 0, failed: 0 };
  for (const result of results.values()) {
    if (result.status === 'deleted' || result.status === 'gone' || result.status === 'failed') {
      summary.done++;
      summary[result.status]++;
    }
  }
  return summary;
}

/** What stays selected after a run: the failures, and anything the run never reached. */
export function stillSelected(selected: Iterable<string>, results: DeleteResults): Set<string> {
  const keep = new Set<string>();
  for (const id of selected) {
    const result = results.get(id);
    if (!result || result.status === 'failed' || result.status === 'pending' || result.status === 'deleting') keep.add(id);
  }
  return keep;
}

/** The ids that left the queue (deleted now, or already gone). */
export function removedIds(results: DeleteResults): string[] {
  return [...results].filter(([, r]) => r.status === 'deleted' || r.status === 'gone').map(([id]) => id);
}

export function resultOfError(error: unknown): DeleteResult {
  if (error instanceof CrestError && error.status === 404) return { status: 'gone', message: error.message };
  return { status: 'failed', message: describeError(error) };
}

export interface RunOptions {
  concurrency?: number;
  signal?: AbortSignal;
  /** Called with a fresh snapshot after every change. */
  onUpdate: (results: DeleteResults) => void;
}

/**
 * Deletes each distinct id once, `concurrency` at a time, and resolves with every result. Never
 * throws: a failed delete is a result.
 */
export async function deleteEach(
  ids: Iterable<string>,
  remove: (id: string, signal?: AbortSignal) => Promise<unknown>,
  options: RunOptions,
): Promise<DeleteResults> {
  const queue = [...new Set(ids)];
  const results = new Map<string, DeleteResult>(queue.map((id) => [id, { status: 'pending' }]));
  const publish = () => options.onUpdate(new Map(results));
  publish();
  let next = 0;
  async function worker() {
    while (next < queue.length) {
      if (options.signal?.aborted) return;
      const id = queue[next++]!;
      results.set(id, { status: 'deleting' });
      publish();
      try {
        await remove(id, options.signal);
        results.set(id, { status: 'deleted' });
      } catch (error) {
        results.set(id, resultOfError(error));
      }
      publish();
    }
  }
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, worker);
  await Promise.all(workers);
  return new Map(results);
}
