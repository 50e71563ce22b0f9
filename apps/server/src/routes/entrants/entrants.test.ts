import { EntrantAdminSchema, EntrantImportResponseSchema, EntrantListResponseSchema, ErrorEnvelopeSchema } from '@palmares/contract';
import { describe, expect, test } from 'vitest';
import { dbDigest } from '../../test-utils.js';
import { smallCompetition } from '../rounds/competition-fixture.js';
import { parseCsv } from '../../lib/csv.js';

const BAD_FILE = [
  'Nom;Axe;Fondateurs;Pitch;Courriel;Remarque',
  'Éco-Énergie;green;Zineb B.;"Panneaux ""solaires""; recyclés";zineb@eco.example;x',
  ';green;Nobody;;;',
  'Orphan;space;;;;',
  'Éco-Énergie;city;;;;',
  'green-1;green;;;;',
  'Mail;city;;;not-an-email;',
  '',
  'Sans axe;;;;;',
].join('\r\n');

describe('entrants', () => {
  test('POST entrants adds one by hand with a random private-link token; a duplicate name answers 409', async () => {
    const f = await smallCompetition();
    const axisId = f.db.prepare("SELECT id FROM axes WHERE code = 'city'").pluck().get() as number;
    const res = await f.call('POST', `${f.base}/entrants`, { name: 'مدار للمياه', axisId, founders: 'Salma', contactEmail: 'salma@madar.example' });
    expect(res.status).toBe(201);
    const e = EntrantAdminSchema.parse(await res.json());
    expect(e).toMatchObject({ name: 'مدار للمياه', axisCode: 'city', founders: 'Salma' });
    expect(e.accessToken).toMatch(/^[\w-]{40,}$/);
    const again = await f.call('POST', `${f.base}/entrants`, { name: 'مدار للمياه', axisId });
    expect(again.status).toBe(409);
  });

  test('POST entrants with an axis of another competition answers 400 naming axisId', async () => {
    const f = await smallCompetition();
    const res = await f.call('POST', `${f.base}/entrants`, { name: 'X', axisId: 9999 });
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details[0]?.path).toBe('axisId');
  });

  test('PATCH edits the details; moving an entrant to another axis is refused once settings are locked', async () => {
    const f = await smallCompetition();
    const id = f.entrant('green-1');
    const res = await f.call('PATCH', `${f.base}/entrants/${id}`, { pitch: 'Solar roofs' });
    expect(res.status).toBe(200);
    expect(EntrantAdminSchema.parse(await res.json()).pitch).toBe('Solar roofs');
    f.db.prepare("UPDATE competitions SET settings_locked_at = 'now'").run();
    const city = f.db.prepare("SELECT id FROM axes WHERE code = 'city'").pluck().get() as number;
    expect((await f.call('PATCH', `${f.base}/entrants/${id}`, { axisId: city })).status).toBe(409);
    expect((await f.call('PATCH', `${f.base}/entrants/${id}`, { name: 'Green One' })).status).toBe(200);
    expect((await f.call('DELETE', `${f.base}/entrants/${id}`)).status).toBe(409);
  });

  test('the CSV dry run reports each bad row with its reason and writes nothing', async () => {
    const f = await smallCompetition();
    const before = dbDigest(f.db);
    const res = await f.call('POST', `${f.base}/entrants/import`, { csv: BAD_FILE, dryRun: true });
    expect(res.status).toBe(200);
    const report = EntrantImportResponseSchema.parse(await res.json());
    expect(dbDigest(f.db)).toBe(before);
    expect(report).toMatchObject({ dryRun: true, delimiter: ';', ignoredColumns: ['Remarque'], toCreate: 1, created: 0, rejected: 6 });
    expect(report.rows.map((r) => [r.line, r.status, r.problems.map((p) => p.reason)])).toEqual([
      [2, 'create', []],
      [3, 'rejected', ['missing-name']],
      [4, 'rejected', ['unknown-axis']],
      [5, 'rejected', ['duplicate-in-file']],
      [6, 'rejected', ['duplicate-existing']],
      [7, 'rejected', ['invalid-email']],
      [9, 'rejected', ['missing-axis']],
    ]);
  });

  test('confirming the import creates the valid rows only, and logs them', async () => {
    const f = await smallCompetition();
    const res = await f.call('POST', `${f.base}/entrants/import`, { csv: BAD_FILE, dryRun: false });
    const report = EntrantImportResponseSchema.parse(await res.json());
    expect(report.created).toBe(1);
    const row = f.db.prepare("SELECT founders, pitch, contact_email FROM entrants WHERE name = 'Éco-Énergie'").get();
    expect(row).toEqual({ founders: 'Zineb B.', pitch: 'Panneaux "solaires"; recyclés', contact_email: 'zineb@eco.example' });
    expect(f.db.prepare('SELECT type FROM events ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('entrants.imported');
  });

  test('a CSV without a name column answers 400 and writes nothing', async () => {
    const f = await smallCompetition();
    const before = dbDigest(f.db);
    const res = await f.call('POST', `${f.base}/entrants/import`, { csv: 'startup name,theme\nA,green', dryRun: false });
    expect(res.status).toBe(400);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.details.map((d) => [d.rule, d.message.split('"')[1]])).toEqual([['missing_column', 'name']]);
    expect(dbDigest(f.db)).toBe(before);
  });

  test('entrants with accents, Arabic names, quotes and semicolons round-trip through export and import', async () => {
    const source = await smallCompetition({ entrantsPerAxis: { green: 0, city: 0, social: 0 } });
    const csv = [
      '\uFEFFname,axis,founders,pitch,contact',
      '"Madar, l\'eau",green,"Salma ""Sam"" Idrissi","Line one\nLine two; more",salma@madar.example',
      'مدار للمياه,city,سلمى,تحلية المياه,',
      '=SUM(A1),social,,-minus first,',
    ].join('\r\n');
    const first = EntrantImportResponseSchema.parse(await (await source.call('POST', `${source.base}/entrants/import`, { csv, dryRun: false })).json());
    expect(first.delimiter).toBe(',');
    expect(first.created).toBe(3);

    const exported = await source.call('GET', `${source.base}/entrants/export`);
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await exported.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(parseCsv(text).delimiter).toBe(';');
    expect(text).toContain("'=SUM(A1)");

    const target = await smallCompetition({ entrantsPerAxis: { green: 0, city: 0, social: 0 } });
    const second = EntrantImportResponseSchema.parse(await (await target.call('POST', `${target.base}/entrants/import`, { csv: text, dryRun: false })).json());
    expect(second).toMatchObject({ delimiter: ';', created: 3, rejected: 0, ignoredColumns: ['access_token'] });
    const strip = (l: { entrants: { name: string; axisCode: string; founders: string; pitch: string; contactEmail: string }[] }) =>
      l.entrants.map(({ name, axisCode, founders, pitch, contactEmail }) => ({ name, axisCode, founders, pitch, contactEmail }));
    const a = EntrantListResponseSchema.parse(await (await source.call('GET', `${source.base}/entrants`)).json());
    const b = EntrantListResponseSchema.parse(await (await target.call('GET', `${target.base}/entrants`)).json());
    expect(strip(b)).toEqual(strip(a));
    expect(strip(a).map((e) => e.name)).toEqual(['Madar, l\'eau', 'مدار للمياه', '=SUM(A1)']);
    expect(strip(a)[0]?.pitch).toBe('Line one\nLine two; more');
  });

  test('rotating an entrant link replaces its token and logs it', async () => {
    const f = await smallCompetition();
    const id = f.entrant('city-1');
    const old = f.db.prepare('SELECT access_token FROM entrants WHERE id = ?').pluck().get(id);
    const res = await f.call('POST', `${f.base}/entrants/${id}/rotate-token`);
    expect(res.status).toBe(200);
    const token = EntrantAdminSchema.parse(await res.json()).accessToken;
    expect(token).not.toBe(old);
    expect(f.db.prepare('SELECT access_token FROM entrants WHERE id = ?').pluck().get(id)).toBe(token);
    expect(f.db.prepare('SELECT type FROM events ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('entrant.link-rotated');
  });

  test('another organiser gets 404 on the entrants, their import and their export', async () => {
    const f = await smallCompetition();
    const other = await f.otherCookie();
    const before = dbDigest(f.db);
    expect((await f.call('GET', `${f.base}/entrants`, undefined, other)).status).toBe(404);
    expect((await f.call('GET', `${f.base}/entrants/export`, undefined, other)).status).toBe(404);
    expect((await f.call('POST', `${f.base}/entrants/import`, { csv: 'name;axis\nA;green', dryRun: false }, other)).status).toBe(404);
    expect((await f.call('PATCH', `${f.base}/entrants/${f.entrant('green-1')}`, { name: 'Hijack' }, other)).status).toBe(404);
    expect(dbDigest(f.db)).toBe(before);
  });
});
