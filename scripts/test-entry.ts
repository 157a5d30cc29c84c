/**
 * Loads every unit test file into ONE process: Node's runner otherwise starts a tsx process per
 * file, and with hundreds of small files the start-up cost dwarfs the tests themselves.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const files = JSON.parse(process.env['RAMPART_TEST_FILES'] ?? '[]') as string[];
for (const f of files) await import(pathToFileURL(resolve(f)).href);
