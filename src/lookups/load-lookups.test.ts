import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isClefError } from '../errors/clef-error.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { defaultLookupsDir, loadLookups } from './load-lookups.js';

test('loads every lookup table from data/lookups', () => {
  const lookups = loadLookups();
  assert.equal(lookups.societies.get('052')?.name, 'PRS');
  assert.equal(lookups.societies.get('119')?.name, 'MCSC');
  assert.equal(lookups.writerDesignations.get('CA'), 'Composer/Author');
  assert.ok(lookups.publisherTypes.has('SE'));
  assert.ok(lookups.titleTypes.has('AT'));
  assert.deepEqual([...lookups.versionTypes.keys()], ['ORI', 'MOD']);
  assert.ok(lookups.transactionStatuses.has('RJ'));
  assert.equal(lookups.messageTypes.size, 5);
  assert.ok(lookups.territories.members.has(2136));
});

test('names the file when a lookup table is missing', () => {
  const dir = tempDir();
  for (const name of readdirSync(defaultLookupsDir)) copyFileSync(join(defaultLookupsDir, name), join(dir, name));
  writeFileSync(join(dir, 'cwr-title-types.csv'), 'code,name\n"AT,broken\n');
  assert.throws(
    () => loadLookups(dir),
    (e) => isClefError(e, 'CLEF_FILE_UNREADABLE') && e.message.includes('cwr-title-types.csv'),
  );
  assert.throws(
    () => loadLookups(join(dir, 'nowhere')),
    (e) => isClefError(e, 'CLEF_FILE_UNREADABLE') && e.message.includes('societies.csv'),
  );
});
