export type { Filter, FilterValue } from './ast';
export { STANDARD_OPERATORS } from './ast';
export { FilterSyntaxError, checkFilter, parseFilter } from './parse';
export type { FilterCheck } from './parse';
export { all, eq, lt, printFilter, quoteString, sw } from './build';
export { matchesFilter, resolvePointer } from './evaluate';
