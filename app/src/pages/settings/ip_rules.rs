use leptos::prelude::*;

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
    view! { <Portal title="IP restrictions" needs=Permission::ManageSettings refusal="Your role does not allow you to change security settings." page=|_| view! { <IpRules /> } /> }
}

#[component]
fn IpRules() -> impl IntoView {
    let add = ServerAction::<IpRuleAdd>::new();
    let change = ServerAction::<IpRuleChange>::new();
    // Reload the rules after every change.
    let reload = Signal::derive(move || add.version().get() + change.version().get());
    view! {
        <NoticePage flag="saved" notice="The IP restrictions were saved." load=ip_rules reload=reload
            intro=|| view! {
                <p class="lead">
                    "When an account has enabled rules, its users can use Rootline only from the addresses they allow: "
                    "rules for all users apply to everyone, a user's own rules add to those. Every request is checked."
                </p>
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
        <p>"Your address: " <strong>{your_ip}</strong></p>
        <FormAlert error=form_level(error) />
        {move || lockout.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        {if page.rules.is_empty() {
            view! { <p class="empty">"No rules: users can sign in from any address."</p> }.into_any()
        } else {
            view! {
                <Table label="IP rules" columns=&["Applies to", "From", "To", "Description", "State", "Actions"]>
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
    let toggle_label = if rule.enabled { "Disable" } else { "Enable" };
    let (id_a, id_b) = (id.clone(), id);
    view! {
        <tr>
            <td>{rule.applies_to}</td>
            <td>{rule.start}</td>
            <td>{rule.end}</td>
            <td>{rule.description}</td>
            <td>{if rule.enabled { "Enabled" } else { "Disabled" }}</td>
            <td class="row-actions">
                <ActionForm action=change>
                    <input type="hidden" name="id" value=id_a />
                    <input type="hidden" name="action" value=toggle />
                    <label class="inline-check">
                        <input type="checkbox" name="confirm_lockout" value="yes" />
                        " I may lock myself out"
                    </label>
                    <button type="submit" class="button button-quiet">{toggle_label}</button>
                </ActionForm>
                <ActionForm action=change>
                    <input type="hidden" name="id" value=id_b />
                    <input type="hidden" name="action" value="delete" />
                    <button type="submit" class="button button-quiet">"Delete"</button>
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
        <FormCard heading_id="add-rule-heading" heading="Add a rule">
            <SubmitForm action=add alert=form_level(error) submit="Add rule">
                <Field label="Applies to (user's e-mail; empty for all users)" name="user" input_type="email"
                    required=false server_error=user_error />
                <Field label="Start address" name="start" hint="IPv4 or IPv6, e.g. 203.0.113.0"
                    server_error=field("start") />
                <Field label="End address" name="end" required=false hint="Empty for a single address."
                    server_error=field("end") />
                <Field label="Description" name="description" required=false server_error=field("description") />
                <div class="field field-check" class:field-invalid=move || lockout.get().is_some()>
                    <input type="checkbox" id="field-confirm_lockout" name="confirm_lockout" value="yes" />
                    <label for="field-confirm_lockout">"I understand this rule may shut me out"</label>
                    <p class="field-error" role="alert">{move || lockout.get()}</p>
                </div>
            </SubmitForm>
        </FormCard>
    }
}
