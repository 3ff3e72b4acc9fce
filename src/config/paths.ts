/** Route helpers shared by links, the router and e2e tests, so a URL is written in one place. */
export const paths = {
  home: '/',
  mappings: '/mappings',
  mapping: (name: string) => `/mappings/${encodeURIComponent(name)}`,
  recon: '/recon',
  reconRun: (id: string) => `/recon/${encodeURIComponent(id)}`,
  syncQueue: '/sync-queue',
  linkedResources: '/linked-resources',
  /** The linked resources of one object, e.g. `managed/user/<id>`. */
  linkedResourcesOf: (resourceName: string) => `/linked-resources?${new URLSearchParams({ resourceName }).toString()}`,
} as const;
