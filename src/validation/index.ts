import { Rule } from './rule';
import { EAM001 } from './rules/eam001-entry-type';
import { EAM002 } from './rules/eam002-unique-principal';
import { EAM009 } from './rules/eam009-node-identity';
import { EAM013 } from './rules/eam013-node-policies';
import { EAM016 } from './rules/eam016-access-scope';
import { EAM018 } from './rules/eam018-policy-arn';
import { EAM022 } from './rules/eam022-authentication-mode';
import { EAM100 } from './rules/eam100-unknown-field';
import { EAM101 } from './rules/eam101-value-shape';

/** Every rule, in the order of its id. */
export const DEFAULT_RULES: readonly Rule[] = [
  EAM001,
  EAM002,
  EAM009,
  EAM013,
  EAM016,
  EAM018,
  EAM022,
  EAM100,
  EAM101,
];
