import { mountForm } from './camunda-form.js';
import { postJson, showMessage } from './submit.js';

const container = document.getElementById('start-form');
if (container) {
  mountForm(container, (answer) => window.location.assign(answer.next));
}

// Without a start form, the process owner types the variables as a JSON object.
const json = document.getElementById('start-json');
if (json) {
  document.getElementById('form-submit').addEventListener('click', async () => {
    let variables;
    try {
      variables = JSON.parse(json.value || '{}');
    } catch (e) {
      showMessage(json.dataset.invalidMessage, 'error');
      return;
    }
    const { ok, answer } = await postJson(json.dataset.action, variables);
    if (ok) {
      window.location.assign(answer.next);
    } else {
      showMessage(answer.message || 'error', 'error');
    }
  });
}
