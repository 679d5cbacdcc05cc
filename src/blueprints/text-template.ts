/**
 * Text widgets from handlebars templates: a blueprint's header (what the service is, who owns it, where the runbooks
 * are) is a template filled from a small context object, so a team changes the words without touching the layout.
 * The output is Markdown, so values are not HTML-escaped (CloudWatch and `cwdash preview` render Markdown safely);
 * a template that names a value the context lacks fails the build instead of printing an empty string.
 */
import Handlebars from 'handlebars';
import { TextWidget, type TextWidgetProps } from '../model/dashboard/text-widget.js';

/** A link shown in a header: runbooks, on-call rota, source repository. */
export interface TextLink {
  readonly title: string;
  readonly url: string;
}

/** The context every blueprint header gets; templates may use any other field the caller adds. */
export interface TextContext {
  readonly title: string;
  /** Teams or people who own what the dashboard shows. @default - none */
  readonly owners?: readonly string[];
  /** Runbook and other links. @default - none */
  readonly links?: readonly TextLink[];
  readonly [key: string]: unknown;
}

/** Its own handlebars environment, so helpers registered here never leak into (or from) another user's. */
const handlebars = Handlebars.create();
handlebars.registerHelper('join', (items: unknown, separator: unknown) =>
  Array.isArray(items) ? items.map(String).join(typeof separator === 'string' ? separator : ', ') : '',
);

/**
 * Renders `template` with `context`. Strict: `{{ownr}}` (a typo) throws, naming the missing field.
 * @throws Error with the handlebars message when the template does not parse or names a missing field
 */
export function renderTextTemplate(template: string, context: TextContext): string {
  const compiled = handlebars.compile(template, { noEscape: true, strict: true });
  // Optional sections leave blank lines behind; more than one in a row means nothing in Markdown, so fold them.
  return compiled(context).replace(/\n{3,}/g, '\n\n').trim();
}

/** A text widget whose Markdown comes from a template. */
export function templatedTextWidget(template: string, context: TextContext, props: Omit<TextWidgetProps, 'markdown'> = {}): TextWidget {
  return new TextWidget({ ...props, markdown: renderTextTemplate(template, context) });
}

/** The header the blueprints use unless given another template: title, facts, owners, links. */
export const DEFAULT_HEADER_TEMPLATE = `# {{title}}

{{#if facts}}{{join facts " · "}}{{/if}}

{{#if owners}}**Owners:** {{join owners ", "}}{{/if}}

{{#if links}}{{#each links}}[{{title}}]({{url}}){{#unless @last}} · {{/unless}}{{/each}}{{/if}}`;
