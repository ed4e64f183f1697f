// Does what Camunda Modeler does when it deploys to a self-managed cluster, with the client Modeler
// uses (@camunda8/sdk's REST client): probe the topology, deploy the files, start an instance.
// Usage: node deploy-with-sdk.mjs [--start PROCESS_ID]... FILE...
// Address and credentials come from the environment as Modeler's SDK reads them (ZEEBE_REST_ADDRESS,
// CAMUNDA_AUTH_STRATEGY=BASIC, CAMUNDA_BASIC_AUTH_USERNAME/PASSWORD). Prints one JSON object.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { Camunda8 } from '@camunda8/sdk';

const starts = [];
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--start') starts.push(args[++i]); else files.push(args[i]);
}

function problem(e) {
  return { message: String(e?.message ?? e), status: e?.statusCode ?? e?.code ?? null,
    body: e?.response?.body ?? null };
}

const rest = new Camunda8().getCamundaRestClient();
const result = { topology: null, deployment: null, instances: [], errors: [] };
try {
  result.topology = await rest.getTopology();
} catch (e) {
  result.errors.push({ step: 'topology', ...problem(e) });
}
if (result.topology) {
  try {
    // Modeler sends the diagram's XML as text, as here. (The SDK's deployResourcesFromFiles reads files
    // as latin1 and so garbles Japanese names: Modeler does not use it.)
    const resources = await Promise.all(files.map(async f => ({ name: basename(f), content: await readFile(f, 'utf8') })));
    result.deployment = await rest.deployResources(resources);
  } catch (e) {
    result.errors.push({ step: 'deploy', ...problem(e) });
  }
}
if (result.deployment) {
  for (const processDefinitionId of starts) {
    try {
      const instance = await rest.createProcessInstance({ processDefinitionId, variables: {} });
      result.instances.push({ processDefinitionId, processInstanceKey: String(instance.processInstanceKey),
        version: instance.processDefinitionVersion });
    } catch (e) {
      result.errors.push({ step: `start ${processDefinitionId}`, ...problem(e) });
    }
  }
}
process.stdout.write(JSON.stringify(result, (k, v) => typeof v === 'bigint' ? String(v) : v, 1) + '\n');
