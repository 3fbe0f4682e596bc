import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis and lists with GOV.UK classes', () => {
    const html = renderMarkdown('Hello **world**\n\n- one\n- two');
    expect(html).toContain('<p class="govuk-body">Hello <strong>world</strong></p>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
  });

  it('shows raw HTML as text instead of running it', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript: links but keeps https links', () => {
    const html = renderMarkdown('[bad](javascript:alert(1)) [good](https://example.org)');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="nofollow noopener"');
  });

  it('turns a top-level heading into a second-level one, so pages keep one h1', () => {
    expect(renderMarkdown('# Title')).toMatch(/^<h2 class="govuk-heading-m">Title<\/h2>/);
  });

  it('returns an empty string for empty input', () => {
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown('')).toBe('');
  });
});

describe('markdownToText', () => {
  it('strips markup and shortens with an ellipsis', () => {
    expect(markdownToText('**Bold** and [a link](https://example.org)')).toBe('Bold and a link');
    expect(markdownToText('word '.repeat(100), 20)).toMatch(/…$/);
    expect(markdownToText('word '.repeat(100), 20).length).toBeLessThanOrEqual(20);
  });
});
