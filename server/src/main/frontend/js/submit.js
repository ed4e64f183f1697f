// Sends a form's data to the server with the page's CSRF token and shows the server's answer.
export async function postJson(url, body) {
  const token = document.querySelector('meta[name="_csrf"]').content;
  const header = document.querySelector('meta[name="_csrf_header"]').content;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', [header]: token },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch (notJson) {
    answer = { message: response.statusText };
  }
  return { ok: response.ok, answer, status: response.status };
}

export function showMessage(text, kind) {
  const box = document.getElementById('form-message');
  box.textContent = text;
  box.className = 'message ' + kind;
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

// Sends one file as multipart form data with the page's CSRF token; answers the server's JSON.
export async function postFile(url, file) {
  const token = document.querySelector('meta[name="_csrf"]').content;
  const header = document.querySelector('meta[name="_csrf_header"]').content;
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await fetch(url, {
    method: 'POST',
    headers: { Accept: 'application/json', [header]: token },
    body,
    credentials: 'same-origin',
  });
  let answer = {};
  try {
    answer = await response.json();
  } catch (notJson) {
    answer = {};
  }
  return { ok: response.ok, answer };
}
