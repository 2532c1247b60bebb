use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::profile::{
        PasskeyRemove, PasskeyRename, passkey_registration_finish, passkey_registration_start,
        passkeys_list,
    },
    browser::webauthn::{Ceremony, Prompt, perform},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        passkey_gate::PasskeyGate,
        table::Table,
    },
    i18n::{t, t_args},
    model::passkeys::PasskeyView,
};

/// The profile's passkeys: the list with rename and remove, and adding one.
#[component]
pub fn Passkeys() -> impl IntoView {
    let params = use_query_map();
    let changed = move || params.with(|p| p.get("passkey"));
    let list = Resource::new_blocking(changed, |_| passkeys_list());
    let rename = ServerAction::<PasskeyRename>::new();
    let remove = ServerAction::<PasskeyRemove>::new();
    let notice = move || match changed().as_deref() {
        Some("added") => Some(t_args(
            "profile-passkey-added",
            &[(
                "name",
                params.with(|p| p.get("name")).unwrap_or_default().into(),
            )],
        )),
        Some("renamed") => Some(t("profile-passkey-renamed")),
        Some("removed") => Some(t("profile-passkey-removed")),
        _ => None,
    };
    view! {
        <section class="card form-card" aria-labelledby="passkeys-heading">
            <h2 id="passkeys-heading">{t("profile-passkeys")}</h2>
            <p class="lead">{t("profile-passkeys-lead")}</p>
            {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
            <Loaded resource=list let:data>
                {match data {
                    keys if keys.is_empty() => view! { <p class="muted">{t("profile-passkeys-none")}</p> }.into_any(),
                    keys => view! { <PasskeyTable keys rename remove /> }.into_any(),
                }}
            </Loaded>
            <PasskeyGate path="/profile">
                <AddPasskey />
            </PasskeyGate>
        </section>
    }
}

/// The name for a new passkey and the button that asks the browser to make one: an island,
/// since the browser makes the passkey. Once it is registered, the profile is loaded again
/// with the list and a notice naming it.
#[island(lazy)]
fn AddPasskey() -> impl IntoView {
    let default_name = t("profile-passkey-default-name");
    let name = RwSignal::new(default_name.clone());
    let prompt = Prompt::new();
    let Prompt { busy, problem } = prompt;
    let add = move |_| {
        let chosen = name.get_untracked();
        let label = chosen.clone();
        prompt.run(
            perform(
                Ceremony::Create,
                passkey_registration_start(),
                move |ceremony, credential| {
                    passkey_registration_finish(ceremony, label, credential)
                },
            ),
            move |()| {
                crate::browser::go_to(&format!(
                    "/profile?passkey=added&name={}",
                    crate::components::query_value(chosen.trim())
                ))
            },
        )
    };
    view! {
        <div class="field">
            <label for="passkey-name">{t("profile-passkey-name")}</label>
            <input id="passkey-name" type="text" maxlength="64" value=default_name
                on:input=move |ev| name.set(event_target_value(&ev)) />
            <p class="field-hint">{t("profile-passkey-name-hint")}</p>
        </div>
        <p class="field-error" role="alert">{move || problem.get()}</p>
        <div class="form-actions">
            <button type="button" class="button button-primary" on:click=add disabled=move || busy.get()>
                {move || if busy.get() { t("profile-passkey-busy") } else { t("profile-passkey-add") }}
            </button>
        </div>
    }
}

#[component]
fn PasskeyTable(
    keys: Vec<PasskeyView>,
    rename: ServerAction<PasskeyRename>,
    remove: ServerAction<PasskeyRemove>,
) -> impl IntoView {
    let error = Signal::derive(move || {
        rename
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
    });
    let columns = vec![
        t("profile-col-name"),
        t("profile-col-added"),
        t("profile-col-last-used"),
        t("profile-col-actions"),
    ];
    let never = t("profile-passkey-never");
    view! {
        <FormAlert error=error />
        <Table label=t("profile-passkeys") columns=columns>
            {keys.into_iter().map(|k| {
                let rename_label = t_args("profile-passkey-rename-label", &[("name", k.name.clone().into())]);
                let remove_label = t_args("profile-passkey-remove-label", &[("name", k.name.clone().into())]);
                view! {
                    <tr>
                        <td>{k.name.clone()}</td>
                        <td>{k.added_on.text(crate::i18n::use_lang())}</td>
                        <td>{k.last_used.map_or_else(|| never.clone(), |at| at.text(crate::i18n::use_lang()))}</td>
                        <td class="row-actions">
                            <ActionForm action=rename attr:class="inline-form">
                                <input type="hidden" name="id" value=k.id />
                                <input type="text" name="name" maxlength="64" required value=k.name.clone() aria-label=rename_label />
                                <button type="submit" class="button">{t("profile-rename")}</button>
                            </ActionForm>
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="id" value=k.id />
                                <button type="submit" class="button button-danger" aria-label=remove_label>{t("profile-remove")}</button>
                            </ActionForm>
                        </td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}
