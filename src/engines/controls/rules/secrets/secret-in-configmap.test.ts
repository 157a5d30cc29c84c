import { testControl } from '../../tester.js';
import { testNoSecretLeak } from '../templates/testing.js';
import control from './secret-in-configmap.js';

const PASSWORD = 'Sup3rS3cret!';
const KEY_BODY = 'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfnygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpF';
const leaky = `apiVersion: v1
kind: ConfigMap
metadata: { name: app, namespace: shop }
data:
  LOG_LEVEL: info
  application.properties: |
    spring.datasource.url=jdbc:postgresql://db/app
    spring.datasource.password=${PASSWORD}
  tls.key: |
    -----BEGIN PRIVATE KEY-----
    ${KEY_BODY}
    -----END PRIVATE KEY-----
binaryData:
  token: ${Buffer.from('xoxb-1234567890-abcdefghijkl').toString('base64')}
`;

testControl(control, {
  valid: [
    {
      name: 'ordinary configuration',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: { name: app }
data:
  LOG_LEVEL: info
  DATABASE_URL: postgres://db.internal:5432/app
  PASSWORD_FILE: /run/secrets/db
  config.yaml: |
    auth:
      password: \${DB_PASSWORD}
      tokenTTL: 3600
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    MIIB
    -----END CERTIFICATE-----
binaryData:
  logo.png: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk
`,
    },
  ],
  invalid: [
    {
      name: 'password in a properties file, private key, token in binaryData',
      yaml: leaky,
      findings: [
        { message: 'ConfigMap key "application.properties" holds a password under "spring.datasource.password" (…(12 chars))', path: '/data/application.properties', severity: 'medium', line: 6 },
        { message: `ConfigMap key "tls.key" holds a private key (-----BEGIN PRIVATE KEY-----…(${27 + 1 + KEY_BODY.length + 1 + 25} chars))`, path: '/data/tls.key', severity: 'high', line: 9 },
        { message: 'ConfigMap binaryData key "token" holds a Slack token (xoxb-…(28 chars))', path: '/binaryData/token', severity: 'high', line: 14 },
      ],
    },
  ],
});

testNoSecretLeak(control, 'ConfigMap', leaky, [PASSWORD, KEY_BODY]);
