// The layering of ../shared/STYLE.md, checked on every CI run: `functions → shared/* → rules`,
// a pure core (shared/scoring, shared/lifecycle), and each SDK in the one adapter that owns it.
// `npm run depcruise` names the rule each violation breaks.

const NODE_IO =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|dns/promises|child_process|cluster|worker_threads|tls|readline|os|process|inspector)$';
const PURE_CORE = '^shared/(scoring|lifecycle)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'rules-import-nothing-above',
      comment:
        'rules/ is data and the schema that loads it: the bottom of the arrows, it imports nothing from shared/, functions/ or local/.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: '^(shared|functions|local)/' },
    },
    {
      name: 'shared-not-to-functions-or-local',
      comment: 'shared/ is the core and its adapters: it never reaches up into the function files or the local host.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|local)/' },
    },
    {
      name: 'functions-not-to-local',
      comment: 'functions/ is the product; local/ is a dev tool that imports the functions, never the other way.',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^local/' },
    },
    {
      name: 'pure-core-no-sdk',
      comment: 'shared/scoring and shared/lifecycle are pure: no SDK, no token library.',
      severity: 'error',
      from: { path: PURE_CORE },
      to: { path: '(^|/)node_modules/(@azure/|jose/)' },
    },
    {
      name: 'pure-core-no-io',
      comment: 'shared/scoring and shared/lifecycle are pure: no node I/O module.',
      severity: 'error',
      from: { path: PURE_CORE },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'pure-core-no-shell',
      comment:
        'shared/scoring and shared/lifecycle do not read the clock (shared/clock.ts holds the only system-date read), the settings, the store, the queue, the jobs, the credentials or the edge: the as-of date and the facts are arguments.',
      severity: 'error',
      from: { path: PURE_CORE },
      to: { path: '^(shared/(clock\\.ts|settings\\.ts|identity\\.ts|store/|queue/|jobs/|auth/|cli/)|functions/)' },
    },
    {
      name: 'cosmos-only-in-store',
      comment: '@azure/cosmos is imported by shared/store only.',
      severity: 'error',
      from: { pathNot: '^shared/store/' },
      to: { path: '(^|/)node_modules/@azure/cosmos/' },
    },
    {
      name: 'storage-queue-only-in-queue',
      comment: '@azure/storage-queue is imported by shared/queue only.',
      severity: 'error',
      from: { pathNot: '^shared/queue/' },
      to: { path: '(^|/)node_modules/@azure/storage-queue/' },
    },
    {
      name: 'store-decides-nothing',
      comment:
        'shared/store keeps what the caller decided: it may read the lifecycle and scoring types and views, but calls no function of theirs that decides (applyDay, planRenewal, scorePartner).',
      severity: 'error',
      from: { path: '^shared/store/' },
      to: { path: '^shared/(lifecycle|scoring|jobs)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'model-below-the-core',
      comment:
        'shared/model is the schemas the core and the edge share: it imports neither the core, the adapters, the jobs nor the settings.',
      severity: 'error',
      from: { path: '^shared/model/' },
      to: { path: '^shared/(lifecycle/|scoring/|store/|queue/|jobs/|auth/|settings\\.ts|clock\\.ts)' },
    },
    {
      name: 'jobs-on-ports',
      comment:
        'shared/jobs work on ports with an injected now: no store, no queue, no clock and no SDK; the shell wires the real adapters in.',
      severity: 'error',
      from: { path: '^shared/jobs/' },
      to: { path: '^shared/(store/|queue/|clock\\.ts)|(^|/)node_modules/@azure/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes the arrows point both ways.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports and that imports nothing is dead code (tests, declarations and configs excepted).',
      severity: 'error',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '(^|/)[^/]+\\.config\\.(ts|js|cjs|mjs)$', '^\\.dependency-cruiser\\.cjs$'] },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing fails at run time.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'product-not-to-dev-dependency',
      comment: 'What is deployed (functions/, shared/, rules/) may not need a devDependency, which is absent in production.',
      severity: 'error',
      from: { path: '^(functions|shared|rules)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Paths as written (node_modules/…), not where a symlinked node_modules really lives, so the known violations match on every machine.
    preserveSymlinks: true,
    // Type-only imports are arrows too.
    tsPreCompilationDeps: true,
    // Resolves the `.js` of an import to the `.ts` beside it, as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.js', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
