import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { loadPaths } from '../../../input/index.js';
import { buildAuthorizer } from '../../../engines/rbac/authorizer.js';
import type { Authorizer } from '../../../engines/rbac/authorizer.js';
import { diffPermissions } from '../../../engines/rbac/diff.js';
import { analyzeEscalations, IMPACTS } from '../../../engines/rbac/escalation.js';
import type { EscalationPath } from '../../../engines/rbac/escalation.js';
import { parseSubject, SubjectSyntaxError } from '../../../engines/rbac/subjects.js';
import type { Attributes } from '../../../engines/rbac/types.js';
import { renderDecision, renderDiff, renderDot, renderEscalationTree, renderMermaid, renderPermissions, renderWhoCan } from '../../../engines/rbac/render.js';

const HELP = `Usage: rampart rbac <subcommand> [arguments] [paths...] [options]

Answers exactly as the API server's RBAC authorizer would, from manifests
(Roles, ClusterRoles, RoleBindings, ClusterRoleBindings, ServiceAccounts, workloads).
Subjects are written User:<name>, Group:<name>, ServiceAccount:<namespace>:<name>.

Subcommands:
  who-can <verb> <resource>[/<subresource>] [paths...]   every subject allowed, with the granting bindings
  can-i <subject> <verb> <resource>[/<subresource>] [paths...]   one decision (exit 0 yes, 1 no)
  permissions <subject> [paths...] [--diff-with <subject>]  effective rules per namespace, with provenance
  escalations [paths...]                                 every path to cluster-admin, node, secrets, ...

Resources may be written <resource>.<group> (deployments.apps) or with --api-group.
A resource starting with '/' is a non-resource URL (/metrics, /healthz).

Options:
  -n, --namespace <ns>     namespace of the request (omit for cluster-scoped / all namespaces)
      --name <name>        object name of the request
      --api-group <group>  API group ('' = core)
      --groups-file <file> YAML/JSON map of user name -> groups, for User: subjects
      --no-expand-groups   who-can: list only binding subjects, not group members
      --diff-with <subj>   permissions: compare with another subject
      --from <subject>     escalations: only paths from this subject
      --impact <impact>    escalations: only this impact (${IMPACTS.join('|')})
      --include-system     escalations: also paths from the platform's own identities
                           (subjects named only by bootstrap bindings: system:masters, controllers ...)
      --no-bootstrap       ignore Kubernetes' bootstrap policy (cluster-admin, admin, edit, view,
                           system:* roles and bindings); by default they are assumed present unless
                           the input defines an object of the same kind and name
  -f, --format <fmt>       table (default) | json; escalations also: dot | mermaid
  -h, --help
`;

const OPTIONS = {
  namespace: { type: 'string', short: 'n' },
  name: { type: 'string' },
  'api-group': { type: 'string' },
  'groups-file': { type: 'string' },
  'no-expand-groups': { type: 'boolean' },
  'diff-with': { type: 'string' },
  from: { type: 'string' },
  impact: { type: 'string' },
  'include-system': { type: 'boolean' },
  'no-bootstrap': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function subjectArg(text: string | undefined, what: string): string {
  if (text === undefined) throw new UsageError(`missing ${what}`);
  try {
    parseSubject(text);
  } catch (err) {
    if (err instanceof SubjectSyntaxError) throw new UsageError(err.message);
    throw err;
  }
  return text;
}

function attributes(verb: string | undefined, resource: string | undefined, values: Values): Attributes {
  if (!verb || !resource) throw new UsageError('expected <verb> <resource>[/<subresource>]');
  if (resource.startsWith('/')) return { verb, nonResourceURL: resource };
  const slash = resource.indexOf('/');
  let res = slash >= 0 ? resource.slice(0, slash) : resource;
  const sub = slash >= 0 ? resource.slice(slash + 1) : '';
  let group = values['api-group'];
  if (group === undefined) {
    const dot = res.indexOf('.');
    group = dot >= 0 ? res.slice(dot + 1) : '';
    if (dot >= 0) res = res.slice(0, dot);
  }
  if (!res) throw new UsageError(`invalid resource "${resource}"`);
  const attrs: Attributes = { verb, resource: res, apiGroup: group };
  if (sub) attrs.subresource = sub;
  if (values.namespace) attrs.namespace = values.namespace;
  if (values.name) attrs.name = values.name;
  return attrs;
}

async function readGroupsFile(path: string | undefined, io: CliIO): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!path) return map;
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch {
    throw new UsageError(`cannot read --groups-file ${path}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    throw new UsageError(`--groups-file ${path} is not valid YAML/JSON`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`--groups-file ${path}: expected a map of user -> [groups]`);
  for (const [user, groups] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) throw new UsageError(`--groups-file ${path}: groups of "${user}" must be a list of strings`);
    map.set(user, groups as string[]);
  }
  return map;
}

async function load(paths: string[], values: Values, io: CliIO): Promise<{ authz: Authorizer }> {
  if (paths.length === 0) throw new UsageError('no input: give manifest files or directories (or - for stdin)');
  const userGroups = await readGroupsFile(values['groups-file'], io);
  const loaded = await loadPaths(paths, { cwd: io.cwd, stdin: () => io.readStdin() });
  for (const e of loaded.errors) io.stderr.write(`warning: ${e.file}:${e.line}:${e.column}: ${e.message}\n`);
  const authz = buildAuthorizer(loaded.resources.map((r) => r.object), { userGroups, bootstrap: !values['no-bootstrap'] });
  return { authz };
}

function warnProblems(authz: Authorizer, io: CliIO): void {
  for (const p of authz.problems) io.stderr.write(`warning: ${p.object}: ${p.message}\n`);
}

function format(values: Values, allowed: readonly string[]): string {
  const f = values.format ?? 'table';
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join('|')}`);
  return f;
}

