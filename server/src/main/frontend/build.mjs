// Bundles the pages' scripts and the libraries' styles into one folder the jar serves as /static.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '../../../target/classes/static'));
const modules = join(here, '../../../node_modules');

await build({
  entryPoints: ['task-form', 'start-form', 'diagram', 'dashboard', 'pdf-preview', 'monshin'].map((name) => join(here, 'js', name + '.js')),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['chrome100', 'safari15'],
  outdir: join(out, 'js'),
  logLevel: 'warning',
});

mkdirSync(join(out, 'css'), { recursive: true });
for (const [from, to] of [
  ['@bpmn-io/form-js/dist/assets/form-js.css', 'form-js.css'],
  ['bpmn-js/dist/assets/diagram-js.css', 'diagram-js.css'],
  ['bpmn-js/dist/assets/bpmn-js.css', 'bpmn-js.css'],
]) {
  copyFileSync(join(modules, from), join(out, 'css', to));
}
copyFileSync(join(here, 'css', 'tsumugi.css'), join(out, 'css', 'tsumugi.css'));
// pdf.js parses in a worker of its own; served as .js so every servlet container gives it a script type
copyFileSync(join(modules, 'pdfjs-dist/build/pdf.worker.min.mjs'), join(out, 'js', 'pdf.worker.js'));
copyFileSync(join(here, 'css', 'monshin.css'), join(out, 'css', 'monshin.css'));
