import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_LENGTH } from '../../../shared/model/event';
import { cleanUrl, htmlToText, normalizeEvent, toSingleLine, truncateAtWord } from '../../../shared/normalize';
import { associationSource, rawEvent } from './raw-event-factory';

describe('htmlToText', () => {
  it('turns paragraphs and <br> into line breaks and decodes entities', () => {
    expect(htmlToText('<p>Join us &amp; bring a friend.</p><p>Doors at 6&nbsp;pm<br>Parking &#8211; free &#x2014; garage</p>'))
      .toBe('Join us & bring a friend.\n\nDoors at 6 pm\nParking – free — garage');
  });

  it('drops script and style elements with their content, and every attribute', () => {
    const hostile = '<style>p{color:red}</style><p onclick="steal()">Hello</p><script>alert(document.cookie)</script>' +
      '<img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">link</a>';
    const text = htmlToText(hostile);
    expect(text).toBe('Hello\n\nlink');
    expect(text).not.toMatch(/script|style|onerror|onclick|alert|javascript|<|>/i);
  });

  it('handles a quoted ">" inside an attribute and an unclosed script', () => {
    expect(htmlToText('<img alt="a > b" onerror="x()">Shown<script>never')).toBe('Shown');
  });

  it('strips HTML that was escaped once more (&lt;p&gt;)', () => {
    expect(htmlToText('&lt;p&gt;Resume review&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('Resume review');
  });

  it('keeps the line breaks of plain text and collapses blank runs to one paragraph break', () => {
    expect(htmlToText('Line one\r\nLine   two\n\n\n\nParagraph two  ')).toBe('Line one\nLine two\n\nParagraph two');
  });
});

describe('titles and truncation', () => {
  it('makes a title one trimmed line without tags', () => {
    expect(toSingleLine('  <b>Tech</b> Meetup:\n Intro to LLMs &amp; RAG ')).toBe('Tech Meetup: Intro to LLMs & RAG');
  });

  it('cuts at a word and marks the cut with …', () => {
    expect(truncateAtWord('Career fair for healthcare professionals', 20)).toBe('Career fair for…');
    expect(truncateAtWord('short', 20)).toBe('short');
  });

  it('caps a long description at MAX_DESCRIPTION_LENGTH', () => {
    const event = normalizeEvent(rawEvent({ description: 'word '.repeat(1000) }), associationSource);
    expect(event.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    expect(event.description.endsWith('word…')).toBe(true);
  });
});

describe('cleanUrl', () => {
  it.each([
    ['https://bostonhr.example.org/e/1?utm_source=news&utm_medium=email&id=7', 'https://bostonhr.example.org/e/1?id=7'],
    ['https://example.org/e?fbclid=abc', 'https://example.org/e'],
    ['https://example.org/e?gclid=1&mc_cid=2&mc_eid=3&x=y', 'https://example.org/e?x=y'],
    ['https://example.org/e?q=a+b', 'https://example.org/e?q=a+b'],
    ['javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['/relative/path', null],
    ['https://user:pw@example.org/', null],
    ['ftp://example.org/file', null],
  ])('%s → %s', (input, expected) => {
    expect(cleanUrl(input)).toBe(expected);
  });
});
