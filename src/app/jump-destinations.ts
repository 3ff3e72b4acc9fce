/**
 * What the header's jump box (src/components/jump-box.tsx) needs from the features: mappings by
 * name prefix (matched on the server, a few at a time) and where runs and objects live.
 */
import type { Destination, JumpBoxProps } from '../components/jump-box';
import { paths } from '../config/paths';
import { listMappings } from '../features/mappings/api/requests';
import { printFilter, sw } from '../lib/query-filter/build';

export const JUMP_MAPPINGS = 8;

export async function searchMappingDestinations(prefix: string, signal: AbortSignal): Promise<Destination[]> {
  const page = await listMappings({ filter: printFilter(sw('/name', prefix)), pageSize: JUMP_MAPPINGS }, signal);
  return page.result.map((m) => ({ label: `Mapping ${m.name}`, to: paths.mapping(m.name) }));
}

export const jumpUrls: JumpBoxProps['urls'] = { reconRun: paths.reconRun, object: paths.linkedResourcesOf };
