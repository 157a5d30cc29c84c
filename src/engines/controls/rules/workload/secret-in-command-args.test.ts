import { testControl } from '../../tester.js';
import { testNoSecretLeak } from '../templates/testing.js';
import control from './secret-in-command-args.js';

const PASSWORD = 'Tr0ub4dor&3x';
const TOKEN = 'xoxb-9988776655-QwErTyUiOpAs';
const leaky = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers:
      - name: api
        command: [/app/server]
        args:
        - --db-password=${PASSWORD}
        - --listen=:8080
      - name: notify
        command: ["sh", "-c", "curl -H 'Authorization: Bearer x' -d token=${TOKEN} https://slack.example.com"]
      initContainers:
      - name: migrate
        args: ["--admin-pass", "${PASSWORD}"]
`;

testControl(control, {
  valid: [
    {
      name: 'flags without credentials, references and file paths',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    args:
    - --password-file=/run/secrets/db
    - --token
    - $(API_TOKEN)
    - --log-level=debug
    - --secret-name
    - db-credentials
`,
    },
  ],
  invalid: [
    {
      name: 'flag=value, flag value, and a token in a shell script',
      yaml: leaky,
      findings: [
        { message: 'container "migrate" args[1] holds a password (…(12 chars))', path: '/spec/template/spec/initContainers/0/args/1', severity: 'medium', line: 17 },
        { message: 'container "api" args[0] holds a password (…(12 chars))', path: '/spec/template/spec/containers/0/args/0', line: 11 },
        { message: 'container "notify" command[2] holds a Slack token (xoxb-…(28 chars))', path: '/spec/template/spec/containers/1/command/2', severity: 'high', line: 14 },
      ],
    },
  ],
});

testNoSecretLeak(control, 'command line', leaky, [PASSWORD, TOKEN.slice(5)]);
