/**
 * The AWS SDK for JavaScript v3 EKS client, loaded only when a command reads a live
 * cluster. It is an optional dependency: the construct library never loads it, so a user
 * who never runs the CLI pays nothing at run time, and `npm install --omit=optional`
 * leaves it out altogether.
 */
import type * as Eks from '@aws-sdk/client-eks';
import { LiveError } from './live-error';

/** The module `@aws-sdk/client-eks`, as the reader uses it. */
export type EksSdk = typeof Eks;

/** How the reader's client retries: the SDK's adaptive mode, which also slows itself down when EKS throttles. */
export const RETRY_MODE = 'adaptive';
/** Attempts per call (the SDK's default is 3; a snapshot of 3,000 entries makes 6,000 calls). */
export const MAX_ATTEMPTS = 10;

/**
 * Loads `@aws-sdk/client-eks`, or says how to install it.
 *
 * @param load how to load a module (tests pass their own)
 */
export function loadEksSdk(load: (id: string) => unknown = defaultLoad): EksSdk {
  try {
    return load('@aws-sdk/client-eks') as EksSdk;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') { throw e; }
    throw new LiveError('reading a live cluster needs the AWS SDK for JavaScript, @aws-sdk/client-eks, which is not installed '
      + '(it is an optional dependency of eks-access-manager, left out by `npm install --omit=optional`). '
      + 'Fix: npm install @aws-sdk/client-eks@^3, or take the snapshot elsewhere and pass it with --live FILE');
  }
}

function defaultLoad(id: string): unknown {
  // Loaded on demand so that the library never pulls in the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id);
}

/** Where and as whom the client calls EKS. */
export interface EksClientOptions {
  /** @default - the SDK's default region chain (AWS_REGION, the profile's region) */
  readonly region?: string;
  /** A profile of the shared config and credentials files. @default - the SDK's default chain */
  readonly profile?: string;
}

/** The configuration of the reader's client: where, as whom, and the SDK's adaptive retries. */
export function eksClientConfig(options: EksClientOptions): Eks.EKSClientConfig {
  return { region: options.region, profile: options.profile, retryMode: RETRY_MODE, maxAttempts: MAX_ATTEMPTS };
}

/** An EKS client for every call of one snapshot (one client, so that its retry quota and rate are shared). */
export function createEksClient(sdk: EksSdk, options: EksClientOptions): Eks.EKSClient {
  return new sdk.EKSClient(eksClientConfig(options));
}

/** The region a client calls, as its configuration resolves it. */
export async function regionOf(client: Eks.EKSClient): Promise<string> {
  try {
    return await client.config.region();
  } catch {
    throw new LiveError('no AWS region: pass --region, or set AWS_REGION or a region in the profile');
  }
}
