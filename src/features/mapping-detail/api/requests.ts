import { CrestError, MalformedResponseError } from '../../../lib/api-error';
import { request, segment } from '../../../lib/http';
import { eq, printFilter } from '../../../lib/query-filter';
import { mappingConfigSchema, queueCountSchema, syncConfigSchema, type MappingConfig } from './schemas';

export function readSyncConfig(signal?: AbortSignal) {
  return request({ path: 'config/sync', schema: syncConfigSchema, signal });
}

export function readMappingConfig(name: string, signal?: AbortSignal) {
  return request({ path: `config/mapping/${segment(name)}`, schema: mappingConfigSchema, signal });
}

export interface LocatedMapping {
  config: MappingConfig;
  /** Where the configuration lives: `config/sync` or `config/mapping/<name>`. */
  location: string;
}

/** Picks one mapping out of `config/sync`, checking it like any response. */
export function mappingFromSyncConfig(sync: Awaited<ReturnType<typeof readSyncConfig>>, name: string): MappingConfig | null {
  const found = sync.mappings?.find((m) => m.name === name);
  if (!found) return null;
  const parsed = mappingConfigSchema.safeParse(found);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedResponseError(
      `The mapping ${name} in config/sync has an unexpected shape${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`,
      200,
      '',
    );
  }
  return parsed.data;
}

/** A per-file mapping, or a 404 that names both places looked in. */
export async function readPerFileMapping(name: string, signal?: AbortSignal): Promise<LocatedMapping> {
  try {
    return { config: await readMappingConfig(name, signal), location: `config/mapping/${name}` };
  } catch (error) {
    if (error instanceof CrestError && error.status === 404) {
      throw new CrestError({
        status: 404,
        code: 404,
        reason: error.reason,
        message: `No mapping named ${name}: it is neither in config/sync nor at config/mapping/${name} (the server said: ${error.message})`,
      });
    }
    throw error;
  }
}

export const QUEUE_COUNT_LIMIT = 500;

/** How many events the mapping has queued, counted up to {@link QUEUE_COUNT_LIMIT} (the server gives no totals). */
export async function countQueuedEvents(mapping: string, signal?: AbortSignal): Promise<{ count: number; more: boolean }> {
  const page = await request({
    path: 'sync/queue',
    query: { _queryFilter: printFilter(eq('/mapping', mapping)), _pageSize: QUEUE_COUNT_LIMIT, _fields: '_id' },
    schema: queueCountSchema,
    signal,
  });
  return { count: page.result.length, more: page.pagedResultsCookie != null };
}
