//! `GET /api/v1/organizations` and `GET /api/v1/organizations/{id}`: the account's
//! organizations and where their vetting stands, for the clients that order OV and EV.

use app::i18n::Lang;
use app::model::{
    OrganizationId,
    organizations::{OrganizationDetail, OrganizationSummary, OrganizationsQuery},
};
use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{
    Ctx,
    auth::Authed,
    extract::{ApiPath, ApiQuery},
    problem::{Problem, ProblemDocument},
};
use crate::services::organizations::OrganizationError;

impl From<OrganizationError> for Problem {
    fn from(e: OrganizationError) -> Self {
        use super::problem::Kind;
        match e {
            OrganizationError::NotFound => Self::not_found(),
            OrganizationError::Forbidden(p) => Self::new(
                Kind::Forbidden,
                format!(
                    "The key's user lacks the \u{201c}{}\u{201d} permission.",
                    p.label()
                ),
            ),
            OrganizationError::Invalid(errors) => Self::invalid(errors),
            OrganizationError::Refused(reason) => Self::new(Kind::Conflict, reason.to_string()),
            other @ (OrganizationError::Store(_) | OrganizationError::Export(_)) => {
                Self::internal(&other)
            }
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationSearch {
    /// Part of the legal name, trade name or registration number.
    pub search: Option<String>,
    /// `draft`, `submitted`, `in_validation`, `verified_ov`, `verified_ev`, `rejected`,
    /// `suspended`, or `expired` (verified once, the vetting aged out).
    pub status: Option<String>,
    /// 1-based; 20 organizations a page.
    #[param(minimum = 1)]
    pub page: Option<u64>,
}

/// An organization in the list.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationDto {
    pub id: i32,
    pub legal_name: String,
    pub trade_name: Option<String>,
    /// The EV Guidelines' business category: `private_organization`, `government_entity`,
    /// `business_entity` or `non_commercial_entity`.
    pub organization_type: String,
    /// ISO 3166-1 alpha-2.
    pub jurisdiction_country: String,
    /// As the `status` filter spells it; `expired` when a vetting aged out.
    pub status: String,
    /// The last day (`YYYY-MM-DD`, UTC) the vetting may back a certificate.
    pub verified_until: Option<String>,
}

impl From<OrganizationSummary> for OrganizationDto {
    fn from(o: OrganizationSummary) -> Self {
        Self {
            id: o.id.get(),
            status: if o.expired {
                "expired".to_owned()
            } else {
                o.status.as_str().to_owned()
            },
            legal_name: o.legal_name,
            trade_name: o.trade_name,
            organization_type: o.org_type.as_str().to_owned(),
            jurisdiction_country: o.jurisdiction_country,
            verified_until: o.verified_until.map(|d| d.text(Lang::En)),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationListDto {
    pub organizations: Vec<OrganizationDto>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
}

/// A person recorded with the organization.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContactDto {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub designation: String,
}

/// One organization with its registration, address and representatives.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationDetailDto {
    #[serde(flatten)]
    pub summary: OrganizationDto,
    pub registration_number: Option<String>,
    pub registration_agency: Option<String>,
    pub jurisdiction_state: Option<String>,
    pub jurisdiction_locality: Option<String>,
    pub street: String,
    pub city: String,
    pub state: Option<String>,
    pub postal_code: Option<String>,
    pub country: String,
    pub phone: String,
    pub rejection_reason: Option<String>,
    pub representative: ContactDto,
    pub alternates: Vec<ContactDto>,
    /// Names of the registration documents on file (their contents are the portal's).
    pub documents: Vec<String>,
}

fn some(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

impl From<OrganizationDetail> for OrganizationDetailDto {
    fn from(d: OrganizationDetail) -> Self {
        let contact = |c: app::model::organizations::ContactView| ContactDto {
            name: c.name,
            email: c.email,
            phone: c.phone,
            designation: c.designation,
        };
        let f = d.form;
        Self {
            summary: OrganizationDto {
                id: d.id.get(),
                legal_name: f.legal_name,
                trade_name: some(f.trade_name),
                organization_type: d.org_type.as_str().to_owned(),
                jurisdiction_country: f.jurisdiction_country,
                status: if d.expired {
                    "expired".to_owned()
                } else {
                    d.status.as_str().to_owned()
                },
                verified_until: d.verified_until.map(|day| day.text(Lang::En)),
            },
            registration_number: some(f.registration_number),
            registration_agency: some(f.registration_agency),
            jurisdiction_state: some(f.jurisdiction_state),
            jurisdiction_locality: some(f.jurisdiction_locality),
            street: f.street,
            city: f.city,
            state: some(f.state),
            postal_code: some(f.postal_code),
            country: f.country,
            phone: f.phone,
            rejection_reason: d.rejection_reason,
            representative: contact(d.representative),
            alternates: d.alternates.into_iter().map(contact).collect(),
            documents: d.documents.into_iter().map(|doc| doc.file_name).collect(),
        }
    }
}

#[utoipa::path(
    get,
    path = "/api/v1/organizations",
    tag = "organizations",
    security(("access_key" = [])),
    params(OrganizationSearch),
    responses(
        (status = 200, description = "A page of the account's organizations, most recently changed first.", body = OrganizationListDto),
        (status = 422, description = "A search field is not valid.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn list_organizations(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiQuery(q): ApiQuery<OrganizationSearch>,
) -> Result<Json<OrganizationListDto>, Problem> {
    let query = OrganizationsQuery {
        search: q.search.unwrap_or_default(),
        status: q.status.unwrap_or_default(),
        page: q.page,
    };
    let page = rest
        .organizations
        .organizations_page(&p.caller, &query)
        .await?;
    Ok(Json(OrganizationListDto {
        pages: page.pages(),
        page: page.page,
        total: page.total,
        organizations: page
            .organizations
            .into_iter()
            .map(OrganizationDto::from)
            .collect(),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/organizations/{id}",
    tag = "organizations",
    security(("access_key" = [])),
    params(("id" = i32, Path, description = "The organization's id.")),
    responses(
        (status = 200, description = "The organization.", body = OrganizationDetailDto),
    )
)]
pub async fn view_organization(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
) -> Result<Json<OrganizationDetailDto>, Problem> {
    let detail = rest
        .organizations
        .organization_detail(&p.caller, OrganizationId(id))
        .await?;
    Ok(Json(detail.into()))
}
