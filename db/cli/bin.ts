#!/usr/bin/env node
/** The `trialledger` command. All logic is in main.ts so tests can run it in-process. */
import { runCli } from './main.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
