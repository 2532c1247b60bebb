//! One download for the code of a page's lazy islands. The splitter cuts the bundle into a
//! chunk per set of islands that share code, so the order wizard alone needs about a hundred
//! small files: each a request with its own headers, each compressed on its own (the wizard's
//! chunks were 243 kB gzip one by one, 193 kB as one stream). A page asks for the chunks of
//! all its lazy islands here at once instead (`app/src/browser/islands.js`), and the loader
//! the splitter wrote takes each chunk from that pack, fetching one the pack lacks alone
//! (`tools/wasm-split`).
//!
//! `GET /pkg/<bundle>/pack/<island>+<island>…` (lazy islands by their snake-case name, or a
//! split point of the manifest by its full name): the chunks they need, each once, in the
//! manifest's order, as `RLPK`, then for each chunk its file name's length (u16), the name,
//! its length in bytes (u32, both little-endian) and its bytes; gzip-compressed when the
//! browser accepts it. A bundle's folder never changes, so a pack is made once and kept.

use std::{
    collections::{HashMap, HashSet},
    io::Write as _,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use axum::{
    body::Bytes,
    extract::{Path as UrlPath, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::assets::is_bundle_hash;

/// The manifest the splitter writes beside the chunks: split point → the files it needs.
const MANIFEST: &str = "__wasm_split_manifest.json";
/// What a pack starts with.
const MAGIC: &[u8; 4] = b"RLPK";
/// More lazy islands than any page has (the profile has three): a longer list is not one a
/// page asked for, and each new set costs a compression.
const MAX_ISLANDS: usize = 6;
/// Packs kept at once. Each distinct set of islands is one; a bundle has a handful of such
/// sets, so a full cache means someone is asking for sets no page has, and it starts over.
const MAX_KEPT: usize = 64;

/// Why there is no pack: each answers 404, as a missing file would.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("not a bundle's folder")]
    NotABundle,
    #[error("not a list of island names")]
    BadList,
    #[error("the bundle has no split point named {0}")]
    UnknownIsland(String),
    #[error("the bundle's {path} could not be read: {why}")]
    Unreadable { path: PathBuf, why: String },
}

/// One pack, as it is and gzip-compressed.
struct Pack {
    plain: Bytes,
    gzip: Bytes,
}

/// The packs made so far, for the bundles under one `pkg` folder.
pub struct IslandPacks {
    pkg_dir: PathBuf,
    kept: Mutex<HashMap<String, Arc<Pack>>>,
}

impl IslandPacks {
    pub fn new(pkg_dir: &Path) -> Self {
        Self {
            pkg_dir: pkg_dir.to_path_buf(),
            kept: Mutex::new(HashMap::new()),
        }
    }

    /// The pack for `islands` (names joined by `+`) of `bundle`, made now or kept from before.
    fn pack(&self, bundle: &str, islands: &str) -> Result<Arc<Pack>, PackError> {
        if !is_bundle_hash(bundle) {
            return Err(PackError::NotABundle);
        }
        let names = island_names(islands)?;
        let key = format!("{bundle}/{}", names.join("+"));
        if let Some(found) = self.kept.lock().ok().and_then(|k| k.get(&key).cloned()) {
            return Ok(found);
        }
        let folder = self.pkg_dir.join(bundle);
        let plain = pack_bytes(&folder, &names)?;
        let gzip = gzip(&plain).map_err(|e| PackError::Unreadable {
            path: folder.clone(),
            why: e.to_string(),
        })?;
        let pack = Arc::new(Pack {
            plain: plain.into(),
            gzip: gzip.into(),
        });
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= MAX_KEPT {
                kept.clear();
            }
            kept.insert(key, pack.clone());
        }
        Ok(pack)
    }
}

/// `GET /pkg/{bundle}/pack/{islands}`.
pub async fn pack(
    State(packs): State<Arc<IslandPacks>>,
    UrlPath((bundle, islands)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> Response {
    // Reading a hundred files and compressing them is blocking work, done once per pack.
    let made = tokio::task::spawn_blocking(move || packs.pack(&bundle, &islands)).await;
    let pack = match made {
        Ok(Ok(pack)) => pack,
        Ok(Err(e @ PackError::Unreadable { .. })) => {
            tracing::warn!("island pack: {e}");
            return StatusCode::NOT_FOUND.into_response();
        }
        Ok(Err(_)) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!("island pack: {e}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let gzip = accepts_gzip(&headers);
    let mut response = if gzip {
        pack.gzip.clone().into_response()
    } else {
        pack.plain.clone().into_response()
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// The names in `islands`, sorted and each once, so every order of one set is one pack.
fn island_names(islands: &str) -> Result<Vec<String>, PackError> {
    let mut names: Vec<String> = islands.split('+').map(str::to_owned).collect();
    let well_formed = |n: &String| {
        (1..=80).contains(&n.len())
            && n.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    if names.len() > MAX_ISLANDS || !names.iter().all(well_formed) {
        return Err(PackError::BadList);
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// Whether the split point `key` of the manifest is the one `name` asks for: its full name,
/// or a lazy island's name.
fn names_split(name: &str, key: &str) -> bool {
    key == name || app::lazy_island_name(key) == Some(name)
}

/// The pack's bytes: the chunks the split points `names` name need, each once.
fn pack_bytes(folder: &Path, names: &[String]) -> Result<Vec<u8>, PackError> {
    let unreadable = |path: &Path, why: String| PackError::Unreadable {
        path: path.to_path_buf(),
        why,
    };
    let manifest_path = folder.join(MANIFEST);
    let text = match std::fs::read_to_string(&manifest_path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(PackError::NotABundle),
        Err(e) => return Err(unreadable(&manifest_path, e.to_string())),
    };
    let manifest: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(&text).map_err(|e| unreadable(&manifest_path, e.to_string()))?;
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    for name in names {
        let mut found = false;
        for (_, chunks) in manifest.iter().filter(|(key, _)| names_split(name, key)) {
            found = true;
            for chunk in chunks {
                if seen.insert(chunk.as_str()) {
                    files.push(format!("{chunk}.wasm"));
                }
            }
        }
        if !found {
            return Err(PackError::UnknownIsland(name.clone()));
        }
    }
    let mut out = MAGIC.to_vec();
    for file in files {
        let path = folder.join(&file);
        let bytes = std::fs::read(&path).map_err(|e| unreadable(&path, e.to_string()))?;
        let (Ok(name_len), Ok(len)) = (u16::try_from(file.len()), u32::try_from(bytes.len()))
        else {
            return Err(unreadable(&path, "too long for a pack".into()));
        };
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(file.as_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&bytes);
    }
    Ok(out)
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Whether `Accept-Encoding` lists gzip, not refused with `q=0`.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use axum::{Router, body::Body, body::to_bytes, http::Request};
    use tower::ServiceExt;

    use super::*;

    const BUNDLE: &str = "0123456789abcdef";

    fn site() -> PathBuf {
        let dir = crate::ca::test_support::temp_dir("packs");
        let bundle = dir.as_path().join(BUNDLE);
        std::fs::create_dir_all(&bundle).unwrap();
        std::fs::write(
            bundle.join(MANIFEST),
            r#"{
                "steps_loader_123": ["chunk_1", "chunk_2", "split_steps_loader_123"],
                "certificate_file_loader_456": ["chunk_2", "split_certificate_file_loader_456"],
                "pki": ["chunk_1", "chunk_3", "split_pki"]
            }"#,
        )
        .unwrap();
        for name in [
            "chunk_1",
            "chunk_2",
            "chunk_3",
            "split_steps_loader_123",
            "split_certificate_file_loader_456",
            "split_pki",
        ] {
            std::fs::write(bundle.join(format!("{name}.wasm")), format!("<{name}>")).unwrap();
        }
        dir
    }

    /// The pack's entries, as the page's script reads them.
    fn unpack(bytes: &[u8]) -> Vec<(String, String)> {
        assert_eq!(&bytes[..4], MAGIC);
        let mut at = 4;
        let mut out = Vec::new();
        while at < bytes.len() {
            let name_len = u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
            at += 2;
            let name = String::from_utf8(bytes[at..at + name_len].to_vec()).unwrap();
            at += name_len;
            let len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
            at += 4;
            out.push((
                name,
                String::from_utf8(bytes[at..at + len].to_vec()).unwrap(),
            ));
            at += len;
        }
        out
    }

    async fn get_pack(dir: &Path, path: &str, accept: &str) -> (StatusCode, String, Vec<u8>) {
        // Through the `/pkg` router as the server mounts it.
        let app = Router::new().nest_service("/pkg", super::super::assets::pkg_router(dir));
        let response = app
            .oneshot(
                Request::get(path)
                    .header(header::ACCEPT_ENCODING, accept)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = response.status();
        let encoding = response
            .headers()
            .get(header::CONTENT_ENCODING)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap()
            .to_vec();
        (status, encoding, body)
    }

    #[tokio::test]
    async fn a_pack_holds_each_chunk_its_islands_need_once_in_the_manifests_order() {
        let dir = site();
        let (status, encoding, body) = get_pack(
            dir.as_path(),
            &format!("/pkg/{BUNDLE}/pack/steps+certificate_file"),
            "identity",
        )
        .await;
        assert_eq!((status, encoding.as_str()), (StatusCode::OK, ""));
        let names: Vec<String> = unpack(&body).into_iter().map(|(n, _)| n).collect();
        // Sorted by island: certificate_file's first, then what steps adds.
        assert_eq!(
            names,
            [
                "chunk_2.wasm",
                "split_certificate_file_loader_456.wasm",
                "chunk_1.wasm",
                "split_steps_loader_123.wasm"
            ]
        );
        assert_eq!(unpack(&body)[0].1, "<chunk_2>");
    }

    #[tokio::test]
    async fn a_pack_comes_gzip_compressed_to_a_browser_that_accepts_it() {
        let dir = site();
        let path = format!("/pkg/{BUNDLE}/pack/pki");
        let (status, encoding, body) = get_pack(dir.as_path(), &path, "gzip, deflate").await;
        assert_eq!((status, encoding.as_str()), (StatusCode::OK, "gzip"));
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(body.as_slice())
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(
            unpack(&plain),
            [
                ("chunk_1.wasm".to_owned(), "<chunk_1>".to_owned()),
                ("chunk_3.wasm".to_owned(), "<chunk_3>".to_owned()),
                ("split_pki.wasm".to_owned(), "<split_pki>".to_owned())
            ]
        );
        let (_, encoding, _) = get_pack(dir.as_path(), &path, "gzip;q=0, br").await;
        assert_eq!(encoding, "");
    }

    #[tokio::test]
    async fn an_unknown_island_a_bad_name_or_a_folder_that_is_no_bundle_is_not_found() {
        let dir = site();
        for path in [
            format!("/pkg/{BUNDLE}/pack/steps+nothing"),
            format!("/pkg/{BUNDLE}/pack/chunk_1"),
            format!("/pkg/{BUNDLE}/pack/..%2Fsecret"),
            format!("/pkg/{BUNDLE}/pack/Steps"),
            format!("/pkg/{BUNDLE}/pack/steps_loader"),
            "/pkg/ffffffffffffffff/pack/steps".to_owned(),
            "/pkg/not-a-bundle/pack/steps".to_owned(),
        ] {
            let (status, _, _) = get_pack(dir.as_path(), &path, "gzip").await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
    }

    #[test]
    fn every_order_of_one_set_of_islands_is_one_pack() {
        assert_eq!(
            island_names("steps+certificate_file+steps").unwrap(),
            ["certificate_file", "steps"]
        );
        assert!(island_names(&["a"; MAX_ISLANDS + 1].join("+")).is_err());
        assert!(island_names("").is_err());
    }
}
