//! The public page where a download delegate (ORD-10) gets the certificate with the order
//! number and the PIN from their e-mail. The form posts to `/download/certificate`, which
//! answers the file or comes back here with a code.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::auth_card::AuthCard;

fn error_text(code: &str) -> &'static str {
    match code {
        "malformed" => "Enter the order number and the 8-digit PIN from the e-mail.",
        "locked" => {
            "Too many wrong PINs for this order: its downloads are locked for 15 minutes. Try again later."
        }
        "too_many" => "Too many download attempts from your address. Try again in 15 minutes.",
        "expired" => {
            "This PIN has expired: a PIN works for 30 days after it was sent, and not after the certificate has expired. Ask the person who ordered the certificate to send you the file."
        }
        "not_issued" => "The certificate of this order is not issued yet. Try again when it is.",
        "failed" => "The download failed on our side. Try again in a few minutes.",
        _ => "The order number or the PIN is wrong.",
    }
}

#[component]
pub fn DelegateDownloadPage() -> impl IntoView {
    let query = use_query_map();
    let error = move || query.with(|q| q.get("error")).map(|c| error_text(&c));
    view! {
        <AuthCard title="Download a delegated certificate">
            {move || error().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
            <p>"You were named to download a certificate. Enter the order number and the PIN from the e-mail."</p>
            <form method="post" action="/download/certificate">
                <div class="field">
                    <label for="delegate-order">"Order number"</label>
                    <input id="delegate-order" name="order_id" inputmode="numeric" autocomplete="off" required />
                </div>
                <div class="field">
                    <label for="delegate-pin">"PIN"</label>
                    <input id="delegate-pin" name="pin" inputmode="numeric" autocomplete="one-time-code" required />
                </div>
                <div class="field">
                    <label for="delegate-format">"Format"</label>
                    <select id="delegate-format" name="format">
                        <option value="pem">"PEM with the chain"</option>
                        <option value="der">"DER (certificate only)"</option>
                        <option value="p7b">"PKCS#7 chain"</option>
                    </select>
                </div>
                <button type="submit" class="button">"Download"</button>
            </form>
        </AuthCard>
    }
}
