/** The digest's colours, light and dark: the layout's stylesheet and the cards' inline styles share them. */

/** Light colours: every text pair here measures ≥ 4.5:1 (test/browser/digest-screenshot.test.ts). */
export const LIGHT = {
  page: '#eef1f4',
  card: '#ffffff',
  head: '#16416b',
  text: '#1b1f24',
  muted: '#3d4852',
  why: '#2d5a27',
  link: '#0b5cad',
  button: '#e6eef8',
  buttonText: '#0a4a8c',
  buttonBorder: '#7f9fc4',
  rule: '#d5dbe1',
} as const;

/** Dark colours, for `prefers-color-scheme: dark` and Outlook.com's forced dark (`[data-ogsc]`, `[data-ogsb]`). */
export const DARK = {
  page: '#0e1114',
  card: '#15191e',
  head: '#0f2d4a',
  text: '#e8ecf0',
  muted: '#c2cad3',
  why: '#a8d5a0',
  link: '#8cc4ff',
  button: '#1d2b3b',
  buttonText: '#d6e8ff',
  buttonBorder: '#4f6f94',
  rule: '#333b44',
} as const;
