use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::access::{SetTwoFactor, two_factor_setting},
    components::{
        form_alert::{FormAlert, Notice},
        portal::Portal,
    },
    model::{Permission, SessionView},
};

#[component]
pub fn TwoFactorSettingPage() -> impl IntoView {
    view! { <Portal title="Two-factor sign-in" page=|s: SessionView| view! { <Setting session=s /> } /> }
}

#[component]
fn Setting(session: SessionView) -> impl IntoView {
    if !session.can(Permission::ManageSettings) {
        return view! {
            <div class="alert alert-error" role="alert">"Your role does not allow you to change security settings."</div>
        }
        .into_any();
    }
    let params = use_query_map();
    let saved = move || params.with(|p| p.get("saved").is_some());
    let action = ServerAction::<SetTwoFactor>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let enforced = Resource::new_blocking(saved, |_| two_factor_setting());
    view! {
        {move || saved().then(|| view! { <Notice>"The setting was saved."</Notice> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match enforced.await {
                    Ok(on) => view! {
                        <section class="card form-card" aria-labelledby="totp-heading">
                            <h2 id="totp-heading">"Authenticator app (T-OTP)"</h2>
                            <p>"When enforced, every user of the account sets up an authenticator app at their next sign-in and enters a code from it at every sign-in."</p>
                            <ActionForm action=action>
                                <FormAlert error=error />
                                <div class="field field-check">
                                    <input type="checkbox" id="field-enforce" name="enforce" value="yes" checked=on />
                                    <label for="field-enforce">"Enforce 2FA via T-OTP"</label>
                                </div>
                                <div class="form-actions">
                                    <button type="submit" class="button button-primary">"Save"</button>
                                </div>
                            </ActionForm>
                        </section>
                    }
                    .into_any(),
                    Err(e) => view! { <div class="alert alert-error" role="alert">{e.to_string()}</div> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
