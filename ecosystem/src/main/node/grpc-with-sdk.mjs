// Does what zbctl and the gRPC clients of Camunda 8 do, with @camunda8/sdk's Zeebe gRPC client: ask the
// topology, deploy a model, start an instance, take its job and complete it.
// Usage: node grpc-with-sdk.mjs JOB_TYPE FILE
// Address and credentials come from the environment as the SDK reads them (ZEEBE_GRPC_ADDRESS=grpc://host:port,
// CAMUNDA_AUTH_STRATEGY=BASIC, CAMUNDA_BASIC_AUTH_USERNAME/PASSWORD). Prints one JSON object.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { Camunda8 } from '@camunda8/sdk';

// the SDK's gRPC client logs to the console; stdout carries only the result
console.log = console.info = console.warn = console.error;

const [jobType, file] = process.argv.slice(2);
const result = { topology: null, deployment: null, instance: null, jobs: [], completed: false, errors: [] };

async function step(name, action) {
  try {
    return await action();
  } catch (e) {
    result.errors.push({ step: name, message: String(e?.message ?? e), code: e?.code ?? null });
    return null;
  }
}

const zeebe = new Camunda8().getZeebeGrpcApiClient();
result.topology = await step('topology', () => zeebe.topology());
if (result.topology) {
  const content = await readFile(file);
  result.deployment = await step('deploy', () => zeebe.deployResource({ process: content, name: basename(file) }));
}
if (result.deployment) {
  const processId = result.deployment.deployments[0].process.bpmnProcessId;
  result.instance = await step('start', () => zeebe.createProcessInstance({ bpmnProcessId: processId,
    variables: { patient: '山田太郎' } }));
}
if (result.instance) {
  // other instances of the same model may wait too: take a few and keep this instance's
  const activated = await step('activate', () => zeebe.activateJobs({ type: jobType, maxJobsToActivate: 10,
    timeout: 60000, worker: 'ecosystem', requestTimeout: 10000 })) ?? [];
  const jobs = activated.filter(job => String(job.processInstanceKey) === String(result.instance.processInstanceKey));
  result.jobs = jobs.map(job => ({ key: String(job.key), processInstanceKey: String(job.processInstanceKey),
    variables: job.variables }));
  if (jobs.length > 0) {
    result.completed = (await step('complete', () => zeebe.completeJob({ jobKey: jobs[0].key,
      variables: { done: true } }))) !== null;
  }
}
await zeebe.close(5000).catch(() => {});
process.stdout.write(JSON.stringify(result, (k, v) => typeof v === 'bigint' ? String(v) : v, 1) + '\n');
