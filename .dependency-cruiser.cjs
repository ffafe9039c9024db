/**
 * The layering rules CI checks (npm run lint:deps): the engine (src/) never depends on a chapter,
 * and no module takes part in an import cycle.
 */
module.exports = {
  forbidden: [
    {
      name: "engine-never-imports-a-chapter",
      comment: "src/ is the engine; chapters are content it loads at run time (loadChapter), never imports.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "(^chapters/|^test/)" },
    },
    {
      name: "no-cycles",
      comment: "Stages depend on earlier stages only; a cycle means two modules are one concept, or a value should be passed in.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
