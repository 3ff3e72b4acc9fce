/**
 * The mock tenant's one typed in-memory store. Every handler reads and writes it through
 * `getTenant()`; tests start each case from `resetTenant()`, seeded the same way every time.
 */
import { seedLinks, type LinkStore } from './data/links';
import { seedMappings, type MockMapping } from './data/mappings';
import { seedQueue, type QueueStore } from './data/queue';
import { createClock } from './recon/engine';
import { seedRecon, type ReconState } from './recon/seed';

export interface TenantOptions {
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

export function getTenant(): Tenant {
  current ??= createTenant();
  return current;
}

export function resetTenant(options: TenantOptions = current?.options ?? {}): Tenant {
  current = createTenant(options);
  return current;
}
