import { CrestError, MalformedResponseError } from '../../../lib/api-error';
import { request, segment } from '../../../lib/http';
import { eq, printFilter } from '../../../lib/query-filter/build';
import * as z from 'zod/mini';
import { mappingConfigSchema, queueCountSchema, syncConfigSchema, type MappingConfig } from './schemas';

export function readSyncConfig(signal?: AbortSignal) {
  return request({ path: 'config/sync', schema: syncConfigSchema, signal });
}

export type SyncConfig = Awaited<ReturnType<typeof readSyncConfig>>;

/** `config/sync`, or null where the server has none (a 404: newer deployments keep every mapping in its own file). */
export function readSyncConfigIfAny(signal?: AbortSignal): Promise<SyncConfig | null> {
  return orNotHere(readSyncConfig(signal));
}

export function readMappingConfig(name: string, signal?: AbortSignal) {
  return request({ path: `config/mapping/${segment(name)}`, schema: mappingConfigSchema, signal });
}

/** The `sync/mappings` item of that name, as the server sends it (its shape is checked by the caller). */
export async function findSyncMappingsItem(name: string, signal?: AbortSignal): Promise<unknown> {
  const page = await request({
    path: 'sync/mappings',
    query: { _queryFilter: printFilter(eq('/name', name)), _pageSize: 1 },
    schema: z.looseObject({ result: z.array(z.unknown()) }),
    signal,
  });
  return page.result[0];
}

export type MappingLocation = 'config/sync' | `config/mapping/${string}` | 'sync/mappings';

export interface LocatedMapping {
  config: MappingConfig;
  /** Where the configuration was found. */
  location: MappingLocation;
  /**
   * Found only as a `sync/mappings` item that carries neither properties nor policies: what the
   * page shows is its name, source and target, not its whole configuration.
   */
  summaryOnly?: boolean;
}

/** Checks one mapping found in a document like any response. */
function checkMapping(found: unknown, name: string, where: string): MappingConfig {
  const parsed = mappingConfigSchema.safeParse(found);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedResponseError(
      `The mapping ${name} in ${where} has an unexpected shape${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`,
      200,
      '',
    );
  }
  return parsed.data;
}

const named = (name: string) => (entry: unknown) => entry !== null && typeof entry === 'object' && (entry as { name?: unknown }).name === name;

/** Picks one mapping out of `config/sync` (stepping over `null` entries), checking it like any response. */
export function mappingFromSyncConfig(sync: SyncConfig | null, name: string): MappingConfig | null {
  const found = sync?.mappings?.find(named(name));
  return found === undefined ? null : checkMapping(found, name, 'config/sync');
}

/** A 404 means "not kept here"; anything else is a real failure and is shown as it is. */
async function orNotHere<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof CrestError && error.status === 404) return null;
    throw error;
  }
}

/**
 * A mapping that `config/sync` does not hold, wherever else the server keeps it (idm-api.md §2.1,
 * §10): in `config/mapping/<name>`, or only as a `sync/mappings` item (which may carry the full
 * configuration). `config/sync` (which newer deployments answer with 404) is asked first, by its
 * own query (see useLocatedMapping). A 404 from one place is not "no such mapping" while another
 * can still answer; the places are asked in that order and the first that has it wins. Only when
 * none has it is it a 404 naming the three places.
 */
export async function locateMappingOutsideSyncConfig(name: string, signal?: AbortSignal): Promise<LocatedMapping> {
  const perFile = await orNotHere(readMappingConfig(name, signal));
  if (perFile) return { config: perFile, location: `config/mapping/${name}` };
  const item = await findSyncMappingsItem(name, signal);
  if (named(name)(item)) {
    const config = checkMapping(item, name, 'sync/mappings');
    return { config, location: 'sync/mappings', summaryOnly: config.properties === undefined && config.policies === undefined };
  }
  throw new CrestError({
    status: 404,
    code: 404,
    reason: 'Not Found',
    message: `No mapping named ${name}: it is neither in config/sync, nor at config/mapping/${name}, nor listed by sync/mappings`,
  });
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
