import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PortSet, PortSetParseError } from './ports.js';
import { blockContains, formatAddress, IpParseError, parseCidr, rangeToCidrs } from './ip.js';

test('PortSet: union, intersect, subtract, complement on intervals', () => {
  const a = PortSet.range('TCP', 1, 100).union(PortSet.range('TCP', 200, 300));
  const b = PortSet.range('TCP', 50, 250);
  assert.equal(a.union(b).toString(), 'TCP 1-300');
  assert.equal(a.intersect(b).toString(), 'TCP 50-100,200-250');
  assert.equal(a.subtract(b).toString(), 'TCP 1-49,251-300');
  assert.equal(PortSet.range('TCP', 8080).complement().intersect(PortSet.protocol('TCP')).toString(), 'TCP 1-8079,8081-65535');
  // Adjacent ranges merge; protocols stay apart.
  assert.equal(PortSet.range('UDP', 1, 5).union(PortSet.range('UDP', 6, 9)).toString(), 'UDP 1-9');
  assert.equal(PortSet.range('TCP', 53).union(PortSet.range('UDP', 53)).toString(), 'TCP 53; UDP 53');
  assert.ok(PortSet.range('TCP', 53).intersect(PortSet.range('UDP', 53)).isEmpty());
  assert.ok(PortSet.ALL.subtract(PortSet.ALL).isEmpty());
  assert.ok(PortSet.protocol('TCP').union(PortSet.protocol('UDP')).union(PortSet.protocol('SCTP')).isAll());
});

test('PortSet: membership, bounds and equality', () => {
  const s = PortSet.range('SCTP', 9000, 9004);
  assert.ok(s.has('SCTP', 9000) && s.has('SCTP', 9004));
  assert.ok(!s.has('SCTP', 9005) && !s.has('TCP', 9000));
  assert.ok(PortSet.range('TCP', 10, 5).isEmpty(), 'inverted range is empty');
  assert.equal(PortSet.range('TCP', 0, 70000).toString(), 'TCP 1-65535');
  assert.ok(PortSet.range('TCP', 1, 10).equals(PortSet.range('TCP', 1, 5).union(PortSet.range('TCP', 6, 10))));
  assert.ok(!PortSet.range('TCP', 1, 10).equals(PortSet.range('TCP', 1, 9)));
});

test('PortSet: JSON round trip and parse errors', () => {
  const s = PortSet.range('TCP', 1, 8079).union(PortSet.range('TCP', 8081, 65535)).union(PortSet.range('UDP', 53));
  assert.deepEqual(s.toJSON(), { TCP: '1-8079,8081-65535', UDP: '53' });
  assert.ok(PortSet.fromJSON(s.toJSON()).equals(s));
  assert.throws(() => PortSet.fromJSON({ ICMP: '1' }), PortSetParseError);
  assert.throws(() => PortSet.fromJSON({ TCP: 'x-1' }), PortSetParseError);
});

test('IP: parse v4/v6, CIDR host bits, containment with except', () => {
  const r = parseCidr('10.1.2.3/8');
  assert.equal(formatAddress(4, r.start), '10.0.0.0');
  assert.equal(formatAddress(4, r.end), '10.255.255.255');
  const v6 = parseCidr('fd00::1/64');
  assert.equal(formatAddress(6, v6.start), 'fd00::');
  assert.equal(formatAddress(6, parseCidr('::ffff:10.0.0.1').start), '::ffff:a00:1');
  assert.throws(() => parseCidr('10.0.0.0/33'), IpParseError);
  assert.throws(() => parseCidr('not-an-ip'), IpParseError);
  const block = { cidr: parseCidr('10.0.0.0/8'), except: [parseCidr('10.1.0.0/16')] };
  const rows: [string, boolean][] = [
    ['10.2.0.1', true],
    ['10.1.0.1', false],
    ['10.0.0.0/9', false], // overlaps the exception
    ['10.128.0.0/9', true],
    ['11.0.0.1', false],
    ['fd00::1', false], // other family
  ];
  for (const [ip, want] of rows) assert.equal(blockContains(block, parseCidr(ip)), want, ip);
});

test('IP: ranges to minimal CIDRs', () => {
  assert.deepEqual(rangeToCidrs(parseCidr('10.0.0.0/8')), ['10.0.0.0/8']);
  assert.deepEqual(rangeToCidrs({ family: 4, start: parseCidr('10.0.0.1').start, end: parseCidr('10.0.0.6').start }), ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']);
  assert.deepEqual(rangeToCidrs(parseCidr('::/0')), ['::/0']);
});
