/**
 * The labels PromQL sees on a CloudWatch OTLP series (docs/sources.md#otel-metrics): datapoint attributes bare, resource
 * attributes as `@resource.<attr>`, the instrumentation scope name as `@instrumentation.@name`.
 */
export function promqlLabels(attributes: Readonly<Record<string, string>>, resource: Readonly<Record<string, string>>, scope: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(resource)) labels[`@resource.${key}`] = value;
  if (scope !== '') labels['@instrumentation.@name'] = scope;
  for (const [key, value] of Object.entries(attributes)) labels[key] = value;
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
