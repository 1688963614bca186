/**
 * The browser harness serves real handlers on a local port, so it must not be reachable by other web
 * pages: a DNS-rebinding page (foreign Host header), a cross-site write, or a URL climbing out of
 * build/web. Requests go through node:http so the path reaches the server exactly as written.
 */
import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { E2E_PORT } from './e2e-env.ts';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: E2E_PORT, method, path, headers: { Host: `127.0.0.1:${E2E_PORT}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

test.describe('the browser harness', () => {
  test('answers its own host names', async () => {
    expect((await raw('GET', '/')).status).toBe(200);
    expect((await raw('GET', '/', { Host: `localhost:${E2E_PORT}` })).status).toBe(200);
    const studies = await raw('POST', '/api/studies:list', JSON_HEADERS, '{}');
    expect(JSON.parse(studies.body)).toMatchObject({ ok: true });
  });

  test('refuses a request whose Host header is foreign (DNS rebinding)', async () => {
    for (const host of [`attacker.example:${E2E_PORT}`, `127.0.0.1.nip.io:${E2E_PORT}`, '127.0.0.1', `127.0.0.1:${E2E_PORT + 1}`]) {
      const page = await raw('GET', '/', { Host: host });
      expect(page.status, host).toBe(403);
      const api = await raw('POST', '/api/studies:list', { Host: host, ...JSON_HEADERS }, '{}');
      expect(api.status, host).toBe(403);
      expect(api.body).not.toContain('studyId');
    }
  });

  test('refuses paths that climb out of the web root', async () => {
    const paths = [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/index.html%00.js',
      '/api/download/..%2f..%2f..%2fpackage.json',
      '/api/download/%2e%2e',
    ];
    for (const path of paths) {
      const response = await raw('GET', path);
      expect([400, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain('"name": "trialledger"');
    }
  });

  test('refuses cross-origin writes and non-JSON posts', async () => {
    const crossSite = await raw('POST', '/api/studies:list', { ...JSON_HEADERS, Origin: 'http://attacker.example' }, '{}');
    expect(crossSite.status).toBe(403);
    // A form post (text/plain) needs no CORS preflight, so the content type itself is refused.
    const formPost = await raw('POST', '/api/studies:list', { 'Content-Type': 'text/plain' }, '{}');
    expect(formPost.status).toBe(415);
  });

  test('serves the renderer under the strict Content-Security-Policy', async () => {
    const page = await raw('GET', '/');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});
