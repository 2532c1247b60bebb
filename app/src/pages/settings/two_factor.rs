use leptos::prelude::*;

use crate::{
    api::access::{SetTwoFactor, two_factor_setting},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_flag,
    },
    model::Permission,
};

#[component]
pub fn TwoFactorSettingPage() -> impl IntoView {
    view! { <Portal title="Two-factor sign-in" needs=Permission::ManageSettings refusal="Your role does not allow you to change security settings." page=|_| view! { <Setting /> } /> }
}

#[component]
fn Setting() -> impl IntoView {
    let saved = query_flag("saved");
    let action = ServerAction::<SetTwoFactor>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let enforced = Resource::new_blocking(saved, |_| two_factor_setting());
    view! {
        {move || saved().then(|| view! { <Notice>"The setting was saved."</Notice> })}
        <Loaded resource=enforced let:on>
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
        </Loaded>
    }
    .into_any()
}
