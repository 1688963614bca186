/** The file reader streams: events come out while the file is still being read, in any chunk size. */
import { describe, expect, it } from 'vitest';
import { read835File } from '../../db/remit/read-835-file.ts';
import type { Remit835Event } from '../../shared/x12/model.ts';
import { collect835Events, parse835Text } from '../../shared/x12/parse-835.ts';
import { readSample, SAMPLE_FILES, samplePath } from '../x12/sample-files.ts';

async function readAll(path: string, chunkBytes: number): Promise<Remit835Event[]> {
  const events: Remit835Event[] = [];
  for await (const event of read835File(path, { chunkBytes })) events.push(event);
  return events;
}

describe('read835File', () => {
  it.each(SAMPLE_FILES.filter((name) => !name.includes('multiple')))('%s: chunked reading gives what parsing the whole text gives', async (name) => {
    const whole = parse835Text(readSample(name)).transactions;
    for (const chunkBytes of [1, 13, 1 << 16]) expect(collect835Events(await readAll(samplePath(name), chunkBytes))).toEqual(whole);
  });

  it('emits the first claim after reading only the start of a 283 KB file', async () => {
    let bytesRead = 0;
    let bytesAtFirstClaim = -1;
    let claims = 0;
    for await (const event of read835File(samplePath('tastypackets/profee-multiple.835'), { chunkBytes: 1_024, onBytes: (b) => (bytesRead = b) })) {
      if (event.kind !== 'claim') continue;
      if (bytesAtFirstClaim < 0) bytesAtFirstClaim = bytesRead;
      claims += 1;
    }
    expect(claims).toBe(468);
    expect(bytesAtFirstClaim).toBeGreaterThan(0);
    expect(bytesAtFirstClaim).toBeLessThanOrEqual(2_048);
  });
});
