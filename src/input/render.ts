/**
 * Helm and Kustomize: render a chart / build a kustomization with the real tools, through
 * execFile with argument arrays (never a shell, never input-derived commands).
 */
import { execFile } from 'node:child_process';
import type { InputErrorCode } from '../model/finding.js';

export type RenderResult = { ok: true; text: string } | { ok: false; code: InputErrorCode; message: string };

export interface RenderOptions {
  helmBinary?: string | undefined;
  kustomizeBinary?: string | undefined;
  kubectlBinary?: string | undefined;
  helmValues?: readonly string[] | undefined;
  helmSet?: readonly string[] | undefined;
  /** Most bytes of rendered output accepted. */
  maxOutputBytes: number;
  /** Working directory the tools run in (paths given by the user are relative to it). */
  cwd: string;
}

type RunResult = { ok: true; stdout: string } | { ok: false; missing: boolean; message: string };

function run(binary: string, args: readonly string[], maxBuffer: number, cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(binary, args, { cwd, maxBuffer, timeout: 300_000, windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, stdout: String(stdout) });
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES') return resolve({ ok: false, missing: true, message: err.message });
      if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ ok: false, missing: false, message: `output larger than the ${maxBuffer}-byte limit` });
      // Drop klog prefixes (`E1123 18:19:55.450107   20304 run.go:72] `) that kubectl prints.
      const detail =
        String(stderr)
          .trim()
          .split('\n')
          .slice(0, 5)
          .map((l) => l.replace(/^[EWIF]\d{4} [\d:.]+\s+\d+ \S+\] /, ''))
          .join('\n') || err.message;
      resolve({ ok: false, missing: false, message: detail });
    });
  });
}

/** `helm template <dir> [--values f]... [--set k=v]...` */
export async function renderHelm(dir: string, opts: RenderOptions): Promise<RenderResult> {
  const helm = opts.helmBinary ?? process.env['RAMPART_HELM'] ?? 'helm';
  const args = ['template', dir];
  for (const v of opts.helmValues ?? []) args.push('--values', v);
  for (const s of opts.helmSet ?? []) args.push('--set', s);
  const r = await run(helm, args, opts.maxOutputBytes, opts.cwd);
  if (r.ok) return { ok: true, text: r.stdout };
  if (r.missing) return { ok: false, code: 'helm-missing', message: `helm is not installed: install it (https://helm.sh/docs/intro/install/) to scan chart ${dir}` };
  return { ok: false, code: 'helm-failed', message: `helm template failed for ${dir}: ${r.message}` };
}

/** `kustomize build <dir>`, else `kubectl kustomize <dir>`. */
export async function buildKustomize(dir: string, opts: RenderOptions): Promise<RenderResult> {
  const kustomize = opts.kustomizeBinary ?? process.env['RAMPART_KUSTOMIZE'] ?? 'kustomize';
  let r = await run(kustomize, ['build', dir], opts.maxOutputBytes, opts.cwd);
  let tool = 'kustomize build';
  if (!r.ok && r.missing) {
    const kubectl = opts.kubectlBinary ?? process.env['RAMPART_KUBECTL'] ?? 'kubectl';
    r = await run(kubectl, ['kustomize', dir], opts.maxOutputBytes, opts.cwd);
    tool = 'kubectl kustomize';
  }
  if (r.ok) return { ok: true, text: r.stdout };
  if (r.missing) {
    return { ok: false, code: 'kustomize-missing', message: `kustomize is not installed: install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl to build ${dir}` };
  }
  return { ok: false, code: 'kustomize-failed', message: `${tool} failed for ${dir}: ${r.message}` };
}
