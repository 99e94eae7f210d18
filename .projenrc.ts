import { awscdk, javascript } from 'projen';

// The floor of supported aws-cdk-lib versions. 2.240.0 is the first release with the
// graduated `aws-eks-v2` module; 2.245.0 is the first whose integ-tests-alpha is
// published, so the floor is 2.245.0 and the tests run against it.
const CDK_VERSION_FLOOR = '2.245.0';

// The aws-cdk CLI used by the example app (`npx projen synth:example`).
const CDK_CLI_VERSION = '2.1148.1';

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

  // CI is `.ci/run` on a fresh clone; no GitHub workflows are generated.
  github: false,
  release: false,
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
    // The alpha that matches the aws-cdk-lib floor: @latest needs a newer aws-cdk-lib (ERESOLVE).
    `@aws-cdk/integ-tests-alpha@${CDK_VERSION_FLOOR}-alpha.0`,
    '@aws-cdk/integ-runner@2.197.10',
  ],
  bin: { 'eks-access-manager': 'lib/cli/main.js' },

  gitignore: ['cdk.out/', 'examples/cdk.out/', '.cdk.staging/', 'bench/latest/', '*.cpuprofile'],
});

project.npmignore?.exclude('/examples/', '/.ci/', 'cdk.out/', '/bench/');
// The JSON Schema of map files ships in the package, for editors.
project.npmignore?.include('/schema/');

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

// The CLI tests run the real compiled bin (lib/cli/main.js), so tests need a compile first.
project.testTask.prependSpawn(project.compileTask);

// jsii 6 prints a Node 20 end-of-life banner on every run; it still works on Node 20.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

project.synth();
