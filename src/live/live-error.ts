/**
 * Why reading a live cluster stopped, in words a reader can act on: the call, the cluster
 * and what to do. Never a stack trace, and never a partial snapshot: the reader throws
 * this, and nothing is written.
 */
export class LiveError extends Error {
  /**
   * @param message what happened, the call, the cluster and the fix
   * @param notFound true when EKS answered that the thing asked about does not exist
   */
  constructor(message: string, public readonly notFound = false) {
    super(message);
    this.name = 'LiveError';
  }
}

/** The IAM action of an EKS API call (`DescribeCluster` -> `eks:DescribeCluster`). */
function actionOf(call: string): string {
  return `eks:${call}`;
}

const THROTTLING = new Set([
  'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded',
  'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'ProvisionedThroughputExceededException',
]);

const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'CredentialsError', 'ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired']);

/**
 * The message for an error of one EKS call, naming the call, the cluster (and the
 * principal, for a call about one entry) and the fix.
 *
 * @param error what the SDK threw, after its own retries
 * @param call the API operation (`ListAccessEntries`)
 * @param cluster the cluster name
 * @param region the region the call went to
 * @param subject what the call was about, when not the cluster: an entry's principal, a node group
 * @param attempts how many attempts the SDK makes per call
 */
export function liveErrorOf(error: unknown, call: string, cluster: string, region: string, subject?: string, attempts?: number): LiveError {
  if (error instanceof LiveError) { return error; }
  const e = (error ?? {}) as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number; attempts?: number } };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const detail = typeof e.message === 'string' && e.message !== '' ? e.message : name;
  const what = `${call} on cluster ${cluster} (${region})${subject ? ` for ${subject}` : ''}`;
  if (NO_CREDENTIALS.has(name)) {
    return new LiveError(`${what}: no usable AWS credentials (${detail}). Fix: configure credentials (AWS_PROFILE, --profile, environment variables or an instance role), or run plan/adopt on a snapshot file (--live) taken where credentials exist`);
  }
  if (name === 'ResourceNotFoundException' || e.$metadata?.httpStatusCode === 404) {
    return subject === undefined
      ? new LiveError(`${what}: no cluster ${cluster} in ${region} (ResourceNotFoundException). Fix: check --cluster and --region (aws eks list-clusters --region ${region})`)
      : new LiveError(`${what}: not found (ResourceNotFoundException: ${detail})`, true);
  }
  if (name === 'AccessDeniedException' || name === 'UnauthorizedException' || name === 'UnrecognizedClientException' || e.$metadata?.httpStatusCode === 403) {
    return new LiveError(`${what}: access denied (${name}: ${detail}). Fix: allow ${actionOf(call)} on the cluster for the identity the SDK uses (aws sts get-caller-identity names it)`);
  }
  if (THROTTLING.has(name) || e.$metadata?.httpStatusCode === 429) {
    const tries = e.$metadata?.attempts ?? attempts;
    return new LiveError(`${what}: EKS kept throttling the requests (${name}${tries ? ` after ${tries} attempts` : ''}); nothing was written. Fix: try again later, or with a lower --concurrency`);
  }
  return new LiveError(`${what}: ${name}: ${detail}`);
}
