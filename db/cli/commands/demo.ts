/** `trialledger demo`: builds the demo database from the built-in synthetic study package. */
import { parseArgs } from 'node:util';
import { defaultDemoDir, loadDemoIfEmpty } from '../../demo/load-demo.ts';
import type { CliIo } from '../io.ts';
import { openCliStore } from '../open-cli-store.ts';
import { STORE_OPTIONS, type Command } from './command.ts';
import { printStudies } from './studies.ts';

export const DEMO_DB = 'trialledger-demo.db';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'build the demo database (synthetic studies, subjects and charges) and show what it holds',
  help: `Usage: trialledger demo [options]

Loads the built-in demo study package (assets/demo) into a database, unless it already
holds studies, and lists what it holds. The demo data is synthetic: no real patients.

  --db PATH          database file (default: ${DEMO_DB}, kept apart from real data)
  --key-file FILE    file holding the database key (default: $TRIALLEDGER_DB_KEY)
  -h, --help         show this help`,
  async run(args, io: CliIo) {
    const { values } = parseArgs({ args: [...args], options: STORE_OPTIONS, allowPositionals: false });
    if (values.help) {
      io.stdout.write(`${this.help}\n`);
      return 0;
    }
    const { db, path } = openCliStore({ ...values, db: values.db ?? DEMO_DB }, io);
    try {
      const loaded = await loadDemoIfEmpty(db, defaultDemoDir());
      io.stdout.write(loaded ? `demo study package loaded into ${path}\n` : `${path} already holds studies; showing them\n`);
      printStudies(db, io);
      return 0;
    } finally {
      db.close();
    }
  },
};
