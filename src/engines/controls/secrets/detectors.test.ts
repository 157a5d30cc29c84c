import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectSecrets, entropy, isPlaceholder, sensitiveName } from './detectors.js';
import { redact } from './redact.js';

const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpF
T3st1ngKeyMaterialThatMustNeverBePrintedAnywhere0123456789abcdefgh
-----END RSA PRIVATE KEY-----`;
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('detectSecrets', () => {
  const cases: { name: string; key?: string; value: string; kinds: string[] }[] = [
    { name: 'AWS access key anywhere in text', value: 'id=AKIAZ7Q4K2M9XR3T6WPL', kinds: ['aws-access-key-id'] },
    { name: 'AWS documentation example is a placeholder', value: 'AKIAIOSFODNN7EXAMPLE', kinds: [] },
    { name: 'AWS secret key by name', key: 'aws_secret_access_key', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9KEY1234', kinds: ['aws-secret-access-key'] },
    { name: 'private key block', value: PRIVATE_KEY, kinds: ['private-key'] },
    { name: 'public certificate is not a secret', value: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', kinds: [] },
    { name: 'JWT', value: JWT, kinds: ['jwt'] },
    { name: 'JWT-looking text with a non-JSON header', value: 'eyJzzzzzzzzz.eyJzzzzzzzz.abcdefghijklmnop', kinds: [] },
    { name: 'Slack bot token', value: 'xoxb-1234567890-abcdefghijkl', kinds: ['slack-token'] },
    { name: 'GitLab token', value: 'glpat-abcdefghij0123456789', kinds: ['gitlab-token'] },
    { name: 'connection string with password', value: 'mongodb://root:hunter2hunter@mongo:27017', kinds: ['connection-string-password'] },
    { name: 'connection string with a templated password', value: 'mysql://root:${DB_PASS}@db/app', kinds: [] },
    { name: 'connection string without password', value: 'redis://cache:6379/0', kinds: [] },
    { name: 'basic auth header', value: 'Authorization: Basic dXNlcjpwYXNzd29yZDEyMw==', kinds: ['basic-auth-credentials'] },
    { name: 'password by name', key: 'DB_PASSWORD', value: 'hunter22', kinds: ['password'] },
    { name: 'too short password', key: 'pwd', value: 'abc', kinds: [] },
    { name: 'low entropy token value', key: 'token', value: 'aaaaaaab', kinds: [] },
    { name: 'non-secret suffix', key: 'apiKeyHeader', value: 'X-Api-Key-Value-123', kinds: [] },
    { name: 'generic key name is not sensitive', key: 'cache_key', value: 'q8Zr2LxV0pWn7Tk3', kinds: [] },
    {
      name: 'properties file',
      value: 'spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=Sup3rS3cret!\nlogging.level=INFO\n',
      kinds: ['password'],
    },
    { name: 'JSON file', value: '{"db": {"user": "app", "password": "Sup3rS3cret!"}, "debug": true}', kinds: ['password'] },
    { name: 'YAML file with placeholder', value: 'db:\n  password: ${DB_PASSWORD}\n  host: db\n', kinds: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(
        detectSecrets(c.value, c.key).map((d) => d.kind),
        c.kinds,
      );
    });
  }

  test('structured hits name their inner key', () => {
    const [d] = detectSecrets('a: 1\nadmin_password: "Sup3rS3cret!"\n', 'config.yaml');
    assert.equal(d?.innerKey, 'admin_password');
  });
});

describe('redact', () => {
  test('keeps only public prefixes and lengths', () => {
    assert.equal(redact('AKIAZ7Q4K2M9XR3T6WPL'), 'AKIA…(20 chars)');
    assert.equal(redact('ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'), 'ghp_…(40 chars)');
    assert.equal(redact('hunter22'), '…(8 chars)');
    assert.equal(redact(PRIVATE_KEY), `-----BEGIN RSA PRIVATE KEY-----…(${PRIVATE_KEY.length} chars)`);
    assert.equal(redact('postgres://app:pw12345@db.internal:5432/app'), 'postgres://…:…@db.internal…(43 chars)');
  });

  test('a value that is only a prefix shows nothing of it', () => {
    assert.equal(redact('AKIA1234'), '…(8 chars)');
  });

  test('no detection carries the value', () => {
    for (const value of [PRIVATE_KEY, JWT, 'mongodb://root:hunter2hunter@mongo:27017']) {
      const json = JSON.stringify(detectSecrets(value, 'secret'));
      assert.ok(!json.includes('hunter2hunter') && !json.includes('MaterialThatMust') && !json.includes('SflKxwRJSMeKKF2QT4fw'));
    }
  });
});

test('helpers', () => {
  assert.ok(entropy('abcdefgh') > entropy('aaaaaaab'));
  assert.ok(isPlaceholder('{{ .Values.password }}'));
  assert.ok(isPlaceholder('<your-password>'));
  assert.ok(!isPlaceholder('Sup3rS3cret!'));
  assert.equal(sensitiveName('clientSecret'), 'secret');
  assert.equal(sensitiveName('DB_PASS'), 'password');
  assert.equal(sensitiveName('PASSWORD_FILE'), undefined);
  assert.equal(sensitiveName('bypass_mode'), undefined);
});
