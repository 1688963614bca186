/** RowInserter writes exactly the rows it is given, whatever mix of default and set columns they have. */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { RowInserter } from '../../db/remit/row-inserter.ts';

function table(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, tags TEXT NOT NULL DEFAULT '[]', flag INTEGER NOT NULL DEFAULT 0) STRICT`);
  return db;
}

const COLUMNS = [{ name: 'id' }, { name: 'name' }, { name: 'note', omitWhen: null }, { name: 'tags', omitWhen: '[]' }, { name: 'flag', omitWhen: 0 }] as const;

describe('RowInserter', () => {
  it('stores every row, full multi-row statements and the remainder, with defaults where a value was left out', () => {
    const db = table();
    const inserter = new RowInserter(db, 't', COLUMNS);
    const rows = Array.from({ length: 37 }, (_, i) => ({
      id: i + 1,
      name: `row ${i + 1}`,
      note: i % 3 === 0 ? `note ${i}` : null,
      tags: i % 4 === 0 ? `["t${i}"]` : '[]',
      flag: i % 5 === 0 ? 1 : 0,
    }));
    for (const r of rows) inserter.add([r.id, r.name, r.note, r.tags, r.flag]);
    // Rows of a shape that has not filled a statement yet are still pending until flush().
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBeLessThan(37);
    inserter.flush();
    expect(db.prepare('SELECT id, name, note, tags, flag FROM t ORDER BY id').all()).toEqual(rows);
  });

  it('a value that differs from the default only in type is written, not left out', () => {
    const db = table();
    const inserter = new RowInserter(db, 't', COLUMNS);
    inserter.add([1, 'a', '', '[ ]', 2]);
    inserter.flush();
    expect(db.prepare('SELECT note, tags, flag FROM t').get()).toEqual({ note: '', tags: '[ ]', flag: 2 });
  });

  it('a constraint failure surfaces from add or flush (the caller rolls the transaction back)', () => {
    const db = table();
    const inserter = new RowInserter(db, 't', COLUMNS);
    inserter.add([1, 'a', null, '[]', 0]);
    inserter.add([1, 'duplicate id', null, '[]', 0]);
    expect(() => inserter.flush()).toThrow(/UNIQUE constraint failed/);
  });
});
