import { awscdk, javascript, ReleasableCommits } from 'projen';
import { JobPermission, JobStep } from 'projen/lib/github/workflows-model';

// The floor of supported aws-cdk-lib versions. 2.240.0 is the first release with the
// graduated `aws-eks-v2` module; 2.245.0 is the first whose integ-tests-alpha is
// published, so the floor is 2.245.0 and the tests run against it.
const CDK_VERSION_FLOOR = '2.245.0';

// The aws-cdk CLI used by the example app (`npx projen synth:example`).
const CDK_CLI_VERSION = '2.1148.1';

// package:bindings builds and checks the Python wheel with Debian's python3-build and twine
// (scripts/build-python.sh, strict under CI=true): GitHub's Ubuntu runners lack them.
const INSTALL_PYTHON_BUILD: JobStep = {
  name: 'Install python3-build and twine (package:bindings)',
  run: 'sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-build twine',
};

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'eks-access-manager',
  description:
    'Declarative Amazon EKS access entries for AWS CDK: one map of principals to access policies, validated at synth time.',
  author: 'eks-access-manager maintainers',
  authorAddress: 'maintainers@eks-access-manager.dev',
  repositoryUrl: 'https://github.com/eks-access-manager/eks-access-manager.git',
  keywords: ['cdk', 'aws-cdk', 'eks', 'kubernetes', 'access-entries', 'aws-auth', 'iam'],
  license: 'Apache-2.0',
  stability: 'experimental',

  // jsii targets: every language gets the same construct. Only npm and PyPI artifacts can
  // be built here (Maven Central, NuGet and the Go proxy are unreachable); the others are
  // generated and checked by 'package:bindings'.
  publishToPypi: { distName: 'eks-access-manager', module: 'eks_access_manager' },
  publishToMaven: {
    javaPackage: 'dev.eksaccessmanager',
    mavenGroupId: 'dev.eks-access-manager',
    mavenArtifactId: 'eks-access-manager',
    // Maven Central's Publisher Portal (its OSSRH staging API); the old OSSRH is gone.
    mavenServerId: 'central-ossrh',
  },
  publishToNuget: { dotNetNamespace: 'EksAccessManager', packageId: 'EksAccessManager' },
  publishToGo: { moduleName: 'github.com/eks-access-manager/eks-access-manager-go' },

  cdkVersion: CDK_VERSION_FLOOR,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  // The design card asks for a top-level dev tsconfig.
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    include: ['examples/**/*.ts', '.projenrc.ts'],
    compilerOptions: {},
  },

  // One typed-lint program for src, test and examples: the dev tsconfig includes them all
  // (the project service would only find the jsii tsconfig, which holds src alone).
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'projenrc'],
    tsconfigPath: './tsconfig.dev.json',
    projectService: false,
  },

  // GitHub Actions (README, "Releasing"): `build` on pull requests with projen's
  // self-mutation check; `release` on main: version and changelog from conventional
  // commits, then publib to npm, PyPI, Maven Central, NuGet and the Go module repository.
  // `.ci/run` stays the check on a fresh clone; all three run the same `projen build`.
  github: true,
  // No Mergify: merging stays a person's decision.
  githubOptions: { mergify: false },
  release: true,
  releaseToNpm: true,
  // 0.x while the API is experimental: a breaking change bumps the minor, a feature or fix
  // the patch, and 1.0.0 is a deliberate edit here (with `stability: 'stable'`). No
  // prerelease suffix: pip and NuGet skip prereleases unless asked for them.
  majorVersion: 0,
  // A release for a feat or fix (or a breaking change of either), not for chore, docs, test.
  releasableCommits: ReleasableCommits.featuresAndFixes(),
  // The publish jobs run in this GitHub environment: its secrets, limited to main.
  releaseEnvironment: 'release',
  // The Node the project is built and tested on (.ci/run); projen's default is lts/*.
  workflowNodeVersion: '20',
  releaseWorkflowSetupSteps: [INSTALL_PYTHON_BUILD],
  buildWorkflowOptions: {
    // The build job only reads: the self-mutation job pushes fixes, with PROJEN_GITHUB_TOKEN,
    // to the branch of a pull request from this repository.
    permissions: { contents: JobPermission.READ },
    preBuildSteps: [INSTALL_PYTHON_BUILD],
  },
  depsUpgrade: false,
  pullRequestTemplate: false,

  jestOptions: {
    // `--ci`: a snapshot that does not match fails; it is never rewritten silently.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
  },

  // yaml parses aws-auth ConfigMaps and map files; jsii needs plain npm deps bundled.
  bundledDeps: ['yaml@^2.9.1'],
  devDeps: [
    `aws-cdk@${CDK_CLI_VERSION}`,
    'ajv@^8.20.0',
    'fast-check@^4.10.2',
    // Stryker 10 needs Node 22; 9.6 is the last for Node 20.
    '@stryker-mutator/core@9.6.1',
    '@stryker-mutator/jest-runner@9.6.1',
    // The alpha that matches the aws-cdk-lib floor: @latest needs a newer aws-cdk-lib (ERESOLVE).
    `@aws-cdk/integ-tests-alpha@${CDK_VERSION_FLOOR}-alpha.0`,
    '@aws-cdk/integ-runner@2.197.10',
    // AWS SDK v3 clients of the CLI's live-cluster commands and of the Identity Center
    // lookup's handler, tested against aws-sdk-client-mock (nothing here reaches AWS).
    '@aws-sdk/client-eks@^3.1169.0',
    '@aws-sdk/client-iam@^3.1169.0',
    'aws-sdk-client-mock@^4.1.0',
  ],
  bin: { 'eks-access-manager': 'lib/cli/main.js' },

  gitignore: ['cdk.out/', 'examples/cdk.out/', '.cdk.staging/', '*.cpuprofile', '.jsii.tabl.json', 'dist/', '.stryker-tmp/', 'reports/'],
});

