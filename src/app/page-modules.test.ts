import { describe, expect, it } from 'vitest';
import { pageModuleAt, pageModules } from './page-modules';

describe('the page module requested at start-up', () => {
  it('is the module of the page the router will show', () => {
    expect(pageModuleAt('/', '/')).toBe(pageModules.overview);
    expect(pageModuleAt('/mappings', '/')).toBe(pageModules.mappings);
    expect(pageModuleAt('/mappings/systemHrdb_managedUser', '/')).toBe(pageModules.mapping);
    expect(pageModuleAt('/recon', '/')).toBe(pageModules.recon);
    expect(pageModuleAt('/recon/0f6a2c4e-1b7d-4e7a-9c1e-3f5b6a7c8d9e-12', '/')).toBe(pageModules.reconRun);
    expect(pageModuleAt('/sync-queue', '/')).toBe(pageModules.syncQueue);
    expect(pageModuleAt('/linked-resources', '/')).toBe(pageModules.linkedResources);
  });

  it('follows the base path of a sub-path deploy', () => {
    expect(pageModuleAt('/console/', '/console/')).toBe(pageModules.overview);
    expect(pageModuleAt('/console', '/console/')).toBe(pageModules.overview);
    expect(pageModuleAt('/console/sync-queue', '/console/')).toBe(pageModules.syncQueue);
    expect(pageModuleAt('/sync-queue', '/console/')).toBeUndefined();
  });

  it('is none for a path no page has (the router shows "not found" without loading a page)', () => {
    expect(pageModuleAt('/nowhere', '/')).toBeUndefined();
    expect(pageModuleAt('/sync-queue/x', '/')).toBeUndefined();
    expect(pageModuleAt('/mappings/a/b', '/')).toBeUndefined();
    expect(pageModuleAt('/auth/callback', '/')).toBeUndefined();
  });
});
