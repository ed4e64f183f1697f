// Lints BPMN files the way Camunda Modeler (desktop) does for the execution platform a file declares:
// the camunda-compat rules of that version plus bpmnlint's correctness rules, on a model read with the
// Zeebe and Modeler extensions. @camunda/linting does the same but is shipped for bundlers only.
//
// Usage: node lint-bpmn.mjs FILE...   Prints one JSON array of findings; exits 0 even when there are
// findings so that the caller (LintSpec) decides and names them.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename } from 'node:path';

import { BpmnModdle } from 'bpmn-moddle';
import bpmnlint from 'bpmnlint';
import compat from 'bpmnlint-plugin-camunda-compat';

const require = createRequire(import.meta.url);
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const StaticResolver = require('bpmnlint/lib/resolver/static-resolver');
const correctness = require('bpmnlint/config/correctness');
const zeebeModdle = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modelerModdle = require('modeler-moddle/resources/modeler.json');

const moddle = new BpmnModdle({ zeebe: zeebeModdle, modeler: modelerModdle });
const nodeResolver = new NodeResolver({ require });

function configName(platform, version) {
  const [major, minor] = version.split('.');
  const prefix = platform === 'Camunda Cloud' ? 'camunda-cloud' : 'camunda-platform';
  return `${prefix}-${major}-${minor}`;
}

// Modeler passes { modeler: 'desktop' } to every compat rule; some rules word or skip checks by it.
function withModeler(rules) {
  return Object.fromEntries(Object.entries(rules).map(([name, value]) => {
    const [level, options] = Array.isArray(value) ? value : [value, {}];
    return [name, [level, { ...options, modeler: 'desktop' }]];
  }));
}

async function lint(file) {
  const xml = await readFile(file, 'utf8');
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const findings = warnings.map(w => ({
    file: basename(file), id: w.element?.id ?? '', rule: 'xml', category: 'error', message: w.message
  }));
  const platform = rootElement.get('modeler:executionPlatform');
  const version = rootElement.get('modeler:executionPlatformVersion');
  if (platform !== 'Camunda Cloud' || !version) {
    // Modeler lints nothing without these attributes, so a file lacking them would pass unseen.
    findings.push({ file: basename(file), id: rootElement.id, rule: 'execution-platform', category: 'error',
      message: `declares execution platform "${platform ?? ''}" "${version ?? ''}", not Camunda Cloud 8.x` });
    return findings;
  }
  const name = configName(platform, version);
  const config = compat.configs[name];
  if (!config) {
    findings.push({ file: basename(file), id: rootElement.id, rule: 'execution-platform', category: 'error',
      message: `no Modeler rules for ${platform} ${version}` });
    return findings;
  }
  const resolver = {
    resolveRule: (pkg, rule) => nodeResolver.resolveRule(pkg, rule),
    resolveConfig: (pkg, cfg) => {
      if (pkg === 'bpmnlint-plugin-camunda-compat' && cfg === name) return { rules: withModeler(config.rules) };
      if (pkg === 'bpmnlint' && cfg === 'correctness') return correctness;
      return nodeResolver.resolveConfig(pkg, cfg);
    }
  };
  const linter = new bpmnlint.Linter({
    config: { extends: [`plugin:bpmnlint-plugin-camunda-compat/${name}`, 'bpmnlint:correctness'] },
    resolver
  });
  const byRule = await linter.lint(rootElement);
  for (const [rule, reports] of Object.entries(byRule)) {
    for (const r of reports) {
      findings.push({ file: basename(file), id: r.id ?? '', rule, category: r.category, message: r.message });
    }
  }
  return findings;
}

const all = [];
for (const file of process.argv.slice(2)) {
  try {
    all.push(...await lint(file));
  } catch (e) {
    all.push({ file: basename(file), id: '', rule: 'parse', category: 'error', message: String(e.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(all, null, 1) + '\n');
