import { NO_VIOLATIONS, Rule, Severity } from '../rule';

/** R5: service-linked roles cannot be given entries; EKS makes those itself. */
export const EAM005: Rule = {
  id: 'EAM005',
  severity: Severity.ERROR,
  summary: 'The principal is not a service-linked role (`role/aws-service-role/...`): EKS gives those access itself.',
  source: 'R5 — EKS user guide; terraform-provider-aws issue 36447',
  checkEntry: (entry) => {
    const { kind, path } = entry.principal.facts;
    if (kind !== 'role' || !path?.startsWith('/aws-service-role/')) { return NO_VIOLATIONS; }
    return [{
      field: '',
      message: 'is a service-linked role; EKS refuses access entries for them and manages their access itself',
      fix: 'remove this principal',
    }];
  },
};
