//! Splits `frontend.wasm` (linked with `--emit-relocs`) at the split points Leptos's `#[lazy]` and
//! `#[lazy_route]` mark, as `cargo leptos build --split` does:
//!
//! ```text
//! rootline-wasm-split <input.wasm> <main-out.wasm> <site-pkg-dir> [--keep-names]
//! ```
//!
//! writes the main module (still to go through wasm-bindgen) to `<main-out.wasm>`, and into
//! `<site-pkg-dir>` one `.wasm` per chunk, the loader `__wasm_split.______________________.js`
//! (the name Leptos's server links when file names are not hashed) and
//! `__wasm_split_manifest.json`, from which the server preloads the chunks of the page it renders.
//! Every path inside is relative, so the whole directory can be moved under a name of its own.
//! `--keep-names` leaves the chunks' function names in, for a size map (`scripts/size-map.sh`).
//!
//! The loader is rewritten to take each chunk from the page's pack when the page fetched one
//! (`app/src/browser/islands.js`, `server/src/web/island_pack.rs`): a page's lazy islands need
//! up to a hundred chunks, which as one download are a fifth smaller.

use std::{
    fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

/// The module wasm-bindgen will write: the chunks' loader imports `initSync` from it.
const MAIN_MODULE: &str = "./rootline.js";
/// What the main wasm imports the chunk loaders from, and the name Leptos preloads.
const LINK_NAME: &str = "./__wasm_split.______________________.js";
const MANIFEST: &str = "__wasm_split_manifest.json";

#[derive(Debug, thiserror::Error)]
enum SplitError {
    #[error(
        "usage: rootline-wasm-split <input.wasm> <main-out.wasm> <site-pkg-dir> [--keep-names]"
    )]
    Usage,
    #[error("could not read or write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not split the wasm: {0}")]
    Split(String),
    #[error("could not read the chunk {path}: {source}")]
    Chunk {
        path: PathBuf,
        source: wasmparser::BinaryReaderError,
    },
    #[error("could not write the manifest: {0}")]
    Manifest(#[from] serde_json::Error),
    #[error("the splitter's loader fetches no chunk the way this tool knows: is it a new version?")]
    LoaderChanged,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SplitError + '_ {
    move |source| SplitError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn run(args: &[String]) -> Result<usize, SplitError> {
    let (input, main_out, out_dir, keep_names) = match args {
        [input, main_out, out_dir] => (input, main_out, out_dir, false),
        [input, main_out, out_dir, flag] if flag == "--keep-names" => {
            (input, main_out, out_dir, true)
        }
        _ => return Err(SplitError::Usage),
    };
    let (input, main_out, out_dir) = (Path::new(input), Path::new(main_out), Path::new(out_dir));
    let wasm = fs::read(input).map_err(io(input))?;
    fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&wasm);
        options.output_dir = out_dir;
        options.main_out_path = main_out;
        options.main_module = MAIN_MODULE;
        options.link_name = LINK_NAME;
        options
    })
    .map_err(|e| SplitError::Split(format!("{e:#}")))?;
    if !keep_names {
        for chunk in &split.split_modules {
            strip_custom_sections(chunk)?;
        }
    }
    let loader = out_dir.join(LINK_NAME);
    let js = fs::read_to_string(&loader).map_err(io(&loader))?;
    fs::write(&loader, chunks_from_pack(&js)?).map_err(io(&loader))?;
    let manifest = out_dir.join(MANIFEST);
    // Sorted, so the same bundle gives the same manifest (and the same build hash).
    let prefetch: std::collections::BTreeMap<_, _> = split.prefetch_map.into_iter().collect();
    fs::write(&manifest, serde_json::to_string_pretty(&prefetch)?).map_err(io(&manifest))?;
    Ok(split.split_modules.len())
}

/// How the splitter's loader fetches a chunk (`./<file>` follows).
const CHUNK_FETCH_START: &str = "fetch(new URL(\"./";
const CHUNK_FETCH_END: &str = "\", import.meta.url))";

/// Takes a chunk from the page's pack (a map of file name to bytes the page's script set in
/// `globalThis.__rootlinePack`), and fetches it alone when the pack has not got it.
const PACK_LOOKUP: &str = r#"// Rootline: a chunk comes from the page's pack of its islands' chunks when it is there.
const __rootlineChunk = async (name) => {
    const pack = await globalThis.__rootlinePack;
    const bytes = pack && pack.get(name);
    return bytes
        ? new Response(bytes, { headers: { "Content-Type": "application/wasm" } })
        : fetch(new URL(`./${name}`, import.meta.url));
};
"#;

