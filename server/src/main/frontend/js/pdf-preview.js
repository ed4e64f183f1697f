// Draws the PDFs a task or instance refers to with pdf.js, bundled here: the browser's own viewer is
// missing in headless and locked-down kiosks, and nothing may come from a CDN in a closed network.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';

const MAX_PAGES = 10;
GlobalWorkerOptions.workerSrc = document.currentScript.dataset.worker;

async function preview(box) {
  try {
    // eval stays off: the pages' CSP allows no script but the server's own files
    const pdf = await getDocument({ url: box.dataset.src, isEvalSupported: false, withCredentials: true }).promise;
    const pages = Math.min(pdf.numPages, MAX_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 1.25 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.className = 'pdf-page';
      box.appendChild(canvas);
      await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    }
    box.dataset.pages = String(pdf.numPages);
    box.dataset.rendered = String(pages);
  } catch (failed) {
    const message = document.createElement('p');
    message.className = 'message error';
    message.textContent = box.dataset.failed;
    box.appendChild(message);
    box.dataset.rendered = 'failed';
  }
}

document.querySelectorAll('.pdf-preview[data-src]').forEach(preview);
