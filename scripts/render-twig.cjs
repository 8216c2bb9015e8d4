#!/usr/bin/env node
// Renders USWDS's own .twig templates the way USWDS does (twig.js, autoescape off), for the
// conformance tests. stdin: a JSON array of {twig, context} jobs, `twig` relative to
// @uswds/uswds/packages; stdout: a JSON array of the rendered HTML strings, in the same order.
// One process renders a whole test run's jobs. Usage: node scripts/render-twig.cjs [node_modules]
"use strict";

const path = require("path");

const nodeModules = path.resolve(process.argv[2] || path.join(__dirname, "..", "node_modules"));
const Twig = require(path.join(nodeModules, "twig"));
const PK = path.join(nodeModules, "@uswds", "uswds", "packages");

Twig.cache(false);

function render({ twig, context }) {
  const template = Twig.twig({
    path: path.join(PK, twig),
    async: false,
    allowInlineIncludes: true,
    rethrow: true,
    autoescape: false,
    namespaces: { components: PK, templates: path.join(PK, "templates") },
  });
  return template.render(context || {});
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk;
});
process.stdin.on("end", () => {
  const jobs = JSON.parse(input);
  const rendered = jobs.map((job, index) => {
    try {
      return render(job);
    } catch (error) {
      process.stderr.write(`job ${index} (${job.twig}): ${error && error.stack ? error.stack : error}\n`);
      process.exit(1);
    }
  });
  process.stdout.write(JSON.stringify(rendered));
});
