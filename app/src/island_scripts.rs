//! The scripts of a page with islands (Leptos's islands mode): only the interactive parts of a
//! page (`#[island]` components) are code in the browser bundle; everything else is the
//! server's HTML, and links and forms are plain ones. This replaces Leptos's
//! `HydrationScripts`, whose islands script neither waits for the page's catalogue, which the
//! bundle fetches before it renders any text, nor says when the last island has hydrated.

use leptos::prelude::*;
use std::{collections::HashMap, path::PathBuf, sync::OnceLock};

/// Where the splitter lists, per split point, the chunks it needs (`tools/wasm-split`).
const SPLIT_MANIFEST: &str = "__wasm_split_manifest.json";
/// The loader the splitter writes beside the chunks.
const SPLIT_LOADER: &str = "__wasm_split.______________________.js";

/// The islands loader, and the split manifest that lets the server preload the chunks of the
/// islands it renders.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    static MANIFEST: OnceLock<Option<leptos::WasmSplitManifest>> = OnceLock::new();
    let pkg = options.site_pkg_dir.to_string();
    if let Some(manifest) = MANIFEST.get_or_init(|| {
        let path = PathBuf::from(options.site_root.to_string())
            .join(&pkg)
            .join(SPLIT_MANIFEST);
        let text = std::fs::read_to_string(path).ok()?;
        let chunks: HashMap<String, Vec<String>> = leptos::serde_json::from_str(&text).ok()?;
        Some(leptos::WasmSplitManifest(ArcStoredValue::new((
            format!("/{pkg}"),
            chunks,
            SPLIT_LOADER.to_string(),
        ))))
    }) {
        provide_context(manifest.clone());
    }
    // Islands hydrate themselves; nothing else of the page is hydrated, so nothing else's
    // data is serialised into it.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let name = options.output_name.to_string();
    let nonce = leptos::nonce::use_nonce();
    let script = format!(
        "{}(\"\", {pkg:?}, {name:?}, {name:?});",
        include_str!("browser/islands.js")
            .trim_end()
            .trim_end_matches(';')
    );
    // No preload links: a page without islands fetches nothing, and the script preloads the
    // bundle and the catalogue itself when there are islands.
    view! { <script type="module" nonce=nonce>{script}</script> }
}
