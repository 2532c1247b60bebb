use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::profile::{
        AuthenticatorAppConfirm, AuthenticatorAppRemove, AuthenticatorAppStart, RecoveryCodesRenew,
        authenticator_app,
    },
    components::{
        field::Field,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
    },
    error::AppError,
    model::two_factor::AuthenticatorAppView,
};

/// The profile's authenticator app (ID-3, ID-12): set one up, new recovery codes, remove it.
#[component]
pub fn AuthenticatorApp() -> impl IntoView {
    let params = use_query_map();
    let removed = move || params.with(|p| p.get("app").is_some_and(|v| v == "removed"));
    let confirm = ServerAction::<AuthenticatorAppConfirm>::new();
    // Reloaded when the app is confirmed, not on a wrong code (which would lose the secret).
    let confirmed = Memo::new(move |_| matches!(confirm.value().get(), Some(Ok(_))));
    let status = Resource::new_blocking(
        move || (removed(), confirmed.get()),
        |_| authenticator_app(),
    );
    view! {
        <section class="card form-card" aria-labelledby="app-heading">
            <h2 id="app-heading">"Authenticator app"</h2>
            <p class="lead">"A six-digit code from an app on your phone, asked for after your password."</p>
            {move || removed().then(|| view! { <Notice>"The authenticator app was removed."</Notice> })}
            <Loaded resource=status let:data>
                {match data {
                    s if s.enrolled => view! { <Enrolled status=s /> }.into_any(),
                    _ => view! { <SetUp confirm /> }.into_any(),
                }}
            </Loaded>
            <RecoveryCodes codes=Signal::derive(move || confirm.value().get().and_then(Result::ok)) />
        </section>
    }
}

/// The recovery codes just made, shown once.
#[component]
fn RecoveryCodes(codes: Signal<Option<Vec<String>>>) -> impl IntoView {
    move || {
        codes.get().map(|codes| {
            view! {
                <div class="alert alert-info" role="status">"Keep these recovery codes somewhere safe. Each works once, if you lose your phone. They are not shown again."</div>
                <ul class="recovery-codes" aria-label="Recovery codes">
                    {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                </ul>
            }
        })
    }
}

#[component]
fn SetUp(confirm: ServerAction<AuthenticatorAppConfirm>) -> impl IntoView {
    let start = ServerAction::<AuthenticatorAppStart>::new();
    let start_error = Signal::derive(move || start.value().get().and_then(Result::err));
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    view! {
        <p>"Not set up."</p>
        <FormAlert error=start_error />
        {move || match start.value().get().and_then(Result::ok) {
            None => view! {
                <ActionForm action=start>
                    <button type="submit" class="button">"Set up an authenticator app"</button>
                </ActionForm>
            }
            .into_any(),
            Some(e) => view! {
                <p>"Scan the QR code with the app, or type the key, then enter the code it shows."</p>
                <div class="qr" inner_html=e.qr_svg role="img" aria-label="QR code with the secret"></div>
                <p>"Key: " <code class="secret" aria-label="Secret key">{e.secret}</code></p>
                <ActionForm action=confirm>
                    <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                    <Field label="Code from the app" name="code" id="app-confirm-code" autocomplete="one-time-code" server_error=code_error />
                    <button type="submit" class="button button-primary">"Confirm"</button>
                </ActionForm>
            }
            .into_any(),
        }}
    }
}

#[component]
fn Enrolled(status: AuthenticatorAppView) -> impl IntoView {
    let renew = ServerAction::<RecoveryCodesRenew>::new();
    let renew_error = Signal::derive(move || renew.value().get().and_then(Result::err));
    let remove = ServerAction::<AuthenticatorAppRemove>::new();
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    view! {
        <p>{format!("Set up. {} unused recovery codes.", status.recovery_codes_left)}</p>
        <details>
            <summary>"New recovery codes"</summary>
            <ActionForm action=renew>
                <FormAlert error=Signal::derive(move || renew_error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                <Field label="Current code from the app" name="code" id="app-renew-code" autocomplete="one-time-code"
                    hint="Your old recovery codes stop working."
                    server_error=Signal::derive(move || renew_error.get().and_then(|e| e.field("code"))) />
                <button type="submit" class="button">"Make new recovery codes"</button>
            </ActionForm>
            <RecoveryCodes codes=Signal::derive(move || renew.value().get().and_then(Result::ok)) />
        </details>
        {if status.enforced {
            view! { <p class="muted">"Your account requires an authenticator app, so it cannot be removed."</p> }.into_any()
        } else {
            view! {
                <details>
                    <summary>"Remove the authenticator app"</summary>
                    <ActionForm action=remove>
                        <FormAlert error=Signal::derive(move || remove_error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                        <Field label="Your password" name="password" id="app-remove-password" input_type="password"
                            autocomplete="current-password"
                            server_error=Signal::derive(move || remove_error.get().and_then(|e| e.field("password"))) />
                        <button type="submit" class="button button-danger">"Remove the app"</button>
                    </ActionForm>
                </details>
            }
            .into_any()
        }}
    }
}
