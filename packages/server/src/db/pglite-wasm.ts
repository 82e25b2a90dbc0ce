import v8 from 'node:v8';

/**
 * Has V8 compile PGlite's WebAssembly (Postgres itself) with its baseline compiler only, Liftoff,
 * instead of also recompiling hot functions with TurboFan. Measured on the built server
 * (docs/decisions/pglite-settings.md): the same CPU time per Today read and per check-in write
 * within the run-to-run spread, 65-90 MB less resident memory after a few thousand requests, and
 * a faster start. V8 reads the flag when it compiles a module, so it must be set before the first
 * PGlite opens; in the server nothing else runs WebAssembly.
 */
export function compileWasmWithBaselineOnly(): void {
  v8.setFlagsFromString('--liftoff-only');
}
