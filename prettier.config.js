// @ts-check
/**
 * Matches the hand-written style: single quotes, semicolons, trailing commas, parentheses around
 * arrow parameters. Code ran to 150-160 columns (99th percentile 152 before Prettier); of the
 * widths measured (100-200), 160 changed the fewest lines. Prettier does not rewrap comments;
 * they wrap at 100 by hand.
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 160,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  arrowParens: 'always',
  endOfLine: 'lf',
};
