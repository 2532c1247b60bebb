//! `POST /api/v1/orders`: places an order exactly as the portal's wizard does (price, group
//! balance, approval, validation), from a CSR or for a CSR sent later.

use app::i18n::Msg;
use app::model::{
    orders::{Contact, KeySource, PlaceOrder},
    template::Field,
};
use axum::{
    Json,
    body::Bytes,
    extract::State,
    http::{HeaderName, StatusCode, header},
};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    Ctx,
    auth::Authed,
    dto::OrderDto,
    extract::json_body,
    problem::{Kind, Problem, ProblemDocument},
};

/// A contact for the order's notices.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactDto {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrder {
    /// One of `GET /api/v1/products`.
    pub product_id: i32,
    /// One of the product's choices; by default the longest it offers today.
    pub validity_days: Option<i64>,
    /// A PEM certificate signing request. Without one the order waits for it
    /// (`POST /api/v1/orders/{id}/csr`).
    pub csr: Option<String>,
    /// The names to certify, the main one first; by default the CSR's DNS names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Also certify `www.` of the main name.
    #[serde(default)]
    pub add_www: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub remarks: String,
    #[serde(default)]
    pub auto_renew: bool,
    /// The group that pays; the account's default group when absent.
    pub group_id: Option<i32>,
    /// By default the key's user.
    pub requester: Option<ContactDto>,
    pub technical_contact: Option<ContactDto>,
    /// More addresses that get the order's notices.
    #[serde(default)]
    pub additional_emails: Vec<String>,
    /// Save unpaid, On Hold, instead of paying now.
    #[serde(default)]
    pub draft: bool,
    /// A private product's dynamic fields, by attribute: `CN`, `O`, `OU`, `L`, `ST`, `C`,
    /// `email` (DNS names and IP addresses come from `names`).
    #[serde(default)]
    pub subject: std::collections::BTreeMap<String, String>,
    /// An OV product's organization, one of `GET /api/v1/organizations` verified at the
    /// product's level: the certificate's subject is read from its vetted record.
    pub organization_id: Option<i32>,
    /// An EV product's contract signer, who accepts the subscriber agreement through a
    /// mailed link once the order is paid.
    pub contract_signer: Option<ContactDto>,
    /// An EV product's certificate approver, who approves the request through a mailed link.
    pub certificate_approver: Option<ContactDto>,
}

fn contact(c: ContactDto) -> Contact {
    Contact {
        name: c.name,
        email: c.email,
    }
}

/// The key of each subject attribute in `CreateOrder.subject`.
fn attribute_key(field: Field) -> Option<&'static str> {
    match field {
        Field::CommonName => Some("CN"),
        Field::Organization => Some("O"),
        Field::OrganizationalUnit => Some("OU"),
        Field::Locality => Some("L"),
        Field::State => Some("ST"),
        Field::Country => Some("C"),
        Field::Email => Some("email"),
        Field::Dns | Field::Ip => None,
    }
}

/// `subject` in the order the order form keeps dynamic fields in (`Field::ALL`); an unknown
/// key is refused rather than dropped.
fn attributes(
    subject: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<String>, Problem> {
    if let Some(unknown) = subject.keys().find(|k| {
        !Field::ALL
            .into_iter()
            .any(|f| attribute_key(f) == Some(k.as_str()))
    }) {
        return Err(Problem::invalid(app::model::FieldErrors::single(
            "subject",
            Msg::new("err-unknown-not-subject-attribute-use").arg("unknown", unknown),
        )));
    }
    if subject.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Field::ALL
        .into_iter()
        .map(|f| {
            attribute_key(f)
                .and_then(|k| subject.get(k))
                .cloned()
                .unwrap_or_default()
        })
        .collect())
}

