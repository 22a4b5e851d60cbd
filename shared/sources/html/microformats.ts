import type { Element } from 'domhandler';
import type { RawVenue } from '../../model/raw-event';
import type { Candidate } from './candidate';
import { emptyCandidate } from './candidate';
import { parseDurationMs, parsePageDate } from './dates';
import type { BoundedText, ElementVisitor } from './dom-walk';
import { attributeOf, boundedInnerHtml, classesOf } from './dom-walk';
import { joinDateParts, withDateOf } from './microformat-times';
import type { ValueKind, Vocabulary } from './microformat-vocabulary';
import { CLASSIC, MF2 } from './microformat-vocabulary';
import { cleanBlock, cleanText, joinParts } from './text';
import { isSpecificUrl, safeUrl } from './urls';

/** A root (an event, or a card nested in one) and what belongs to it, filed during the walk. */
interface RootRecord {
  element: Element;
  /** For each class name, the first element in document order whose nearest root is this one. */
  first: Map<string, { element: Element; order: number }>;
  /** Roots whose nearest enclosing root is this one. */
  nested: RootRecord[];
}

/** Nested roots searched below a location card (a card's `h-adr`, a `vcard`'s `adr`). */
const MAX_CARD_DEPTH = 3;

/**
 * Files every element under its nearest root and every `value`/`value-title` part under its nearest
 * property, for one vocabulary, during the page walk: no root or property is searched again.
 */
export class MicroformatCollector implements ElementVisitor {
  /** Event roots in document order. */
  readonly events: RootRecord[] = [];
  readonly roots = new Map<Element, RootRecord>();
  readonly valueParts = new Map<Element, Element[]>();
  private readonly rootStack: RootRecord[] = [];
  private readonly propertyStack: Element[] = [];

  constructor(readonly vocabulary: Vocabulary) {}

  enter(element: Element, order: number): void {
    const classes = classesOf(element);
    const owner = this.rootStack.at(-1);
    if (owner !== undefined) {
      for (const className of classes) if (!owner.first.has(className)) owner.first.set(className, { element, order });
    }
    const property = this.propertyStack.at(-1);
    if (property !== undefined && classes.some((name) => name === 'value' || name === 'value-title')) {
      const parts = this.valueParts.get(property);
      if (parts === undefined) this.valueParts.set(property, [element]);
      else parts.push(element);
    }
    if (classes.some(this.vocabulary.isProperty)) this.propertyStack.push(element);
    if (classes.some(this.vocabulary.isNestedRoot)) {
      const record: RootRecord = { element, first: new Map(), nested: [] };
      owner?.nested.push(record);
      this.roots.set(element, record);
      this.rootStack.push(record);
      if (classes.includes(this.vocabulary.rootClass)) this.events.push(record);
    }
  }

  leave(element: Element): void {
    if (this.rootStack.at(-1)?.element === element) this.rootStack.pop();
    if (this.propertyStack.at(-1) === element) this.propertyStack.pop();
  }
}

/** Reads property values of one vocabulary's roots. */
class Reader {
  constructor(
    private readonly collector: MicroformatCollector,
    private readonly text: BoundedText,
  ) {}

  /** The value-class pattern: `<span class="value-title" title="…">` or `.value` parts. */
  private valueClassParts(element: Element): string[] {
    const parts: string[] = [];
    for (const part of this.collector.valueParts.get(element) ?? []) {
      if (classesOf(part).includes('value-title')) {
        const title = attributeOf(part, 'title');
        if (title !== undefined) parts.push(title);
        continue;
      }
      const value =
        part.name === 'abbr'
          ? attributeOf(part, 'title')
          : part.name === 'time'
            ? attributeOf(part, 'datetime')
            : part.name === 'data'
              ? attributeOf(part, 'value')
              : undefined;
      parts.push(value ?? this.text.of(part).trim());
    }
    return parts.filter((part) => part.trim() !== '');
  }

  value(element: Element, kind: ValueKind): string | null {
    const tag = element.name;
    const attribute = (name: string): string | undefined => attributeOf(element, name);
    if (kind === 'html') return boundedInnerHtml(element);
    const parts = this.valueClassParts(element);
    if (parts.length > 0) return kind === 'date' ? joinDateParts(parts) : parts.join('');
    if (kind === 'url') {
      if (tag === 'a' || tag === 'area' || tag === 'link') return attribute('href') ?? null;
      if (tag === 'img') return attribute('src') ?? null;
    }
    if (kind === 'date' && (tag === 'time' || tag === 'ins' || tag === 'del')) return attribute('datetime') ?? this.text.of(element);
    if (tag === 'abbr') return attribute('title') ?? this.text.of(element);
    if (tag === 'data' || tag === 'input') return attribute('value') ?? this.text.of(element);
    if (tag === 'img' || tag === 'area') return attribute('alt') ?? null;
    return this.text.collapsed(element);
  }

