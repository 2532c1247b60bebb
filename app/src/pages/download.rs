//! The public page where a download delegate (ORD-10) gets the certificate with the order
//! number and the PIN from their e-mail. The form posts to `/download/certificate`, which
//! answers the file or comes back here with a code.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{components::auth_card::AuthCard, i18n::t};

/// What the page says about the `error` code that `/download/certificate` came back with.
fn error_text(code: &str) -> String {
    match code {
        "malformed" => t("download-error-malformed"),
        "locked" => t("download-error-locked"),
        "too_many" => t("download-error-too-many"),
        "expired" => t("download-error-expired"),
        "not_issued" => t("download-error-not-issued"),
        "failed" => t("download-error-failed"),
        _ => t("download-error-wrong"),
    }
}

#[component]
pub fn DelegateDownloadPage() -> impl IntoView {
    let query = use_query_map();
    let error = move || query.with(|q| q.get("error")).map(|c| error_text(&c));
    view! {
        <AuthCard title="page-delegated-download">
            {move || error().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
            <p>{t("download-lead")}</p>
            <form method="post" action="/download/certificate">
                <div class="field">
                    <label for="delegate-order">{t("download-order-number")}</label>
                    <input id="delegate-order" name="order_id" inputmode="numeric" autocomplete="off" required />
                </div>
                <div class="field">
                    <label for="delegate-pin">{t("download-pin")}</label>
                    <input id="delegate-pin" name="pin" inputmode="numeric" autocomplete="one-time-code" required />
                </div>
                <div class="field">
                    <label for="delegate-format">{t("download-format")}</label>
                    <select id="delegate-format" name="format">
                        <option value="pem">{t("download-format-pem")}</option>
                        <option value="der">{t("download-format-der")}</option>
                        <option value="p7b">{t("download-format-p7b")}</option>
                    </select>
                </div>
                <button type="submit" class="button">{t("download-button")}</button>
            </form>
        </AuthCard>
    }
}