/// The loader `js` with every chunk fetch going through [`PACK_LOOKUP`]. A loader without
/// such fetches is refused: the splitter changed, and pages would fetch chunk by chunk.
fn chunks_from_pack(js: &str) -> Result<String, SplitError> {
    let mut out = String::with_capacity(js.len() + PACK_LOOKUP.len());
    let mut rest = js;
    let mut rewritten = 0;
    while let Some(start) = rest.find(CHUNK_FETCH_START) {
        let after = &rest[start + CHUNK_FETCH_START.len()..];
        let Some(end) = after.find(CHUNK_FETCH_END) else {
            return Err(SplitError::LoaderChanged);
        };
        let file = &after[..end];
        if file.is_empty()
            || !file
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        {
            return Err(SplitError::LoaderChanged);
        }
        out.push_str(&rest[..start]);
        out.push_str(&format!("__rootlineChunk({file:?})"));
        rest = &after[end + CHUNK_FETCH_END.len()..];
        rewritten += 1;
    }
    if rewritten == 0 {
        return Err(SplitError::LoaderChanged);
    }
    out.push_str(rest);
    // After the imports, which a module must keep first only by convention; the first line is
    // the import of the main module.
    let (first, body) = out.split_once('\n').unwrap_or((out.as_str(), ""));
    Ok(format!("{first}\n{PACK_LOOKUP}{body}"))
}

/// Custom sections the browser never reads: function names (for debuggers; the main module's go
/// in wasm-bindgen's `--remove-name-section`), the toolchain's producers and target features.
const DROPPED_SECTIONS: [&str; 3] = ["name", "producers", "target_features"];

/// Rewrites the chunk at `path` without [`DROPPED_SECTIONS`], every other section as it was.
fn strip_custom_sections(path: &Path) -> Result<(), SplitError> {
    let wasm = fs::read(path).map_err(io(path))?;
    let mut module = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
        let payload = payload.map_err(|source| SplitError::Chunk {
            path: path.to_path_buf(),
            source,
        })?;
        if let wasmparser::Payload::CustomSection(custom) = &payload
            && DROPPED_SECTIONS.contains(&custom.name())
        {
            continue;
        }
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let bytes = usize::try_from(range.start)
            .ok()
            .zip(usize::try_from(range.end).ok())
            .and_then(|(start, end)| wasm.get(start..end))
            .ok_or_else(|| {
                SplitError::Split(format!("{}: a section past the end", path.display()))
            })?;
        module.section(&wasm_encoder::RawSection { id, data: bytes });
    }
    fs::write(path, module.finish()).map_err(io(path))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(chunks) => {
            println!("split the bundle into the main module and {chunks} chunks");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn custom_sections(wasm: &[u8]) -> Vec<String> {
        wasmparser::Parser::new(0)
            .parse_all(wasm)
            .filter_map(|payload| match payload.unwrap() {
                wasmparser::Payload::CustomSection(c) => Some(c.name().to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_chunk_loses_its_names_producers_and_target_features_and_keeps_everything_else() {
        let mut module = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        for name in [
            "name",
            "producers",
            "target_features",
            "__wasm_split_unstable",
        ] {
            module.section(&wasm_encoder::CustomSection {
                name: Cow::Borrowed(name),
                data: Cow::Borrowed(b"data"),
            });
        }
        let path = std::env::temp_dir().join(format!("rootline-split-{}.wasm", std::process::id()));
        fs::write(&path, module.finish()).unwrap();

        strip_custom_sections(&path).unwrap();

        let stripped = fs::read(&path).unwrap();
        fs::remove_file(&path).unwrap();
        assert_eq!(custom_sections(&stripped), ["__wasm_split_unstable"]);
        let types = wasmparser::Parser::new(0)
            .parse_all(&stripped)
            .filter(|p| matches!(p, Ok(wasmparser::Payload::TypeSection(_))))
            .count();
        assert_eq!(types, 1, "the type section is kept");
    }

    #[test]
    fn the_loader_takes_every_chunk_from_the_pack_and_fetches_one_it_lacks() {
        let js = "import { initSync } from \"./rootline.js\";\n\
            const src = fetch(new URL(\"./chunk_17.wasm\", import.meta.url));\n\
            const other = fetch(new URL(\"./split_steps_loader_1.wasm\", import.meta.url));\n";
        let out = chunks_from_pack(js).unwrap();
        assert!(out.starts_with("import { initSync } from \"./rootline.js\";\n// Rootline"));
        assert!(out.contains("const src = __rootlineChunk(\"chunk_17.wasm\");"));
        assert!(out.contains("const other = __rootlineChunk(\"split_steps_loader_1.wasm\");"));
        // The one fetch left is the lookup's own, for a chunk the pack lacks.
        assert_eq!(out.matches("fetch(").count(), 1);
    }

    #[test]
    fn a_loader_that_fetches_chunks_some_other_way_is_refused() {
        assert!(matches!(
            chunks_from_pack("import x from \"./rootline.js\";\nfetch(\"chunk_1.wasm\");"),
            Err(SplitError::LoaderChanged)
        ));
        assert!(matches!(
            chunks_from_pack("fetch(new URL(\"./a\\\"+b\", import.meta.url))"),
            Err(SplitError::LoaderChanged)
        ));
    }

    #[test]
    fn anything_but_three_paths_is_refused_with_the_usage() {
        assert!(matches!(
            run(&["only-one".to_owned()]),
            Err(SplitError::Usage)
        ));
    }
}
