/** Handlebars headers: the default template, strictness, and Markdown left unescaped. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADER_TEMPLATE, renderTextTemplate, templatedTextWidget } from '../../src/blueprints/index.js';

describe('renderTextTemplate', () => {
  it('renders the default header with owners and links, and folds the empty sections', () => {
    expect(
      renderTextTemplate(DEFAULT_HEADER_TEMPLATE, {
        title: 'cart',
        facts: ['Namespace `shop/cart`', 'scraped every 30 s'],
        owners: ['team-a', 'team-b'],
        links: [{ title: 'Runbook', url: 'https://runbooks.example.com/cart' }, { title: 'Repo', url: 'https://git.example.com/cart' }],
      }),
    ).toBe('# cart\n\nNamespace `shop/cart` · scraped every 30 s\n\n**Owners:** team-a, team-b\n\n[Runbook](https://runbooks.example.com/cart) · [Repo](https://git.example.com/cart)');
    expect(renderTextTemplate(DEFAULT_HEADER_TEMPLATE, { title: 'bare' })).toBe('# bare');
  });

  it('leaves Markdown and HTML characters to the Markdown renderer', () => {
    expect(renderTextTemplate('{{title}} & <{{owner}}>', { title: '**Cart**', owner: 'a&b' })).toBe('**Cart** & <a&b>');
  });

  it('fails on a field the context does not have, naming it', () => {
    expect(() => renderTextTemplate('Owner: {{ownr}}', { title: 't' })).toThrow(/"ownr" not defined/);
    expect(() => renderTextTemplate('{{#each}}', { title: 't' })).toThrow();
  });

  it('makes a text widget from a template', () => {
    const widget = templatedTextWidget('# {{title}}', { title: 'Cart' }, { width: 24, height: 1 });
    expect(widget.renderAt({ x: 0, y: 0 }, { region: undefined })).toEqual([{ type: 'text', x: 0, y: 0, width: 24, height: 1, properties: { markdown: '# Cart' } }]);
  });
});
