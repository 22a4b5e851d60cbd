import type { Cost } from '../model/event';
import type { RawOffer } from '../model/raw-event';
import { truncateAtWord } from './text';

const JOB_SEEKER_GROUP = String.raw`(?:(?:all |current |active )?job[- ]?seekers?|(?:those|people|members|professionals|anyone|individuals) (?:who are )?(?:currently )?(?:in (?:career )?transition|between jobs|looking for work|unemployed|in (?:a|their) job search|seeking (?:employment|work))|(?:the )?unemployed|in[- ]transition (?:members|professionals|attendees))`;
const FREE_FOR_JOB_SEEKERS = new RegExp(
  String.raw`\b(?:free|complimentary|no (?:cost|charge|fee)|waived)\s+(?:admission\s+|registration\s+|attendance\s+)?(?:for|to)\s+${JOB_SEEKER_GROUP}` +
    String.raw`|\b${JOB_SEEKER_GROUP}\s*(?:attend|are|is|get in|:|-|–)?\s*(?:for\s+)?(?:free|complimentary|at no (?:cost|charge))\b`,
  'i',
);
const DONATION = /\b(?:suggested|voluntary|optional)\s+donations?\b|\bdonations?\s+(?:welcome|appreciated|suggested|encouraged)\b|\bpay what you (?:can|wish)\b/i;
const MONEY = /(?:\$|\bUSD\s?)(\d{1,5}(?:,\d{3})*(?:\.\d{1,2})?)(?!\s*(?:k\b|m\b|million|billion|thousand))/gi;
const FREE_IN_TITLE = /(?<![-\w])free(?![-\w])(?!\s+(?:parking|coffee|food|pizza|snacks|refreshments|lunch|breakfast|wifi|wi-fi|drinks?|headshots?|beer|swag)\b)/i;
const FREE_LINE = /^[ \t]*(?:free|free event|free admission)[ \t]*[.!]?[ \t]*$/im;
const FREE_IN_TEXT = /(?<![-\w])(?:free(?:\s+(?:admission|event|entry|entrance|of charge|and open|to (?:attend|all|the public|join|register|participate)|for (?:all|everyone|members|the public|all attendees)|registration|workshop|webinar|session|program|programme|seminar|class|meetup|networking))+|admission(?:\s+is)?:?\s+free|(?:cost|price|fee|tickets?|admission|registration)\s*(?:is|:)\s*free|(?:is|are|it's|event is|always)\s+free\b|(?:at\s+)?no\s+(?:cost|charge)(?!\s+(?:for|to)\s+(?:members|sponsors))|without\s+(?:cost|charge)|complimentary\s+(?:admission|event|registration|program))/i;

function unknownCost(): Cost {
  return { kind: 'unknown', amount: null, currency: null, text: null };
}

function clipText(text: string | null): string | null {
  if (text === null) return null;
  const single = text.replace(/\s+/g, ' ').trim();
  return single === '' ? null : truncateAtWord(single, 200);
}

/** The sentence (or line) around `index`, when it is short enough to show; else `fallback`. */
function phraseAround(text: string, index: number, fallback: string): string {
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('\n'), before.search(/[.!?;](?=[^.!?;]*$)\s/)) + 1;
  const rest = text.slice(index);
  const endOffset = rest.search(/[\n!?;]|\.(?:\s|$)/);
  const phrase = text.slice(start, endOffset === -1 ? text.length : index + endOffset).trim();
  return phrase.length > 0 && phrase.length <= 120 ? phrase : fallback;
}

function fromOffers(offers: readonly RawOffer[]): Cost | null {
  const priced = offers.filter((offer) => offer.price !== null && Number.isFinite(offer.price) && offer.price >= 0);
  const offerText = clipText(
    offers.map((offer) => offer.text?.trim() ?? '').filter((text) => text !== '').join('; ') || null,
  );
  if (offers.some((offer) => offer.text !== null && FREE_FOR_JOB_SEEKERS.test(offer.text))) {
    return { kind: 'free-for-job-seekers', amount: null, currency: null, text: offerText };
  }
  if (priced.length === 0) return null;
  const nonZero = priced.filter((offer) => (offer.price ?? 0) > 0);
  if (nonZero.length === 0) return { kind: 'free', amount: null, currency: null, text: offerText };
  let lowest = nonZero[0];
  for (const offer of nonZero) if (lowest === undefined || (offer.price ?? 0) < (lowest.price ?? 0)) lowest = offer;
  if (lowest?.price === undefined || lowest.price === null) return null;
  const currency = lowest.currency !== null && /^[A-Za-z]{3}$/.test(lowest.currency.trim()) ? lowest.currency.trim().toUpperCase() : 'USD';
  return { kind: 'paid', amount: lowest.price, currency, text: offerText };
}

/** What the description alone says about a free event; the same for every event sharing it. */
export interface DescriptionWords {
  freeLine: boolean;
  free: string | null;
}

function descriptionWords(text: string, cache: Map<string, DescriptionWords> | undefined): DescriptionWords {
  let words = cache?.get(text);
  if (words === undefined) {
    words = { freeLine: FREE_LINE.test(text), free: FREE_IN_TEXT.exec(text)?.[0] ?? null };
    cache?.set(text, words);
  }
  return words;
}

function fromText(title: string, text: string, cache: Map<string, DescriptionWords> | undefined): Cost | null {
  const all = `${title}\n${text}`;
  const forJobSeekers = FREE_FOR_JOB_SEEKERS.exec(all);
  if (forJobSeekers !== null) {
    return { kind: 'free-for-job-seekers', amount: null, currency: null, text: clipText(phraseAround(all, forJobSeekers.index, forJobSeekers[0])) };
  }
  const donation = DONATION.exec(all);
  if (donation !== null) {
    return { kind: 'free', amount: null, currency: null, text: clipText(phraseAround(all, donation.index, donation[0])) };
  }
  let lowest: number | null = null;
  let firstIndex = -1;
  let firstMatch = '';
  for (const match of all.matchAll(MONEY)) {
    const amount = Number.parseFloat((match[1] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(amount)) continue;
    if (firstIndex === -1) {
      firstIndex = match.index;
      firstMatch = match[0];
    }
    if (lowest === null || amount < lowest) lowest = amount;
  }
  if (lowest !== null) {
    const phrase = clipText(phraseAround(all, firstIndex, firstMatch));
    return lowest === 0
      ? { kind: 'free', amount: null, currency: null, text: phrase }
      : { kind: 'paid', amount: lowest, currency: 'USD', text: phrase };
  }
  if (FREE_IN_TITLE.test(title)) return { kind: 'free', amount: null, currency: null, text: null };
  const words = descriptionWords(text, cache);
  if (words.freeLine) return { kind: 'free', amount: null, currency: null, text: null };
  if (words.free !== null) return { kind: 'free', amount: null, currency: null, text: clipText(words.free) };
  return null;
}

/**
 * What attending costs. Offers come first (all prices 0 → free; else the lowest non-zero price,
 * USD unless stated); then the words: "free for job seekers" and kin, a suggested donation,
 * dollar amounts (the lowest, with the phrase kept: "$30 members, $40 guests"), "Free".
 * Nothing said → unknown.
 */
export function readCost(title: string, description: string, offers: readonly RawOffer[], descriptionCache?: Map<string, DescriptionWords>): Cost {
  const text = description;
  const offerCost = fromOffers(offers);
  if (offerCost !== null && offerCost.kind !== 'paid') return offerCost;
  // A paid offer still yields to "free for job seekers" in the words: that is what our readers pay.
  const textCost = fromText(title, text, descriptionCache);
  if (offerCost !== null) return textCost?.kind === 'free-for-job-seekers' ? textCost : offerCost;
  return textCost ?? unknownCost();
}
