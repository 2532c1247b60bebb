//! ACME (RFC 8555) over HTTP at `/acme/…`: the directory, nonces, the JWS extractor (URL,
//! nonce, key or account, signature), the resources' JSON and RFC 8555 problem documents.
//! Everything the protocol decides is in `services::acme`; this module only speaks it.

#[cfg(test)]
mod instant_acme_client;
mod problem;
#[cfg(test)]
mod real_clients;
mod resources;
#[cfg(test)]
mod tests;

use std::{net::IpAddr, sync::Arc};

use axum::{
    Router,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use serde_json::{Value, json};

pub use problem::Problem;

use crate::{
    services::acme::{AcmeError, AcmeService, Jwk, Jws, NewAccountRequest, advertised_profiles},
    store::acme::AcmeAccountRow,
    web::client_addr::ClientAddr,
};

pub struct Acme {
    pub service: Arc<AcmeService>,
    /// `<public URL>/acme`, the base of every URL the protocol hands out.
    pub base: String,
}

type Ctx = Arc<Acme>;

pub fn router(acme: Arc<Acme>) -> Router {
    Router::new()
        .route("/acme/directory", get(directory))
        .route("/acme/new-nonce", get(new_nonce_get).head(new_nonce_head))
        .route("/acme/new-account", post(new_account))
        .route("/acme/new-order", post(new_order))
        .route("/acme/account/{id}", post(account))
        .route("/acme/account/{id}/orders", post(account_orders))
        .route("/acme/order/{id}", post(order))
        .route("/acme/order/{id}/finalize", post(finalize))
        .route("/acme/authz/{id}", post(authz))
        .route("/acme/chall/{id}", post(challenge))
        .route("/acme/cert/{id}", post(certificate))
        .route("/acme/revoke-cert", post(revoke_cert))
        .route("/acme/key-change", post(key_change))
        .route("/acme/renewal-info/{cert_id}", get(renewal_info))
        .with_state(acme)
}

impl Acme {
    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    fn account_url(&self, id: i32) -> String {
        self.url(&format!("account/{id}"))
    }

    /// Headers every ACME answer carries: a fresh nonce and the directory link.
    async fn headers(&self) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(nonce) = self.service.new_nonce().await
            && let Ok(v) = HeaderValue::from_str(&nonce)
        {
            h.insert("replay-nonce", v);
        }
        if let Ok(v) = HeaderValue::from_str(&format!("<{}>;rel=\"index\"", self.url("directory")))
        {
            h.append(header::LINK, v);
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h
    }

    async fn problem(&self, e: AcmeError) -> Response {
        let mut headers = self.headers().await;
        if let AcmeError::KeyInUse(id) = &e
            && let Ok(v) = HeaderValue::from_str(&self.account_url(*id))
        {
            headers.insert(header::LOCATION, v);
        }
        Problem::from(e).into_response_with(headers)
    }

    async fn json(&self, status: StatusCode, mut extra: HeaderMap, body: Value) -> Response {
        let mut headers = self.headers().await;
        for (k, v) in extra.drain().filter_map(|(k, v)| k.map(|k| (k, v))) {
            headers.append(k, v);
        }
        (status, headers, axum::Json(body)).into_response()
    }
}

/// Who signed a request.
enum Signer {
    Account(AcmeAccountRow),
    Key(Jwk),
}

/// A request whose URL, nonce and signature were checked.
struct Verified {
    jws: Jws,
    signer: Signer,
}

impl Verified {
    fn account(&self) -> Result<&AcmeAccountRow, AcmeError> {
        match &self.signer {
            Signer::Account(a) => Ok(a),
            Signer::Key(_) => Err(AcmeError::Malformed(
                "this request must be signed by an account (kid), not a bare key (jwk)".into(),
            )),
        }
    }

    /// POST-as-GET: the payload must be empty.
    fn as_get(&self) -> Result<(), AcmeError> {
        if self.jws.payload.is_empty() {
            Ok(())
        } else {
            Err(AcmeError::Malformed(
                "this resource is read with POST-as-GET: send an empty payload".into(),
            ))
        }
    }
}

impl Acme {
    /// The JWS extractor: the body is a flattened JWS, its `url` is this request's URL, its
    /// nonce was issued and is unused, and it is signed by the account its `kid` names or by
    /// the `jwk` it carries (`jwk_allowed`).
    async fn verify(
        &self,
        path: &str,
        from: IpAddr,
        headers: &HeaderMap,
        body: &[u8],
        jwk_allowed: bool,
    ) -> Result<Verified, AcmeError> {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if content_type != "application/jose+json" {
            return Err(AcmeError::Malformed(
                "the Content-Type must be application/jose+json".into(),
            ));
        }
        let jws = Jws::parse(body)?;
        let expected = self.url(path);
        if jws.protected.url.as_deref() != Some(expected.as_str()) {
            return Err(AcmeError::Unauthorized(format!(
                "the JWS url header must be the request URL {expected}"
            )));
        }
        let nonce = jws.protected.nonce.clone().ok_or(AcmeError::BadNonce)?;
        self.service.use_nonce(&nonce).await?;
        let signer = match (&jws.protected.kid, &jws.protected.jwk) {
            (Some(kid), None) => {
                let id = kid
                    .strip_prefix(&format!("{}/account/", self.base))
                    .and_then(|id| id.parse::<i32>().ok())
                    .ok_or(AcmeError::AccountDoesNotExist)?;
                Signer::Account(self.service.signed_by(id, &jws, from).await?)
            }
            (None, Some(jwk)) if jwk_allowed => {
                let key = Jwk::parse(jwk)?;
                jws.verify(&key)?;
                Signer::Key(key)
            }
            (None, Some(_)) => {
                return Err(AcmeError::Malformed(
                    "this request must name its account with kid".into(),
                ));
            }
            _ => {
                return Err(AcmeError::Malformed(
                    "the protected header must have exactly one of jwk and kid".into(),
                ));
            }
        };
        Ok(Verified { jws, signer })
    }
}

async fn directory(State(c): State<Ctx>) -> Response {
    let body = json!({
        "newNonce": c.url("new-nonce"),
        "newAccount": c.url("new-account"),
        "newOrder": c.url("new-order"),
        "revokeCert": c.url("revoke-cert"),
        "keyChange": c.url("key-change"),
        "renewalInfo": c.url("renewal-info"),
        "meta": {
            "externalAccountRequired": c.service.eab_required(),
            // RFC 8555 7.1.1; dns-persist-01 records name one of these (draft-ietf-acme-dns-persist
            // section 3.2), so a client can publish one before it orders.
            "caaIdentities": resources::issuer_domain_names(&c),
            "issuerDomainNames": resources::issuer_domain_names(&c),
            "profiles": advertised_profiles()
                .map(|(name, description)| (name.to_owned(), json!(description)))
                .collect::<serde_json::Map<_, _>>(),
        },
    });
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    (StatusCode::OK, headers, axum::Json(body)).into_response()
}

async fn new_nonce_head(State(c): State<Ctx>) -> Response {
    (StatusCode::OK, c.headers().await).into_response()
}

async fn new_nonce_get(State(c): State<Ctx>) -> Response {
    (StatusCode::NO_CONTENT, c.headers().await).into_response()
}

/// Runs a POST handler and turns its error into a problem document.
async fn answer(c: &Acme, result: Result<Response, AcmeError>) -> Response {
    match result {
        Ok(r) => r,
        Err(e) => {
            if let AcmeError::Internal(detail) = &e {
                tracing::error!(%detail, "ACME request failed");
            }
            c.problem(e).await
        }
    }
}

fn location(url: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(url) {
        h.insert(header::LOCATION, v);
    }
    h
}

async fn new_account(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c.verify("new-account", from, &headers, &body, true).await?;
        let Signer::Key(key) = &v.signer else {
            return Err(AcmeError::Malformed(
                "newAccount must be signed with the account key as jwk".into(),
            ));
        };
        let request: NewAccountRequest = v.jws.json_payload()?;
        let (account, created) = c
            .service
            .new_account(key, &request, &c.url("new-account"), from)
            .await?;
        let status = if created {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        Ok(c.json(
            status,
            location(&c.account_url(account.id)),
            resources::account(&c, &account),
        )
        .await)
    };
    answer(&c, r.await).await
}

async fn account(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(&format!("account/{id}"), from, &headers, &body, false)
            .await?;
        let account = v.account()?;
        if account.id != id {
            return Err(AcmeError::Unauthorized(
                "a request for an account must be signed by that account".into(),
            ));
        }
        let account = if v.jws.payload.is_empty() {
            account.clone()
        } else {
            c.service
                .update_account(account, &v.jws.json_payload()?)
                .await?
        };
        Ok(c.json(
            StatusCode::OK,
            location(&c.account_url(id)),
            resources::account(&c, &account),
        )
        .await)
    };
    answer(&c, r.await).await
}

