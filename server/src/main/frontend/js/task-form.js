import { mountForm } from './camunda-form.js';

const container = document.getElementById('task-form');
if (container) {
  mountForm(container, (answer) => {
    window.location.assign(answer.next);
  });
}
