import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { recordingFromRec, type CwrRecFields } from './recording-from-rec.js';

const lines = readFileSync(fixturePath('cwr', 'CW220001000_DMP.V21'), 'latin1').split(/\r?\n/);
// CWR 2.1 REC layout (1-based start, size): First Release Duration 88/6, First Album Label 159/60, ISRC 250/12.
const field = (line: string, start: number, size: number): string => line.slice(start - 1, start - 1 + size);
const rec21 = (line: string): CwrRecFields => ({ releaseDuration: field(line, 88, 6), albumLabel: field(line, 159, 60), isrc: field(line, 250, 12) });
const workTitle = field(lines.find((l) => l.startsWith('REV'))!, 20, 60).trim();

test('a CWR 2.1 REC takes the work\'s title and has no artist when the work has no PER performer', () => {
  const recs = lines.filter((l) => l.startsWith('REC')).slice(0, 4);
  const recordings = recs.map((line, i) => recordingFromRec(rec21(line), { recordingId: `rec${i}`, workId: 'w1', workTitle, performers: [] }));
  assert.equal(workTitle, 'THE MODIFIED WORK');
  assert.deepEqual(recordings.map((r) => [r.title, r.displayArtist, r.durationSeconds, r.isrc, r.label]), [
    ['THE MODIFIED WORK', undefined, 30, undefined, undefined],
    ['THE MODIFIED WORK', undefined, 10, undefined, undefined],
    ['THE MODIFIED WORK', undefined, 30, undefined, undefined],
    ['THE MODIFIED WORK', undefined, 296, undefined, undefined],
  ]);
  assert.deepEqual(recordings[0].workIds, ['w1']);
});

test('a CWR 2.1 REC takes the first PER performer as its display artist', () => {
  const line = 'REC0000000100000002' + '20240101' + ' '.repeat(60) + '000345' + ' '.repeat(5) + 'FIRST ALBUM'.padEnd(60) + 'BLUE LABEL'.padEnd(60) + ' '.repeat(18) + ' '.repeat(13) + 'CNA012400001';
  const recording = recordingFromRec(rec21(line), {
    recordingId: 'rec9', workId: 'w1', workTitle: 'RIVER',
    performers: [{ performingArtistLastName: 'WANG   ', performingArtistFirstName: 'LI' }, { performingArtistLastName: 'SECOND' }],
  });
  assert.deepEqual(recording, { id: 'rec9', isrc: 'CNA012400001', title: 'RIVER', versionTitle: undefined, displayArtist: 'LI WANG', durationSeconds: 225, label: 'BLUE LABEL', workIds: ['w1'] });
});

test('a CWR 2.2 REC keeps its own title, version title, artist and record label', () => {
  const recording = recordingFromRec(
    { recordingTitle: 'RIVER (LIVE)', versionTitle: 'LIVE', displayArtist: 'THE BAND', recordLabel: 'RED', albumLabel: 'BLUE', releaseDuration: '000000' },
    { recordingId: 'r', workId: 'w1', workTitle: 'RIVER', performers: [{ performingArtistLastName: 'OTHER' }] },
  );
  assert.deepEqual([recording.title, recording.versionTitle, recording.displayArtist, recording.label, recording.durationSeconds], ['RIVER (LIVE)', 'LIVE', 'THE BAND', 'RED', undefined]);
});
