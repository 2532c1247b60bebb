use leptos::prelude::*;

use crate::{error::AppError, model::revocations::MassRevokeForm};

/// The search page, where a refused post comes back filled in.
pub const REVOCATIONS_PAGE: &str = "/operator/revocations";

/// Revokes the ticked certificates, or every valid one the search finds, with one reason;
/// the browser goes on to the batch's page. A retried post goes to the first one's batch.
/// Operator users only.
#[server(endpoint = "operator/revocations/revoke")]
pub async fn mass_revoke(#[server(flatten)] form: MassRevokeForm) -> Result<(), AppError> {
    // Without script a refused post comes back to the search, which shows these again.
    let ticked = form.certificates.join(",");
    let kept = [
        ("scope", form.scope.clone()),
        ("reason", form.reason.clone()),
        ("comment", form.comment.clone()),
        ("confirm", form.confirm.clone()),
        ("certificates", ticked),
    ];
    let result = crate::api::call(|backend, meta| async move {
        let id = backend.revocations.revoke(&meta, form).await?;
        leptos_axum::redirect(&format!("{REVOCATIONS_PAGE}/{id}"));
        Ok(())
    })
    .await;
    let pairs: Vec<(&str, &str)> = kept.iter().map(|(n, v)| (*n, v.as_str())).collect();
    crate::api::refill::keep_if_refused(result, REVOCATIONS_PAGE, &pairs)
}

#[cfg(test)]
mod tests {
    use super::MassRevoke;

    #[test]
    fn the_form_reads_its_ticks_and_the_search_beside_it() {
        let posted: MassRevoke = serde_qs::Config::new(5, false)
            .deserialize_str(
                "form_token=t&scope=all&certificates%5B0%5D=4&certificates[2]=9&reason=superseded\
                 &comment=DCV+bug&confirm=2&search%5Bname%5D=example.com&search[name_match]=suffix\
                 &search[state]=valid",
            )
            .unwrap();
        let form = posted.form;
        assert_eq!(form.certificates, ["4", "9"]);
        assert_eq!((form.scope.as_str(), form.confirm.as_str()), ("all", "2"));
        assert_eq!(form.search.name, "example.com");
        assert_eq!(form.search.name_match, "suffix");
        assert_eq!(form.search.page, None);
        let round = serde_qs::to_string(&MassRevoke { form: form.clone() }).unwrap();
        let again: MassRevoke = serde_qs::Config::new(5, false)
            .deserialize_str(&round)
            .unwrap();
        assert_eq!(again.form, form);
    }
}