async fn account_orders(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(
                &format!("account/{id}/orders"),
                from,
                &headers,
                &body,
                false,
            )
            .await?;
        v.as_get()?;
        let account = v.account()?;
        if account.id != id {
            return Err(AcmeError::NotFound);
        }
        let ids = c.service.order_ids(account).await?;
        let urls: Vec<String> = ids.iter().map(|o| c.url(&format!("order/{o}"))).collect();
        Ok(
            c.json(StatusCode::OK, HeaderMap::new(), json!({"orders": urls}))
                .await,
        )
    };
    answer(&c, r.await).await
}

async fn new_order(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c.verify("new-order", from, &headers, &body, false).await?;
        let account = v.account()?;
        let order = c.service.new_order(account, &v.jws.json_payload()?).await?;
        let url = c.url(&format!("order/{}", order.id));
        Ok(c.json(
            StatusCode::CREATED,
            location(&url),
            resources::order(&c, &order),
        )
        .await)
    };
    answer(&c, r.await).await
}

async fn order(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(&format!("order/{id}"), from, &headers, &body, false)
            .await?;
        v.as_get()?;
        let order = c.service.order_view(v.account()?, id).await?;
        Ok(c.json(
            StatusCode::OK,
            resources::retry_after(order.status),
            resources::order(&c, &order),
        )
        .await)
    };
    answer(&c, r.await).await
}

