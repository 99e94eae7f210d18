import { parseIamPrincipal } from '../private/principal-arn';

/** How a role ARN from aws-auth became the ARN of the access entry. */
export interface RestoredArn {
  /** The ARN to use. */
  readonly arn: string;
  /** Whether the path is known: written in aws-auth already, or found in the table. */
  readonly pathKnown: boolean;
}

/**
 * Restores the path aws-auth strips from role ARNs, from a table of role name to full
 * ARN and a list of known role ARNs. A role of another account or partition never
 * matches, and an ARN that already has a path keeps it.
 */
export class RolePathTable {
  private readonly byName = new Map<string, string[]>();

  constructor(roleArns: { [roleName: string]: string } = {}, knownRoleArns: readonly string[] = []) {
    for (const arn of [...Object.values(roleArns), ...knownRoleArns]) {
      const role = parseIamPrincipal(arn);
      if (role?.kind !== 'role') { continue; }
      this.byName.set(role.name, [...(this.byName.get(role.name) ?? []), arn]);
    }
  }

  /** The ARN with its path, or the ARN as written when the table does not know the role. */
  public restore(arn: string): RestoredArn {
    const role = parseIamPrincipal(arn);
    if (!role || role.kind !== 'role') { return { arn, pathKnown: true }; }
    if (role.path !== '/') { return { arn, pathKnown: true }; }
    const match = (this.byName.get(role.name) ?? []).find((candidate) => {
      const known = parseIamPrincipal(candidate)!;
      return known.account === role.account && known.partition === role.partition;
    });
    return match ? { arn: match, pathKnown: true } : { arn, pathKnown: false };
  }
}