function json(io: CliIO, data: unknown): void {
  io.stdout.write(JSON.stringify(data, null, 2) + '\n');
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [sub, ...args] = positionals;
  if (values.help || sub === undefined) {
    io.stdout.write(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  switch (sub) {
    case 'who-can': {
      const [verb, resource, ...paths] = args;
      const attrs = attributes(verb, resource, values);
      const fmt = format(values, ['table', 'json']);
      const { authz } = await load(paths, values, io);
      warnProblems(authz, io);
      const subjects = authz.whoCan(attrs, { expandGroups: !values['no-expand-groups'] });
      if (fmt === 'json') json(io, { subjects });
      else io.stdout.write(renderWhoCan(subjects));
      return EXIT.ok;
    }
    case 'can-i': {
      const [subjectText, verb, resource, ...paths] = args;
      const subject = subjectArg(subjectText, '<subject>');
      const attrs = attributes(verb, resource, values);
      const fmt = format(values, ['table', 'json']);
      const { authz } = await load(paths, values, io);
      const d = authz.allows(subject, attrs);
      if (fmt === 'json') json(io, { subject, allowed: d.allowed, reason: d.reason, via: d.via, problems: d.problems });
      else io.stdout.write(renderDecision(subject, d));
      return d.allowed ? EXIT.ok : EXIT.findings;
    }
    case 'permissions': {
      const [subjectText, ...paths] = args;
      const subject = subjectArg(subjectText, '<subject>');
      const other = values['diff-with'] === undefined ? undefined : subjectArg(values['diff-with'], '--diff-with subject');
      const fmt = format(values, ['table', 'json']);
      const { authz } = await load(paths, values, io);
      const mine = authz.permissions(subject);
      if (other !== undefined) {
        const d = diffPermissions(mine, authz.permissions(other));
        if (fmt === 'json') json(io, d);
        else io.stdout.write(renderDiff(d));
        return EXIT.ok;
      }
      if (fmt === 'json') {
        const byNs = new Map<string, unknown[]>();
        for (const r of mine.rules) {
          let list = byNs.get(r.namespace);
          if (!list) byNs.set(r.namespace, (list = []));
          list.push({ ...r.rule, ...r.via });
        }
        json(io, {
          subject: mine.subject,
          user: mine.user,
          unrestricted: mine.unrestricted,
          namespaces: [...byNs.entries()].map(([namespace, rules]) => ({ namespace, rules })),
          problems: mine.problems,
        });
      } else io.stdout.write(renderPermissions(mine));
      return EXIT.ok;
    }
    case 'escalations': {
      const fmt = format(values, ['table', 'json', 'dot', 'mermaid']);
      const from = values.from === undefined ? undefined : subjectArg(values.from, '--from subject');
      const impact = values.impact;
      if (impact !== undefined && !(IMPACTS as readonly string[]).includes(impact)) throw new UsageError(`--impact must be one of ${IMPACTS.join('|')}`);
      const { authz } = await load(args, values, io);
      warnProblems(authz, io);
      let paths: EscalationPath[] = analyzeEscalations(authz, { includeSystem: values['include-system'] === true }).paths;
      if (from !== undefined) paths = paths.filter((p) => p.from === from);
      if (impact !== undefined) paths = paths.filter((p) => p.impact === impact);
      if (fmt === 'json') json(io, { paths });
      else if (fmt === 'dot') io.stdout.write(renderDot(paths));
      else if (fmt === 'mermaid') io.stdout.write(renderMermaid(paths));
      else io.stdout.write(renderEscalationTree(paths));
      return EXIT.ok;
    }
    default:
      throw new UsageError(`unknown subcommand "${sub}" (expected who-can, can-i, permissions, escalations)`);
  }
}
