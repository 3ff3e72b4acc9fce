// The grammar and its evaluation, for the mock tenant, the benchmark and tests. The console's own
// code imports build.ts (filters it writes) and lazy-check.ts (filters users write) directly, so
// the parser stays out of every page's chunk until an advanced filter has to be checked.
export type { Filter } from './ast';
export { STANDARD_OPERATORS } from './ast';
export { FilterSyntaxError, checkFilter, parseFilter } from './parse';
export { matchesFilter, resolvePointer } from './evaluate';
