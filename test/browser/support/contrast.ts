/**
 * Contrast measured on a rendered page: for every element with its own text (and every form field),
 * the computed text colour against its effective background (the first opaque background up the
 * tree, with translucent ones composited over it), by WCAG 2's relative-luminance formula.
 */
import type { Page } from 'playwright-core';

/** One measured text: the lowest ratio found is what a test asserts. */
export interface TextContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/** Measures every text on `page`; runs inside the page, so it sees exactly what Chromium rendered. */
export function measureTextContrast(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const numbers = /rgba?\(([^)]+)\)/.exec(value)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [];
      return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const canvas: Rgba = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
    const backgroundOf = (element: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let node = element; node; node = node.parentElement) {
        const layer = parse(getComputedStyle(node).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      return layers.reduceRight((below, layer) => over(layer, below), canvas);
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const channel = (v: number): number => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: Rgba, b: Rgba): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    const out: { text: string; ratio: number; color: string; background: string }[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(element.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const isField = element.matches('input[type=text],input[type=email],input[type=number],select');
      if (own.length === 0 && !isField) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const background = backgroundOf(element);
      const color = over(parse(style.color), background);
      const text = isField ? `[${element.id}]` : own.map((n) => n.textContent ?? '').join(' ').trim().slice(0, 60);
      out.push({ text, ratio: ratio(color, background), color: style.color, background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})` });
    }
    return out;
  });
}

/** The focused element's outline against the background around it (WCAG 1.4.11: at least 3:1). */
export function measureFocusRing(page: Page): Promise<{ ratio: number; width: number }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { ratio: 0, width: 0 };
    const parse = (value: string): number[] => /rgba?\(([^)]+)\)/.exec(value)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number) ?? [0, 0, 0];
    const style = getComputedStyle(element);
    let around = [255, 255, 255];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if ((bg[3] ?? 1) > 0) {
        around = bg;
        break;
      }
    }
    const lum = (rgb: number[]): number =>
      rgb.slice(0, 3).map((v) => v / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
    const [hi, lo] = [lum(parse(style.outlineColor)), lum(around)].sort((x, y) => y - x);
    return { ratio: ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05), width: parseFloat(style.outlineWidth) };
  });
}
