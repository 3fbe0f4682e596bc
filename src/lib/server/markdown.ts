import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// The one way markdown written by members becomes HTML. Raw HTML in the source is
// escaped by marked's renderer hook below and the result is sanitised again, so a
// `{@html renderMarkdown(x)}` can never carry script, styles or event handlers.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // Members write markdown, not HTML: show any HTML they type as text.
    html({ text }) {
      return escapeHtml(text);
    }
  }
});

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td'
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // GOV.UK classes so rendered markdown looks like the rest of the page.
  transformTags: {
    p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
    a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link', rel: 'nofollow noopener' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
    h1: sanitizeHtml.simpleTransform('h2', { class: 'govuk-heading-m' }),
    h2: sanitizeHtml.simpleTransform('h2', { class: 'govuk-heading-m' }),
    h3: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    h4: sanitizeHtml.simpleTransform('h4', { class: 'govuk-heading-s' }),
    table: sanitizeHtml.simpleTransform('table', { class: 'govuk-table' })
  },
  allowedClasses: {
    p: ['govuk-body'],
    a: ['govuk-link'],
    ul: ['govuk-list', 'govuk-list--bullet'],
    ol: ['govuk-list', 'govuk-list--number'],
    h2: ['govuk-heading-m'],
    h3: ['govuk-heading-s'],
    h4: ['govuk-heading-s'],
    table: ['govuk-table']
  }
};

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Safe HTML from member-written markdown. Empty input gives an empty string. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return '';
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, allowed);
}

/** Plain text from markdown (for summaries, feeds and meta descriptions). */
export function markdownToText(source: string | null | undefined, maxLength = 200): string {
  const text = sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