project.npmignore?.exclude('/examples/', '/.ci/', 'cdk.out/', '/bench/', '/scripts/', '/rosetta/', '*.snapshot/', '/stryker.config.json', '/stryker.jest.config.js', '/reports/');
// The JSON Schema of map files ships in the package, for editors.
project.npmignore?.include('/schema/');
// So does the rule reference the README links: it describes the rules of that very version.
project.npmignore?.include('/docs/');

// The CLI's live-cluster commands (snapshot, plan --cluster, adopt --cluster) load the EKS
// client on demand; the construct library never does. An optional dependency: jsii reads
// only `dependencies` and `peerDependencies` (which must be jsii modules or bundled), so
// this one is npm's alone, and `npm install --omit=optional` leaves it out. Bundling it
// would add about 1.3 MB (9.5 MB unpacked) to the tarball every jsii language package embeds.
project.package.addField('optionalDependencies', { '@aws-sdk/client-eks': '^3.1169.0' });

// The main job: synthesize the example app with the real cdk CLI and say where the
// template is.
const synthExample = project.addTask('synth:example', {
  description: 'Synthesize the example app in examples/ with the aws-cdk CLI',
  cwd: 'examples',
  env: {
    // No machine here reaches AWS: keep the CLI from trying to fetch notices or send
    // telemetry.
    CDK_DISABLE_CLI_TELEMETRY: 'true',
  },
});
synthExample.exec('cdk synth --quiet --no-notices --no-version-reporting --output cdk.out');
synthExample.exec('node print-outputs.js cdk.out');

// The benchmark (not part of the tests): build, install the latest aws-cdk-lib beside, run.
const bench = project.addTask('bench', {
  description: 'Benchmark EksAccessManager against a CfnAccessEntry loop and aws-cdk-lib AccessEntry; writes bench/results.md',
});
bench.spawn(project.compileTask);
bench.spawn(project.tasks.tryFind('package:js')!);
bench.exec('bash bench/setup-latest.sh');
bench.exec('node bench/run.js', { receiveArgs: true });

