use leptos::prelude::*;

use crate::i18n::t;
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
    view! { <Portal title="page-two-factor" needs=Permission::ManageSettings refusal="refusal-security-settings" page=|_| view! { <Setting /> } /> }
}

#[component]
fn Setting() -> impl IntoView {
    let action = ServerAction::<SetTwoFactor>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <NoticePage flag="saved" notice=t("two-factor-setting-saved") load=two_factor_setting let:on>
            <FormCard heading_id="totp-heading" heading=t("two-factor-setting-heading")>
                <p>{t("two-factor-setting-explain")}</p>
                <SubmitForm action=action alert=error submit=t("renewals-save")>
                    <div class="field field-check">
                        <input type="checkbox" id="field-enforce" name="enforce" value="yes" checked=on />
                        <label for="field-enforce">{t("two-factor-setting-enforce")}</label>
                    </div>
                </SubmitForm>
            </FormCard>
        </NoticePage>
    }
    .into_any()
}