#[utoipa::path(
    post,
    path = "/api/v1/orders",
    tag = "orders",
    security(("access_key" = [])),
    request_body = CreateOrder,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key and body get the first answer again.")),
    responses(
        (status = 201, description = "Placed; `Location` names the order.", body = OrderDto),
        (status = 400, description = "The body is not valid JSON of this shape.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 401, description = "No valid key.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 403, description = "The user may not request certificates.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "Refused by a rule, e.g. the balance is too low.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "Some fields are not valid, or the idempotency key was used for another request.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn create_order(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    body: Bytes,
) -> Result<(StatusCode, [(HeaderName, String); 1], Json<OrderDto>), Problem> {
    let order = place(&rest, &p.caller, &body).await?;
    let location = format!("/api/v1/orders/{}", order.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(order),
    ))
}

async fn place(
    rest: &Ctx,
    caller: &crate::services::identity::Caller,
    body: &[u8],
) -> Result<OrderDto, Problem> {
    let req: CreateOrder = json_body(body)?;
    let wizard = rest.orders.wizard(caller, None).await?;
    let offer = wizard
        .offers
        .iter()
        .find(|o| o.id == req.product_id)
        .ok_or_else(|| {
            Problem::invalid(app::model::FieldErrors::single(
                "product_id",
                Msg::new("err-choose-one-products-get-api"),
            ))
        })?;
    let defaults = OrderDefaults {
        validity_days: offer
            .validity_days
            .iter()
            .copied()
            .max()
            .unwrap_or_default(),
        requester_name: wizard.requester_name.clone(),
        requester_email: wizard.requester_email.clone(),
    };
    let form = place_order(req, defaults)?;
    let placed = rest
        .orders
        .place_from(caller, &form, app::model::orders::OrderSource::Api)
        .await?;
    Ok(rest.orders.order_view(caller, placed.id).await?.into())
}

/// What an order body leaves out and the caller's product and user supply.
pub(super) struct OrderDefaults {
    /// The longest validity the product offers today.
    pub validity_days: i64,
    pub requester_name: String,
    pub requester_email: String,
}

/// The body as the command every edge places orders with, the names taken from the CSR when
/// none are given.
pub(super) fn place_order(
    req: CreateOrder,
    defaults: OrderDefaults,
) -> Result<PlaceOrder, Problem> {
    let validity_days = req.validity_days.unwrap_or(defaults.validity_days);
    let csr = req.csr.unwrap_or_default();
    let mut names = req.names;
    if names.is_empty() && !csr.trim().is_empty() {
        names = crate::ca::inspect_csr(csr.as_bytes())
            .map_err(|e| {
                Problem::invalid(app::model::FieldErrors::single(
                    "csr",
                    Msg::new("err-csr-cannot-read").arg("detail", e.detail),
                ))
            })?
            .dns_names;
    }
    if names.is_empty() {
        return Err(Problem::new(
            Kind::Invalid,
            "Give the names to certify, or a CSR that carries them.",
        ));
    }
    let requester = req.requester.unwrap_or(ContactDto {
        name: defaults.requester_name,
        email: defaults.requester_email,
    });
    let tech = req.technical_contact.unwrap_or(ContactDto {
        name: String::new(),
        email: String::new(),
    });
    Ok(PlaceOrder {
        product_id: req.product_id,
        validity_days,
        names,
        add_www: req.add_www,
        key_source: Some(if csr.trim().is_empty() {
            KeySource::Later
        } else {
            KeySource::Paste
        }),
        csr_pem: csr,
        requester: Contact {
            name: requester.name,
            email: requester.email,
        },
        requester_phone: String::new(),
        technical: Contact {
            name: tech.name,
            email: tech.email,
        },
        extra_emails: req.additional_emails,
        tags: req.tags,
        remarks: req.remarks,
        auto_renew: req.auto_renew,
        delegate: Contact::default(),
        group_id: req.group_id,
        draft: req.draft,
        attributes: attributes(&req.subject)?,
        organization_id: req.organization_id.map(app::model::OrganizationId),
        signatories: app::model::ev::Signatories {
            contract_signer: req.contract_signer.map(contact).unwrap_or_default(),
            approver: req.certificate_approver.map(contact).unwrap_or_default(),
        },
    })
}
