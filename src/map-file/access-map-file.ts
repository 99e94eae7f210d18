import { readFileSync, statSync } from 'fs';
import { findingPath, readMapFile } from './read-map-file';
import { AuthenticationMode } from '../authentication-mode';
import { PrincipalAccess } from '../principal-access';
import { MAX_INPUT_BYTES } from '../private/yaml-source';
import { KubernetesGroupAccess } from '../rbac/kubernetes-group';
import { Severity } from '../severity';
import { checkAccessMap } from '../validation/check-map';

/**
 * What an access map file holds.
 */
export interface AccessMapFileContents {
  /** Principal ARN to access, ready for `EksAccessManager`'s `principals`. */
  readonly principals: { [principalArn: string]: PrincipalAccess };
  /**
   * The Kubernetes groups to bind, ready for `EksAccessManager`'s `groups`.
   *
   * @default - none: the file has no `groups`
   */
  readonly groups?: { [groupName: string]: KubernetesGroupAccess };
  /** The cluster name, when the file gives one. @default - none */
  readonly clusterName?: string;
  /** The cluster's authentication mode, when the file gives one. @default - none */
  readonly authenticationMode?: AuthenticationMode;
}

/**
 * An access map kept in a YAML or JSON file, next to the code that deploys it.
 *
 * The file has `principals` (as in the construct) and optionally `groups`, `clusterName`
 * and `authenticationMode`; `schema/access-map.schema.json` in this package describes it for
 * editors. A syntax error, an unknown key or a value of the wrong type fails loading with
 * the file, the line and the key; everything else is checked by the same rules as a map
 * written in code, when the app synthesizes (or by `eks-access-manager validate`).
 *
 * @example
 * const map = AccessMapFile.load('access/prod.yaml');
 * new EksAccessManager(stack, 'Access', { clusterName: 'prod', principals: map.principals });
 */
export class AccessMapFile {
  /**
   * Reads and checks the shape of a map file.
   *
   * @param path the file (`.yaml`, `.yml` or `.json`)
   */
  public static load(path: string): AccessMapFileContents {
    const size = statSync(path).size;
    if (size > MAX_INPUT_BYTES) {
      throw new Error(`${path}: the file is ${size} bytes; an access map file has at most ${MAX_INPUT_BYTES}`);
    }
    return AccessMapFile.parse(readFileSync(path, 'utf8'), path);
  }

  /**
   * Checks the shape of a map given as text.
   *
   * @param text YAML or JSON
   * @param fileName the name to use in error messages
   */
  public static parse(text: string, fileName: string = '<map>'): AccessMapFileContents {
    const read = readMapFile(text);
    const problems = read.problems.map((p) => `${fileName}:${p.line ?? 1}: [${p.ruleId}] ${p.message}`);
    // Unknown keys and wrong types inside entries are errors at load, with their line.
    for (const f of checkAccessMap(read.principals, { groups: read.groups })) {
      if (f.severity !== Severity.ERROR || (f.ruleId !== 'EAM100' && f.ruleId !== 'EAM101')) { continue; }
      // Only the entries' and the groups' own fields: the top level was read above.
      if (f.identity === undefined && f.group === undefined) { continue; }
      const line = read.source.positionOf(findingPath(f))?.line;
      problems.push(`${fileName}:${line ?? 1}: [${f.ruleId}] ${f.principal}: ${f.field}: ${f.message}. Fix: ${f.fix}`);
    }
    if (problems.length > 0) {
      throw new Error(`${fileName} is not a valid access map:\n  ${problems.join('\n  ')}`);
    }
    return {
      principals: read.principals,
      ...(read.groups === undefined ? {} : { groups: read.groups }),
      clusterName: read.clusterName,
      authenticationMode: read.authenticationMode as AuthenticationMode | undefined,
    };
  }

  private constructor() {}
}
