import { existsSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { Token } from 'aws-cdk-lib';
import { AssemblyManifest, readAssemblyManifest } from './assembly-manifest';
import { Environment, ResourceView } from './cluster-facts';
import { readTemplate, TemplateDocument } from './template-file';
import { renderValue } from '../report/template-entry';

/** One template of the world. */
export interface TemplateFile {
  /** The file's path, resolved. */
  readonly path: string;
  /** Its file name, as findings show it (`Platform.template.json`). */
  readonly name: string;
  readonly document: TemplateDocument;
}

/** A template value where it is defined, after following what passes it on. */
export interface Located {
  readonly file: TemplateFile;
  readonly value: unknown;
}

/** The nested stack resource that deploys a template. */
interface Parent {
  readonly file: TemplateFile;
  readonly logicalId: string;
}

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/** How far `locate` follows values through parents, children and imports (a cycle is a broken template). */
const MAX_HOPS = 32;

/**
 * The templates given to the validation plugin, and the nested templates they deploy, as
 * one world: each file is read once, knows its environment (from the assembly's manifest;
 * a nested template has its parent's), and a value can be followed to where it is
 * defined: a nested stack's parameter to what its parent passes, a nested stack's output
 * to its value in the child, an import to the export of its stack.
 */
export class TemplateWorld {
  /** Reads the templates at `templatePaths`, each once, with the nested templates they deploy. */
  public static read(templatePaths: readonly string[]): TemplateWorld {
    const world = new TemplateWorld();
    for (const path of templatePaths) { world.load(resolve(path)); }
    return world;
  }

  private readonly byPath = new Map<string, TemplateFile>();
  private readonly ownEnvironments = new Map<TemplateFile, Environment>();
  private readonly parents = new Map<TemplateFile, Parent>();
  private readonly children = new Map<TemplateFile, Map<string, TemplateFile>>();
  private readonly manifests = new Map<string, AssemblyManifest>();
  private readonly tokens = new Map<string, Located>();
  private exports?: Map<string, Located>;

  private constructor() {}

  /** Every template, in the order read (a parent before the templates it deploys). */
  public get files(): TemplateFile[] {
    return [...this.byPath.values()];
  }

  /** Where a template is deployed: its stack's environment, or its parent's. */
  public environmentOf(file: TemplateFile): Environment {
    return this.ownEnvironments.get(this.nestingOf(file).root) ?? {};
  }

  /**
   * Follows a value of `file` to where it is defined. A value that is not passed on (a
   * literal, a reference to a resource of the same template, a pseudo parameter) stays.
   */
  public locate(file: TemplateFile, value: unknown): Located {
    let located: Located = { file, value: normalized(value) };
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      const next = this.passedOn(located);
      if (!next) { return located; }
      located = { file: next.file, value: normalized(next.value) };
    }
    return located;
  }

  /**
   * A template value as the neutral view has it: a literal as it is, an intrinsic as a
   * CDK token (see `located` for what it stands for), objects and lists item by item.
   */
  public neutral(file: TemplateFile, value: unknown): unknown {
    if (typeof value !== 'object' || value === null) { return value; }
    if (Array.isArray(value)) { return value.map((item) => this.neutral(file, item)); }
    if (isIntrinsic(value)) {
      const located = this.locate(file, value);
      if (!isIntrinsic(located.value)) { return this.neutral(located.file, located.value); }
      const token = Token.asString(located.value);
      this.tokens.set(token, located);
      return token;
    }
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) { result[key] = this.neutral(file, item); }
    return result;
  }

  /**
   * The top-level template that deploys `file` (itself when it is not nested), and the
   * logical ids of the nested stack resources from that template down to `file`.
   */
  public nestingOf(file: TemplateFile): { readonly root: TemplateFile; readonly nestedStackIds: readonly string[] } {
    const ids: string[] = [];
    let current = file;
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      const parent = this.parents.get(current);
      if (!parent) { break; }
      ids.unshift(parent.logicalId);
      current = parent.file;
    }
    return { root: current, nestedStackIds: ids };
  }

  /** What a token of `neutral` stands for; undefined for any other value. */
  public located(token: unknown): Located | undefined {
    return typeof token === 'string' ? this.tokens.get(token) : undefined;
  }

  /** The neutral view of a resource of a template. */
  public viewOf(file: TemplateFile, logicalId: string): ResourceView {
    const resource = file.document.Resources[logicalId] ?? {};
    return {
      type: resource.Type ?? '',
      path: `${file.name}#${logicalId}`,
      properties: this.neutral(file, resource.Properties ?? {}) as Record<string, unknown>,
    };
  }

  private load(path: string, parent?: Parent): void {
    const existing = this.byPath.get(path);
    if (existing) {
      // A nested template given as well as found through its parent: it is its parent's.
      if (parent && !this.parents.has(existing)) { this.parents.set(existing, parent); }
      return;
    }
    const file: TemplateFile = { path, name: basename(path), document: readTemplate(path) };
    this.byPath.set(path, file);
    const manifest = this.manifestOf(dirname(path));
    this.ownEnvironments.set(file, manifest.environmentOf(file.name) ?? {});
    if (parent) { this.parents.set(file, parent); }
    for (const [logicalId, resource] of Object.entries(file.document.Resources)) {
      if (resource?.Type !== NESTED_STACK_TYPE) { continue; }
      const nested = nestedTemplateOf(resource, manifest);
      const nestedPath = nested === undefined ? undefined : join(dirname(path), nested);
      if (nestedPath === undefined || !existsSync(nestedPath)) { continue; }
      this.load(nestedPath, { file, logicalId });
      const children = this.children.get(file) ?? new Map<string, TemplateFile>();
      children.set(logicalId, this.byPath.get(nestedPath)!);
      this.children.set(file, children);
    }
  }

  private manifestOf(directory: string): AssemblyManifest {
    let manifest = this.manifests.get(directory);
    if (!manifest) {
      manifest = readAssemblyManifest(directory);
      this.manifests.set(directory, manifest);
    }
    return manifest;
  }

  /** Where a value is passed on from, one step; undefined when it is defined here. */
  private passedOn({ file, value }: Located): Located | undefined {
    const ref = (value as { Ref?: unknown })?.Ref;
    if (typeof ref === 'string') {
      const parent = this.parents.get(file);
      if (!parent || !(ref in file.document.Parameters)) { return undefined; }
      const parameters = parent.file.document.Resources[parent.logicalId]?.Properties?.Parameters;
      const passed = (parameters as Record<string, unknown> | undefined)?.[ref];
      return passed === undefined ? undefined : { file: parent.file, value: passed };
    }
    const getAtt = (value as { 'Fn::GetAtt'?: unknown })?.['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[1] === 'string' && getAtt[1].startsWith('Outputs.')) {
      const child = this.children.get(file)?.get(String(getAtt[0]));
      const output = child?.document.Outputs[getAtt[1].slice('Outputs.'.length)];
      return child && output?.Value !== undefined ? { file: child, value: output.Value } : undefined;
    }
    const imported = (value as { 'Fn::ImportValue'?: unknown })?.['Fn::ImportValue'];
    if (typeof imported === 'string') {
      return this.exportsByName().get(exportKey(this.environmentOf(file), imported));
    }
    return undefined;
  }

  /** Every output with a literal export name, by environment and name (exports are regional). */
  private exportsByName(): Map<string, Located> {
    if (!this.exports) {
      this.exports = new Map();
      for (const file of this.byPath.values()) {
        for (const output of Object.values(file.document.Outputs)) {
          const name = output?.Export?.Name;
          if (typeof name === 'string' && output.Value !== undefined) {
            this.exports.set(exportKey(this.environmentOf(file), name), { file, value: output.Value });
          }
        }
      }
    }
    return this.exports;
  }
}

