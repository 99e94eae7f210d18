import { readFileSync } from 'fs';
import { join } from 'path';

/** What the CLI says about itself: from the package.json it ships in. */
export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** The repository's web address. */
  readonly homepage: string;
}

let cached: PackageInfo | undefined;

/** The package's name, version and home; read once (lib/cli and src/cli both sit two levels down). */
export function packageInfo(): PackageInfo {
  if (!cached) {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url ?? '';
    cached = {
      name: manifest.name,
      version: manifest.version,
      homepage: String(repository).replace(/^git\+/, '').replace(/\.git$/, ''),
    };
  }
  return cached;
}
