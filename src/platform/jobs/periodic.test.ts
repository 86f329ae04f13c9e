import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, testApp } from '../../../test/helpers.js';
import { PeriodicTasks } from './periodic.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('a task runs on demand; while one instance runs it, another skips it', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let runs = 0;
  const a = new PeriodicTasks(t.db, t.app.log).add('sweep', {
    everyMs: 60_000,
    async run() {
      runs += 1;
      await gate;
      return 3;
    },
  });
  const b = new PeriodicTasks(t.db, t.app.log).add('sweep', { everyMs: 60_000, run: async () => 7 });
  assert.throws(() => a.add('sweep', { everyMs: 1, run: async () => 0 }), /already registered/);
  const first = a.run('sweep');
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(await b.run('sweep'), 0, 'the other instance found it running');
  release();
  assert.equal(await first, 3);
  assert.equal(await b.run('sweep'), 7, 'free again');
  assert.equal(runs, 1);
  await assert.rejects(a.run('nothing'), /no periodic task/);
});

test('started tasks run by the clock and stop cleanly', async () => {
  let runs = 0;
  const p = new PeriodicTasks(t.db, t.app.log).add('tick', {
    everyMs: 20,
    run: async () => {
      runs += 1;
      return 0;
    },
  });
  p.start();
  await new Promise((r) => setTimeout(r, 300));
  await p.stop();
  const seen = runs;
  assert.ok(seen >= 2, `${seen} runs`);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(runs, seen, 'nothing runs after stop');
});
