import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { isIsoDate } from '../../calendar/index.js';
import { ClefError, unreadableFileError, type Finding } from '../../errors/index.js';
import { parseIpiNameNumber } from '../../identifiers/index.js';
import { readCsvRecords } from '../../formats/csv/index.js';
import { appendHistory, inTransaction, nextIds, type ClefDatabase } from '../../store/index.js';
import { isRight, type Right } from '../right.js';
import { unknownTerritories } from '../../lookups/index.js';
import type { RegistryContext } from './registry-context.js';
import { resolveParties } from './resolve-parties.js';
import { formatTerritoryChain, parseTerritoryChain } from './territory-chain-text.js';

/** A membership as a person or a member list gives it. */
export interface MemberInput {
  readonly ipiNameNumber: string;
  readonly name: string;
  readonly rights: string;
  readonly territories: string;
  readonly startDate: string;
  readonly endDate?: string;
}

/** A stored membership with its party. */
export interface MemberView {
  readonly member_id: string;
  readonly party_id: string;
  readonly name: string;
  readonly ipi_name_numbers: string[];
  readonly rights: Right[];
  readonly territories: string;
  readonly start_date: string;
  readonly end_date: string | null;
}

/** Checks a membership; returns its normalized parts or the problems, each naming the field. */
export function checkMemberInput(context: Pick<RegistryContext, 'lookups'>, input: MemberInput, at: { file?: string; line?: number } = {}) {
  const findings: Finding[] = [];
  const fail = (field: string, value: string, message: string) =>
    findings.push({ code: 'CLEF_MEMBER_INVALID', severity: 'error', message: `${field}: ${message}`, location: { ...at, field, value } });
  const ipi = parseIpiNameNumber(input.ipiNameNumber);
  if (!ipi.ok) fail('ipi_name_number', input.ipiNameNumber, ipi.reason);
  if (!input.name.trim()) fail('name', input.name, 'a member needs a name');
  const rights = input.rights.split(/[;,]/).map((r) => r.trim().toUpperCase()).filter(Boolean);
  if (rights.length === 0 || rights.some((r) => !isRight(r))) fail('rights', input.rights, 'rights are PR, MR and SR separated by ";"');
  let territories = '';
  try {
    const chain = parseTerritoryChain(input.territories || '2136', 'territories');
    const unknown = unknownTerritories(context.lookups.territories, chain);
    if (unknown.length > 0) fail('territories', input.territories, `unknown TIS territory ${unknown.join(', ')}`);
    territories = formatTerritoryChain(chain);
  } catch (error) {
    fail('territories', input.territories, (error as Error).message);
  }
  for (const [field, value] of [['start_date', input.startDate], ['end_date', input.endDate ?? '']] as const) {
    if (value && !isIsoDate(value)) fail(field, value, 'a date is YYYY-MM-DD');
  }
  if (!input.startDate) fail('start_date', '', 'a membership needs a start date');
  if (input.endDate && input.startDate && input.endDate < input.startDate) fail('end_date', input.endDate, 'ends before it starts');
  return { findings, ipi: ipi.ok ? ipi.value : '', rights: rights as Right[], territories };
}

async function writeMembers(context: RegistryContext, db: Kysely<ClefDatabase>, inputs: readonly (MemberInput & { ipi: string; rightsList: Right[]; chain: string })[]) {
  const now = context.clock();
  const { partyIds } = await resolveParties(db, context.store.engine, inputs.map((input) => ({ ipiNameNumber: input.ipi, name: input.name, kind: 'person' as const })), now);
  const ids = await nextIds(db, 'member', 'M', inputs.length);
  const rows = inputs.map((input, i) => ({
    member_id: ids[i],
    party_id: partyIds.get(`ipi:${input.ipi}`)!,
    rights: input.rightsList.join(';'),
    territories: input.chain,
    start_date: input.startDate,
    end_date: input.endDate || null,
    created_at: now,
  }));
  await context.store.engine.bulkInsert(db, 'members', rows);
  await appendHistory(db, rows.map((row) => ({ actor: context.actor, at: now, entityKind: 'member', entityId: row.party_id, action: 'membership added', detail: row })));
  return ids;
}

/** Adds one membership; the party is found by IPI name number or created. */
export async function addMember(context: RegistryContext, input: MemberInput): Promise<MemberView> {
  const checked = checkMemberInput(context, input);
  if (checked.findings.length > 0) throw new ClefError('CLEF_MEMBER_INVALID', checked.findings.map((f) => f.message).join('; '));
  const [id] = await inTransaction(context.store.db, (tx) => writeMembers(context, tx, [{ ...input, ipi: checked.ipi, rightsList: checked.rights, chain: checked.territories }]));
  return showMember(context, id);
}

