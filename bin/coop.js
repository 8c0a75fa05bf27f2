#!/usr/bin/env node
// A .js shim so that `npx coop` works; the CLI itself is TypeScript run by Node's type stripping.
import '../src/cli/main.ts';
