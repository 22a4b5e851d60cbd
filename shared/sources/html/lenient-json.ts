/**
 * JSON as CMS plugins write it inside `<script type="application/ld+json">`: wrapped in HTML comments
 * or CDATA, with trailing commas, or with raw line breaks inside strings. One repair pass fixes those
 * and nothing else; text that still fails is reported, not guessed at.
 */

export type JsonOutcome = { ok: true; value: unknown; repaired: boolean } | { ok: false; reason: string };

function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim();
}

/** Drops commas before `}`/`]` and escapes raw control characters inside strings. */
export function repairJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (inString) {
      if (char === '\\') {
        out += char + text.charAt(i + 1);
        i += 1;
      } else if (char === '"') {
        inString = false;
        out += char;
      } else if (char === '\n') {
        out += '\\n';
      } else if (char === '\r') {
        out += '\\r';
      } else if (char === '\t') {
        out += '\\t';
      } else {
        out += char;
      }
      continue;
    }
    if (char === '"') {
      inString = true;
    } else if (char === ',') {
      let next = i + 1;
      while (next < text.length && /\s/.test(text.charAt(next))) next += 1;
      const following = text.charAt(next);
      if (following === '}' || following === ']') continue;
    }
    out += char;
  }
  return out;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

/** Parses `text`, trying the repair once when strict parsing fails. */
export function parseLenientJson(text: string): JsonOutcome {
  const unwrapped = unwrap(text);
  if (unwrapped === '') return { ok: false, reason: 'empty block' };
  const strict = parse(unwrapped);
  if (strict.ok) return { ok: true, value: strict.value, repaired: false };
  const repaired = parse(repairJson(unwrapped));
  if (repaired.ok) return { ok: true, value: repaired.value, repaired: true };
  return { ok: false, reason: strict.reason };
}
