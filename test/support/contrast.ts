/**
 * Text contrast measured on a rendered page (WCAG 2 relative luminance): every visible text
 * node's computed colour against the background it is painted on, found by walking up from its
 * element and compositing translucent backgrounds until one is opaque.
 */
import type { Page } from 'playwright-core';

/** One text node's measurement. */
export interface TextContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/** Runs in the page: kept free of imports and helpers so it serialises as it is. */
function measureInPage(canvas: [number, number, number]): TextContrast[] {
  const parse = (value: string): [number, number, number, number] => {
    const numbers = (value.match(/[\d.]+/g) ?? []).map(Number);
    return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers.length > 3 ? (numbers[3] ?? 1) : 1];
  };
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]: readonly number[]): number => 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
  const mix = (top: number | undefined, bottom: number | undefined, alpha: number): number => (top ?? 0) * alpha + (bottom ?? 0) * (1 - alpha);
  const over = (top: readonly number[], alpha: number, bottom: readonly number[]): [number, number, number] => [
    mix(top[0], bottom[0], alpha),
    mix(top[1], bottom[1], alpha),
    mix(top[2], bottom[2], alpha),
  ];
  const backgroundOf = (start: Element): [number, number, number] => {
    const layers: [number, number, number, number][] = [];
    for (let element: Element | null = start; element !== null; element = element.parentElement) {
      const layer = parse(getComputedStyle(element).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] >= 1) break;
    }
    let colour = canvas;
    for (const layer of layers.reverse()) colour = over(layer, layer[3], colour);
    return colour;
  };
  const visible = (element: Element): boolean => {
    if (element.getClientRects().length === 0) return false;
    for (let current: Element | null = element; current !== null; current = current.parentElement) {
      const style = getComputedStyle(current);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0 || style.maxHeight === '0px') return false;
    }
    return true;
  };
  const results: TextContrast[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = (node.textContent ?? '').trim();
    if (element === null || text === '' || !visible(element)) continue;
    const [r, g, b, a] = parse(getComputedStyle(element).color);
    const background = backgroundOf(element);
    const foreground = over([r, g, b], a, background);
    const [light, dark] = [luminance(foreground), luminance(background)].sort((x, y) => y - x);
    results.push({
      text: text.slice(0, 50),
      ratio: ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05),
      color: getComputedStyle(element).color,
      background: `rgb(${background.map(Math.round).join(', ')})`,
    });
  }
  return results;
}

/**
 * Every visible text's contrast on `page`. `canvas` is what shows where no element paints a
 * background (Chromium's canvas: white in light, #121212 in dark).
 */
export async function measureTextContrast(page: Page, canvas: [number, number, number]): Promise<TextContrast[]> {
  return page.evaluate(measureInPage, canvas);
}

/** The lowest measurement, for a message that names the text that fails. */
export function lowest(results: readonly TextContrast[]): TextContrast | undefined {
  return results.reduce<TextContrast | undefined>((low, item) => (low === undefined || item.ratio < low.ratio ? item : low), undefined);
}