#[derive(serde::Deserialize)]
struct FinalizeRequest {
    csr: String,
}

async fn finalize(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(
                &format!("order/{id}/finalize"),
                from,
                &headers,
                &body,
                false,
            )
            .await?;
        let request: FinalizeRequest = v.jws.json_payload()?;
        let order = c.service.finalize(v.account()?, id, &request.csr).await?;
        let mut extra = resources::retry_after(order.status);
        extra.extend(location(&c.url(&format!("order/{id}"))));
        Ok(c.json(StatusCode::OK, extra, resources::order(&c, &order))
            .await)
    };
    answer(&c, r.await).await
}

async fn authz(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(&format!("authz/{id}"), from, &headers, &body, false)
            .await?;
        let account = v.account()?;
        let authz = if v.jws.payload.is_empty() {
            c.service.authz(account, id).await?
        } else {
            c.service
                .update_authz(account, id, &v.jws.json_payload()?)
                .await?
        };
        Ok(c.json(
            StatusCode::OK,
            resources::retry_after(authz.status.as_str()),
            resources::authz(&c, &authz),
        )
        .await)
    };
    answer(&c, r.await).await
}

async fn challenge(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(&format!("chall/{id}"), from, &headers, &body, false)
            .await?;
        let account = v.account()?;
        let view = if v.jws.payload.is_empty() {
            c.service.challenge(account, id).await?
        } else {
            // The payload is `{}`: the client is ready to be checked.
            let _: Value = v.jws.json_payload()?;
            c.service.respond_challenge(account, id).await?
        };
        let mut extra = HeaderMap::new();
        if let Ok(up) = HeaderValue::from_str(&format!(
            "<{}>;rel=\"up\"",
            c.url(&format!("authz/{}", view.authz_id))
        )) {
            extra.insert(header::LINK, up);
        }
        Ok(
            c.json(StatusCode::OK, extra, resources::challenge(&c, &view))
                .await,
        )
    };
    answer(&c, r.await).await
}

async fn certificate(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    Path(id): Path<i32>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c
            .verify(&format!("cert/{id}"), from, &headers, &body, false)
            .await?;
        v.as_get()?;
        let pem = c.service.certificate(v.account()?, id).await?;
        let mut h = c.headers().await;
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pem-certificate-chain"),
        );
        Ok((StatusCode::OK, h, pem).into_response())
    };
    answer(&c, r.await).await
}

#[derive(serde::Deserialize)]
struct RevokeRequest {
    certificate: String,
    #[serde(default)]
    reason: Option<u8>,
}

async fn revoke_cert(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c.verify("revoke-cert", from, &headers, &body, true).await?;
        let request: RevokeRequest = v.jws.json_payload()?;
        let by = match &v.signer {
            Signer::Account(a) => crate::services::acme::Revoker::Account(a),
            Signer::Key(k) => crate::services::acme::Revoker::CertificateKey(k),
        };
        c.service
            .revoke(by, &request.certificate, request.reason)
            .await?;
        Ok((StatusCode::OK, c.headers().await).into_response())
    };
    answer(&c, r.await).await
}

async fn key_change(
    State(c): State<Ctx>,
    ClientAddr(from): ClientAddr,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let r = async {
        let v = c.verify("key-change", from, &headers, &body, false).await?;
        let account = v.account()?;
        let inner: Value = v.jws.json_payload()?;
        c.service
            .change_key(
                account,
                &inner,
                &c.account_url(account.id),
                &c.url("key-change"),
            )
            .await?;
        let account = c.service.account(account.id).await?;
        Ok(c.json(
            StatusCode::OK,
            location(&c.account_url(account.id)),
            resources::account(&c, &account),
        )
        .await)
    };
    answer(&c, r.await).await
}

/// RFC 9773: the suggested renewal window of a certificate, unauthenticated (GET); an unknown
/// certID is a 404 problem.
async fn renewal_info(State(c): State<Ctx>, Path(cert_id): Path<String>) -> Response {
    match c.service.renewal_info(&cert_id).await {
        Ok(w) => {
            let mut headers = HeaderMap::new();
            headers.insert(
                header::RETRY_AFTER,
                HeaderValue::from(crate::services::acme::RETRY_AFTER_SECS),
            );
            let body = json!({
                "suggestedWindow": {
                    "start": w.start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    "end": w.end.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                },
            });
            (StatusCode::OK, headers, axum::Json(body)).into_response()
        }
        Err(e) => answer(&c, Err(e)).await,
    }
}
