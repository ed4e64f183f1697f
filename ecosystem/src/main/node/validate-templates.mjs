// Validates element templates the way Camunda Modeler does when it loads them: against the Zeebe
// element-templates JSON schema (@camunda/zeebe-element-templates-json-schema) through the validator
// Modeler bundles. Usage: node validate-templates.mjs FILE...  Prints one JSON object; the caller
// (ElementTemplatesSpec) decides and names what is wrong.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { validateZeebe, getZeebeSchemaVersion } from '@bpmn-io/element-templates-validator';

const results = [];
for (const file of process.argv.slice(2)) {
  let parsed;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    results.push({ file: basename(file), errors: [{ path: '', message: `not JSON: ${e.message}` }] });
    continue;
  }
  // A file may hold one template or an array of them, as Modeler accepts both.
  const templates = Array.isArray(parsed) ? parsed : [parsed];
  for (const template of templates) {
    const { errors } = validateZeebe(template);
    results.push({
      file: basename(file),
      id: template.id ?? '',
      jobTypes: (template.properties ?? [])
        .filter(p => p.binding?.type === 'zeebe:taskDefinition' && p.binding?.property === 'type')
        .map(p => p.value),
      errors: (errors ?? []).map(e => ({ path: e.instancePath ?? '', message: e.message }))
    });
  }
}
process.stdout.write(JSON.stringify({ schemaVersion: getZeebeSchemaVersion(), results }, null, 1) + '\n');
