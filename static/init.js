// Starts iamsim. This file exists so that no inline script is needed: the
// page's Content-Security-Policy allows scripts from the app's own files only.
import init from './iamsim-app.js';

// Buttons marked data-action="reload" (the panic screen's) reload the page.
// Wired here, in JavaScript, because after a panic the wasm module is dead.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action="reload"]') : null;
  if (target) {
    window.location.reload();
  }
});

function showFatal(message) {
  if (document.querySelector('[data-testid="fatal-error"]')) {
    return;
  }
  const panel = document.createElement('div');
  panel.className = 'fatal';
  panel.setAttribute('role', 'alert');
  panel.setAttribute('data-testid', 'fatal-error');
  const title = document.createElement('h1');
  title.textContent = 'iamsim could not start';
  const intro = document.createElement('p');
  intro.textContent = 'Your browser could not load the simulator (it needs WebAssembly).';
  const detail = document.createElement('pre');
  detail.className = 'fatal-detail';
  detail.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button primary';
  button.dataset.action = 'reload';
  button.textContent = 'Reload';
  panel.append(title, intro, detail, button);
  document.body.replaceChildren(panel);
}

init({ module_or_path: new URL('./iamsim-app_bg.wasm', import.meta.url) }).catch((error) => {
  showFatal(String(error && error.message ? error.message : error));
});
