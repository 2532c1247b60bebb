//! The browser bundle under `/pkg`: served pre-compressed (brotli or gzip, as the browser
//! accepts; `scripts/build-site.sh` writes the `.br` and `.gz` files beside each asset), and
//! cached for a year when the name carries its content hash, since that name never serves
//! other bytes. Unhashed names are revalidated on every use.

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

/// The `/pkg` router over `pkg_dir`.
pub fn pkg_router(pkg_dir: &Path) -> Router {
    Router::new()
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

/// `rootline.<16 hex digits>.<ext>`: a name `build-site.sh` gave from the content's hash.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(_), Some(hash), Some(_), None)
            if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    )
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
        std::fs::write(p.join("rootline.0123456789abcdef.wasm"), b"plain wasm").unwrap();
        std::fs::write(p.join("rootline.0123456789abcdef.wasm.gz"), b"gzip wasm").unwrap();
        std::fs::write(p.join("rootline.0123456789abcdef.wasm.br"), b"brotli wasm").unwrap();
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
        let path = "/pkg/rootline.0123456789abcdef.wasm";
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
        let (status, cache, _, _) = get(&dir, "/pkg/rootline.ffffffffffffffff.js", "").await;
        assert_eq!((status, cache.as_str()), (StatusCode::NOT_FOUND, ""));
    }

    #[test]
    fn only_a_sixteen_digit_hex_hash_between_name_and_extension_counts_as_hashed() {
        assert!(is_hashed("/pkg/rootline.0123456789abcdef.js"));
        assert!(!is_hashed("/pkg/rootline.js"));
        assert!(!is_hashed("/pkg/rootline.0123456789abcdeg.js"));
        assert!(!is_hashed("/pkg/rootline.0123456789abcdef.wasm.gz"));
    }
}
