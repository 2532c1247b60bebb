use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::model::OrganizationId;
use crate::{error::AppError, model::organization_form::OrganizationForm};

/// The form's fields and values, for the page a refused plain post goes back to.
#[cfg(feature = "ssr")]
fn typed(form: &OrganizationForm) -> Vec<(&'static str, String)> {
    let f = form.clone();
    vec![
        ("legal_name", f.legal_name),
        ("trade_name", f.trade_name),
        ("org_type", f.org_type),
        ("registration_number", f.registration_number),
        ("registration_agency", f.registration_agency),
        ("jurisdiction_country", f.jurisdiction_country),
        ("jurisdiction_state", f.jurisdiction_state),
        ("jurisdiction_locality", f.jurisdiction_locality),
        ("street", f.street),
        ("city", f.city),
        ("state", f.state),
        ("postal_code", f.postal_code),
        ("country", f.country),
        ("phone", f.phone),
        ("rep_name", f.rep_name),
        ("rep_email", f.rep_email),
        ("rep_phone", f.rep_phone),
        ("rep_designation", f.rep_designation),
    ]
}

/// Refused, the typed values wait for `page` (a plain post goes back there).
#[cfg(feature = "ssr")]
fn keep_typed<T>(
    result: Result<T, AppError>,
    page: &str,
    form: &OrganizationForm,
) -> Result<T, AppError> {
    let values = typed(form);
    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    crate::api::refill::keep_if_refused(result, page, &pairs)
}

/// Adds an organization as a draft; the browser goes on to its page. Needs
/// `ManageOrganizations`. The form's fields arrive under their own names.
#[server(endpoint = "organizations/add")]
pub async fn organization_add(#[server(flatten)] form: OrganizationForm) -> Result<(), AppError> {
    use crate::model::organizations::{ORGANIZATIONS_NEW_PATH, organization_page};
    let kept = form.clone();
    let result = crate::api::call(|backend, meta| async move {
        let id = backend.organizations.add(&meta, form).await?;
        leptos_axum::redirect(&format!("{}?added=1", organization_page(id)));
        Ok(())
    })
    .await;
    keep_typed(result, ORGANIZATIONS_NEW_PATH, &kept)
}

/// Changes an organization's record (a verified one goes back to vetting as a modification
/// request). Needs `ManageOrganizations`.
#[server(endpoint = "organizations/update")]
pub async fn organization_update(
    id: i32,
    #[server(flatten)] form: OrganizationForm,
) -> Result<(), AppError> {
    use crate::model::organizations::{organization_edit_page, organization_page};
    let id = OrganizationId(id);
    let kept = form.clone();
    let result = crate::api::call(|backend, meta| async move {
        let modification = backend.organizations.update(&meta, id, form).await?;
        let what = if modification {
            "modification=1"
        } else {
            "saved=1"
        };
        leptos_axum::redirect(&format!("{}?{what}", organization_page(id)));
        Ok(())
    })
    .await;
    keep_typed(result, &organization_edit_page(id), &kept)
}
