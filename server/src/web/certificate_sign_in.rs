//! `GET /sign-in/certificate`: signs in with the client certificate of the HTTPS listener's
//! handshake, then continues where a password sign-in would. A refusal goes back to the
//! sign-in page with its reason code, which the page turns into a message.

use app::{model::login_certificates::CertificateRefusal, ports::RequestMeta};
use axum::{
    body::Body,
    extract::State,
    http::{Request, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{AppState, tls::PeerCertificate};

pub async fn sign_in(State(state): State<AppState>, request: Request<Body>) -> Response {
    let Some(meta) = request.extensions().get::<RequestMeta>().cloned() else {
        return refused(CertificateRefusal::Failed);
    };
    // Only the HTTPS listener puts a certificate here, and only when the browser sent one.
    let Some(PeerCertificate(der)) = request.extensions().get::<PeerCertificate>() else {
        return refused(CertificateRefusal::NoCertificate);
    };
    match state.backend.identity.certificate_sign_in(&meta, der).await {
        Ok(signed_in) => {
            let mut response = (
                StatusCode::SEE_OTHER,
                [
                    (header::LOCATION, signed_in.next_page().to_owned()),
                    (header::SET_COOKIE, signed_in.cookie.0),
                ],
            )
                .into_response();
            if let Some(Ok(lang)) = signed_in
                .lang_cookie
                .map(|c| axum::http::HeaderValue::from_str(&c.0))
            {
                response.headers_mut().append(header::SET_COOKIE, lang);
            }
            response
        }
        Err(refusal) => refused(refusal),
    }
}

fn refused(refusal: CertificateRefusal) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(
            header::LOCATION,
            format!("/sign-in?certificate={}", refusal.code()),
        )],
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderMap;
    use chrono::Duration;
    use tower::ServiceExt;

    use super::*;
    use crate::{
        ports::Clock,
        services::identity::test_support::{Harness, harness},
        web::authorization_matrix::{app, call},
    };

    /// GET /sign-in/certificate through the whole router, as the HTTPS listener would send it.
    async fn get(h: &Harness, peer: Option<Vec<u8>>) -> (StatusCode, HeaderMap) {
        let mut request = Request::get("/sign-in/certificate")
            .header(header::HOST, "portal.test")
            .body(Body::empty())
            .unwrap();
        if let Some(der) = peer {
            request.extensions_mut().insert(PeerCertificate(der));
        }
        let response = app(h).await.oneshot(request).await.unwrap();
        (response.status(), response.headers().clone())
    }

    fn location(headers: &HeaderMap) -> &str {
        headers.get(header::LOCATION).unwrap().to_str().unwrap()
    }

    #[tokio::test]
    async fn a_registered_certificate_gets_a_secure_session_cookie_and_the_overview() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        let der = crate::services::identity::login_certificates_test_support::client_certificate(
            "Asha Rao",
            h.clock.now() - Duration::days(1),
            30,
            false,
        );
        h.service
            .register_login_certificate(&caller, "Laptop", &der, None)
            .await
            .unwrap();

        let (status, headers) = get(&h, Some(der)).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location(&headers), "/");
        let cookie = headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
        assert!(cookie.starts_with("rootline_session="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.ends_with("; Secure"),
            "{cookie}"
        );
    }

    #[tokio::test]
    async fn no_certificate_or_an_unknown_one_goes_back_to_the_sign_in_page_with_the_reason() {
        let h = harness().await;
        let (status, headers) = get(&h, None).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location(&headers), "/sign-in?certificate=none");
        assert!(headers.get(header::SET_COOKIE).is_none());

        let stranger =
            crate::services::identity::login_certificates_test_support::client_certificate(
                "Nobody",
                h.clock.now(),
                30,
                false,
            );
        let (_, headers) = get(&h, Some(stranger)).await;
        assert_eq!(location(&headers), "/sign-in?certificate=unknown");
        assert!(headers.get(header::SET_COOKIE).is_none());
    }

    #[tokio::test]
    async fn the_profile_functions_list_and_remove_only_the_callers_own_certificates() {
        let h = harness().await;
        let first = h.signed_in("asha@example.com").await;
        let other = h.signed_in("other@example.org").await;
        let caller = h.service.caller(&first).await.unwrap().unwrap();
        let der = crate::services::identity::login_certificates_test_support::client_certificate(
            "Asha Rao",
            h.clock.now(),
            30,
            false,
        );
        let view = h
            .service
            .register_login_certificate(&caller, "Laptop", &der, None)
            .await
            .unwrap();
        let app = app(&h).await;
        let list = "/api/profile/login-certificates";
        let (status, body) = call(&app, list, "", Some(&other)).await;
        assert_eq!((status, body.as_str()), (StatusCode::OK, "[]"));
        let remove = format!("id={}", view.id);
        let (status, _) = call(
            &app,
            "/api/profile/login-certificates/remove",
            &remove,
            Some(&other),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, body) = call(&app, list, "", Some(&first)).await;
        assert!(
            body.contains("Laptop") && body.contains("CN=Asha Rao"),
            "{body}"
        );
    }
}
