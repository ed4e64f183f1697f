// form-js keeps the files a filepicker chose aside and puts a "files::…" key into the data. Tsumugi
// stores each file in its own document store first and puts the store's references (a list, as for
// Camunda's documents) where the key was, so the process gets what its robots read.
import { postFile } from './submit.js';

export async function withAttachments(data, files, url, failed) {
  const references = new Map();
  for (const [key, chosen] of files || new Map()) {
    const stored = [];
    for (const file of chosen) {
      const { ok, answer } = await postFile(url, file);
      if (!ok) {
        throw new Error(answer.message || failed.replace('{0}', file.name));
      }
      stored.push(answer);
    }
    references.set(key, stored);
  }
  return replace(data, references);
}

function replace(value, references) {
  if (typeof value === 'string' && references.has(value)) {
    return references.get(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => replace(item, references));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, replace(item, references)]));
  }
  return value;
}
