// Starts iamsim. This file exists so that no inline script is needed: the
// page's Content-Security-Policy allows scripts from the app's own files only.
//
// The app ships as three bundles (src/lib.rs): the world page, the policy playground
// and the lessons. This file loads the one the URL asks for, fetching its JS and wasm
// in parallel. The Rust side is the authority (route.rs, `Route::bundle`): when a
// bundle is asked for another bundle's page it stores that bundle's name under
// `iamsim.bundle` in sessionStorage and reloads, and this file obeys the name.
//
// It is a classic script at the top of <head>, not a deferred module, so the bundle's
// downloads start while the page is still being parsed, before the style sheets arrive;
// the app starts once the document and its style sheets are ready.
(() => {
const BUNDLES = { world: 'iamsim-app', playground: 'iamsim-playground', lessons: 'iamsim-lessons' };

function bundleForUrl(hash) {
  const path = hash.replace(/^#/, '').split('?')[0].replace(/\/+$/, '');
  if (path === '/playground') {
    return 'playground';
  }
  if (path === '/lessons' || path === '/quiz' || /^\/scenario\/[^/]/.test(path)) {
    return 'lessons';
  }
  return 'world';
}

function bundleToLoad() {
  try {
    const asked = window.sessionStorage.getItem('iamsim.bundle');
    window.sessionStorage.removeItem('iamsim.bundle');
    if (asked && Object.hasOwn(BUNDLES, asked)) {
      return asked;
    }
  } catch {
    // Storage is unavailable (sandboxed iframe, private mode): the URL decides.
  }
  return bundleForUrl(window.location.hash);
}

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

// The document is parsed and every style sheet applied (no flash of unstyled content).
function pageReady() {
  const parsed =
    document.readyState === 'loading'
      ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
      : Promise.resolve();
  return parsed.then(() =>
    Promise.all(
      [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
        link.sheet
          ? null
          : new Promise((resolve) => {
              link.addEventListener('load', resolve, { once: true });
              link.addEventListener('error', resolve, { once: true });
            }),
      ),
    ),
  );
}

const bundle = bundleToLoad();
const file = BUNDLES[bundle];
document.documentElement.dataset.bundle = file;
// The playground's and the lessons' own style sheets, only where they are used
// (pageReady waits for them).
const OWN_SHEETS = { playground: 'playground.css', lessons: 'scenario_ui.css' };
if (OWN_SHEETS[bundle]) {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = OWN_SHEETS[bundle];
  document.head.append(sheet);
}
// Both downloads start now, in parallel; relative URLs resolve against this script's
// directory, which is the page's (works from any sub-path).
const base = document.currentScript ? document.currentScript.src : document.baseURI;
const wasm = fetch(new URL(`./${file}_bg.wasm`, base));
const bindings = import(new URL(`./${file}.js`, base).href);
Promise.all([bindings, pageReady()])
  .then(([{ default: init }]) => init({ module_or_path: wasm }))
  .catch((error) => {
    const message = String(error && error.message ? error.message : error);
    pageReady().then(() => showFatal(message));
  });
})();
