export type { Filter, FilterValue } from './ast';
export { STANDARD_OPERATORS } from './ast';
export { FilterSyntaxError, checkFilter, normalizePointer, parseFilter } from './parse';
export type { FilterCheck } from './parse';
export { all, co, eq, lt, printFilter, quoteString, sw } from './build';
export { UnsupportedOperatorError, matchesFilter, resolvePointer } from './evaluate';
