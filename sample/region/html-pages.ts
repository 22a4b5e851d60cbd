/**
 * The sample region's event pages, one per page shape Netmix reads: plain lists read by a selector
 * recipe, schema.org JSON-LD (ItemList, arrays, @graph, a virtual event), microdata as chamber platforms
 * emit it, h-event and classic hCalendar, and a group that only writes its schedule as a sentence.
 * Names are invented.
 */
import { addDays } from '../../shared/time/zoned';
import { isoWithOffset, longDate, nextWeekday, usDate } from './dates';

const page = (title: string, body: string, head = ''): string =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>\n<body>\n<h1>${title}</h1>\n${body}\n</body></html>\n`;

const jsonLd = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

/** A career center's workshop list with no structured data: read by the source's selector recipe. */
export function merrimackCareerCenterPage(today: string): string {
  const rows = [
    { date: nextWeekday(today, 1, 0), time: '10:00 AM - 12:00 PM', title: 'Resume Workshop: get past the applicant tracking system', room: 'Training Room B' },
    { date: nextWeekday(today, 3, 0), time: '1:00 PM - 2:30 PM', title: 'LinkedIn Profile Lab', room: 'Computer Lab' },
    { date: nextWeekday(today, 4, 0), time: '9:30 AM - 11:00 AM', title: 'Interview practice for career changers', room: 'Training Room A' },
    { date: nextWeekday(today, 2, 1), time: '10:00 AM - 2:00 PM', title: 'Job Fair: Healthcare & Life Sciences employers hiring now', room: 'Main Hall' },
  ];
  const items = rows
    .map(
      (row, index) => `<li class="workshop">
  <h3 class="workshop-title"><a href="/careers/workshops/${index + 1}">${row.title.replace('&', '&amp;')}</a></h3>
  <p class="when"><span class="date">${longDate(row.date)}</span> · <span class="time">${row.time}</span></p>
  <p class="where">${row.room}, 107 Merrimack St, Lowell, MA 01852</p>
  <p class="summary">Free for all job seekers. Registration required.</p>
</li>`,
    )
    .join('\n');
  return page('Merrimack Valley Career Center — Workshops', `<ul class="workshops">\n${items}\n</ul>`);
}

/** A job-seeker group in Portsmouth NH: a table, US dates, times in their own column. */
export function seacoastTransitionPage(today: string): string {
  const meetings = [nextWeekday(today, 5, 0), nextWeekday(today, 5, 1)];
  const rows = meetings
    .map(
      (date) => `<tr class="meeting"><td class="d">${usDate(date)}</td><td class="t">8:00 am</td>
<td class="n">Seacoast Career Transition Group — peer support for people in transition</td>
<td class="p">Portsmouth Public Library, 175 Parrott Ave, Portsmouth, NH 03801</td></tr>`,
    )
    .join('\n');
  return page('Seacoast Career Transition Group', `<table><tbody>\n${rows}\n</tbody></table>`);
}

/** A chamber of commerce page in GrowthZone's microdata shape; it also lists the HR breakfast. */
export function greaterLowellChamberPage(today: string): string {
  const afterHours = nextWeekday(today, 3, 0);
  const breakfast = nextWeekday(today, 5, 0);
  const item = (name: string, start: string, place: string, street: string, city: string, zip: string, price: string) => `
<div class="mn-listing" itemscope itemtype="http://schema.org/Event">
  <a itemprop="url" href="/events/details/${name.toLowerCase().replace(/[^a-z]+/g, '-')}"><span itemprop="name">${name}</span></a>
  <meta itemprop="startDate" content="${start}">
  <div itemprop="location" itemscope itemtype="http://schema.org/Place">
    <span itemprop="name">${place}</span>
    <div itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
      <span itemprop="streetAddress">${street}</span>, <span itemprop="addressLocality">${city}</span>,
      <span itemprop="addressRegion">MA</span> <span itemprop="postalCode">${zip}</span>
    </div>
  </div>
  <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price" content="${price}">$${price}</span><meta itemprop="priceCurrency" content="USD"></div>
