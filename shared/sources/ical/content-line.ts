/**
 * One unfolded content line split into name, parameters and value, read more leniently than
 * RFC 5545 §3.1 allows so that one damaged line can be repaired or dropped instead of failing the
 * whole feed in ical.js.
 */

export interface LineParameter {
  name: string;
  value: string;
}

export interface ContentLine {
  /** Upper-cased property name. */
  name: string;
  params: LineParameter[];
  value: string;
  /** What had to be repaired to read the line, if anything. */
  repairs: string[];
}

const NAME = /^[A-Za-z0-9-]+/;

/** Splits `line` into its parts, or returns null when it holds no `NAME[;params]:value` shape. */
export function splitContentLine(line: string): ContentLine | null {
  const nameMatch = NAME.exec(line);
  if (!nameMatch) return null;
  const name = nameMatch[0].toUpperCase();
  let pos = nameMatch[0].length;
  const next = line[pos];
  if (next === ':') return { name, params: [], value: line.slice(pos + 1), repairs: [] };
  if (next !== ';') return null;
  const params: LineParameter[] = [];
  const repairs: string[] = [];
  while (line[pos] === ';') {
    pos += 1;
    const eq = line.indexOf('=', pos);
    const colon = line.indexOf(':', pos);
    const semi = line.indexOf(';', pos);
    if (eq < 0 || (colon >= 0 && colon < eq) || (semi >= 0 && semi < eq)) {
      // A parameter without "=": skip it up to the next separator.
      const stop = [colon, semi].filter((i) => i >= 0);
      if (stop.length === 0) return null;
      repairs.push(`dropped the parameter "${line.slice(pos, Math.min(...stop))}" that has no value`);
      pos = Math.min(...stop);
      continue;
    }
    const paramName = line.slice(pos, eq).toUpperCase();
    pos = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (line[pos] === '"') {
        const close = line.indexOf('"', pos + 1);
        if (close < 0) {
          // An unclosed quote swallows the value (`TZID="Zone:20200609T090000"`): end the
          // parameter at the last colon, which is where the value must start.
          const lastColon = line.lastIndexOf(':');
          if (lastColon <= pos) return null;
          values.push(line.slice(pos + 1, lastColon));
          repairs.push(`closed an unterminated quote in the ${paramName} parameter`);
          pos = lastColon;
          break;
        }
        const quoted = line.slice(pos + 1, close);
        const innerColon = quoted.lastIndexOf(':');
        if (close === line.length - 1 && innerColon >= 0 && !line.slice(0, pos).includes(':')) {
          // The closing quote sits at the end of the line (`TZID="Zone:20200609T090000"`), so the
          // quote swallowed the value: it starts after the last colon inside the quotes.
          values.push(quoted.slice(0, innerColon));
          repairs.push(`the ${paramName} parameter's quotes swallowed the value; split at its last colon`);
          params.push({ name: paramName, value: values.join(',') });
          return { name, params, value: quoted.slice(innerColon + 1), repairs };
        }
        values.push(quoted);
        pos = close + 1;
      } else {
        let end = pos;
        while (end < line.length && line[end] !== ',' && line[end] !== ';' && line[end] !== ':') end += 1;
        values.push(line.slice(pos, end));
        pos = end;
      }
      if (line[pos] !== ',') break;
      pos += 1;
    }
    params.push({ name: paramName, value: values.join(',') });
  }
  if (line[pos] !== ':') return null;
  return { name, params, value: line.slice(pos + 1), repairs };
}

/** The line written back in RFC 5545 syntax (parameter values quoted when they need it). */
export function joinContentLine(line: ContentLine): string {
  let text = line.name;
  for (const param of line.params) {
    const needsQuotes = /[:;,]/.test(param.value);
    text += `;${param.name}=${needsQuotes ? `"${param.value.replaceAll('"', "'")}"` : param.value}`;
  }
  return `${text}:${line.value}`;
}

/** The value of parameter `name` (upper case), if present. */
export function paramOf(line: ContentLine, name: string): string | undefined {
  return line.params.find((param) => param.name === name)?.value;
}
