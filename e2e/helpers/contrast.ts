/**
 * Contrast as WCAG 2.2 defines it (relative luminance, "contrast ratio"), computed from the
 * colours the browser itself resolved (getComputedStyle), so the figure is what a user sees with
 * the page's real tokens, theme and state, not what a style sheet was meant to say.
 */
import type { Locator } from '@playwright/test';

/** An sRGB colour, channels 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * Parses a computed colour: `rgb()`/`rgba()` (what Chromium returns for hex and named colours) and
 * `color(srgb …)` (what it returns for `color-mix(in srgb, …)`). Anything else throws: a figure
 * computed from a colour that was misread would be worse than none.
 */
export function parseColor(text: string): Rgba {
  const value = text.trim();
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha(rgb[4]) };
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (srgb) return { r: Number(srgb[1]) * 255, g: Number(srgb[2]) * 255, b: Number(srgb[3]) * 255, a: alpha(srgb[4]) };
  const hex = /^#([\da-f]{6})$/i.exec(value);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 };
  }
  throw new Error(`not a colour this helper reads: ${text}`);
}

function alpha(text: string | undefined): number {
  if (text === undefined) return 1;
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/** `top` painted over `bottom` (source-over); the result is opaque when `bottom` is. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** WCAG relative luminance of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio (1–21) of a colour over an opaque background; a translucent colour is first painted over it. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const fg = relativeLuminance(composite(foreground, background));
  const bg = relativeLuminance(background);
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
}

/** What a painted part of an element sits on: the backgrounds from the element (or its parent) up to the canvas. */
async function backgroundBehind(locator: Locator, fromParent: boolean): Promise<Rgba> {
  const layers = await locator.evaluate((element, parent) => {
    const colors: string[] = [];
    for (let node: Element | null = parent ? element.parentElement : element; node; node = node.parentElement) {
      colors.push(getComputedStyle(node).backgroundColor);
    }
    return colors;
  }, fromParent);
  // The canvas under everything: the root's background (propagated), else white.
  let result: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (const layer of layers.reverse()) result = composite(parseColor(layer), result);
  return result;
}

/** The contrast of an element's text against what it is painted on. */
export async function textContrast(locator: Locator): Promise<number> {
  const color = await locator.evaluate((element) => getComputedStyle(element).color);
  return contrastRatio(parseColor(color), await backgroundBehind(locator, false));
}

/**
 * The contrast of an element's border (its left edge) against both colours it separates: the
 * element's own background inside and its parent's outside; the lower of the two counts.
 */
export async function borderContrast(locator: Locator): Promise<number> {
  const border = parseColor(await locator.evaluate((element) => getComputedStyle(element).borderLeftColor));
  const inside = await backgroundBehind(locator, false);
  const outside = await backgroundBehind(locator, true);
  return Math.min(contrastRatio(border, inside), contrastRatio(border, outside));
}

/**
 * The contrast of an element's focus outline against the background around it (an outline with
 * an offset is drawn outside the element, on its parent's background). Throws when there is no
 * outline to measure.
 */
export async function focusRingContrast(locator: Locator): Promise<number> {
  const outline = await locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  if (outline.style === 'none' || !(outline.width > 0)) throw new Error('the focused element shows no outline');
  return contrastRatio(parseColor(outline.color), await backgroundBehind(locator, true));
}
