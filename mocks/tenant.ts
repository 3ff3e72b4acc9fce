/**
 * The mock tenant's one typed in-memory store. Every handler reads and writes it through
 * `getTenant()`; tests start each case from `resetTenant()`, seeded the same way every time.
 */
import { seedLinks, type LinkStore } from './data/links';
import { seedMappings, type MockMapping } from './data/mappings';
import { seedQueue, type QueueStore } from './data/queue';
import { createClock } from './recon/engine';
import { seedRecon, type ReconState } from './recon/seed';

/**
 * Which real server the mock tenant behaves like (idm-api.md §10):
 * - `aic` (default): PingOne Advanced Identity Cloud as documented.
 * - `self-managed`: PingIDM on a JDBC repository, as the engine's source behaves: numeric-offset
 *   queue cookies with a trailing empty page, `config/sync` 404 (mappings in `config/mapping/<name>`),
 *   only the latest run's per-record report kept, and so on.
 */
export type ServerProfile = 'aic' | 'self-managed';
export const SERVER_PROFILES: readonly ServerProfile[] = ['aic', 'self-managed'];

export function parseServerProfile(value: unknown): ServerProfile | undefined {
  return typeof value === 'string' && (SERVER_PROFILES as readonly string[]).includes(value) ? (value as ServerProfile) : undefined;
}

export interface TenantOptions {
  /** Which server to behave like (default `aic`). */
  profile?: ServerProfile;
  /** 10,000 mappings (and more of everything) for benchmarks. */
  large?: boolean;
  /** Recon runs progress this many times faster than real time (tests speed time up). */
  timeScale?: number;
  /** How many past recon runs to seed (default 40, 600 with `large`). */
  reconHistory?: number;
}

export interface Tenant {
  options: TenantOptions;
  mappings: MockMapping[];
  recon: ReconState;
  /** Queued sync events, in queue order (4,000 by default, 200,000 with `large`). */
  queue: QueueStore;
  /** Objects and their links, for getLinkedResources. */
  links: LinkStore;
}

export function createTenant(options: TenantOptions = {}): Tenant {
  const mappings = seedMappings(options);
  return {
    options,
    mappings,
    recon: seedRecon(mappings, createClock(options.timeScale), options.reconHistory ?? (options.large ? 600 : 40)),
    queue: seedQueue(options),
    links: seedLinks(),
  };
}

let current: Tenant | null = null;

/** The profile of the current tenant. */
export function serverProfile(): ServerProfile {
  return getTenant().options.profile ?? 'aic';
}

export function getTenant(): Tenant {
  current ??= createTenant();
  return current;
}

export function resetTenant(options: TenantOptions = current?.options ?? {}): Tenant {
  current = createTenant(options);
  return current;
}
