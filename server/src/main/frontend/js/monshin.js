// The patient's questionnaire: the deployed Camunda Form rendered by form-js. form-js checks required
// answers first and marks each field; the server checks again and names the items it refuses. On any
// refusal the answers stay in the page, so the patient never types them twice.
import { Form } from '@bpmn-io/form-js';
import { postJson, showMessage } from './submit.js';
import { speakPageLanguage } from './form-language.js';

const container = document.getElementById('monshin-form');
if (container) {
  mount(container);
}

async function mount(container) {
  const form = new Form({ container });
  await form.importSchema(JSON.parse(container.dataset.schema), {});
  speakPageLanguage(form, container);
  const button = document.getElementById('form-submit');
  button.addEventListener('click', async () => {
    document.getElementById('form-message').hidden = true;
    const { data, errors } = form.submit();
    if (Object.keys(errors).length > 0) {
      showProblems([]);
      showMessage(container.dataset.invalidMessage, 'error');
      const first = container.querySelector('.fjs-has-errors');
      if (first) {
        first.scrollIntoView({ block: 'center' });
      }
      return;
    }
    button.disabled = true;
    try {
      let result = await send(container.dataset.action, data);
      if (result.status === 403) {
        // the page outlived its session: take a fresh token and send once more
        await refreshToken();
        result = await send(container.dataset.action, data);
      }
      if (result.ok) {
        window.location.assign(result.answer.next);
        return;
      }
      showProblems(result.answer.problems || []);
      showMessage(result.answer.message || container.dataset.failedMessage, 'error');
    } catch (offline) {
      showMessage(container.dataset.failedMessage, 'error');
    } finally {
      button.disabled = false;
    }
  });
}

async function send(url, data) {
  const { ok, answer, status } = await postJson(url, data);
  return { ok, answer, status };
}

async function refreshToken() {
  const response = await fetch('/monshin/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.ok) {
    const { token, header } = await response.json();
    document.querySelector('meta[name="_csrf"]').content = token;
    document.querySelector('meta[name="_csrf_header"]').content = header;
  }
}

function showProblems(problems) {
  const list = document.getElementById('problems');
  list.replaceChildren(...problems.map((problem) => {
    const item = document.createElement('li');
    item.textContent = problem.message; // text, never markup: labels come from the form, messages from the server
    item.dataset.item = problem.item;
    return item;
  }));
  list.hidden = problems.length === 0;
}
