/**
 * Worker-thread half of a large CSV import: reads, decodes, parses and validates rows (no database)
 * and posts them in batches to the importing thread, which writes them. At most MAX_IN_FLIGHT
 * batches wait at a time (a shared counter the importer decrements), so memory stays flat however
 * fast the parser runs; a shared stop flag ends reading on cancel or when the file is hopeless.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH_ROWS, IN_FLIGHT, MAX_IN_FLIGHT, STOP, type CsvWorkerInput, type CsvWorkerMessage } from './csv-worker-protocol.ts';
import type { FileProbe } from './probe-file.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { createRowValidator, type ValidatedRow } from './validate-rows.ts';

const input = workerData as CsvWorkerInput;
const control = new Int32Array(input.control);
const post = (message: CsvWorkerMessage): void => parentPort?.postMessage(message);
const validator = createRowValidator({ kind: input.kind, mapping: input.mapping, fromWorkbook: false });

let batch: ValidatedRow[] = [];
let bytes = 0;
let sawHeader = false;

/** Sends the pending rows, first waiting while the importer is MAX_IN_FLIGHT batches behind. */
function flush(): boolean {
  if (batch.length === 0) return Atomics.load(control, STOP) === 0;
  for (;;) {
    if (Atomics.load(control, STOP) === 1) return false;
    const inFlight = Atomics.load(control, IN_FLIGHT);
    if (inFlight < MAX_IN_FLIGHT) break;
    Atomics.wait(control, IN_FLIGHT, inFlight, 1_000);
  }
  Atomics.add(control, IN_FLIGHT, 1);
  post({ type: 'rows', rows: batch, bytes });
  batch = [];
  return true;
}

readCsvRows(input.path, input.probe as FileProbe, {
  ...(input.delimiter ? { delimiter: input.delimiter } : {}),
  onBytes: (b) => {
    bytes = b;
  },
  onStructureProblem: (line, reason) => post({ type: 'structure', line, reason }),
  onRow: (cells, line) => {
    if (!sawHeader) {
      sawHeader = true;
      const header = validator.header(cells, line);
      post({ type: 'header', header });
      return header.problems.length === 0;
    }
    batch.push(validator.row(cells, line));
    return batch.length < BATCH_ROWS || flush();
  },
})
  .then(() => {
    flush();
    post({ type: 'done' });
  })
  .catch((error: unknown) => post({ type: 'failed', code: (error as { code?: string }).code ?? 'I/O error' }));
