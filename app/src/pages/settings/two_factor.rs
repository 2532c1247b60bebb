use leptos::prelude::*;

use crate::{
    api::access::{SetTwoFactor, two_factor_setting},
    components::{
        form_card::{FormCard, SubmitForm},
        loaded::NoticePage,
        portal::Portal,
    },
    model::Permission,
};

#[component]
pub fn TwoFactorSettingPage() -> impl IntoView {
    view! { <Portal title="Two-factor sign-in" needs=Permission::ManageSettings refusal="Your role does not allow you to change security settings." page=|_| view! { <Setting /> } /> }
}

#[component]
fn Setting() -> impl IntoView {
    let action = ServerAction::<SetTwoFactor>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <NoticePage flag="saved" notice="The setting was saved." load=two_factor_setting let:on>
            <FormCard heading_id="totp-heading" heading="Authenticator app (T-OTP)">
                <p>"When enforced, every user of the account sets up an authenticator app at their next sign-in and enters a code from it at every sign-in."</p>
                <SubmitForm action=action alert=error submit="Save">
                    <div class="field field-check">
                        <input type="checkbox" id="field-enforce" name="enforce" value="yes" checked=on />
                        <label for="field-enforce">"Enforce 2FA via T-OTP"</label>
                    </div>
                </SubmitForm>
            </FormCard>
        </NoticePage>
    }
    .into_any()
}
