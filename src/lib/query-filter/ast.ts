/**
 * The abstract syntax of a CREST `_queryFilter` (idm-api.md §6.2). The parser produces it, the
 * builder prints it, and the mock tenant evaluates it, so console and mock agree on what a filter
 * means.
 */
export type FilterValue = string | number | boolean;

export type Filter =
  | { readonly type: 'literal'; readonly value: boolean }
  | { readonly type: 'and' | 'or'; readonly operands: readonly Filter[] }
  | { readonly type: 'not'; readonly operand: Filter }
  | { readonly type: 'presence'; readonly pointer: string }
  | {
      readonly type: 'comparison';
      /** Lower-case operator: eq, co, sw, lt, le, gt, ge or an extended operator. */
      readonly operator: string;
      /** JSON pointer, always with a leading `/`. */
      readonly pointer: string;
      readonly value: FilterValue;
    };

export const STANDARD_OPERATORS = ['eq', 'co', 'sw', 'lt', 'le', 'gt', 'ge'] as const;
