import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppError } from './http/errors.js';
import { stateMachine } from './state-machine.js';

const m = stateMachine<'a' | 'b' | 'c', 'go' | 'stop', 'x' | 'y'>('demo', [
  { action: 'go', from: ['a'], to: 'b', by: ['x'] },
  { action: 'stop', from: ['a', 'b'], to: 'c', by: ['y'], reason: true },
]);

test('an allowed transition leads to its target', () => {
  assert.equal(m.next('a', 'go', 'x'), 'b');
  assert.equal(m.next('b', 'stop', 'y', 'vì lý do'), 'c');
});

test('a transition from the wrong state is refused with 409', () => {
  assert.throws(
    () => m.next('b', 'go', 'x'),
    (e: AppError) => e.status === 409 && e.code === 'invalid_transition',
  );
});

test('the wrong party gets 403; a missing reason gets 422', () => {
  assert.throws(
    () => m.next('a', 'go', 'y'),
    (e: AppError) => e.status === 403,
  );
  assert.throws(
    () => m.next('a', 'stop', 'y', '  '),
    (e: AppError) => e.status === 422,
  );
});

test('pathTo finds the fewest actions from one state to another', () => {
  assert.deepEqual(m.pathTo('a', 'a'), []);
  assert.deepEqual(m.pathTo('a', 'c'), ['stop']);
  assert.deepEqual(m.pathTo('a', 'b'), ['go']);
  assert.throws(() => m.pathTo('c', 'a'), /no way from c to a/);
});

test('actionsFrom lists what a party may do', () => {
  assert.deepEqual(m.actionsFrom('a', 'y'), ['stop']);
  assert.deepEqual(m.actionsFrom('c', 'x'), []);
});
