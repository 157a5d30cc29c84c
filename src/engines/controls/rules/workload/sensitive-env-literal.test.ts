import { testControl } from '../../tester.js';
import { testNoSecretLeak } from '../templates/testing.js';
import control from './sensitive-env-literal.js';

const AWS_KEY = 'AKIAZ7Q4K2M9XR3T6WPL';
const DB_PASSWORD = 'Tr0ub4dor&3x';
const PG_PASSWORD = 's3cr3tPassw0rd';

const leaky = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers:
      - name: api
        env:
        - name: AWS_ACCESS_KEY_ID
          value: ${AWS_KEY}
        - name: DB_PASSWORD
          value: "${DB_PASSWORD}"
        - name: DATABASE_URL
          value: postgres://app:${PG_PASSWORD}@db.internal:5432/app
`;

testControl(control, {
  valid: [
    {
      name: 'placeholders, references, paths and non-secret names',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    env:
    - { name: DB_PASSWORD, value: "$(VAULT_DB_PASSWORD)" }
    - { name: API_TOKEN, value: "\${API_TOKEN}" }
    - { name: PASSWORD_FILE, value: /run/secrets/db }
    - { name: TOKEN_URL, value: "https://auth.example.com/token" }
    - { name: SECRET_NAME, value: db-credentials }
    - { name: CLIENT_SECRET, value: changeme }
    - { name: API_KEY, value: "********" }
    - { name: AUTH_TOKEN, value: disabled }
    - { name: LOG_LEVEL, value: debug }
    - { name: AWS_ACCESS_KEY_ID, value: AKIAIOSFODNN7EXAMPLE }
    - { name: DATABASE_URL, value: "postgres://app@db:5432/app" }
`,
    },
  ],
  invalid: [
    {
      name: 'AWS key, password and connection string',
      yaml: leaky,
      findings: [
        { message: 'container "api" env var "AWS_ACCESS_KEY_ID" holds an AWS access key ID (AKIA…(20 chars)) as a literal', path: '/spec/template/spec/containers/0/env/0/value', severity: 'high', line: 11 },
        { message: 'container "api" env var "DB_PASSWORD" holds a password (…(12 chars)) as a literal', path: '/spec/template/spec/containers/0/env/1/value', severity: 'medium', line: 13 },
        {
          message: 'container "api" env var "DATABASE_URL" holds a connection string with a password (postgres://…:…@db.internal…(41 chars)) as a literal',
          path: '/spec/template/spec/containers/0/env/2/value',
          severity: 'high',
          line: 15,
        },
      ],
    },
    {
      name: 'high-entropy token under a sensitive name, GitHub token under any name',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    env:
    - name: SESSION_SECRET
      value: "q8Zr2LxV0pWn7Tk3"
    - name: CI_HELPER
      value: ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8
`,
      findings: [
        { message: 'container "a" env var "SESSION_SECRET" holds a high-entropy secret-like value (…(16 chars)) as a literal', path: '/spec/containers/0/env/0/value', line: 9 },
        { message: 'container "a" env var "CI_HELPER" holds a GitHub token (ghp_…(40 chars)) as a literal', path: '/spec/containers/0/env/1/value', line: 11 },
      ],
    },
  ],
});

testNoSecretLeak(control, 'env literals', leaky, [AWS_KEY.slice(4), DB_PASSWORD, PG_PASSWORD]);
