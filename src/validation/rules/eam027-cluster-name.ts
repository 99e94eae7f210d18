import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** The longest EKS cluster name (EKS `CreateCluster`: `name`). */
export const MAX_CLUSTER_NAME = 100;
/** EKS's pattern of cluster names (`CreateCluster`: `^[0-9A-Za-z][A-Za-z0-9\-_]*$`). */
export const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;

const NOT_NAME_CHARACTER = /[^A-Za-z0-9\-_]/;
const CLUSTER_ARN = /^arn:[^:]+:eks:[^:]*:\d*:cluster\/(.+)$/;
const FIND_NAME = 'use the cluster\'s name as EKS shows it (`aws eks list-clusters`)';

/**
 * R27: the cluster name is 1 to 100 letters, digits, `-` and `_`, starting with a letter or
 * digit. EKS creates no cluster with any other name, so every entry naming one fails at
 * deploy. Only a literal name is checked: a token (an in-app cluster's name) is unknown
 * until deploy.
 */
export const EAM027: Rule = {
  id: 'EAM027',
  severity: Severity.ERROR,
  summary: `The literal cluster name has 1-${MAX_CLUSTER_NAME} characters, letters, digits, \`-\` and \`_\`, and starts with a letter or digit.`,
  source: 'R27 — EKS API reference (CreateCluster: name)',
  checkAll: (_entries, { cluster }) => {
    const name = cluster.clusterName;
    // A name of the wrong shape (the empty string, in the construct) is reported by EAM101.
    if (name === undefined || isToken(name) || cluster.malformedFields.some((m) => m.field === 'clusterName')) { return NO_VIOLATIONS; }
    const problem = nameProblem(name);
    return problem ? [{ field: 'clusterName', ...problem }] : [];
  },
};

function nameProblem(name: string): { message: string; fix: string } | undefined {
  if (name === '') {
    return { message: `is empty; an EKS cluster name has 1 to ${MAX_CLUSTER_NAME} characters`, fix: FIND_NAME };
  }
  const arn = CLUSTER_ARN.exec(name);
  if (arn) {
    return { message: `${quote(name)} is a cluster ARN; access entries name the cluster by its name`, fix: `write the name alone: ${quote(arn[1])}` };
  }
  // Characters first: a name of other characters is wrong whatever its length.
  const bad = NOT_NAME_CHARACTER.exec(name);
  if (bad) {
    return {
      message: `${quote(name)} has ${quote(bad[0])}, which EKS does not allow in cluster names (letters, digits, "-" and "_" only)`,
      fix: `${FIND_NAME}: no cluster has this name`,
    };
  }
  if (name.length > MAX_CLUSTER_NAME) {
    return { message: `is ${name.length} characters long; EKS allows at most ${MAX_CLUSTER_NAME}`, fix: `${FIND_NAME}: no cluster has a longer name` };
  }
  if (CLUSTER_NAME.test(name)) { return undefined; }
  return {
    message: `${quote(name)} starts with ${quote(name[0])}; an EKS cluster name starts with a letter or digit`,
    fix: `${FIND_NAME}: no cluster has this name`,
  };
}
