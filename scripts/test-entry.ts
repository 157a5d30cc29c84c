/**
 * Loads every unit test file into ONE process: Node's runner otherwise starts a tsx process per
 * file, and with hundreds of small files the start-up cost dwarfs the tests themselves.
 *
 * Imports are asynchronous, and the runner starts as soon as the first test is registered; if it
 * ran out of tests before a later file was imported, that file's tests would never run. So the
 * first test registered waits for every import: the root run cannot finish before all files have
 * registered their tests, and an import that fails fails the run.
 */
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const files = JSON.parse(process.env['RAMPART_TEST_FILES'] ?? '[]') as string[];
let done!: () => void;
let failed!: (e: unknown) => void;
const loaded = new Promise<void>((res, rej) => {
  done = res;
  failed = rej;
});
test(`load ${files.length} test files`, () => loaded);
try {
  for (const f of files) await import(pathToFileURL(resolve(f)).href);
  done();
} catch (e) {
  failed(e);
}
