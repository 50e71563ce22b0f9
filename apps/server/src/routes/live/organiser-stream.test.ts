import { ProgressResponseSchema } from '@palmares/contract';
import { describe, expect, test, vi } from 'vitest';
import { closedFinal } from '../../results/final-fixture.js';
import { bindTablet, tablet } from '../juror/juror.fixture.js';
import { smallCompetition } from '../rounds/competition-fixture.js';

/** Reads an SSE body event by event, so a test waits for the one it expects and nothing else. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: unknown }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) continue; // keep-alive
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1];
          return { event, data: data === undefined ? null : JSON.parse(data) };
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe("the organiser's live stream (issue 16 point 7)", () => {
  test("a tablet's submission in round 1 reaches the organiser's stream as progress, and the progress read then counts it", async () => {
    const f = await smallCompetition({ entrantsPerAxis: { green: 2, city: 1 }, jurors: 2 });
    const round = ((await (await f.call('POST', `${f.base}/rounds`, { kind: 'shortlist' })).json()) as { id: number }).id;
    expect((await f.call('PUT', `${f.base}/rounds/${round}/assignments`, { mode: 'all' })).status).toBe(200);
    expect((await f.call('POST', `${f.base}/rounds/${round}/open`)).status).toBe(200);
    const progress = async () => ProgressResponseSchema.parse(await (await f.call('GET', `${f.base}/rounds/${round}/progress`)).json()).total;
    expect(await progress()).toMatchObject({ submitted: 0, assigned: 6 });

    const res = await f.call('GET', `${f.base}/live`);
    const stream = sseReader(res.body!);
    expect((await stream.next()).event).toBe('now-pitching');

    const invite = f.db.prepare('SELECT invite_token FROM jurors WHERE id = ?').pluck().get(f.juror(0)) as string;
    const pad = tablet(f.app, (await bindTablet(f.app, invite)).cookie);
    const green1 = f.entrant('green-1');
    const changes = await pad.post(`/api/juror/rounds/${round}/changes`, {
      changes: ['innovation', 'impact'].map((criterion) => ({ kind: 'score', entrantId: green1, criterion, value: 4, revision: 1 })),
    });
    expect(changes.status).toBe(200);
    expect((await pad.post(`/api/juror/rounds/${round}/scorecards/${green1}/submit`)).status).toBe(200);

    let event = await stream.next();
    while (event.event === 'contact' || (event.event === 'progress' && (event.data as { status: string }).status !== 'submitted')) event = await stream.next();
    expect(event).toEqual({ event: 'progress', data: { roundId: round, jurorId: f.juror(0), entrantId: green1, status: 'submitted' } });
    expect(await progress()).toMatchObject({ submitted: 1, assigned: 6 });
    await stream.cancel();
    await vi.waitFor(() => expect(f.live.subscriberCount(f.id)).toBe(0));
  });

  test("the chair's signature on the tablet reaches the organiser's stream as a deliberation change", async () => {
    const f = await closedFinal();
    const base = `/api/competitions/${f.competitionId}/results/${f.roundId}`;
    expect((await f.request('POST', `${base}/snapshot`, f.organiserHeaders)).status).toBe(201);
    const res = await f.request('GET', `/api/competitions/${f.competitionId}/live`, f.organiserHeaders);
    const stream = sseReader(res.body!);
    expect((await stream.next()).event).toBe('now-pitching');

    expect((await f.request('POST', `/api/chair/rounds/${f.roundId}/signoff`, f.chairHeaders)).status).toBe(201);
    let event = await stream.next();
    while (event.event === 'contact') event = await stream.next();
    expect(event).toEqual({ event: 'deliberation', data: { roundId: f.roundId, change: 'signoff' } });
    const latest = (await (await f.request('GET', base, f.organiserHeaders)).json()) as { signoffs: { role: string }[] };
    expect(latest.signoffs.map((s) => s.role)).toEqual(['chair']);
    await stream.cancel();
  });
});
