import { getRuntimeConfig, type RuntimeConfig } from '../config/runtime-config';

/** How the header and the sign-in page name the tenant. */
export function tenantLabel(config: RuntimeConfig = getRuntimeConfig()): string {
  if (config.mock) return 'Mock tenant (in this browser)';
  if (!config.tenantUrl) return window.location.host;
  return new URL(config.tenantUrl).host;
}
