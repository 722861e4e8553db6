import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { encodeWav, indexAudio, synthesizeMelody } from '../../src/audio/index.js';
import { registryRecordingCatalogue } from '../../src/audio/use-cases/registry-recording-catalogue.js';
import { validateCwrFile } from '../../src/formats/cwr/index.js';
import { buildServer } from '../../src/server/build-server.js';
import { initKeyFolder } from '../../src/labels/index.js';
import { cwrFixture, cwrLines } from '../cwr/cwr-test-files.js';
import { worksHeader } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { multipartBody } from './multipart-body.js';
import { bearer, setUpPortal, type PortalFixture } from './portal-fixture.js';

const registration = 'CW220001DMP_000.V21';

/** A multipart upload of one file, with the caller's token (none: anonymous). */
function upload(name: string, content: string | Uint8Array, token?: string, fields: Record<string, string> = {}) {
  const body = multipartBody([{ name, content }], 'file', fields);
  return { headers: { ...body.headers, ...(token ? bearer(token) : {}) }, payload: body.payload };
}

describeEachEngine('CWR exchange, audio identification and label issuing over the API', (open) => {
  let f: PortalFixture;
  const dir = tempDir();
  const audioIndexDir = join(dir, 'audio-index');
  const keyFolder = join(dir, 'keys');
  const uploadDir = join(dir, 'uploads');
  const melody = synthesizeMelody({ seed: 7, durationS: 20, sampleRate: 16000 });
  before(async () => {
    const store = await open();
    await initKeyFolder(keyFolder, 'Test CMO', new Date());
    f = await setUpPortal(store, { audioIndexDir, keyFolder, uploadDir });
    writeFileSync(join(dir, 'melody.wav'), encodeWav(melody, 16000));
    writeFileSync(join(dir, 'manifest.csv'), 'file,isrc\nmelody.wav,CNA1M2600001\n');
    await indexAudio({ target: join(dir, 'melody.wav'), indexDir: audioIndexDir, manifest: join(dir, 'manifest.csv'), catalogue: registryRecordingCatalogue(store), workers: 1 }, Date.now);
  });
  after(async () => {
    await f?.app.close();
  });

  test('a CWR fixture is validated, imported (its works then found by search, its ACK returned) and exported back as CWR', async () => {
    const text = readFileSync(cwrFixture(registration));
    const validated = await f.app.inject({ method: 'POST', url: '/api/cwr/validate', ...upload(registration, text, f.tokens.admin) });
    assert.equal(validated.statusCode, 200, validated.body);
    assert.equal(validated.json().file, registration);
    assert.equal(validated.json().version, '2.1');
    assert.deepEqual([validated.json().rejecting, validated.json().findings], [false, []]);

    const imported = await f.app.inject({ method: 'POST', url: '/api/works/import?ack=true', ...upload(registration, text, f.tokens.admin) });
    assert.equal(imported.statusCode, 201, imported.body);
    const summary = imported.json();
    assert.equal(summary.file, registration);
    assert.ok(summary.created > 0, imported.body);
    assert.equal(summary.ackPath, undefined, 'the server\'s folder is never shown');
    assert.match(summary.ack, /^HDR/);
    assert.match(summary.ack, /\r?\nACK/);
    assert.doesNotMatch(imported.body, /clef-uploads/);

    const hits = (await f.app.inject({ url: '/api/works/search?q=MUSIC%20PUB%20CARTOONS', headers: bearer(f.tokens.admin) })).json();
    assert.equal(hits[0]?.title, 'MUSIC PUB CARTOONS');
    const history = (await f.app.inject({ url: `/api/works/${hits[0].work_id}/history`, headers: bearer(f.tokens.admin) }));
    assert.equal(history.statusCode, 200, history.body);
    assert.match(history.body, /"staff"/, 'the import is recorded as the signed-in user');

    const exported = await f.app.inject({ url: `/api/works/export?format=cwr22&works=${hits[0].work_id}`, headers: bearer(f.tokens.admin) });
    assert.equal(exported.statusCode, 200, exported.body);
    assert.match(String(exported.headers['content-disposition']), /^attachment; filename="CW\d{6}119_000\.V22"$/);
    assert.equal(exported.headers['x-clef-works'], '1');
    const path = join(dir, 'export.V22');
    writeFileSync(path, exported.rawPayload);
    const report = await validateCwrFile(path);
    assert.equal(report.version, '2.2');
    assert.equal(report.transactions, 1);
    assert.match(exported.rawPayload.toString('latin1'), /MUSIC PUB CARTOONS/);

    const unknown = await f.app.inject({ url: '/api/works/export?format=cwr21&works=W99999999', headers: bearer(f.tokens.admin) });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'CLEF_NOT_FOUND');
    const badFormat = await f.app.inject({ url: '/api/works/export?format=cwr30', headers: bearer(f.tokens.admin) });
    assert.equal(badFormat.json().field, 'querystring.format');
  });

  test('a works CSV is imported as the stated submitter, and a society\'s ACK for its works is stored', async () => {
    const csv = `${worksHeader}\nMK000003,Sent Work 1,,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,,,\n`;
    const imported = await f.app.inject({ method: 'POST', url: '/api/works/import', ...upload('sent.csv', csv, f.tokens.admin, { submitter: 'PB:00000000199' }) });
    assert.equal(imported.statusCode, 201, imported.body);
    assert.equal(imported.json().created, 1);
    const ack = await f.app.inject({ method: 'POST', url: '/api/acks/import', ...upload('CW220001000_DMP.V21', readFileSync(cwrFixture('CW220001000_DMP.V21')), f.tokens.admin) });
    assert.equal(ack.statusCode, 201, ack.body);
    assert.equal(ack.json().societyCode, '052');
    assert.ok(ack.json().stored >= 1, ack.body);
    const [hit] = (await f.app.inject({ url: '/api/works/search?q=T3005600277', headers: bearer(f.tokens.admin) })).json();
    assert.equal(hit?.title, 'Sent Work 1', 'the ISWC the ACK gave is stored on the work sent');
    const work = (await f.app.inject({ url: `/api/works/${hit.work_id}`, headers: bearer(f.tokens.admin) })).json();
    assert.deepEqual(work.society_numbers.map((n: { society: string; status: string }) => [n.society, n.status]), [['052', 'AS']]);
    const again = await f.app.inject({ method: 'POST', url: '/api/acks/import', ...upload('CW220001000_DMP.V21', readFileSync(cwrFixture('CW220001000_DMP.V21')), f.tokens.admin) });
    assert.deepEqual([again.statusCode, again.json().duplicate], [200, true]);

    const badSubmitter = await f.app.inject({ method: 'POST', url: '/api/works/import', ...upload('sent.csv', csv, f.tokens.admin, { submitter: 'XX:1' }) });
    assert.equal(badSubmitter.statusCode, 400, badSubmitter.body);
    assert.equal(badSubmitter.json().field, 'submitter');
  });

  test('a malformed CWR file gets findings located by file, line, record type and field; imported, it is refused', async () => {
    const lines = cwrLines(cwrFixture(registration));
    const nwr = lines.findIndex((line) => line.startsWith('NWR'));
    lines[nwr] = lines[nwr].replace('T1234567894', 'T1234567890');
    lines.splice(nwr + 1, 0, 'XYZ0000000000000001 not a record');
    const text = `${lines.join('\r\n')}\r\n`;
    const validated = (await f.app.inject({ method: 'POST', url: '/api/cwr/validate', ...upload('BROKEN.V21', text, f.tokens.admin) })).json();
    assert.ok(validated.findings.length >= 2, JSON.stringify(validated));
    const iswc = validated.findings.find((x: { field: string | null }) => x.field === 'ISWC');
    assert.deepEqual([iswc?.file, iswc?.line, iswc?.record_type], ['BROKEN.V21', nwr + 1, 'NWR'], JSON.stringify(validated.findings));
    const unknownRecord = validated.findings.find((x: { line: number }) => x.line === nwr + 2);
    assert.ok(unknownRecord, JSON.stringify(validated.findings));
    assert.equal(validated.rejecting, true);
    assert.doesNotMatch(JSON.stringify(validated), /clef-uploads/);
  });

  test('members, DSPs, licensees and anonymous callers are refused every CWR route', async () => {
    const text = readFileSync(cwrFixture(registration));
    const posts = ['/api/cwr/validate', '/api/works/import', '/api/acks/import'];
    for (const [token, status] of [[f.tokens.liWei, 403], [f.tokens.dsp, 403], [f.tokens.licensee, 403], [undefined, 401]] as const) {
      for (const url of posts) {
        const response = await f.app.inject({ method: 'POST', url, ...upload(registration, text, token) });
        assert.equal(response.statusCode, status, `${url} ${response.body}`);
        assert.equal(response.json().code, status === 401 ? 'CLEF_AUTH_REQUIRED' : 'CLEF_AUTH_FORBIDDEN');
      }
      const exported = await f.app.inject({ url: '/api/works/export?format=cwr21', headers: token ? bearer(token) : {} });
      assert.equal(exported.statusCode, status, exported.body);
    }
  });

  test('audio identify finds the indexed recording in an excerpt; a file that is no audio is a located entry; members and anonymous callers are refused', async () => {
    const excerpt = encodeWav(melody.subarray(16000 * 5, 16000 * 13), 16000);
    for (const token of [f.tokens.admin, f.tokens.licensee, f.tokens.dsp]) {
      const response = await f.app.inject({ method: 'POST', url: '/api/audio/identify', ...upload('excerpt.wav', excerpt, token) });
      assert.equal(response.statusCode, 200, response.body);
      const [result] = response.json();
      assert.equal(result.file, 'excerpt.wav');
      assert.equal(result.matches[0]?.isrc, 'CNA1M2600001', response.body);
      assert.match(result.matches[0].recording_id, /^R/, 'linked to the registered recording');
      assert.ok(Math.abs(result.matches[0].reference_offset_s - 5) < 0.5, response.body);
    }
    const broken = await f.app.inject({ method: 'POST', url: '/api/audio/identify', ...upload('broken.wav', 'RIFF not really', f.tokens.admin) });
    assert.equal(broken.statusCode, 422, broken.body);
    assert.equal(broken.json()[0].file, 'broken.wav');
    assert.match(broken.json()[0].error.code, /^CLEF_AUDIO_/);
    assert.doesNotMatch(broken.body, /clef-uploads/);
    const member = await f.app.inject({ method: 'POST', url: '/api/audio/identify', ...upload('excerpt.wav', excerpt, f.tokens.liWei) });
    assert.equal(member.statusCode, 403);
    const anonymous = await f.app.inject({ method: 'POST', url: '/api/audio/identify', ...upload('excerpt.wav', excerpt) });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, 'CLEF_AUTH_REQUIRED');
  });

  test('label issue returns the labelled file, which label verify reports valid; callers other than staff are refused', async () => {
    const wav = encodeWav(melody.subarray(0, 16000 * 3), 16000);
    const fields = { source_type: 'trainedAlgorithmicMedia', producer: 'Melodia AI', content_id: 'MEL-0001', level: '1' };
    const issued = await f.app.inject({ method: 'POST', url: '/api/labels/issue', ...upload('song.wav', wav, f.tokens.admin, fields) });
    assert.equal(issued.statusCode, 200, issued.body);
    assert.equal(issued.headers['content-disposition'], 'attachment; filename="song.wav"');
    assert.ok(issued.rawPayload.length > wav.length, 'the label is embedded');
    const verified = await f.app.inject({ method: 'POST', url: '/api/labels/verify', ...upload('song.wav', issued.rawPayload) });
    assert.equal(verified.statusCode, 200, verified.body);
    const verification = verified.json();
    assert.equal(verification.aigc?.ContentProducer, 'Melodia AI', verified.body);
    assert.deepEqual([verification.status, verification.problems], ['valid', []], verified.body);
    const unlabelled = (await f.app.inject({ method: 'POST', url: '/api/labels/verify', ...upload('plain.wav', wav) })).json();
    assert.equal(unlabelled.status, 'unlabeled', 'the original carries no label');

    const noSubject = await f.app.inject({ method: 'POST', url: '/api/labels/issue', ...upload('song.wav', wav, f.tokens.admin, { level: '1' }) });
    assert.equal(noSubject.json().code, 'CLEF_LABEL_SUBJECT_MISSING', noSubject.body);
    const badLevel = await f.app.inject({ method: 'POST', url: '/api/labels/issue', ...upload('song.wav', wav, f.tokens.admin, { ...fields, level: '4' }) });
    assert.deepEqual([badLevel.statusCode, badLevel.json().field], [400, 'level']);
    const notAudio = await f.app.inject({ method: 'POST', url: '/api/labels/issue', ...upload('song.wav', 'not audio at all', f.tokens.admin, fields) });
    assert.ok(notAudio.statusCode >= 400 && notAudio.statusCode < 500, notAudio.body);
    assert.doesNotMatch(notAudio.body, /clef-uploads/);
    for (const [token, status] of [[f.tokens.liWei, 403], [f.tokens.dsp, 403], [f.tokens.licensee, 403], [undefined, 401]] as const) {
      const refused = await f.app.inject({ method: 'POST', url: '/api/labels/issue', ...upload('song.wav', wav, token, fields) });
      assert.equal(refused.statusCode, status, refused.body);
    }
  });

  test('each route is documented under its use case\'s name, and no upload or export is left on the server\'s disk', async () => {
    const doc = (await f.app.inject({ url: '/openapi.json' })).json();
    const summaries: Record<string, string> = {
      '/api/cwr/validate': 'validate-cwr:', '/api/works/import': 'import-works:', '/api/acks/import': 'import-acks:', '/api/audio/identify': 'identify-audio:', '/api/labels/issue': 'issue-label:',
    };
    for (const [path, name] of Object.entries(summaries)) assert.ok(doc.paths[path]?.post.summary.startsWith(name), path);
    assert.ok(doc.paths['/api/works/export'].get.summary.startsWith('export-works-cwr:'));
    const all = await f.app.inject({ url: '/api/works/export?format=cwr21&works=', headers: bearer(f.tokens.admin) });
    // An empty list means every work, the Chinese title among them, which CWR's latin-1 cannot carry: a located problem.
    assert.equal(all.statusCode, 422, all.body);
    assert.deepEqual([all.json().code, all.json().field, all.json().location.value], ['CLEF_CWR_WRITE_INVALID', 'Work Title', '月光下的玉河']);
    assert.deepEqual(readdirSync(uploadDir), []);
  });

  test('the ugly cases: a 3.x file asked for an ACK, identify without an index, a label for a registered recording, signed and verifiable', async () => {
    const sub = readFileSync(cwrFixture('CW220002DMP_0000_V3-0-0.SUB'));
    const ack3 = await f.app.inject({ method: 'POST', url: '/api/works/import?ack=true', ...upload('CW220002DMP_0000_V3-0-0.SUB', sub, f.tokens.admin) });
    assert.deepEqual([ack3.statusCode, ack3.json().code], [422, 'CLEF_CWR_WRITE_INVALID'], ack3.body);
    assert.match(ack3.json().detail, /ACK files in CWR 2\.1 and 2\.2 only/);
    assert.doesNotMatch(ack3.body, /uploads/);
    const noIndex = await buildServer({ store: f.context.store, audioIndexDir: join(dir, 'no-index'), uploadDir });
    const excerpt = encodeWav(melody.subarray(0, 16000 * 4), 16000);
    const missing = await noIndex.inject({ method: 'POST', url: '/api/audio/identify', ...upload('excerpt.wav', excerpt, f.tokens.admin) });
    assert.deepEqual([missing.statusCode, missing.json().code], [404, 'CLEF_AUDIO_INDEX_MISSING'], missing.body);
    assert.doesNotMatch(missing.body, /no-index/, 'the server\'s folders are not shown');
    await noIndex.close();
    const byRecording = await f.app.inject({ method: 'POST', url: '/api/labels/issue', ...upload('song.wav', excerpt, f.tokens.admin, { recording: 'CNA1M2600001' }) });
    assert.equal(byRecording.statusCode, 200, byRecording.body);
    assert.match(decodeURIComponent(String(byRecording.headers['x-clef-label'])), /AI-assisted/, 'the label comes from the registered recording\'s provenance');
    const verified = await f.app.inject({ method: 'POST', url: '/api/labels/verify', ...upload('song.wav', byRecording.rawPayload) });
    assert.equal(verified.json().status, 'valid', verified.body);
  });

  test('a works CSV with an invalid row imports nothing, with its findings located, unless skip_invalid is set', async () => {
    const csv = `${worksHeader}\nSK000001,Skipped Song,,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,,,\nSK000002,Broken Song,,human,human,human,CA,00014107338,LI Wei,150,100,100,,,,,,,,,,,\n`;
    const refused = await f.app.inject({ method: 'POST', url: '/api/works/import', ...upload('mixed.csv', csv, f.tokens.admin, { submitter: 'PB:00000000199' }) });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json().imported, false);
    const finding = refused.json().findings[0];
    assert.deepEqual([finding.file, finding.line], ['mixed.csv', 3], refused.body);
    const titles = () => f.app.inject({ url: '/api/works/search?q=Skipped%20Song', headers: bearer(f.tokens.admin) }).then((r) => r.json().map((hit: { title: string }) => hit.title));
    assert.ok(!(await titles()).includes('Skipped Song'), 'nothing was imported');
    const skipped = await f.app.inject({ method: 'POST', url: '/api/works/import', ...upload('mixed.csv', csv, f.tokens.admin, { submitter: 'PB:00000000199', skip_invalid: 'true' }) });
    assert.equal(skipped.statusCode, 201, skipped.body);
    assert.deepEqual([skipped.json().created, skipped.json().rejected], [1, 1], skipped.body);
    assert.ok((await titles()).includes('Skipped Song'));
  });
});