</div>`;
  return page(
    'Greater Lowell Chamber — Events',
    [
      item('Business After Hours at Mill City Brewing', isoWithOffset(afterHours, '17:30'), 'Mill City Brewing', '55 Middlesex St', 'Lowell', '01852', '15'),
      item('Boston HR Breakfast Roundtable', isoWithOffset(breakfast, '07:30'), 'Cambridge Innovation Center', '1 Broadway', 'Cambridge', '02142', '0'),
    ].join('\n'),
  );
}

/** A professional association's events as a JSON-LD ItemList with nested places and offers. */
export function biotechProfessionalsPage(today: string): string {
  const panel = nextWeekday(today, 2, 0);
  const mixer = nextWeekday(today, 4, 1);
  const event = (name: string, date: string, start: string, end: string, place: string, street: string, city: string, zip: string, price: number) => ({
    '@type': 'BusinessEvent',
    name,
    startDate: isoWithOffset(date, start),
    endDate: isoWithOffset(date, end),
    url: `http://127.0.0.1:4480/biotech/events/${date}`,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: { '@type': 'Place', name: place, address: { '@type': 'PostalAddress', streetAddress: street, addressLocality: city, addressRegion: 'MA', postalCode: zip } },
    offers: { '@type': 'Offer', price, priceCurrency: 'USD' },
    organizer: { '@type': 'Organization', name: 'New England Biotech Professionals' },
  });
  return page(
    'New England Biotech Professionals — Events',
    '<p>Chapter events for scientists and biotech professionals.</p>',
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, item: event('Biotech careers panel: from bench to business development', panel, '18:00', '20:00', 'LabCentral', '700 Main St', 'Cambridge', '02139', 0) },
        { '@type': 'ListItem', position: 2, item: event('Kendall Square biotech networking mixer', mixer, '17:30', '19:30', 'Cambridge Brewing Company', '1 Kendall Sq', 'Cambridge', '02139', 20) },
      ],
    }),
  );
}

/** A "Network After Work"-style mixer series: a top-level JSON-LD array of events. */
export function afterWorkMixersPage(today: string): string {
  const dates = [nextWeekday(today, 4, 0), nextWeekday(today, 2, 2)];
  return page(
    'After Work Mixers — Boston',
    '<p>Professional networking mixers in Boston.</p>',
    jsonLd(
      dates.map((date, index) => ({
        '@context': 'http://schema.org',
        '@type': 'SocialEvent',
        name: index === 0 ? 'Boston After Work Mixer at the Seaport' : 'Boston After Work Mixer: Back Bay',
        startDate: isoWithOffset(date, '18:00'),
        endDate: isoWithOffset(date, '21:00'),
        url: `http://127.0.0.1:4480/mixers/${date}?utm_source=calendar`,
        location:
          index === 0
            ? { '@type': 'Place', name: 'Lookout Rooftop', address: '450 Summer St, Boston, MA 02210' }
            : { '@type': 'Place', name: 'The Lenox Hotel', address: '61 Exeter St, Boston, MA 02116' },
        offers: [
          { '@type': 'Offer', name: 'Early bird', price: '25.00', priceCurrency: 'USD' },
          { '@type': 'Offer', name: 'At the door', price: '35.00', priceCurrency: 'USD' },
        ],
      })),
    ),
  );
}

/** An alumni club's page marked up with microformats2 h-event and an h-card location. */
export function riverHawkAlumniPage(today: string): string {
  const date = nextWeekday(today, 3, 0);
  return page(
    'River Hawk Alumni Club of Greater Boston',
    `<article class="h-event">
  <h2 class="p-name">Alumni networking night: careers in clean energy</h2>
  <p>From <time class="dt-start" datetime="${isoWithOffset(date, '18:30')}">${longDate(date)}, 6:30 PM</time>
  to <time class="dt-end" datetime="${isoWithOffset(date, '20:30')}">8:30 PM</time></p>
  <p class="p-location h-card"><span class="p-name">UMass Lowell Innovation Hub</span>,
    <span class="p-street-address">110 Canal St</span>, <span class="p-locality">Lowell</span>,
    <span class="p-region">MA</span> <span class="p-postal-code">01852</span></p>
  <p class="p-summary">Alumni and friends meet people working in renewable energy. Free for alumni.</p>
  <a class="u-url" href="/alumni/events/clean-energy">Details</a>
</article>`,
  );
}

