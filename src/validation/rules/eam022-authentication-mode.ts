import { AuthenticationMode } from '../../authentication-mode';
import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { AUTHENTICATION_MODES } from '../../private/vocabulary';
import { Rule, Severity } from '../rule';

/**
 * R22: access entries need the cluster's authentication mode to be API or
 * API_AND_CONFIG_MAP; with CONFIG_MAP (the CloudFormation default) every create fails.
 */
export const EAM022: Rule = {
  id: 'EAM022',
  severity: Severity.ERROR,
  summary: 'The cluster\'s authentication mode is `API` or `API_AND_CONFIG_MAP`: with `CONFIG_MAP` no access entry can be created.',
  checkAll: (_entries, context) => {
    const mode = context.cluster.authenticationMode;
    if (mode === undefined || isToken(mode)) { return []; }
    if (mode === AuthenticationMode.CONFIG_MAP) {
      return [{
        field: 'authenticationMode',
        message: 'the cluster authenticates with the aws-auth ConfigMap only; EKS refuses every access entry',
        fix: 'switch the cluster to API_AND_CONFIG_MAP (then API once aws-auth is migrated); the change is one-way',
      }];
    }
    if (!AUTHENTICATION_MODES.has(mode)) {
      return [{
        field: 'authenticationMode',
        message: `${quote(mode)} is not an authentication mode`,
        fix: 'use "API" or "API_AND_CONFIG_MAP" (values are case-sensitive)',
      }];
    }
    return [];
  },
};
