import { CfnElement, Stack } from 'aws-cdk-lib';

/** The logical id each entry was given when it was made (see `fixLogicalId`). */
const FIXED = new WeakMap<CfnElement, string>();

/**
 * Gives an element CDK's own default logical id, fixed now: CDK would otherwise derive it
 * from the construct path (an MD5 each time) at every resolve of the template, several
 * times per synth. The id is the one CDK would allocate, so no template changes.
 *
 * @returns the id
 */
export function fixLogicalId(element: CfnElement): string {
  const logicalId = Stack.of(element).getLogicalId(element);
  element.overrideLogicalId(logicalId);
  FIXED.set(element, logicalId);
  return logicalId;
}

/**
 * The logical id an element was given by `fixLogicalId`, if any. A later
 * `overrideLogicalId` is not seen here: check the template before trusting it.
 */
export function fixedLogicalId(element: CfnElement): string | undefined {
  return FIXED.get(element);
}

/**
 * The logical id the template gives an element made by `fixLogicalId`, when it is still
 * the one fixed then; undefined when it was overridden since (or the element was never
 * fixed, or this aws-cdk-lib keeps its override elsewhere): then only the template knows.
 */
export function unchangedLogicalId(element: CfnElement): string | undefined {
  const fixed = FIXED.get(element);
  // The field `overrideLogicalId` sets, in every aws-cdk-lib 2.x.
  const current = (element as unknown as { _logicalIdOverride?: unknown })._logicalIdOverride;
  return fixed !== undefined && current === fixed ? fixed : undefined;
}
