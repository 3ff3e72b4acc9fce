/**
 * A parser for CREST query filters that follows ForgeRock's QueryFilterParser: the same
 * tokenizer (whitespace and parentheses split tokens, both quote styles, backslash escapes), the
 * same precedence (`!` > `and` > `or`) and case-insensitive keywords. Errors carry the position of
 * the offending token so the console can point at it before anything is sent.
 */
import type { Filter, FilterValue } from './ast';

const MAX_DEPTH = 256;
const EXTENDED_OPERATOR = /^[a-zA-Z_0-9.]+$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/;

export class FilterSyntaxError extends Error {
  /** Zero-based character offset in the filter where the problem is. */
  readonly position: number;
  readonly filter: string;

  constructor(message: string, filter: string, position: number) {
    super(message);
    this.name = 'FilterSyntaxError';
    this.filter = filter;
    this.position = position;
  }
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly quoted: boolean;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < filter.length) {
    const c = filter.charAt(pos);
    if (isSpace(c)) {
      pos++;
    } else if (c === '(' || c === ')') {
      tokens.push({ text: c, start: pos, quoted: false });
      pos++;
    } else if (c === '"' || c === "'") {
      const start = pos;
      pos++;
      let closed = false;
      while (pos < filter.length) {
        const d = filter.charAt(pos);
        if (d === '\\') {
          if (pos + 1 >= filter.length) {
            throw new FilterSyntaxError('A filter cannot end with a lone backslash', filter, pos);
          }
          pos += 2;
        } else if (d === c) {
          pos++;
          closed = true;
          break;
        } else {
          pos++;
        }
      }
      if (!closed) {
        throw new FilterSyntaxError(`This string is never closed: add the missing ${c}`, filter, start);
      }
      tokens.push({ text: filter.slice(start, pos), start, quoted: true });
    } else {
      const start = pos;
      while (pos < filter.length) {
        const d = filter.charAt(pos);
        if (isSpace(d) || d === '(' || d === ')') break;
        pos++;
      }
      tokens.push({ text: filter.slice(start, pos), start, quoted: false });
    }
  }
  return tokens;
}

function unquote(token: string): string {
  let out = '';
  for (let i = 1; i < token.length - 1; i++) {
    const c = token.charAt(i);
    if (c === '\\') {
      i++;
      out += token.charAt(i);
    } else {
      out += c;
    }
  }
  return out;
}

/** Normalises a JSON pointer to its leading-slash form (`source` and `/source` are the same). */
export function normalizePointer(pointer: string): string {
  return pointer.startsWith('/') ? pointer : `/${pointer}`;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly filter: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Filter {
    if (this.tokens.length === 0) {
      throw new FilterSyntaxError('The filter is empty: use true to match everything', this.filter, 0);
    }
    const expr = this.parseOr();
    const extra = this.peek();
    if (extra) {
      const hint = extra.text === ')' ? 'this closing parenthesis has no opening one' : 'expected and, or or the end of the filter';
      throw this.error(`Unexpected "${extra.text}": ${hint}`, extra);
    }
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index];
    if (!token) {
      throw new FilterSyntaxError(`The filter ends too early: expected ${expected}`, this.filter, this.filter.length);
    }
    this.index++;
    return token;
  }

  private error(message: string, token: Token): FilterSyntaxError {
    return new FilterSyntaxError(message, this.filter, token.start);
  }

  private isKeyword(token: Token | undefined, keyword: string): boolean {
    return token !== undefined && !token.quoted && token.text.toLowerCase() === keyword;
  }

  private parseOr(): Filter {
    const operands = [this.parseAnd()];
    while (this.isKeyword(this.peek(), 'or')) {
      this.index++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(): Filter {
    const operands = [this.parseNot()];
    while (this.isKeyword(this.peek(), 'and')) {
      this.index++;
      operands.push(this.parseNot());
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parseNot(): Filter {
    const token = this.peek();
    if (token && !token.quoted && token.text === '!') {
      this.index++;
      return { type: 'not', operand: this.parsePrimary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Filter {
    const token = this.next('a condition such as /name eq "value"');
    if (token.text === '(' && !token.quoted) {
      if (++this.depth > MAX_DEPTH) {
        throw this.error(`Parentheses are nested more than ${MAX_DEPTH} deep`, token);
      }
      const inner = this.parseOr();
      const close = this.peek();
      if (!close || close.text !== ')' || close.quoted) {
        if (!close) {
          throw this.error('This parenthesis is never closed: add the missing )', token);
        }
        throw this.error(`Expected ) but found "${close.text}"`, close);
      }
      this.index++;
      this.depth--;
      return inner;
    }
    if (token.quoted) {
      throw this.error(`Expected a field name (such as /source) but found the string ${token.text}`, token);
    }
    if (token.text === ')') {
      throw this.error('Expected a condition but found ")"', token);
    }
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') {
      return { type: 'literal', value: lower === 'true' };
    }
    if (lower === 'and' || lower === 'or' || token.text === '!') {
      throw this.error(`Expected a condition before "${token.text}"`, token);
    }
    const pointer = normalizePointer(token.text);
    const operatorToken = this.next(`an operator (eq, co, sw, lt, le, gt, ge or pr) after ${token.text}`);
    const operator = operatorToken.text.toLowerCase();
    if (operatorToken.quoted || !EXTENDED_OPERATOR.test(operatorToken.text)) {
      throw this.error(`Expected an operator (eq, co, sw, lt, le, gt, ge or pr) after ${token.text} but found "${operatorToken.text}"`, operatorToken);
    }
    if (operator === 'pr') {
      return { type: 'presence', pointer };
    }
    const valueToken = this.next(`a value after "${operatorToken.text}", such as "text", 42 or true`);
    return { type: 'comparison', operator, pointer, value: this.parseValue(valueToken, operatorToken) };
  }

  private parseValue(token: Token, operator: Token): FilterValue {
    if (token.quoted) return unquote(token.text);
    const lower = token.text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (token.text.includes('.') ? DECIMAL.test(token.text) : INTEGER.test(token.text)) {
      return Number(token.text);
    }
    throw this.error(`Expected a value after "${operator.text}" but found ${token.text}: put text in quotes, like "${token.text}"`, token);
  }
}

/** Parses a `_queryFilter` string; throws {@link FilterSyntaxError} for anything the server would refuse. */
export function parseFilter(filter: string): Filter {
  return new Parser(filter, tokenize(filter)).parse();
}

export type FilterCheck = { ok: true; filter: Filter } | { ok: false; error: FilterSyntaxError };

export function checkFilter(filter: string): FilterCheck {
  try {
    return { ok: true, filter: parseFilter(filter) };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error };
    throw error;
  }
}
