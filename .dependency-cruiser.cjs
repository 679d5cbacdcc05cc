/**
 * The pipeline's layering, checked by dependency-cruiser (`npm run check:layers`). Each stage imports only from the
 * stages below it, never from one above, and no module takes part in an import cycle (type-only imports count):
 *
 *   shared ← model ← sources (+ config) ← analysis (+ deploy, blueprints) ← outputs ← app ← cli (+ index.ts, api.ts)
 *
 * - `config/` reads cwdash.config.ts, an input like any other: it sits with `sources/`.
 * - `deploy/` is the publish plan, a pure comparison of local and remote bodies, and `blueprints/` are dashboards
 *   derived from the awsemf rules: both are decisions, so they sit with `analysis/`.
 * - `src/index.ts` (`cwdash`) and `src/api.ts` (`cwdash/api`) are the package's entry points: they may export from
 *   any stage, and nothing in src imports them (api.ts re-exports index.ts).
 */
const STAGES = [
  ['shared', ['shared']],
  ['model', ['model']],
  ['sources', ['sources', 'config']],
  ['analysis', ['analysis', 'deploy', 'blueprints']],
  ['outputs', ['outputs']],
  ['app', ['app']],
  ['cli', ['cli']],
];

const folders = (names) => `^src/(${names.join('|')})/`;
const ENTRY_POINTS = '^src/(index|api)\\.ts$';

const layerRules = STAGES.slice(0, -1).map(([stage, own], index) => {
  const above = STAGES.slice(index + 1).flatMap(([, names]) => names);
  return {
    name: `${stage}-imports-only-below`,
    comment: `${own.map((name) => `src/${name}/`).join(' and ')} may import only from the stages below it, not from ${above.join(', ')} or the entry points`,
    severity: 'error',
    from: { path: folders(own) },
    to: { path: `${folders(above)}|${ENTRY_POINTS}` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'cli-does-not-import-entry-points',
      comment: 'the CLI is a user of the stages, not of the package entry points',
      severity: 'error',
      from: { path: folders(['cli']) },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'no-circular',
      comment: 'a cycle means two modules are one concept, or a contract lives in the wrong file',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7's npm package has no JavaScript compiler API, so the sources are parsed with swc.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // `./file.js` imports name the `.ts` source, as TypeScript's NodeNext resolution does.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
