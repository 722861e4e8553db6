import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.js';
import { buildServer } from '../../src/server/build-server.js';
import { importMembers } from '../../src/registry/use-cases/members.js';
import { testContext } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';
import { repoRoot } from '../support/repo-paths.js';
import { runClef } from './run-clef.js';

describeEachEngine('clef users and clef tokens', (_open, _engine, location) => {
  test('adds users per role, refuses a bad binding, and prints a token once that the API accepts', async () => {
    const db = await location();
    const setup = await openStore(db);
    await importMembers(testContext(setup), `${repoRoot}/data/demo/members.csv`);
    await setup.close();

    const member = await runClef(['users', 'add', 'liwei', '--role', 'member', '--party', '00012345036', '--password-env', 'CLEF_TEST_PASSWORD', '--db', db, '--as', 'registrar'], { CLEF_TEST_PASSWORD: 'a long password' });
    assert.equal(member.status, 0, member.stderr);
    assert.match(member.stdout, /user liwei: member of party P\d+, web password set/);
    const unbound = await runClef(['users', 'add', 'nobody', '--role', 'member', '--db', db]);
    assert.equal(unbound.status, 2);
    assert.match(unbound.stderr, /CLEF_AUTH_USER_INVALID/);
    const wrongRole = await runClef(['users', 'add', 'x', '--role', 'root', '--db', db]);
    assert.match(wrongRole.stderr, /unknown role root/);
    const token = await runClef(['tokens', 'create', 'liwei', '--db', db]);
    assert.equal(token.status, 0, token.stderr);
    const text = token.stdout.trim();
    assert.match(text, /^clef_[A-Za-z0-9_-]{43}$/);
    assert.match(token.stderr, /not shown again/);
    const list = await runClef(['users', 'list', '--json', '--db', db]);
    const users = JSON.parse(list.stdout) as { name: string; role: string; has_password: boolean }[];
    assert.deepEqual(users.map((u) => [u.name, u.role, u.has_password]), [['liwei', 'member', true]]);
    assert.ok(!list.stdout.includes('scrypt'), 'no hash is printed');

    const store = await openStore(db);
    try {
      const stored = await store.db.selectFrom('api_tokens').selectAll().execute();
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0].token_digest, text, 'only the digest is kept');
      const history = await store.db.selectFrom('history').selectAll().where('entity_id', '=', 'liwei').execute();
      assert.deepEqual(history.map((h) => [h.actor, h.action]).sort(), [['registrar', 'add-user'], [process.env.USER || 'clef', 'create-token']].sort());
      const app = await buildServer({ store });
      const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${text}` } });
      assert.equal(me.json().userName, 'liwei');
      assert.equal(me.json().role, 'member');
      await app.close();
    } finally {
      await store.close();
    }
  });
});
