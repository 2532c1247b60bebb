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
    // The lazy islands as the page's script reads them: the same for every page of a bundle.
    static LAZY: OnceLock<String> = OnceLock::new();
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
    let lazy = LAZY.get_or_init(|| {
        let islands = MANIFEST
            .get()
            .and_then(Option::as_ref)
            .map(|m| m.0.with_value(|(_, chunks, _)| lazy_islands(chunks.keys())))
            .unwrap_or_default();
        leptos::serde_json::to_string(&islands).unwrap_or_else(|_| "{}".to_owned())
    });
    let script = format!(
        "{}(\"\", {pkg:?}, {name:?}, {name:?}, {});",
        include_str!("browser/islands.js")
            .trim_end()
            .trim_end_matches(';'),
        lazy
    );
    // No preload links: a page without islands fetches nothing, and the script preloads the
    // bundle and the catalogue itself when there are islands.
    view! { <script type="module" nonce=nonce>{script}</script> }
}

/// The lazy islands among the manifest's split points, by the key the page's script makes of an
/// island's `data-component` (its component's name, lower case, without underscores) to the
/// name the pack route knows.
fn lazy_islands<'a>(
    split_points: impl Iterator<Item = &'a String>,
) -> std::collections::BTreeMap<String, String> {
    split_points
        .filter_map(|key| lazy_island_name(key))
        .map(|name| (name.replace('_', ""), name.to_owned()))
        .collect()
}

/// The island a split point is the lazy loader of: the splitter names it
/// `<name>_loader_<digits>`, `name` in snake case. The pack route reads the manifest by it too.
pub fn lazy_island_name(split_point: &str) -> Option<&str> {
    let (name, digits) = split_point.rsplit_once("_loader_")?;
    (!name.is_empty() && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::{lazy_island_name, lazy_islands};

    #[test]
    fn a_lazy_island_is_known_by_its_name_without_case_or_underscores() {
        let keys = [
            "steps_loader_6890180907299042895".to_owned(),
            "pkcs_12_builder_loader_13296021646494323535".to_owned(),
            "pki".to_owned(),
            "odd_loader_".to_owned(),
        ];
        let found = lazy_islands(keys.iter());
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            [
                ("pkcs12builder".to_owned(), "pkcs_12_builder".to_owned()),
                ("steps".to_owned(), "steps".to_owned())
            ]
        );
        assert_eq!(lazy_island_name("_loader_1"), None);
        assert_eq!(lazy_island_name("steps_loader_x1"), None);
    }
}
