import type { InputError } from '../model/finding.js';
import type { Resource } from '../model/types.js';

export interface InputLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Deepest nesting of mappings/sequences in one document. */
  maxDepth: number;
  /**
   * Most nodes that alias expansion may add to one document (billion-laughs guard): each `*ref`
   * adds the size of the node it refers to, fully expanded. 0 forbids aliases.
   */
  maxAliases: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 16 * 1024 * 1024,
  maxDepth: 256,
  maxAliases: 10_000,
};

export interface LoadOptions {
  limits?: Partial<InputLimits>;
  /** Helm pass-through. */
  helmValues?: string[];
  helmSet?: string[];
  /** Paths (globs relative to cwd) never read. */
  exclude?: string[];
  cwd?: string;
  /** Read stdin for the `-` path (default: process.stdin). */
  stdin?: () => Promise<string>;
  /** Binaries (default: $RAMPART_HELM / $RAMPART_KUSTOMIZE / $RAMPART_KUBECTL, else found on PATH). */
  helmBinary?: string;
  kustomizeBinary?: string;
  kubectlBinary?: string;
}

export type FileStatus = 'scanned' | 'skipped' | 'failed';

export interface SkippedDocument {
  documentIndex: number;
  line: number;
  reason: string;
}

/** Accounts for every file and document: nothing is lost silently. */
export interface FileReport {
  file: string;
  status: FileStatus;
  /** Why the whole file was skipped or failed. */
  reason?: string;
  documents: number;
  resources: number;
  skipped: SkippedDocument[];
  failedDocuments: number;
}

export interface LoadResult {
  resources: Resource[];
  errors: InputError[];
  files: FileReport[];
}