/** The template a nested stack deploys: named by its asset metadata, or found from its `TemplateURL`. */
function nestedTemplateOf(resource: { Properties?: Record<string, unknown> }, manifest: AssemblyManifest): string | undefined {
  const metadata = (resource as { Metadata?: Record<string, unknown> }).Metadata;
  const assetPath = metadata?.['aws:asset:path'];
  if (typeof assetPath === 'string') { return assetPath; }
  const url = resource.Properties?.TemplateURL;
  return url === undefined ? undefined : manifest.templateAt(renderValue(url));
}

function exportKey(env: Environment, name: string): string {
  return `${env.account ?? '?'}/${env.region ?? '?'}/${name}`;
}

/** A CloudFormation intrinsic: an object with one key, `Ref` or `Fn::...`. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { return false; }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** `{ "Fn::GetAtt": "Role.Arn" }` written as CDK writes it, `["Role", "Arn"]`, so that equal values compare equal. */
function normalized(value: unknown): unknown {
  const getAtt = (value as { 'Fn::GetAtt'?: unknown })?.['Fn::GetAtt'];
  if (typeof getAtt === 'string' && getAtt.includes('.')) {
    const dot = getAtt.indexOf('.');
    return { 'Fn::GetAtt': [getAtt.slice(0, dot), getAtt.slice(dot + 1)] };
  }
  return value;
}
