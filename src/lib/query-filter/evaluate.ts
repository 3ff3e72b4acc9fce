/**
 * Evaluates a parsed filter against a JSON object with the server's semantics: a comparison on an
 * array matches when any element matches, a missing field matches nothing, `pr` means present and
 * not null. The mock tenant uses it; the console uses it only in tests.
 */
import type { Filter, FilterValue } from './ast';

export class UnsupportedOperatorError extends Error {
  constructor(readonly operator: string) {
    super(`Unsupported operator "${operator}" in query filter`);
  }
}

export function resolvePointer(object: unknown, pointer: string): unknown {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let current: unknown = object;
  for (const segment of segments) {
    if (segment === '') continue;
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function compare(actual: unknown, operator: string, expected: FilterValue): boolean {
  if (Array.isArray(actual)) return actual.some((item) => compare(item, operator, expected));
  if (actual === undefined || actual === null) return false;
  switch (operator) {
    case 'eq':
      return actual === expected;
    case 'co':
      return typeof actual === 'string' && typeof expected === 'string' && actual.includes(expected);
    case 'sw':
      return typeof actual === 'string' && typeof expected === 'string' && actual.startsWith(expected);
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      if (typeof actual !== typeof expected || typeof actual === 'boolean') return false;
      const order = (actual as string | number) < expected ? -1 : (actual as string | number) > expected ? 1 : 0;
      return operator === 'lt' ? order < 0 : operator === 'le' ? order <= 0 : operator === 'gt' ? order > 0 : order >= 0;
    }
    default:
      throw new UnsupportedOperatorError(operator);
  }
}

export function matchesFilter(filter: Filter, object: unknown): boolean {
  switch (filter.type) {
    case 'literal':
      return filter.value;
    case 'and':
      return filter.operands.every((operand) => matchesFilter(operand, object));
    case 'or':
      return filter.operands.some((operand) => matchesFilter(operand, object));
    case 'not':
      return !matchesFilter(filter.operand, object);
    case 'presence': {
      const value = resolvePointer(object, filter.pointer);
      return value !== undefined && value !== null;
    }
    case 'comparison':
      return compare(resolvePointer(object, filter.pointer), filter.operator, filter.value);
  }
}
