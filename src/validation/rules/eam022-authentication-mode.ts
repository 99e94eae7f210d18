import { AuthenticationMode } from '../../authentication-mode';
import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { AUTHENTICATION_MODES } from '../../private/vocabulary';
import { Rule, Severity, Violation } from '../rule';

/**
 * R22: access entries need the cluster's authentication mode to be API or
 * API_AND_CONFIG_MAP; with CONFIG_MAP (the CloudFormation default) every create fails.
 * When the cluster is defined in the app, its own mode is the truth, and the prop must
 * agree with it.
 */
export const EAM022: Rule = {
  id: 'EAM022',
  severity: Severity.ERROR,
  summary: 'The cluster\'s authentication mode is `API` or `API_AND_CONFIG_MAP` (read from the cluster when it is in the app, and equal to `authenticationMode` when both are given).',
  source: 'R22 — EKS user guide',
  checkAll: (_entries, { cluster }) => {
    const declared = isToken(cluster.authenticationMode) ? undefined : cluster.authenticationMode;
    const inApp = cluster.inApp;
    const violations: Violation[] = [];
    if (declared !== undefined && inApp?.authenticationMode !== undefined && declared !== inApp.authenticationMode) {
      violations.push({
        field: 'authenticationMode',
        message: `is ${quote(declared)}, but the cluster ${inApp.path} in this app has ${quote(inApp.authenticationMode)}`,
        fix: 'leave `authenticationMode` out (it is read from the cluster), or make the two agree',
      });
    }
    const mode = inApp?.authenticationMode ?? declared;
    const where = inApp?.authenticationMode !== undefined ? `the cluster ${inApp.path}` : 'the cluster';
    if (mode === AuthenticationMode.CONFIG_MAP) {
      violations.push({
        field: 'authenticationMode',
        message: `${where} authenticates with the aws-auth ConfigMap only (CONFIG_MAP, the CloudFormation default); EKS refuses every access entry`,
        fix: 'switch the cluster to API_AND_CONFIG_MAP (then API once aws-auth is migrated); the change is one-way',
      });
    } else if (mode !== undefined && !AUTHENTICATION_MODES.has(mode)) {
      violations.push({
        field: 'authenticationMode',
        message: `${quote(mode)} is not an authentication mode`,
        fix: 'use "API" or "API_AND_CONFIG_MAP" (values are case-sensitive)',
      });
    }
    return violations;
  },
};
