/**
 * The floor of the sign-in herd on this machine: a bare `node:http` server, in its own process
 * like `coop serve`, that answers each POST /api/auth/login the way a sign-in must (read and
 * parse the body, mint a session token, set the cookie) and does nothing else: no framework,
 * no validation, no database. The herd against it measures what 1,000 simultaneous requests
 * cost the client and the kernel here, which no server can go below.
 *
 * Run as a script: listens on an ephemeral port on 127.0.0.1 and prints the port.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let email: string;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { email?: unknown };
      email = String(body.email);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const token = randomBytes(32).toString('base64url');
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'set-cookie': `coop_session=${token}; Path=/; HttpOnly; SameSite=Lax`,
    });
    response.end(JSON.stringify({ personId: email, csrfToken: randomBytes(16).toString('hex') }));
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
