import { readFileSync } from 'fs';
import { TemplateResources } from '../report/template-entry';

/** The sections of a synthesized template that the library reads. */
export interface TemplateDocument {
  /** By logical id; empty when the template has none. */
  readonly Resources: TemplateResources;
  /** The template's parameters, by name (a nested stack's values come from its parent). */
  readonly Parameters: Readonly<Record<string, unknown>>;
  /** The template's outputs, by name: what a parent or an importing stack reads. */
  readonly Outputs: Readonly<Record<string, { readonly Value?: unknown; readonly Export?: { readonly Name?: unknown } }>>;
}

/**
 * Reads a template file of the cloud assembly. The report and the validation plugin read
 * templates through this one function, so they read the same thing.
 */
export function readTemplate(path: string): TemplateDocument {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) ?? {};
  return {
    Resources: parsed.Resources ?? {},
    Parameters: parsed.Parameters ?? {},
    Outputs: parsed.Outputs ?? {},
  };
}
