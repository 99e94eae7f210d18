import { quote } from '../../private/describe-value';
import { isToken } from '../../private/tokens';
import { ACCESS_ENTRY_TYPES } from '../../private/vocabulary';
import { NO_VIOLATIONS, Rule, Severity } from '../rule';

const VALUES = [...ACCESS_ENTRY_TYPES].join(', ');

/**
 * R1: the entry type is one of the exact, case-sensitive values EKS accepts. The EKS user
 * guide's CLI examples write `EC2_Linux` and `EC2_Windows`, yet a CloudFormation deploy
 * with `Standard` failed with "AccessEntry type must be one of [EC2_LINUX, EC2_WINDOWS,
 * FARGATE_LINUX, STANDARD]" (aws-cdk PR 31147), and the CloudFormation docs were corrected
 * to `STANDARD` (cloudformation-coverage-roadmap issue 2116): other cases are refused, so
 * they stay errors rather than being upper-cased here.
 */
export const EAM001: Rule = {
  id: 'EAM001',
  severity: Severity.ERROR,
  summary: 'The entry `type` is one of the exact EKS values (`STANDARD`, `EC2_LINUX`, ...), upper case: CloudFormation refuses any other case.',
  source: 'R1 — EKS API reference (CreateAccessEntry); aws-cdk PR 31147; cloudformation-coverage-roadmap issue 2116',
  checkEntry: (entry) => {
    if (isToken(entry.type) || ACCESS_ENTRY_TYPES.has(entry.type)) { return NO_VIOLATIONS; }
    const upper = entry.type.toUpperCase();
    if (ACCESS_ENTRY_TYPES.has(upper)) {
      return [{
        field: 'type',
        message: `${quote(entry.type)} is not an access entry type: types are case-sensitive, and CloudFormation refuses any case but upper ("AccessEntry type must be one of [...]", aws-cdk PR 31147), although the EKS user guide's CLI examples write "EC2_Linux"`,
        fix: `write ${quote(upper)}`,
      }];
    }
    return [{
      field: 'type',
      message: `${quote(entry.type)} is not an access entry type`,
      fix: `use one of ${VALUES} (or leave it out for STANDARD)`,
    }];
  },
};
