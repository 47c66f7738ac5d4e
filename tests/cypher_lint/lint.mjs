// Lint Cypher texts with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
// stdin: {"schema": DbSchema, "texts": {name: text}}; stdout: {name: [{severity, message, offset}]}.
import { lintCypherQuery } from "@neo4j-cypher/language-support";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { schema, texts } = JSON.parse(input);
const out = {};
for (const [name, text] of Object.entries(texts)) {
  out[name] = lintCypherQuery(text, schema).diagnostics.map((d) => ({
    severity: d.severity, message: d.message, offset: d.offsets ? d.offsets.start : null,
  }));
}
process.stdout.write(JSON.stringify(out));
