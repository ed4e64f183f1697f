// Shows a BPMN diagram read-only; on an instance page marks the elements where tokens stand,
// those completed and those with an open incident.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

for (const container of document.querySelectorAll('.bpmn-diagram')) {
  show(container);
}

async function show(container) {
  const viewer = new NavigatedViewer({ container });
  const response = await fetch(container.dataset.xml, { credentials: 'same-origin' });
  await viewer.importXML(await response.text());
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport');
  const registry = viewer.get('elementRegistry');
  for (const [attribute, marker] of [['completed', 'marker-completed'], ['active', 'marker-active'],
    ['incidents', 'marker-incident']]) {
    for (const id of JSON.parse(container.dataset[attribute] || '[]')) {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
      }
    }
  }
  container.dataset.rendered = 'true';
}
