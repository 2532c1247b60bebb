use leptos::prelude::*;

use crate::i18n::t;
use crate::{
    api::access::{IpRuleAdd, IpRuleChange, ip_rules},
    components::{
        field::Field,
        form_alert::FormAlert,
        form_card::{FormCard, SubmitForm, field_error, form_level},
        loaded::NoticePage,
        portal::Portal,
        table::Table,
    },
    model::{
        Permission,
        ip_rules::{IpRuleView, IpRulesPage},
    },
};

#[component]
pub fn IpRestrictionsPage() -> impl IntoView {
    view! { <Portal title="page-ip-restrictions" needs=Permission::ManageSettings refusal="refusal-security-settings" page=|_| view! { <IpRules /> } /> }
}

#[component]
fn IpRules() -> impl IntoView {
    let add = ServerAction::<IpRuleAdd>::new();
    let change = ServerAction::<IpRuleChange>::new();
    // Reload the rules after every change.
    let reload = Signal::derive(move || add.version().get() + change.version().get());
    view! {
        <NoticePage flag="saved" notice=t("ip-rules-saved") load=ip_rules reload=reload
            intro=|| view! {
                <p class="lead">{t("ip-rules-lead")}</p>
            }
            let:p>
            <RuleList page=p change=change /> <AddRule add=add />
        </NoticePage>
    }
    .into_any()
}

#[component]
fn RuleList(page: IpRulesPage, change: ServerAction<IpRuleChange>) -> impl IntoView {
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    let lockout = field_error(error, "confirm_lockout");
    let your_ip = page.your_ip.clone();
    view! {
        <p>{t("ip-rules-your-address")}" " <strong>{your_ip}</strong></p>
        <FormAlert error=form_level(error) />
        {move || lockout.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        {if page.rules.is_empty() {
            view! { <p class="empty">{t("ip-rules-none")}</p> }.into_any()
        } else {
            view! {
                <Table label=t("ip-rules-table") columns=vec![t("ip-rules-applies-to"), t("ip-rules-from"), t("ip-rules-to"), t("ip-rules-description"), t("ip-rules-state"), t("ip-rules-actions")]>
                    {page.rules.into_iter().map(|r| view! { <RuleRow rule=r change=change /> }).collect_view()}
                </Table>
            }
            .into_any()
        }}
    }
}

#[component]
fn RuleRow(rule: IpRuleView, change: ServerAction<IpRuleChange>) -> impl IntoView {
    let id = rule.id.to_string();
    let toggle = if rule.enabled { "disable" } else { "enable" };
    let toggle_label = if rule.enabled {
        t("ip-rules-disable")
    } else {
        t("ip-rules-enable")
    };
    let (id_a, id_b) = (id.clone(), id);
    view! {
        <tr>
            <td>{rule.applies_to}</td>
            <td>{rule.start}</td>
            <td>{rule.end}</td>
            <td>{rule.description}</td>
            <td>{if rule.enabled { t("ip-rules-enabled") } else { t("ip-rules-disabled") }}</td>
            <td class="row-actions">
                <ActionForm action=change>
                    <input type="hidden" name="id" value=id_a />
                    <input type="hidden" name="action" value=toggle />
                    <label class="inline-check">
                        <input type="checkbox" name="confirm_lockout" value="yes" />
                        " "{t("ip-rules-may-lock-out")}
                    </label>
                    <button type="submit" class="button button-quiet">{toggle_label}</button>
                </ActionForm>
                <ActionForm action=change>
                    <input type="hidden" name="id" value=id_b />
                    <input type="hidden" name="action" value="delete" />
                    <button type="submit" class="button button-quiet">{t("ip-rules-delete")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}

#[component]
fn AddRule(add: ServerAction<IpRuleAdd>) -> impl IntoView {
    let error = Signal::derive(move || add.value().get().and_then(Result::err));
    let field = move |name| field_error(error, name);
    let lockout = field("confirm_lockout");
    let user_error = field("user");
    view! {
        <FormCard heading_id="add-rule-heading" heading=t("ip-rules-add-heading")>
            <SubmitForm action=add alert=form_level(error) submit=t("ip-rules-add-submit")>
                <Field label=t("ip-rules-applies-to-field") name="user" input_type="email"
                    required=false server_error=user_error />
                <Field label=t("ip-rules-start") name="start" hint=t("ip-rules-start-hint")
                    server_error=field("start") />
                <Field label=t("ip-rules-end") name="end" required=false hint=t("ip-rules-end-hint")
                    server_error=field("end") />
                <Field label=t("ip-rules-description") name="description" required=false server_error=field("description") />
                <div class="field field-check" class:field-invalid=move || lockout.get().is_some()>
                    <input type="checkbox" id="field-confirm_lockout" name="confirm_lockout" value="yes" />
                    <label for="field-confirm_lockout">{t("ip-rules-understand")}</label>
                    <p class="field-error" role="alert">{move || lockout.get()}</p>
                </div>
            </SubmitForm>
        </FormCard>
    }
}
