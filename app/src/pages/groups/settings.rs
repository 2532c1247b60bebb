//! The parts of a group's page that shape its orders and looks: the domains and the
//! organizations it orders for ("All", or "Specific" ones of the account) and its logo.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::access::{
        GroupDomainAdd, GroupDomainRemove, GroupLogoRemove, GroupLogoSet, GroupOrganizationAdd,
        GroupOrganizationRemove,
    },
    browser::read_chosen_file,
    components::form_alert::FormAlert,
    error::AppError,
    model::{OrganizationId, groups::GroupView},
};

/// The form-level part of an action's error; the field's own message is shown beside it.
fn besides(error: Signal<Option<AppError>>, field: &'static str) -> Signal<Option<AppError>> {
    Signal::derive(move || error.get().filter(|e| e.field(field).is_none()))
}

#[component]
pub fn GroupDomains(group: GroupView, addable: Vec<String>) -> impl IntoView {
    let add = ServerAction::<GroupDomainAdd>::new();
    let remove = ServerAction::<GroupDomainRemove>::new();
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let field_error = move || error.get().and_then(|e| e.field("domain"));
    let group_id = group.id;
    let specific = !group.domains.is_empty();
    let has_addable = !addable.is_empty();
    view! {
        <section class="card" aria-labelledby="group-domains-heading">
            <h2 id="group-domains-heading">{t("group-domains")}</h2>
            <FormAlert error=besides(error, "domain") />
            {if specific {
                view! {
                    <p data-testid="group-domain-scope">{t("group-domains-specific")}</p>
                    <ul class="plain-list" aria-label=t("group-domains-list")>
                        {group.domains.into_iter().map(|d| {
                            let label = t_args("group-remove-from", &[("name", d.clone().into())]);
                            view! {
                                <li>
                                    <span class="mono">{d.clone()}</span>" "
                                    <ActionForm action=remove>
                                        <input type="hidden" name="group_id" value=group_id />
                                        <input type="hidden" name="domain" value=d />
                                        <button type="submit" class="button button-quiet" aria-label=label>{t("group-remove")}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! {
                    <p data-testid="group-domain-scope">{t("group-domains-all")}</p>
                }.into_any()
            }}
            {if has_addable {
                view! {
                    <ActionForm action=add>
                        <input type="hidden" name="group_id" value=group_id />
                        <div class="field" class:field-invalid=move || field_error().is_some()>
                            <label for="group-domain">{t("group-domain-of-account")}</label>
                            <select id="group-domain" name="domain" required=true>
                                {addable.into_iter().map(|d| view! { <option value=d.clone()>{d.clone()}</option> }).collect_view()}
                            </select>
                            <p class="field-error" role="alert">{field_error}</p>
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{t("group-domain-limit")}</button>
                        </div>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <p class="field-hint">{t("group-domains-add-first")}</p>
                }.into_any()
            }}
        </section>
    }
}

/// The organizations the group's OV orders may name: all of the account's, or the listed ones.
#[component]
pub fn GroupOrganizations(
    group_id: i32,
    chosen: Vec<(OrganizationId, String)>,
    addable: Vec<(OrganizationId, String)>,
) -> impl IntoView {
    let add = ServerAction::<GroupOrganizationAdd>::new();
    let remove = ServerAction::<GroupOrganizationRemove>::new();
    let error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let field_error = move || error.get().and_then(|e| e.field("organization_id"));
    let specific = !chosen.is_empty();
    let has_addable = !addable.is_empty();
    view! {
        <section class="card" aria-labelledby="group-organizations-heading">
            <h2 id="group-organizations-heading">{t("group-organizations")}</h2>
            <FormAlert error=besides(error, "organization_id") />
            {if specific {
                view! {
                    <p data-testid="group-organization-scope">{t("group-organizations-specific")}</p>
                    <ul class="plain-list" aria-label=t("group-organizations-list")>
                        {chosen.into_iter().map(|(id, name)| {
                            let label = t_args("group-remove-from", &[("name", name.clone().into())]);
                            view! {
                                <li>
                                    <span>{name}</span>" "
                                    <ActionForm action=remove>
                                        <input type="hidden" name="group_id" value=group_id />
                                        <input type="hidden" name="organization_id" value=id.get() />
                                        <button type="submit" class="button button-quiet" aria-label=label>{t("group-remove")}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            } else {
                view! {
                    <p data-testid="group-organization-scope">{t("group-organizations-all")}</p>
                }.into_any()
            }}
            {if has_addable {
                view! {
                    <ActionForm action=add>
                        <input type="hidden" name="group_id" value=group_id />
                        <div class="field" class:field-invalid=move || field_error().is_some()>
                            <label for="group-organization">{t("group-organization-of-account")}</label>
                            <select id="group-organization" name="organization_id" required=true>
                                {addable.into_iter().map(|(id, name)| view! { <option value=id.get()>{name}</option> }).collect_view()}
                            </select>
                            <p class="field-error" role="alert">{field_error}</p>
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{t("group-organization-limit")}</button>
                        </div>
                    </ActionForm>
                }.into_any()
            } else {
                view! {
                    <p class="field-hint">{t("group-organizations-add-first")}</p>
                }.into_any()
            }}
        </section>
    }
}

/// The logo and the forms that set and remove it: an island, since the browser reads the chosen
/// file (each form redirects back to the group, which shows the result).
#[island(lazy)]
pub fn GroupLogo(group_id: i32, name: String, logo_url: Option<String>) -> impl IntoView {
    let set = ServerAction::<GroupLogoSet>::new();
    let remove = ServerAction::<GroupLogoRemove>::new();
    let error = Signal::derive(move || {
        set.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let chosen = RwSignal::new(String::new());
    let file_problem = RwSignal::new(None::<String>);
    let message = move || {
        file_problem
            .get()
            .or_else(|| error.get().and_then(|e| e.field("logo")))
    };
    // The file is read by the wasm; without it there is nothing to send.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let alt = t_args("group-logo-alt", &[("name", name.into())]);
    // Worked out here: the file is read outside the component, where the language is not known.
    let unreadable = t("group-logo-unreadable");
    let lang = crate::i18n::use_lang();
    view! {
        <section class="card" aria-labelledby="group-logo-heading">
            <h2 id="group-logo-heading">{t("group-logo")}</h2>
            <FormAlert error=besides(error, "logo") />
            {match logo_url {
                Some(url) => view! {
                    <p><img class="group-logo" src=url alt=alt /></p>
                    <ActionForm action=remove>
                        <input type="hidden" name="group_id" value=group_id />
                        <button type="submit" class="button button-quiet">{t("group-logo-remove")}</button>
                    </ActionForm>
                }.into_any(),
                None => view! { <p class="muted">{t("group-logo-none")}</p> }.into_any(),
            }}
            <ActionForm action=set>
                <input type="hidden" name="group_id" value=group_id />
                <input type="hidden" name="logo" prop:value=move || chosen.get() />
                <div class="field" class:field-invalid=move || message().is_some()>
                    <label for="group-logo-file">{t("group-logo-file")}</label>
                    <input id="group-logo-file" type="file" accept="image/png,image/jpeg"
                        disabled=move || !hydrated.get()
                        on:change=move |ev| read_logo(ev, chosen, file_problem, unreadable.clone(), lang) />
                    <p class="field-error" role="alert">{message}</p>
                </div>
                {move || (!chosen.get().is_empty()).then(|| view! {
                    <p><img class="group-logo" src=chosen.get() alt=t("group-logo-chosen") /></p>
                })}
                <div class="form-actions">
                    <button type="submit" class="button button-primary"
                        disabled=move || chosen.with(String::is_empty)>{t("group-logo-upload")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// Turns the chosen file into the `data:` URL the server function takes, refusing here what
/// the server would refuse (type by the bytes, size) so the user hears it at once; `unreadable`
/// is what to say when the browser cannot read the file.
fn read_logo(
    ev: leptos::ev::Event,
    chosen: RwSignal<String>,
    problem: RwSignal<Option<String>>,
    unreadable: String,
    lang: crate::i18n::Lang,
) {
    read_chosen_file(&ev, move |bytes| {
        let Some(bytes) = bytes else {
            problem.set(Some(unreadable));
            return;
        };
        match crate::model::groups::logo_data_url(&bytes) {
            Ok(url) => {
                problem.set(None);
                chosen.set(url);
            }
            Err(e) => {
                chosen.set(String::new());
                problem.set(Some(e.text(lang)));
            }
        }
    });
}
