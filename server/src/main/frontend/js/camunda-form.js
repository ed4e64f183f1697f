// Renders a Camunda Form (form-js, as the Modeler's form editor previews it) and posts what is
// submitted; form-js validates first and marks each invalid field itself.
import { Form } from '@bpmn-io/form-js';
import { postJson, showMessage } from './submit.js';
import { withAttachments } from './attachments.js';
import { speakPageLanguage } from './form-language.js';

export async function mountForm(container, onDone) {
  const schema = JSON.parse(container.dataset.schema);
  const data = JSON.parse(container.dataset.variables || '{}');
  const form = new Form({ container });
  speakPageLanguage(form, container);
  await form.importSchema(schema, data);
  const button = document.getElementById('form-submit');
  button.addEventListener('click', async () => {
    const { data, errors, files } = form.submit();
    if (Object.keys(errors).length > 0) {
      showMessage(container.dataset.invalidMessage, 'error');
      return;
    }
    button.disabled = true;
    try {
      let submitted;
      try {
        submitted = await withAttachments(data, files, container.dataset.upload, container.dataset.uploadFailed);
      } catch (refused) {
        showMessage(refused.message, 'error');
        return;
      }
      const { ok, answer } = await postJson(container.dataset.action, submitted);
      if (ok) {
        onDone(answer);
      } else {
        showMessage(answer.message || answer.detail || 'error', 'error');
      }
    } finally {
      button.disabled = false;
    }
  });
}
