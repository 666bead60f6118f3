#!/usr/bin/env node
// Thin entry point: all behaviour lives in the compiled, testable run().
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2));
