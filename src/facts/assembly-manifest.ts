import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Environment } from './cluster-facts';

/** What a cloud assembly's `manifest.json` says of the templates in its directory. */
export interface AssemblyManifest {
  /** The environment of a stack template (a file name of the directory), when the manifest lists it. */
  environmentOf(templateFile: string): Environment | undefined;
  /**
   * The file name of the template a nested stack's `TemplateURL` (rendered, see
   * `renderValue`) points at, when it is an asset of the assembly.
   */
  templateAt(templateUrl: string): string | undefined;
}

/** The manifest's artifacts, as far as they are read here. */
interface Artifact {
  readonly type?: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly file?: string;
    readonly stackName?: string;
    /** Of a nested cloud assembly (a Stage): its directory, relative to this one. */
    readonly directoryName?: string;
  };
}

/** A stack of a cloud assembly, as its manifest lists it. */
export interface StackArtifact {
  /** Its template, resolved. */
  readonly templatePath: string;
  /** The CloudFormation stack name it deploys as. */
  readonly stackName: string;
  /** The name the CDK CLI selects it by (`Platform`, `Prod/Platform`). */
  readonly displayName: string;
  readonly environment: Environment;
}

/**
 * Every stack of the cloud assembly in `directory` and of the assemblies nested in it
 * (Stages), as their manifests list them; none when there is no manifest. Nested stacks
 * are not artifacts: they are found through their parent's template.
 */
export function stackArtifactsIn(directory: string, depth = 0): StackArtifact[] {
  const stacks: StackArtifact[] = [];
  for (const { id, artifact, stack } of artifactsIn(directory)) {
    const assembly = artifact.properties?.directoryName;
    if (stack) {
      stacks.push({
        templatePath: resolve(directory, stack.templateFile),
        stackName: artifact.properties?.stackName ?? id,
        displayName: artifact.displayName ?? id,
        environment: stack.environment,
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && assembly && depth < MAX_ASSEMBLY_DEPTH) {
      stacks.push(...stackArtifactsIn(join(directory, assembly), depth + 1));
    }
  }
  return stacks;
}

/** How deep Stages may nest; a deeper manifest is read as if it had no more. */
const MAX_ASSEMBLY_DEPTH = 16;

/** One file asset of an asset manifest (`<stack>.assets.json`). */
interface FileAsset {
  readonly source?: { readonly path?: string };
  readonly destinations?: Record<string, { readonly objectKey?: string }>;
}

/**
 * Reads the manifest of the cloud assembly in `directory`: each stack's environment
 * (`aws://<account>/<region>`), and where each template asset is uploaded, which says
 * which file a nested stack deploys (CDK writes `aws:asset:path` metadata on the nested
 * stack's resource only when the CLI asks for asset metadata). A directory without a
 * manifest knows nothing.
 */
export function readAssemblyManifest(directory: string): AssemblyManifest {
  const environments = new Map<string, Environment>();
  const templatesByKey = new Map<string, string>();
  for (const { artifact, stack } of artifactsIn(directory)) {
    if (stack) {
      environments.set(stack.templateFile, stack.environment);
    } else if (artifact.type === 'cdk:asset-manifest' && artifact.properties?.file) {
      const assets = readJson<{ files?: Record<string, FileAsset> }>(join(directory, artifact.properties.file));
      for (const asset of Object.values(assets?.files ?? {})) {
        const path = asset.source?.path;
        if (!path?.endsWith('.template.json')) { continue; }
        for (const destination of Object.values(asset.destinations ?? {})) {
          if (destination.objectKey) { templatesByKey.set(destination.objectKey, path); }
        }
      }
    }
  }
  return {
    environmentOf: (templateFile) => environments.get(templateFile),
    templateAt: (templateUrl) => {
      // The URL ends with the object key: `https://s3.<region>.${AWS::URLSuffix}/<bucket>/<key>`.
      const key = templateUrl.slice(templateUrl.lastIndexOf('/') + 1);
      const direct = templatesByKey.get(key);
      if (direct) { return direct; }
      for (const [objectKey, path] of templatesByKey) {
        if (templateUrl.endsWith(`/${objectKey}`)) { return path; }
      }
      return undefined;
    },
  };
}

/**
 * The artifacts of the manifest in `directory`, in its order (none when there is no
 * manifest); a stack with a template also gets its template file, as the manifest writes
 * it, and its environment.
 */
function artifactsIn(directory: string): Array<{
  readonly id: string;
  readonly artifact: Artifact;
  readonly stack?: { readonly templateFile: string; readonly environment: Environment };
}> {
  const manifest = readJson<{ artifacts?: Record<string, Artifact> }>(join(directory, 'manifest.json'));
  return Object.entries(manifest?.artifacts ?? {}).map(([id, artifact]) => {
    const templateFile = artifact.properties?.templateFile;
    return artifact.type === 'aws:cloudformation:stack' && templateFile
      ? { id, artifact, stack: { templateFile, environment: parseEnvironment(artifact.environment) } }
      : { id, artifact };
  });
}

/** `aws://<account>/<region>`, where CDK writes `unknown-account` and `unknown-region` for an environment-agnostic stack. */
function parseEnvironment(text: string | undefined): Environment {
  const match = /^aws:\/\/([^/]*)\/(.*)$/.exec(text ?? '');
  if (!match) { return {}; }
  return {
    account: match[1] === 'unknown-account' || match[1] === '' ? undefined : match[1],
    region: match[2] === 'unknown-region' || match[2] === '' ? undefined : match[2],
  };
}

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) { return undefined; }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    // A manifest that cannot be read says nothing; the templates are still checked.
    return undefined;
  }
}
