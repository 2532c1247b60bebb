use crate::i18n::t;
use leptos::prelude::*;

use crate::{
    components::field::{Field, FieldRule},
    model::{
        roles::RoleOption,
        users::{GroupAccess, UserForm},
    },
};

/// The fields of the add-user and edit-user forms, pre-filled from `initial`. The e-mail
/// address is asked only when adding: it is the user's sign-in name. `personal`: whether the
/// name, mobile number and designation are the account's to set (not for a user shared with
/// another account).
#[component]
pub fn UserFields(
    initial: UserForm,
    roles: Vec<RoleOption>,
    editing: bool,
    #[prop(default = true)] personal: bool,
    /// The server's message for a field after a submission.
    field_error: Callback<&'static str, Signal<Option<String>>>,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let role_error = field_error.run("role");
    let access_error = field_error.run("group_access");
    let selected_role = initial.role.clone();
    let access = if initial.group_access.is_empty() {
        "all".to_owned()
    } else {
        initial.group_access.clone()
    };
    let name = personal.then(|| {
        view! {
            <Field label=t("field-full-name") name="name" autocomplete="off" value=initial.name.clone()
                server_error=field_error.run("name") validate=FieldRule::PersonName />
        }
    });
    let contact = personal.then(|| {
        view! {
            <Field label=t("field-mobile") name="mobile" input_type="tel" autocomplete="off"
                hint=t("sign-up-mobile-hint") value=initial.mobile.clone()
                server_error=field_error.run("mobile") validate=FieldRule::Mobile />
            <Field label=t("field-designation") name="designation" required=false value=initial.designation.clone()
                server_error=field_error.run("designation") />
        }
    });
    view! {
        {name}
        {(!editing).then(|| view! {
            <Field label=t("field-email") name="email" input_type="email" autocomplete="off"
                hint=t("field-user-email-hint")
                value=initial.email.clone() server_error=field_error.run("email")
                validate=FieldRule::Email />
        })}
        {contact}
        <Field label=t("field-employee-id") name="employee_id" required=false value=initial.employee_id.clone()
            server_error=field_error.run("employee_id") />
        <div class="field" class:field-invalid=move || role_error.get().is_some()>
            <label for="field-role">{t("field-role")}</label>
            <select id="field-role" name="role" required=true aria-describedby="field-role-error">
                <option value="" selected=selected_role.is_empty()>{t("field-choose-role")}</option>
                {roles
                    .into_iter()
                    .map(|r| {
                        let is = r.value == selected_role;
                        view! { <option value=r.value selected=is>{r.label.text(lang)}</option> }
                    })
                    .collect_view()}
            </select>
            <p class="field-error" id="field-role-error" role="alert">{move || role_error.get()}</p>
        </div>
        <fieldset class="choice" class:field-invalid=move || access_error.get().is_some()>
            <legend>{t("field-group-access")}</legend>
            {[GroupAccess::All, GroupAccess::Specific]
                .into_iter()
                .map(|g| {
                    let checked = g.as_str() == access;
                    view! {
                        <label class="choice-option">
                            <input type="radio" name="group_access" value=g.as_str() checked=checked />
                            <span>{t(g.label_key())}</span>
                        </label>
                    }
                })
                .collect_view()}
            <p class="field-error" role="alert">{move || access_error.get()}</p>
        </fieldset>
    }
}
