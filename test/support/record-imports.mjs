// Module hooks for a spawned Node (registered with --import, see test/cli/fast-start.test.ts): every module URL the
// process resolves is written to stderr as `import: <url>`.
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  process.stderr.write(`import: ${resolved.url}\n`);
  return resolved;
}
