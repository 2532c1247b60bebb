// Starts the browser's part of a page. A page without islands needs no script: it is marked
// hydrated at once and fetches nothing. Otherwise this loads the bundle (and preloads the
// page's catalogue beside it), lets the bundle install the catalogue, hydrates each island (an
// interactive part of the page) in document order, awaiting the ones whose code is a chunk of
// its own, and finally marks <html data-hydrated>, which is what a person's tools, the tests
// and the benchmark time interactivity by. The chunks of all the page's lazy islands come as
// one pack (`lazyIslands` maps an island's name, lower case without underscores, to the name
// the server's pack route knows it by), which the chunk loader reads them from.
((root, pkgPath, outputName, wasmOutputName, lazyIslands) => {
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
  fetchPack();
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

  // One request for the chunks of every lazy island in the page, made beside the main module's;
  // the loader takes each chunk from it, or fetches a chunk alone if the pack failed.
  function fetchPack() {
    const wanted = new Set();
    for (const el of document.querySelectorAll("leptos-island")) {
      const key = (el.dataset.component || "").replace(/_\d+$/, "").replace(/_/g, "").toLowerCase();
      if (lazyIslands && Object.hasOwn(lazyIslands, key)) wanted.add(lazyIslands[key]);
    }
    if (!wanted.size) return;
    globalThis.__rootlinePack = fetch(`${root}/${pkgPath}/pack/${[...wanted].sort().join("+")}`)
      .then((r) => (r.ok ? r.arrayBuffer() : null))
      .then(unpack)
      .catch(() => null);
  }

  // The pack: "RLPK", then per chunk its file name's length (u16), the name, its length
  // (u32, little-endian) and its bytes (server/src/web/island_pack.rs).
  function unpack(buffer) {
    if (!buffer || buffer.byteLength < 4) return null;
    const bytes = new Uint8Array(buffer);
    const view = new DataView(buffer);
    const text = new TextDecoder();
    if (text.decode(bytes.subarray(0, 4)) !== "RLPK") return null;
    const chunks = new Map();
    let at = 4;
    while (at + 6 <= bytes.length) {
      const nameLength = view.getUint16(at, true);
      const name = text.decode(bytes.subarray(at + 2, at + 2 + nameLength));
      at += 2 + nameLength;
      const size = view.getUint32(at, true);
      at += 4;
      chunks.set(name, bytes.subarray(at, at + size));
      at += size;
    }
    return chunks;
  }

  // A form of the page (not an island's) posts itself; when the server refuses it, it sends the
  // browser back to the page with the error in the address (`__err`), and the page shows the
  // error but not what was typed. So what was typed is kept for the tab on submit (never a
  // password or a file) and put back into the same form when the page comes back refused,
  // with the disclosure it sits in opened again.
  function keepWhatWasTyped() {
    const KEY = "rootline-refused-form";
    // Never kept: secrets, files, and what the page itself fills in.
    const NOT_KEPT = ["password", "file", "hidden", "submit", "button"];
    const formsPostingTo = (action) => [...document.forms].filter((f) => f.getAttribute("action") === action);
    document.addEventListener("submit", (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.closest("leptos-island")) return;
      const fields = [];
      for (const el of form.elements) {
        if (!el.name || NOT_KEPT.includes(el.type)) continue;
        if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
        fields.push([el.name, el.value]);
      }
      const saved = { page: location.pathname, action: form.getAttribute("action"), index: formsPostingTo(form.getAttribute("action")).indexOf(form), fields };
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
    const form = formsPostingTo(saved.action)[saved.index];
    if (!form) return;
    const typed = new Map();
    for (const [name, value] of saved.fields) typed.set(name, [...(typed.get(name) || []), value]);
    for (const el of form.elements) {
      const values = typed.get(el.name);
      if (!values || NOT_KEPT.includes(el.type)) continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
      else el.value = values[0];
    }
    for (let d = form.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  }
})