/** A public library's career programs in classic hCalendar, the value-class pattern included. */
export function cambridgeLibraryPage(today: string): string {
  const date = nextWeekday(today, 6, 0);
  return page(
    'Cambridge Public Library — Career Programs',
    `<div class="vevent">
  <h2 class="summary">Job search strategies for mid-career professionals</h2>
  <p><span class="dtstart"><span class="value-title" title="${isoWithOffset(date, '11:00')}"></span>${longDate(date)} at 11:00 am</span></p>
  <p class="location">Cambridge Public Library, 449 Broadway, Cambridge, MA 02138</p>
  <p class="description">A career coach walks through networking, informational interviews and follow-up. Free; registration encouraged.</p>
  <a class="url" href="/programs/job-search-strategies">Register</a>
</div>`,
  );
}

/** A single virtual event page (a Zoom workshop), JSON-LD with a VirtualLocation. */
export function womenInTechVirtualPage(today: string): string {
  const date = nextWeekday(today, 1, 1);
  return page(
    'Women in Tech New England — Negotiating your offer',
    '<p>Online workshop.</p>',
    jsonLd({
      '@context': 'https://schema.org',
      '@type': 'EducationEvent',
      name: 'Negotiating your offer (online workshop)',
      startDate: isoWithOffset(date, '12:00'),
      endDate: isoWithOffset(date, '13:00'),
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://us02web.zoom.us/j/81234567890' },
      organizer: { '@type': 'Organization', name: 'Women in Tech New England', url: 'http://127.0.0.1:4480/wit' },
      offers: { '@type': 'Offer', price: 0, priceCurrency: 'USD' },
      description: 'For women in technology, employed or between roles: scripts and practice for salary talks.',
    }),
  );
}

/** A regional HR conference page: Yoast-style @graph with a WebPage beside the Event. */
export function hrSummitPage(today: string): string {
  const date = addDays(nextWeekday(today, 4, 0), 0);
  return page(
    'New England HR Summit',
    '<p>The region’s HR conference.</p>',
    jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': 'http://127.0.0.1:4480/summit/#webpage', name: 'New England HR Summit — register' },
        {
          '@type': 'Event',
          '@id': 'http://127.0.0.1:4480/summit/#event',
          name: 'New England HR Summit',
          startDate: isoWithOffset(date, '08:00'),
          endDate: isoWithOffset(date, '17:00'),
          location: { '@type': 'Place', name: 'Seaport World Trade Center', address: { '@type': 'PostalAddress', streetAddress: '200 Seaport Blvd', addressLocality: 'Boston', addressRegion: 'MA', postalCode: '02210' } },
          offers: [{ '@type': 'Offer', price: '199', priceCurrency: 'USD', name: 'Professional' }],
          description: 'A conference for HR leaders. Free for job seekers with registration code TRANSITION.',
        },
      ],
    }),
  );
}

/**
 * A job-seeker group with no event markup at all, only a sentence: read as schedule text. It
 * names no date, so it is the same every day.
 */
export function andoverJobSeekersPage(): string {
  return page(
    'Andover Job Seekers Networking Group',
    `<p>A volunteer-run peer group for people in a job search: introductions, a short talk, then networking.</p>
<h2>When and where</h2>
<p>Meets the first and third Thursday of each month, 9:00 to 11:00 a.m., except holidays, at Memorial Hall Library, 2 North Main Street, Andover, MA 01810.</p>
<p>Free and open to all. No registration needed.</p>`,
  );
}
