/** One principal's action. */
export enum PlanAction {
  CREATE = 'create',
  UPDATE = 'update',
  UNCHANGED = 'unchanged',
  CONFLICT = 'conflict',
  DELETE = 'delete',
  UNDECLARED = 'undeclared',
}
