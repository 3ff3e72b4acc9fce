/** Route helpers shared by links, the router and e2e tests, so a URL is written in one place. */
export const paths = {
  home: '/',
  mappings: '/mappings',
  mapping: (name: string) => `/mappings/${encodeURIComponent(name)}`,
  recon: '/recon',
  reconRun: (id: string) => `/recon/${encodeURIComponent(id)}`,
  syncQueue: '/sync-queue',
  linkedResources: '/linked-resources',
} as const;
