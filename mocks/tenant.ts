/**
 * The mock tenant's one typed in-memory store. Every handler reads and writes it through
 * `getTenant()`; tests start each case from `resetTenant()`, seeded the same way every time.
 */
import { seedMappings, type MockMapping } from './data/mappings';

export interface TenantOptions {
  /** 10,000 mappings (and more of everything) for benchmarks. */
  large?: boolean;
}

export interface Tenant {
  options: TenantOptions;
  mappings: MockMapping[];
}

export function createTenant(options: TenantOptions = {}): Tenant {
  return {
    options,
    mappings: seedMappings(options),
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