// README and TSDoc examples must compile (jsii-rosetta, strict; fixtures in rosetta/).
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every README and API example with jsii-rosetta in strict mode',
  exec: 'jsii-rosetta extract --strict',
});

// What can be made here of the other jsii targets: Python wheel and sdist (Debian's
// python3-build, twine check), and generated Java, .NET and Go sources, checked to hold
// the construct. Maven Central, NuGet and the Go proxy are unreachable from these machines.
const bindings = project.addTask('package:bindings', {
  description: 'Generate Python, Java, .NET and Go bindings (code only), build and check the Python wheel and sdist',
});
bindings.exec('rm -rf dist/bindings');
bindings.exec('jsii-pacmak --code-only --target python --target java --target dotnet --target go --outdir dist/bindings');
bindings.exec('bash scripts/build-python.sh dist/bindings/python dist/python');
bindings.exec('node scripts/check-bindings.js dist/bindings');

// One package step everywhere (projen's default builds every language only outside CI,
// which needs registries we cannot reach): the npm tarball, the examples, the bindings.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);
project.packageTask.spawn(rosetta);
project.packageTask.spawn(bindings);

// The integ test's snapshot, verified offline (snapshot mode: nothing is deployed).
project.addTask('integ', {
  description: 'Verify the integ test snapshots offline with integ-runner (nothing is deployed)',
  exec: 'integ-runner --directory test --language typescript',
});
project.addTask('integ:update', {
  description: 'Re-create the integ snapshots without deploying (review the diff before committing)',
  exec: 'integ-runner --directory test --language typescript --dry-run --update-on-failed',
});

// Mutation testing of the validation code (not in CI: it takes minutes; see the README).
project.addTask('mutation', {
  description: 'Run Stryker over src/validation with the rule tests; prints the mutation score',
  exec: 'stryker run stryker.config.json',
});

// docs/rules.md, the rule reference, is generated from the compiled rule catalogue after
// every compile (after docgen), so a build keeps it current and CI sees a stale one as a
// changed file. `--check` only compares.
const rulesDoc = project.addTask('docs:rules', {
  description: 'Generate docs/rules.md from the rule catalogue in lib/validation (--check: fail if stale)',
  exec: 'node scripts/generate-rules-doc.js',
  receiveArgs: true,
});
project.postCompileTask.spawn(rulesDoc);

// The CLI tests run the real compiled bin (lib/cli/main.js), so tests need a compile first.
project.testTask.prependSpawn(project.compileTask);

// The same suite against the newest aws-cdk-lib 2.x, installed outside the lockfile (most
// users have it; `test` runs on the floor). jest maps aws-cdk-lib and constructs to that
// install (scripts/jest-cdk-latest.config.js), spawned processes too; no coverage; the
// built-in template validation of 2.262+ is off except in the test that turns it on
// (CDK_VALIDATION=false: the same findings, three times faster, no report noise). Runs on
// the compiled lib/ that `test` leaves (the CLI tests spawn it). CI runs both.
project.addTask('test:cdk-latest', {
  description: 'Run the tests against the newest aws-cdk-lib 2.x, installed outside the lockfile (after `test`, which compiles)',
  exec: 'bash scripts/test-cdk-latest.sh',
  receiveArgs: true,
});

// jsii 6 prints a Node 20 end-of-life banner on every run; it still works on Node 20.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// The pull-request build also checks what .ci/run checks beyond `projen build`, before
// the self-mutation check: the integ snapshot, the example synth, the newest aws-cdk-lib.
project.buildWorkflow?.addPostBuildSteps(
  { name: 'integ', run: 'npx projen integ' },
  { name: 'synth:example', run: 'npx projen synth:example' },
  { name: 'test:cdk-latest', run: 'npx projen test:cdk-latest' },
);

project.synth();