  /** The first element with `className` in the card or the roots nested in it, in document order. */
  private firstInCard(card: RootRecord, className: string, depth = 0): { element: Element; order: number } | null {
    let best = card.first.get(className) ?? null;
    if (depth >= MAX_CARD_DEPTH) return best;
    for (const nested of card.nested) {
      const found = this.firstInCard(nested, className, depth + 1);
      if (found !== null && (best === null || found.order < best.order)) best = found;
    }
    return best;
  }

  venue(place: Element): RawVenue | null {
    const card = this.collector.roots.get(place);
    if (card === undefined) return null;
    const { card: names } = this.collector.vocabulary;
    const field = (className: string): string | null => {
      const match = this.firstInCard(card, className);
      return match === null ? null : cleanText(this.value(match.element, 'text'));
    };
    const ownClasses = classesOf(place);
    const name = names.name.map((className) => (ownClasses.includes(className) ? null : field(className))).find((value) => value !== null) ?? null;
    const venue: RawVenue = {
      name,
      address: field(names.street),
      city: field(names.city),
      region: field(names.region),
      postalCode: field(names.postalCode),
    };
    const lat = Number(field(names.lat) ?? Number.NaN);
    const lon = Number(field(names.lon) ?? Number.NaN);
    if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      venue.lat = lat;
      venue.lon = lon;
    }
    return Object.values(venue).some((value) => value !== null && value !== undefined) ? venue : null;
  }

  event(root: RootRecord, where: string, baseUrl: string | undefined): Candidate {
    const vocabulary = this.collector.vocabulary;
    const first = (className: string | null): Element | null => (className === null ? null : (root.first.get(className)?.element ?? null));
    const read = (className: string | null, kind: ValueKind): string | null => {
      const element = first(className);
      return element === null ? null : this.value(element, kind);
    };
    const candidate = emptyCandidate(where);
    candidate.title = cleanText(read(vocabulary.name, 'text') ?? (vocabulary === MF2 ? this.text.collapsed(root.element) : null));
    const startText = read(vocabulary.start, 'date');
    candidate.start = startText === null ? null : parsePageDate(startText);
    candidate.startText = startText;
    const endText = read(vocabulary.end, 'date');
    candidate.end = endText === null ? null : parsePageDate(withDateOf(endText, startText));
    const duration = read(vocabulary.duration, 'text');
    candidate.durationMs = duration === null ? null : parseDurationMs(duration);
    const place = first(vocabulary.location);
    if (place !== null) {
      const isCard = classesOf(place).some(vocabulary.isNestedRoot);
      const venue = isCard ? this.venue(place) : null;
      candidate.venue = venue;
      candidate.location =
        venue === null
          ? cleanText(this.value(place, 'text'))
          : joinParts([venue.name, venue.address, venue.city, joinParts([venue.region, venue.postalCode], ' ')]);
      if (venue?.lat !== undefined && venue.lat !== null && venue.lon !== undefined && venue.lon !== null) {
        candidate.geo = { lat: venue.lat, lon: venue.lon };
      }
    }
    candidate.url = safeUrl(read(vocabulary.url, 'url'), baseUrl);
    const uid = cleanText(read(vocabulary.uid, 'url'));
    candidate.uid = uid ?? (candidate.url !== null && isSpecificUrl(candidate.url, baseUrl) ? candidate.url : null);
    const content = vocabulary.content.map((className) => read(className, vocabulary === MF2 ? 'html' : 'text')).find((v) => v !== null);
    candidate.description = cleanBlock(content ?? read(vocabulary.summary, 'text'));
    candidate.organizer = cleanText(read(vocabulary.organizer, 'text'));
    const category = cleanText(read(vocabulary.category, 'text'));
    candidate.categories = category === null ? [] : [category];
    if (/cancel/i.test(read(vocabulary.status, 'text') ?? '')) candidate.status = 'cancelled';
    return candidate;
  }
}

/** One collector per vocabulary (h-event, classic hCalendar), for the page walk. */
export function microformatCollectors(): MicroformatCollector[] {
  return [new MicroformatCollector(MF2), new MicroformatCollector(CLASSIC)];
}

/** Events from `h-event` and classic `vevent` roots, hidden ones included. */
export function extractMicroformats(collectors: readonly MicroformatCollector[], text: BoundedText, baseUrl: string | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  for (const collector of collectors) {
    const reader = new Reader(collector, text);
    collector.events.forEach((root, index) => {
      candidates.push(reader.event(root, `${collector.vocabulary.label} ${index + 1}`, baseUrl));
    });
  }
  return candidates;
}
