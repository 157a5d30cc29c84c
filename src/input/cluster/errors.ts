/**
 * Named errors for reading a live cluster. The CLI maps every `ClusterError` to exit 2 and prints
 * its message; coverage problems (forbidden, not served) are never errors but `CoverageGap`s.
 */

export type ClusterErrorCode =
  /** No kubeconfig, unknown context, unreadable or invalid kubeconfig. */
  | 'kubeconfig'
  /** Connection refused, DNS failure, TLS failure, timeout: the API server could not be talked to. */
  | 'unreachable'
  /** The server answered, but the credentials were rejected (401). */
  | 'unauthorized'
  /** The server answered something that is not a Kubernetes API response. */
  | 'bad-response';

export class ClusterError extends Error {
  override name = 'ClusterError';
  constructor(
    readonly code: ClusterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class KubeconfigError extends ClusterError {
  override name = 'KubeconfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('kubeconfig', message, options);
  }
}

export class ClusterUnreachableError extends ClusterError {
  override name = 'ClusterUnreachableError';
  constructor(
    readonly server: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('unreachable', `cannot reach the Kubernetes API server at ${server}: ${detail}`, options);
  }
}

export class ClusterUnauthorizedError extends ClusterError {
  override name = 'ClusterUnauthorizedError';
  constructor(readonly server: string) {
    super('unauthorized', `the Kubernetes API server at ${server} rejected the credentials (401 Unauthorized)`);
  }
}

/** An HTTP error status from the API server for one request (403, 404, 410, 5xx...). */
export class ApiStatusError extends Error {
  override name = 'ApiStatusError';
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}
