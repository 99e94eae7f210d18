import { Rule } from './rule';
import { EAM001 } from './rules/eam001-entry-type';
import { EAM002 } from './rules/eam002-unique-principal';
import { EAM003 } from './rules/eam003-principal-arn';
import { EAM004 } from './rules/eam004-sso-role-path';
import { EAM005 } from './rules/eam005-service-linked-role';
import { EAM006 } from './rules/eam006-account-root';
import { EAM007 } from './rules/eam007-node-account';
import { EAM008 } from './rules/eam008-node-role';
import { EAM009 } from './rules/eam009-node-identity';
import { EAM010 } from './rules/eam010-username-prefix';
import { EAM011 } from './rules/eam011-session-name';
import { EAM012 } from './rules/eam012-kubernetes-groups';
import { EAM013 } from './rules/eam013-node-policies';
import { EAM014 } from './rules/eam014-policy-once';
import { EAM015 } from './rules/eam015-policy-count';
import { EAM016 } from './rules/eam016-access-scope';
import { EAM017 } from './rules/eam017-namespaces';
import { EAM018 } from './rules/eam018-policy-arn';
import { EAM019 } from './rules/eam019-policy-catalog';
import { EAM020 } from './rules/eam020-tags';
import { EAM021 } from './rules/eam021-entry-quota';
import { EAM022 } from './rules/eam022-authentication-mode';
import { EAM024 } from './rules/eam024-cluster-creator';
import { EAM025 } from './rules/eam025-eks-managed-principal';
import { EAM027 } from './rules/eam027-cluster-name';
import { EAM030 } from './rules/eam030-rbac-names';
import { EAM031 } from './rules/eam031-rbac-rules';
import { EAM100 } from './rules/eam100-unknown-field';
import { EAM101 } from './rules/eam101-value-shape';
import { EAM102 } from './rules/eam102-kubectl-cluster';
import { EAM103 } from './rules/eam103-unique-binding';
import { EAM201 } from './rules/eam201-unknown-policy';
import { EAM202 } from './rules/eam202-admin-user';
import { EAM203 } from './rules/eam203-fixed-name-role';
import { EAM204 } from './rules/eam204-wildcard-namespace';
import { EAM205 } from './rules/eam205-likely-cluster-creator';
import { EAM206 } from './rules/eam206-group-without-members';
import { EAM207 } from './rules/eam207-entry-grants-nothing';
import { EAM208 } from './rules/eam208-wide-rbac-rule';
import { EAM301 } from './rules/eam301-stack-resource-limit';
import { EAM302 } from './rules/eam302-nested-operation-limit';

/** Every rule, in the order of its id. */
export const DEFAULT_RULES: readonly Rule[] = [
  EAM001, EAM002, EAM003, EAM004, EAM005, EAM006, EAM007, EAM008, EAM009, EAM010,
  EAM011, EAM012, EAM013, EAM014, EAM015, EAM016, EAM017, EAM018, EAM019, EAM020,
  EAM021, EAM022, EAM024, EAM025, EAM027, EAM030, EAM031, EAM100, EAM101, EAM102, EAM103,
  EAM201, EAM202, EAM203, EAM204, EAM205, EAM206, EAM207, EAM208, EAM301, EAM302,
];
