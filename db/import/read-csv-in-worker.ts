/**
 * Imports a large CSV unit with its parsing and validation in a worker thread (csv-worker.ts): this
 * thread only loads the validated rows, so the two halves run on two cores. Same results, same
 * problems and same guarantees as the in-thread path (run-unit.ts); the transaction stays here.
 */
import { Worker } from 'node:worker_threads';
import type { MappingProfile } from '../../shared/package-spec/mapping.ts';
import type { ImportUnit } from './discover-units.ts';
import type { RowLoadStage } from './load-rows.ts';
import type { FileProbe } from './probe-file.ts';
import { IN_FLIGHT, STOP, type CsvWorkerInput, type CsvWorkerMessage } from './csv-worker-protocol.ts';

/** Files from this size up are worth a worker (startup costs tens of milliseconds). */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

export interface WorkerReadOptions {
  readonly unit: ImportUnit;
  readonly probe: FileProbe;
  readonly stage: RowLoadStage;
  readonly delimiter?: string;
  readonly mapping?: MappingProfile;
  /** Checked between batches: true stops reading (cancel, or too many problems). */
  readonly shouldStop: () => boolean;
  readonly onRows: (count: number) => void;
  readonly onBytes: (bytes: number) => void;
  readonly workerUrl?: URL | string;
}

export function defaultCsvWorkerUrl(): URL {
  return new URL(`./csv-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
}

/** Resolves with whether a header row arrived; rejects only when the worker itself fails. */
export function readCsvInWorker(options: WorkerReadOptions): Promise<{ sawHeader: boolean }> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const input: CsvWorkerInput = {
    path: options.unit.path,
    probe: { encoding: options.probe.encoding, bomLength: options.probe.bomLength },
    kind: options.unit.kind,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
    control: control.buffer,
  };
  const worker = new Worker(options.workerUrl ?? defaultCsvWorkerUrl(), { workerData: input });
  let sawHeader = false;
  const stop = (): void => {
    Atomics.store(control, STOP, 1);
    Atomics.notify(control, IN_FLIGHT);
  };
  return new Promise((resolve, reject) => {
    worker.on('message', (message: CsvWorkerMessage) => {
      switch (message.type) {
        case 'header':
          sawHeader = true;
          message.header.problems.forEach(options.stage.report);
          options.stage.setHeader(message.header.sources);
          break;
        case 'rows':
          if (Atomics.load(control, STOP) === 0) {
            for (const row of message.rows) options.stage.load(row);
            options.onRows(message.rows.length);
            options.onBytes(message.bytes);
            if (options.shouldStop()) stop();
          }
          Atomics.sub(control, IN_FLIGHT, 1);
          Atomics.notify(control, IN_FLIGHT);
          break;
        case 'structure':
          options.stage.report({ line: message.line, column: 0, reason: message.reason });
          break;
        case 'done':
          void worker.terminate();
          resolve({ sawHeader });
          break;
        case 'failed':
          void worker.terminate();
          reject(Object.assign(new Error('the file could not be read'), { code: message.code }));
          break;
      }
    });
    worker.on('error', (error) => reject(error));
  });
}
