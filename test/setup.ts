// Pin what varies between machines. Node re-reads TZ when it is assigned, so this applies to
// the test process and to any subprocess a test spawns with process.env.
process.env.TZ = "UTC";
