/** Route helpers shared by links, the router and e2e tests, so a URL is written in one place. */
export const paths = {
  home: '/',
  /** The start page: every mapping's health. */
  overview: '/',
  /** The overview narrowed to the mappings that need attention. */
  overviewAttention: '/?attention=1',
  mappings: '/mappings',
  mapping: (name: string) => `/mappings/${encodeURIComponent(name)}`,
  recon: '/recon',
  reconRun: (id: string) => `/recon/${encodeURIComponent(id)}`,
  syncQueue: '/sync-queue',
  linkedResources: '/linked-resources',
  /** The linked resources of one object, e.g. `managed/user/<id>`. */
  linkedResourcesOf: (resourceName: string) => `/linked-resources?${new URLSearchParams({ resourceName }).toString()}`,
} as const;
