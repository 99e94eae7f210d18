import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, AppProps } from 'aws-cdk-lib';

/** An app that synthesizes into a fresh directory. */
export function appIn(props: AppProps = {}): App {
  return new App({ outdir: mkdtempSync(join(tmpdir(), 'eam-report-')), ...props });
}

/** The report files an app wrote, by name. */
export function reportFiles(outdir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(outdir)
    .filter((f) => f.startsWith('eks-access-report.'))
    .map((f) => [f, readFileSync(join(outdir, f), 'utf8')]));
}
