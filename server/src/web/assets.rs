//! The browser bundle under `/pkg`: served pre-compressed (brotli or gzip, as the browser
//! accepts; `scripts/build-site.sh` writes the `.br` and `.gz` files beside each asset), and
//! cached for a year when it sits in a bundle's folder (`/pkg/<hash>/`, named after the hash of
//! everything in it: the main module, its loader and every lazy route's chunk), since such a
//! name never serves other bytes. Anything else (the style sheet) is revalidated on every use.

use std::path::Path;

use axum::{
    Router,
    extract::Request,
    http::{HeaderValue, header},
    middleware::{self, Next},
    response::Response,
};
use tower_http::services::ServeDir;

/// A year, and never revalidated: the content hash in the name changes with the content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Anything else is checked with the server (ETag / Last-Modified) before each use.
const REVALIDATE: &str = "no-cache";

/// Where, under the site root, the pages link the bundle from: `pkg/<hash>` for the bundle
/// `build-site.sh` last wrote (its `bundle.txt`), else `pkg` (no bundle built: pages still
/// render and work without script).
pub fn bundle_pkg_dir(site_root: &Path) -> String {
    let named = std::fs::read_to_string(site_root.join("bundle.txt")).unwrap_or_default();
    let hash = named.trim();
    if is_bundle_hash(hash) {
        format!("pkg/{hash}")
    } else {
        if !hash.is_empty() {
            tracing::warn!("bundle.txt does not name a bundle (16 hex digits): {hash:?}");
        }
        "pkg".to_owned()
    }
}

/// The `/pkg` router over `pkg_dir`: its files, and the packs of a page's lazy islands
/// (`island_pack`).
pub fn pkg_router(pkg_dir: &Path) -> Router {
    let packs = std::sync::Arc::new(super::island_pack::IslandPacks::new(pkg_dir));
    Router::new()
        .route(
            "/{bundle}/pack/{islands}",
            axum::routing::get(super::island_pack::pack).with_state(packs),
        )
        .fallback_service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn(cache_control))
}

async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status().as_u16() == 304 {
        let value = if hashed { IMMUTABLE } else { REVALIDATE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

/// A file inside a folder named by 16 hex digits: a bundle `build-site.sh` named after the hash
/// of its content.
fn is_hashed(path: &str) -> bool {
    let mut segments: Vec<&str> = path.split('/').collect();
    // The file's own name never counts, only the folders above it.
    segments.pop();
    segments.iter().any(|segment| is_bundle_hash(segment))
}

/// 16 lowercase hex digits, as `build-site.sh` names a bundle (and writes it to `bundle.txt`).
pub fn is_bundle_hash(name: &str) -> bool {
    name.len() == 16 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use axum::{
        body::{Body, to_bytes},
        http::{Request, StatusCode, header},
    };
    use tower::ServiceExt;

    use super::*;

    fn site() -> std::path::PathBuf {
        let dir = crate::ca::test_support::temp_dir("pkg");
        let p = dir.as_path();
        let bundle = p.join("0123456789abcdef");
        std::fs::create_dir_all(&bundle).unwrap();
        std::fs::write(bundle.join("rootline.wasm"), b"plain wasm").unwrap();
        std::fs::write(bundle.join("rootline.wasm.gz"), b"gzip wasm").unwrap();
        std::fs::write(bundle.join("rootline.wasm.br"), b"brotli wasm").unwrap();
        std::fs::write(p.join("rootline.css"), b"body{}").unwrap();
        dir
    }

    async fn get(dir: &Path, path: &str, accept: &str) -> (StatusCode, String, String, String) {
        let app = Router::new().nest_service("/pkg", pkg_router(dir));
        let response = app
            .oneshot(
                Request::get(path)
                    .header(header::ACCEPT_ENCODING, accept)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let header_text = |name| {
            response
                .headers()
                .get(name)
                .map(|v: &HeaderValue| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        let (status, cache, encoding) = (
            response.status(),
            header_text(header::CACHE_CONTROL),
            header_text(header::CONTENT_ENCODING),
        );
        let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
        (
            status,
            cache,
            encoding,
            String::from_utf8(body.to_vec()).unwrap(),
        )
    }

    #[tokio::test]
    async fn a_hashed_asset_is_served_precompressed_as_the_browser_accepts_and_cached_for_a_year() {
        let dir = site();
        let path = "/pkg/0123456789abcdef/rootline.wasm";
        let (status, cache, encoding, body) = get(&dir, path, "gzip, deflate, br").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!((encoding.as_str(), body.as_str()), ("br", "brotli wasm"));
        assert_eq!(cache, IMMUTABLE);
        let (_, _, encoding, body) = get(&dir, path, "gzip").await;
        assert_eq!((encoding.as_str(), body.as_str()), ("gzip", "gzip wasm"));
        let (_, _, encoding, body) = get(&dir, path, "identity").await;
        assert_eq!((encoding.as_str(), body.as_str()), ("", "plain wasm"));
    }

    #[tokio::test]
    async fn an_unhashed_asset_is_revalidated_and_a_missing_one_is_not_cached() {
        let dir = site();
        let (status, cache, _, _) = get(&dir, "/pkg/rootline.css", "gzip").await;
        assert_eq!((status, cache.as_str()), (StatusCode::OK, REVALIDATE));
        let (status, cache, _, _) = get(&dir, "/pkg/ffffffffffffffff/rootline.js", "").await;
        assert_eq!((status, cache.as_str()), (StatusCode::NOT_FOUND, ""));
    }

    #[test]
    fn the_pages_link_the_bundle_bundle_txt_names_and_nothing_else() {
        let root = crate::ca::test_support::temp_dir("site");
        assert_eq!(bundle_pkg_dir(root.as_path()), "pkg");
        std::fs::write(root.as_path().join("bundle.txt"), "0123456789abcdef\n").unwrap();
        assert_eq!(bundle_pkg_dir(root.as_path()), "pkg/0123456789abcdef");
        std::fs::write(root.as_path().join("bundle.txt"), "../../etc\n").unwrap();
        assert_eq!(bundle_pkg_dir(root.as_path()), "pkg");
    }

    #[test]
    fn only_a_file_in_a_folder_named_by_sixteen_hex_digits_counts_as_hashed() {
        assert!(is_hashed("/pkg/0123456789abcdef/rootline.js"));
        assert!(is_hashed(
            "/0123456789abcdef/__wasm_split.______________________.js"
        ));
        assert!(is_hashed("/pkg/0123456789abcdef/snippets/x-1/inline0.js"));
        assert!(!is_hashed("/pkg/rootline.css"));
        assert!(!is_hashed("/pkg/0123456789abcdef"));
        assert!(!is_hashed("/pkg/0123456789abcdeg/rootline.js"));
        assert!(!is_hashed("/pkg/0123456789ABCDEF/rootline.js"));
        assert!(!is_hashed("/pkg/0123456789abcde/rootline.js"));
    }
}
