// Starts the browser's part of a page. A page without islands needs no script: it is marked
// hydrated at once and fetches nothing. Otherwise this loads the bundle (and preloads the
// page's catalogue beside it), lets the bundle install the catalogue, hydrates each island (an
// interactive part of the page) in document order, awaiting the ones whose code is a chunk of
// its own, and finally marks <html data-hydrated>, which is what a person's tools, the tests
// and the benchmark time interactivity by.
((root, pkgPath, outputName, wasmOutputName) => {
  const html = document.documentElement;
  keepWhatWasTyped();
  if (!document.querySelector("leptos-island")) {
    html.setAttribute("data-hydrated", "");
    return;
  }
  const preload = (href, type) => {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    if (type) link.type = type;
    link.href = href;
    document.head.append(link);
  };
  const wasm = `${root}/${pkgPath}/${wasmOutputName}.wasm`;
  preload(wasm, "application/wasm");
  if (html.dataset.catalogue) preload(html.dataset.catalogue);
  const childrenHooks = [];
  async function hydrateIsland(el, mod) {
    const islandFn = mod[el.dataset.component];
    if (!islandFn) {
      console.warn(`no wasm function for the island ${el.dataset.component}`);
      return;
    }
    const hook = childrenHooks[childrenHooks.length - 1];
    if (hook) hook();
    const done = islandFn(el);
    if (done && done.then) await done;
  }
  async function traverse(node, mod) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = node.tagName.toLowerCase();
    if (tag === "leptos-island") await hydrateIsland(node, mod);
    if (tag === "leptos-children") childrenHooks.push(node.$$on_hydrate);
    for (const child of node.children) await traverse(child, mod);
    if (tag === "leptos-children") childrenHooks.pop();
  }
  import(`${root}/${pkgPath}/${outputName}.js`).then(async (mod) => {
    await mod.default({ module_or_path: wasm });
    await mod.hydrate();
    await traverse(document.body, mod);
    html.setAttribute("data-hydrated", "");
  });

  // A form of the page (not an island's) posts itself; when the server refuses it, it sends the
  // browser back to the page with the error in the address (`__err`), and the page shows the
  // error but not what was typed. So what was typed is kept for the tab on submit (never a
  // password or a file) and put back into the same form when the page comes back refused,
  // with the disclosure it sits in opened again.
  function keepWhatWasTyped() {
    const KEY = "rootline-refused-form";
    const sameAction = (form) =>
      [...document.forms].filter((f) => f.getAttribute("action") === form.getAttribute("action"));
    document.addEventListener("submit", (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.closest("leptos-island")) return;
      const fields = [];
      for (const el of form.elements) {
        if (!el.name || ["password", "file", "hidden", "submit", "button"].includes(el.type)) continue;
        if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
        fields.push([el.name, el.value]);
      }
      const saved = { page: location.pathname, action: form.getAttribute("action"), index: sameAction(form).indexOf(form), fields };
      try {
        sessionStorage.setItem(KEY, JSON.stringify(saved));
      } catch (_) {
        // Storage refused (private mode, full): the form comes back empty, as without script.
      }
    });
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (_) {
      return;
    }
    if (!saved || saved.page !== location.pathname || !new URLSearchParams(location.search).has("__err")) return;
    const form = [...document.forms].filter((f) => f.getAttribute("action") === saved.action)[saved.index];
    if (!form) return;
    const typed = new Map();
    for (const [name, value] of saved.fields) typed.set(name, [...(typed.get(name) || []), value]);
    for (const el of form.elements) {
      const values = typed.get(el.name);
      if (!values || ["password", "file", "hidden", "submit", "button"].includes(el.type)) continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else el.value = values[0];
    }
    for (let d = form.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  }
})
