/**
 * DuckDB's allocator (its own jemalloc) hands memory back to the kernel a second after a query
 * frees it, so the next query touches fresh pages again. Where a first touch is dear (on this
 * project's 2-core VMs a page fault costs ~15 µs, ~4 s per GiB), that churn cost derive a third
 * of its CPU at 20 M positions. So freed memory is kept for reuse: jemalloc's decay is off. jemalloc
 * reads this from the environment once, when DuckDB's library is loaded, so this module must be
 * imported before `@duckdb/node-api`; a value the user set wins. The process then keeps its peak
 * memory until it exits, which suits `derive` and `synth`: short-lived commands.
 */
process.env.DUCKDB_JE_MALLOC_CONF ??= "dirty_decay_ms:-1,muzzy_decay_ms:-1";

export {};
