/**
 * Inserts many rows into one table quickly, for the 835 import's ~300,000 rows per 100,000 claims.
 * better-sqlite3 costs ~2 us per statement run plus ~0.2 us per bound value here, so:
 *   - rows are written several per statement (INSERT ... VALUES (...), (...), ...), which spreads the
 *     per-run cost;
 *   - a column whose value equals its default (NULL, '[]', 0) is left out of the statement instead of
 *     bound, which is the same row: most lines bind 14 values instead of 25.
 * Rows are grouped by which optional columns they fill (their shape), one pair of statements per shape.
 * The caller gives every row its id (INTEGER PRIMARY KEY), so rows of different shapes may be written in
 * any order; a row whose parent is another table's pending row must wait for `flush()` of that table.
 */
import type { Database as Db, Statement } from 'better-sqlite3-multiple-ciphers';

export interface InsertColumn {
  readonly name: string;
  /** The column's default in the schema: when a row's value is exactly this, the column is left out. */
  readonly omitWhen?: null | string | number;
}

interface Shape {
  readonly indexes: readonly number[];
  readonly one: Statement;
  readonly many: Statement;
  readonly pending: unknown[];
  count: number;
}

/** Rows per multi-row statement: measured best between 8 and 16 for 15-25 columns. */
const ROWS_PER_STATEMENT = 8;
/** Beyond this many shapes rows keep their own statements; real files show a handful. */
const MAX_SHAPES = 256;

export class RowInserter {
  readonly #db: Db;
  readonly #table: string;
  readonly #columns: readonly InsertColumn[];
  readonly #optional: readonly number[];
  readonly #shapes = new Map<number, Shape>();

  constructor(db: Db, table: string, columns: readonly InsertColumn[]) {
    if (columns.filter((c) => c.omitWhen !== undefined).length > 30) throw new Error(`${table}: at most 30 optional columns`);
    this.#db = db;
    this.#table = table;
    this.#columns = columns;
    this.#optional = columns.flatMap((c, i) => (c.omitWhen === undefined ? [] : [i]));
  }

  /** Queues one row: `values` in the order of the columns. Written by the time `flush()` returns. */
  add(values: readonly unknown[]): void {
    let mask = 0;
    for (let bit = 0; bit < this.#optional.length; bit++) {
      const index = this.#optional[bit] as number;
      if (values[index] !== this.#columns[index]?.omitWhen) mask |= 1 << bit;
    }
    const shape = this.#shapes.get(mask) ?? this.#shape(mask);
    for (const index of shape.indexes) shape.pending.push(values[index]);
    shape.count += 1;
    if (shape.count === ROWS_PER_STATEMENT) {
      shape.many.run(shape.pending);
      shape.pending.length = 0;
      shape.count = 0;
    }
  }

  /** Writes every queued row. */
  flush(): void {
    for (const shape of this.#shapes.values()) {
      const width = shape.indexes.length;
      for (let row = 0; row < shape.count; row++) shape.one.run(shape.pending.slice(row * width, (row + 1) * width));
      shape.pending.length = 0;
      shape.count = 0;
    }
  }

  #shape(mask: number): Shape {
    const full = this.#shapes.size >= MAX_SHAPES;
    const indexes = this.#columns.flatMap((_column, i) => {
      const bit = this.#optional.indexOf(i);
      return full || bit === -1 || (mask & (1 << bit)) !== 0 ? [i] : [];
    });
    const key = full ? -1 : mask;
    const known = this.#shapes.get(key);
    if (known) return known;
    const names = indexes.map((i) => (this.#columns[i] as InsertColumn).name).join(', ');
    const tuple = `(${indexes.map(() => '?').join(', ')})`;
    const shape: Shape = {
      indexes,
      one: this.#db.prepare(`INSERT INTO ${this.#table} (${names}) VALUES ${tuple}`),
      many: this.#db.prepare(`INSERT INTO ${this.#table} (${names}) VALUES ${Array(ROWS_PER_STATEMENT).fill(tuple).join(', ')}`),
      pending: [],
      count: 0,
    };
    this.#shapes.set(key, shape);
    return shape;
  }
}
