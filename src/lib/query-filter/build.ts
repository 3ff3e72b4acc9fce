/**
 * Builds `_queryFilter` strings from the filter syntax. Every string value is double-quoted with
 * `"` and `\` escaped, so whatever a user typed reaches the server as the literal they meant.
 */
import type { Filter, FilterValue } from './ast';

const POINTER = /^\/?[^\s()"'\\]+$/;

export function quoteString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function printValue(value: FilterValue): string {
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return String(value);
  if (!Number.isFinite(value)) throw new Error(`A filter cannot hold the number ${value}`);
  if (Number.isSafeInteger(value)) return String(value);
  // The server reads an unquoted value without a '.' as an integer, so decimals always carry one.
  const text = String(value);
  if (text.includes('.')) return text;
  return text.replace(/^(-?\d+)/, '$1.0');
}

function printPointer(pointer: string): string {
  if (!POINTER.test(pointer)) throw new Error(`"${pointer}" cannot be used as a field in a filter`);
  return pointer.startsWith('/') ? pointer : `/${pointer}`;
}

function printOperand(filter: Filter): string {
  return filter.type === 'and' || filter.type === 'or' ? `(${printFilter(filter)})` : printFilter(filter);
}

export function printFilter(filter: Filter): string {
  switch (filter.type) {
    case 'literal':
      return String(filter.value);
    case 'and':
    case 'or':
      if (filter.operands.length === 0) return filter.type === 'and' ? 'true' : 'false';
      if (filter.operands.length === 1) return printFilter(filter.operands[0]!);
      return filter.operands.map(printOperand).join(` ${filter.type} `);
    case 'not':
      return `! (${printFilter(filter.operand)})`;
    case 'presence':
      return `${printPointer(filter.pointer)} pr`;
    case 'comparison':
      return `${printPointer(filter.pointer)} ${filter.operator} ${printValue(filter.value)}`;
  }
}

export const eq = (pointer: string, value: FilterValue): Filter => ({ type: 'comparison', operator: 'eq', pointer, value });
export const sw = (pointer: string, value: string): Filter => ({ type: 'comparison', operator: 'sw', pointer, value });
export const lt = (pointer: string, value: FilterValue): Filter => ({ type: 'comparison', operator: 'lt', pointer, value });
export const all = (...operands: Filter[]): Filter =>
  operands.length === 0 ? { type: 'literal', value: true } : operands.length === 1 ? operands[0]! : { type: 'and', operands };