const memberColumns = new Set(['ipi_name_number', 'name', 'rights', 'territories', 'start_date', 'end_date']);

/** Imports a CMO's member list (`ipi_name_number,name,rights,territories,start_date,end_date`): all rows or, with errors, none. */
export async function importMembers(context: RegistryContext, path: string): Promise<{ imported: number; findings: Finding[] }> {
  const file = basename(path);
  const valid: (MemberInput & { ipi: string; rightsList: Right[]; chain: string })[] = [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const records = readCsvRecords(createReadStream(path), { file, knownColumn: (name) => memberColumns.has(name) });
  try {
    for await (const { record, line } of records) take(record, line);
  } catch (error) {
    throw unreadableFileError(error, path) ?? error;
  }
  function take(record: Readonly<Record<string, string>>, line: number): void {
    const input: MemberInput = {
      ipiNameNumber: record.ipi_name_number ?? '',
      name: record.name ?? '',
      rights: record.rights ?? '',
      territories: record.territories ?? '',
      startDate: record.start_date ?? '',
      endDate: record.end_date || undefined,
    };
    const checked = checkMemberInput(context, input, { file, line });
    findings.push(...checked.findings);
    // The same membership twice in one list is a copy-paste slip, not two memberships.
    const key = [checked.ipi, checked.rights.join(';'), checked.territories, input.startDate, input.endDate ?? ''].join('|');
    const earlier = seen.get(key);
    if (checked.findings.length === 0 && earlier !== undefined) {
      findings.push({ code: 'CLEF_MEMBER_INVALID', severity: 'error', message: `the same membership as line ${earlier}`, location: { file, line, field: 'ipi_name_number', value: input.ipiNameNumber } });
    } else if (checked.findings.length === 0) {
      seen.set(key, line);
      valid.push({ ...input, ipi: checked.ipi, rightsList: checked.rights, chain: checked.territories });
    }
  }
  if (findings.length > 0) return { imported: 0, findings };
  await inTransaction(context.store.db, async (tx) => {
    for (let start = 0; start < valid.length; start += 5000) await writeMembers(context, tx, valid.slice(start, start + 5000));
  });
  return { imported: valid.length, findings };
}

/** Every membership with its party, by member id; or only those of one party. */
export async function listMembers(context: Pick<RegistryContext, 'store'>, partyId?: string): Promise<MemberView[]> {
  let query = context.store.db
    .selectFrom('members')
    .innerJoin('parties', 'parties.party_id', 'members.party_id')
    .select(['members.member_id', 'members.party_id', 'parties.name', 'parties.first_name', 'members.rights', 'members.territories', 'members.start_date', 'members.end_date'])
    .orderBy('members.member_id');
  if (partyId) query = query.where('members.party_id', '=', partyId);
  const rows = await query.execute();
  const partyIds = [...new Set(rows.map((r) => r.party_id))];
  const ipis = partyIds.length ? await context.store.db.selectFrom('party_ipi_names').selectAll().where('party_id', 'in', partyIds).execute() : [];
  return rows.map((row) => ({
    member_id: row.member_id,
    party_id: row.party_id,
    name: row.first_name ? `${row.name}, ${row.first_name}` : row.name,
    ipi_name_numbers: ipis.filter((ipi) => ipi.party_id === row.party_id).map((ipi) => ipi.ipi_name_number).sort(),
    rights: row.rights.split(';') as Right[],
    territories: row.territories,
    start_date: row.start_date,
    end_date: row.end_date,
  }));
}

/** One party's memberships, found by member id, party id or IPI name number. */
export async function showMember(context: Pick<RegistryContext, 'store'>, id: string): Promise<MemberView> {
  const db = context.store.db;
  const byMember = await db.selectFrom('members').select('party_id').where('member_id', '=', id).executeTakeFirst();
  const ipi = parseIpiNameNumber(id);
  const byIpi = ipi.ok ? await db.selectFrom('party_ipi_names').select('party_id').where('ipi_name_number', '=', ipi.value).executeTakeFirst() : undefined;
  const partyId = byMember?.party_id ?? byIpi?.party_id ?? id;
  const memberships = await listMembers(context, partyId);
  const found = memberships.find((m) => m.member_id === id) ?? memberships[0];
  if (!found) throw new ClefError('CLEF_NOT_FOUND', `no member ${id}`);
  return found;
}
