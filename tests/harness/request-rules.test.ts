import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseHarnessArgs, HARNESS_TEST_PASSPHRASE } from '../../scripts/harness/harness-args.ts';
import { sanitizeFileName } from '../../scripts/harness/file-routes.ts';
import { isAllowedHost, isSameOriginWrite } from '../../scripts/harness/request-guard.ts';

const request = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;

describe('harness request guard', () => {
  it('accepts only its own host and port (DNS rebinding)', () => {
    expect(isAllowedHost(request({ host: '127.0.0.1:4000' }), 4000)).toBe(true);
    expect(isAllowedHost(request({ host: 'localhost:4000' }), 4000)).toBe(true);
    expect(isAllowedHost(request({ host: 'evil.example:4000' }), 4000)).toBe(false);
    expect(isAllowedHost(request({ host: '127.0.0.1:4001' }), 4000)).toBe(false);
    expect(isAllowedHost(request({ host: '127.0.0.1' }), 4000)).toBe(false);
    expect(isAllowedHost(request({}), 4000)).toBe(false);
  });

  it('refuses writes from another origin', () => {
    expect(isSameOriginWrite(request({ host: '127.0.0.1:4000' }))).toBe(true);
    expect(isSameOriginWrite(request({ host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOriginWrite(request({ host: '127.0.0.1:4000', origin: 'http://evil.example' }))).toBe(false);
    expect(isSameOriginWrite(request({ host: '127.0.0.1:4000', 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
});

describe('sanitizeFileName', () => {
  it('keeps the base name and safe characters only', () => {
    expect(sanitizeFileName('charges 2025 (Q1).csv')).toBe('charges 2025 (Q1).csv');
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\win.ini')).toBe('win.ini');
    expect(sanitizeFileName('.hidden')).toBe('hidden');
    expect(sanitizeFileName('a;b|c$.csv')).toBe('a_b_c_.csv');
    expect(sanitizeFileName('..')).toBe('upload');
    expect(sanitizeFileName('')).toBe('upload');
    expect(sanitizeFileName(`${'x'.repeat(300)}.csv`)).toHaveLength(200);
  });
});

describe('parseHarnessArgs', () => {
  it('defaults to a random port, a temp database and the test passphrase', () => {
    expect(parseHarnessArgs([], {})).toEqual({ port: 0, dbPath: null, demo: false, key: { kind: 'passphrase', value: HARNESS_TEST_PASSPHRASE } });
  });

  it('reads the flags and a raw key from the environment', () => {
    const hex = 'ab'.repeat(32);
    expect(parseHarnessArgs(['--port', '4100', '--db', '/tmp/x.db', '--demo'], { TRIALLEDGER_DB_KEY: hex })).toEqual({
      port: 4100,
      dbPath: '/tmp/x.db',
      demo: true,
      key: { kind: 'raw', hex },
    });
  });

  it('refuses a bad port or an unknown flag', () => {
    expect(() => parseHarnessArgs(['--port', '70000'], {})).toThrow(/--port/);
    expect(() => parseHarnessArgs(['--host', '0.0.0.0'], {})).toThrow();
  });
});
