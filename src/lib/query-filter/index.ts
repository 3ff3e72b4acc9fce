export type { Filter } from './ast';
export { STANDARD_OPERATORS } from './ast';
export { FilterSyntaxError, checkFilter, parseFilter } from './parse';
export { all, eq, lt, printFilter, sw } from './build';
export { matchesFilter, resolvePointer } from './evaluate';
