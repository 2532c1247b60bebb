//! The REST API at `/api/v1` (INT-1): access keys act as their user, through the same
//! services as the portal, so an order placed here is an order like any other. The OpenAPI
//! document is generated from these handlers and types, so it cannot drift from them.

mod auth;
mod certificate;
mod docs;
mod domains;
mod dto;
mod extract;
mod fuzz_entry;
mod idempotency;
#[cfg(test)]
mod idempotency_tests;
mod order_actions;
mod order_create;
mod order_list;
mod order_view;
mod organizations;
mod problem;
mod products;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use axum::{Json, Router, extract::State, routing::get};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};
use utoipa_axum::{
    router::{OpenApiRouter, UtoipaMethodRouter},
    routes,
};

use crate::{
    ports::Clock,
    services::{
        api_keys::ApiKeyService, orders::OrderService, organizations::OrganizationService,
        validation::ValidationService,
    },
    store::Store,
};

pub struct Rest {
    pub keys: Arc<ApiKeyService>,
    pub orders: Arc<OrderService>,
    pub validation: Arc<ValidationService>,
    pub organizations: Arc<OrganizationService>,
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    /// The portal's address, for the reference page's examples.
    pub public_url: String,
}

pub use fuzz_entry::decode_bodies;

type Ctx = Arc<Rest>;

struct AccessKey;

impl Modify for AccessKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "access_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("rlk_<key id>_<secret>")
                    .description(Some(
                        "An access key from the portal's REST APIs page, as \
                         `Authorization: Bearer <key>`.",
                    ))
                    .build(),
            ),
        );
    }
}

/// Answers every operation can give, documented once: a malformed request, no valid key, a
/// key whose user may not act or whose address is refused, and (with an id in the path) an
/// object that is not in the key's account.
struct CommonProblems;

impl Modify for CommonProblems {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/problem+json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ProblemDocument")))
                        .build(),
                )
                .build()
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let has_id = path.contains('{');
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ]
            .into_iter()
            .flatten()
            {
                let r = &mut op.responses.responses;
                r.entry("400".into()).or_insert_with(|| {
                    problem("The request could not be read (path, query or body).").into()
                });
                r.entry("401".into())
                    .or_insert_with(|| problem("No valid, unrevoked access key.").into());
                r.entry("403".into()).or_insert_with(|| {
                    problem(
                        "The key's user lacks the permission, or the account's IP restrictions \
                         refuse the address.",
                    )
                    .into()
                });
                if has_id {
                    r.entry("404".into())
                        .or_insert_with(|| problem("No such object in the key's account.").into());
                }
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rootline REST API",
        version = "1",
        description = "Orders and certificates of one account, acting as the user an access \
                       key was made for. Errors are RFC 9457 problem documents whose `type` \
                       is stable."
    ),
    modifiers(&AccessKey),
    tags(
        (name = "products", description = "What may be ordered."),
        (name = "orders", description = "Placing orders and moving them to issuance."),
        (name = "certificates", description = "Downloading, revoking, reissuing, renewing."),
        (name = "domains", description = "The account's domains and their validation."),
        (name = "organizations", description = "The account's organizations and their vetting for OV and EV."),
    )
)]
struct ApiDoc;

/// Puts the idempotency layer on a route that creates or charges (it acts on POST only).
fn idempotent(route: UtoipaMethodRouter<Ctx>) -> UtoipaMethodRouter<Ctx> {
    let (schemas, paths, method_router) = route;
    (
        schemas,
        paths,
        method_router.layer(axum::middleware::from_fn(idempotency::layer)),
    )
}

/// The routes and the document describing them, built together.
fn documented() -> (Router<Ctx>, utoipa::openapi::OpenApi) {
    let (routes, api) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(products::list_products))
        .routes(idempotent(routes!(
            order_list::list_orders,
            order_create::create_order
        )))
        .routes(routes!(order_view::view_order))
        .routes(routes!(order_actions::submit_csr))
        .routes(routes!(order_actions::verify_domain))
        .routes(routes!(order_actions::cancel_order))
        .routes(idempotent(routes!(order_actions::revoke)))
        .routes(idempotent(routes!(order_actions::reissue)))
        .routes(idempotent(routes!(order_actions::change_names)))
        .routes(idempotent(routes!(order_actions::renew)))
        .routes(routes!(certificate::download))
        .routes(routes!(domains::list_domains))
        .routes(routes!(organizations::list_organizations))
        .routes(routes!(organizations::view_organization))
        .split_for_parts();
    let mut api = api;
    CommonProblems.modify(&mut api);
    (routes, api)
}

/// The OpenAPI document as served at `/api/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    documented().1
}

pub fn router(rest: Arc<Rest>) -> Router {
    let (routes, api) = documented();
    let api = Arc::new(api);
    let json = api.clone();
    routes
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let api = json.clone();
                async move { Json(api.as_ref().clone()) }
            }),
        )
        .route(
            "/api/v1/docs",
            get(move |State(rest): State<Ctx>| {
                let api = api.clone();
                async move { docs::page(&api, &rest.public_url) }
            }),
        )
        .with_state(rest.clone())
        // The idempotency layer runs inside a route, where the router's state is not at hand.
        .layer(axum::Extension(rest))
}
