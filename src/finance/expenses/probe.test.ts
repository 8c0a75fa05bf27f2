import { it, expect } from 'vitest';
import { startTestApp } from '../../testing/testApp.ts';
it('probe', async () => {
  const app = await startTestApp();
  console.log('has before', app.app.hasRoute({ method: 'POST', url: '/api/setup' }));
  app.app.get('/api/probe-x', async () => ({ ok: 1 }));
  const r = await app.app.inject({ method: 'GET', url: '/api/probe-x' });
  console.log(r.statusCode, r.body);
  await app.stop();
  expect(1).toBe(1);
});
