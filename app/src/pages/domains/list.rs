//! The domains page (VAL-1): the account's domains, adding one, choosing the validation
//! method, Verify Now; and the administrator's restricted domains.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::{
        domains::{
            DomainAdd, DomainMethod, DomainRestrict, DomainUnrestrict, DomainVerify,
            domain_restrictions, domains_list,
        },
        refill,
    },
    components::{
        badge::{Badge, domain_tone},
        copy_button::CopyButton,
        corroboration::Corroboration,
        form_alert::{CheckResultAlert, FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_flag, query_memo,
        table::Table,
    },
    model::{
        Permission, SessionView,
        domains::{
            CHECK_RESULT_FIELD, CheckResult, DOMAINS_PATH, DcvMethod, DomainView, EmailSunset,
            PersistHelp,
        },
    },
};

#[component]
pub fn DomainsPage() -> impl IntoView {
    view! { <Portal title="page-domains" needs=Permission::ManageDomains refusal="refusal-domains" page=|s: SessionView| view! { <Domains session=s /> } /> }
}

/// The methods offered today, and the current one when it no longer is (so the choice shows
/// what the domain uses; the server refuses it if chosen again).
fn method_options(current: DcvMethod, offered: &[DcvMethod]) -> impl IntoView + use<> {
    let lang = crate::i18n::use_lang();
    let mut shown = offered.to_vec();
    if !shown.contains(&current) {
        shown.insert(0, current);
    }
    shown
        .into_iter()
        .map(|m| {
            let selected = m == current;
            view! { <option value=m.code() selected=selected>{m.name_msg().text(lang)}</option> }
        })
        .collect_view()
}

/// The id of the e-mail methods' warning, which each method choice names as its description.
const SUNSET_ID: &str = "dcv-email-sunset";

/// Beside the method choice while an e-mail method is offered that the BRs discourage.
fn sunset_warning(sunset: Option<EmailSunset>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    sunset.map(|s| {
        view! {
            <p class="alert alert-warning" id=SUNSET_ID>
                {t_args("dcv-email-sunset", &[("discouraged", s.discouraged_from.text(lang).into()), ("refused", s.refused_from.text(lang).into())])}
            </p>
        }
    })
}

#[component]
fn Domains(session: SessionView) -> impl IntoView {
    let added = query_flag("added")();
    // `?needs=validation` (the Overview's link) lists only the domains to validate.
    let needs = query_memo(|p| p.get("needs").unwrap_or_default()).get_untracked();
    // What Verify Now found, kept for this page by the post that sent the browser here.
    let checked: Option<CheckResult> =
        refill::outcome(&refill::take(DOMAINS_PATH), CHECK_RESULT_FIELD);
    view! {
        <DomainList added=added needs=needs checked=checked />
        {session.can(Permission::ManageSettings).then(|| view! { <Restrictions /> })}
    }
}

/// The list and its forms, plain HTML: every form posts and the server sends the browser back
/// here, with the outcome of Verify Now to show once.
#[component]
fn DomainList(added: bool, needs: String, checked: Option<CheckResult>) -> impl IntoView {
    let add = ServerAction::<DomainAdd>::new();
    let method = ServerAction::<DomainMethod>::new();
    let verify = ServerAction::<DomainVerify>::new();
    let filter = (!needs.is_empty()).then(|| needs.clone());
    let page = Resource::new_blocking(|| (), move |_| domains_list(filter.clone()));
    // A refused post comes back with its error in the address; the server's action reads it.
    let error = Signal::derive(move || {
        [
            add.value().get().and_then(Result::err),
            method.value().get().and_then(Result::err),
            verify.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    });
    let name_error = Signal::derive(move || {
        add.value()
            .get()
            .and_then(Result::err)
            .and_then(|e| e.field("name"))
    });
    let needs = StoredValue::new(needs);
    view! {
        {added.then(|| view! { <Notice>{t("domains-added")}</Notice> })}
        {checked.map(|r| view! { <CheckResultAlert result=r /> })}
        <FormAlert error=error />
        <Loaded resource=page let:data>
            <AddDomain add=add name_error=name_error methods=data.methods.clone() sunset=data.email_discouraged.clone() />
            {data.persist.clone().map(|help| view! { <PersistCard help=help /> })}
            {data.only_to_validate.then(|| view! {
                <p class="alert alert-info" role="status">
                    {t("domains-only-to-validate")}" "
                    <a href=DOMAINS_PATH>{t("domains-show-all")}</a>
                </p>
            })}
            {match data {
                p if p.domains.is_empty() && p.only_to_validate => view! { <p class="empty">{t("domains-none-to-validate")}</p> }.into_any(),
                p if p.domains.is_empty() => view! { <p class="empty">{t("domains-none")}</p> }.into_any(),
                p => view! {
                    <Table label=t("page-domains") cards=true columns=vec![t("orders-col-domain"), t("orders-col-status"), t("domains-col-method"), t("domains-col-expiry"), t("domains-col-actions")]>
                        {p.domains.into_iter().map(|d| view! { <DomainRow domain=d method=method verify=verify needs=needs.get_value() offered=p.methods.clone() warned=p.email_discouraged.is_some() /> }).collect_view()}
                    </Table>
                }
                .into_any(),
            }}
        </Loaded>
    }
    .into_any()
}

/// The form that adds a domain, with the methods offered today.
#[component]
fn AddDomain(
    add: ServerAction<DomainAdd>,
    name_error: Signal<Option<String>>,
    methods: Vec<DcvMethod>,
    sunset: Option<EmailSunset>,
) -> impl IntoView {
    let described = sunset.is_some().then_some(SUNSET_ID);
    view! {
        <section class="card" aria-label=t("domains-add-heading")>
            <h2>{t("domains-add-heading")}</h2>
            <ActionForm action=add>
                <div class="field">
                    <label for="domain-name">{t("domains-name")}</label>
                    <input id="domain-name" name="name" type="text" placeholder="example.com" />
                    {move || name_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <div class="field">
                    <label for="domain-method">{t("domains-method")}</label>
                    <select id="domain-method" name="method" aria-describedby=described>{method_options(DcvMethod::DnsTxt, &methods)}</select>
                    {sunset_warning(sunset)}
                </div>
                <button type="submit" class="button">{t("domains-add")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn DomainRow(
    domain: DomainView,
    method: ServerAction<DomainMethod>,
    verify: ServerAction<DomainVerify>,
    /// The list's filter, which Verify Now sends the browser back to.
    needs: String,
    /// The methods that may be chosen today.
    offered: Vec<DcvMethod>,
    /// The e-mail methods' warning is on the page.
    warned: bool,
) -> impl IntoView {
    let id = domain.id;
    let select_id = format!("domain-{id}-method");
    let label = domain.method.name_msg().text(crate::i18n::use_lang());
    let how = match (&domain.value, &domain.location) {
        (Some(v), Some(at)) => format!("{label} at {at}: {v}"),
        (None, Some(to)) => format!("{label} ({to})"),
        _ => label,
    };
    let is_email = domain.method.is_email();
    view! {
        <tr>
            <td data-label=t("orders-col-domain")>{domain.name.clone()}</td>
            <td data-label=t("orders-col-status")>
                <Badge tone=domain_tone(domain.status) text=t(domain.status.key()) />
                {domain.rule.clone().map(|r| view! { <p class="field-hint">{r}</p> })}
                {domain.corroboration.clone().map(|round| view! { <Corroboration round=round /> })}
            </td>
            <td data-label=t("domains-col-method")>
                <span class="mono">{how}</span>
                {domain.last_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
            </td>
            <td data-label=t("domains-col-expiry")>{domain.dcv_expires_at.as_ref().map_or_else(|| "—".into(), |at| at.day_text(crate::i18n::use_lang()))}</td>
            <td data-label=t("domains-col-actions")>
                <ActionForm action=method>
                    <input type="hidden" name="id" value=id />
                    <label class="visually-hidden" for=select_id.clone()>{t_args("domains-method-for", &[("domain", domain.name.clone().into())])}</label>
                    <select id=select_id name="method" aria-describedby=warned.then_some(SUNSET_ID)>{method_options(domain.method, &offered)}</select>
                    <button type="submit" class="button button-quiet">{t("domains-change-method")}</button>
                </ActionForm>
                <ActionForm action=verify>
                    <input type="hidden" name="id" value=id />
                    {(!needs.is_empty()).then(|| view! { <input type="hidden" name="needs" value=needs.clone() /> })}
                    <button type="submit" class="button">{if is_email { t("dcv-send-email") } else { t("domains-verify-now") }}</button>
                </ActionForm>
            </td>
        </tr>
    }
}

/// What the account's persistent DNS records hold (TLS BR 3.2.2.4.22): the record's name and
/// value, the issuer domain name and the account URI, the values with a *Copy* button.
#[component]
fn PersistCard(help: PersistHelp) -> impl IntoView {
    // The value as the catalogue writes it, which is the record's value in every language.
    let value = t_args(
        "dcv-persist-record-value-shape",
        &[
            ("issuer", help.issuer_domain_name.clone().into()),
            ("uri", help.account_uri.clone().into()),
        ],
    );
    let rows = [
        ("dcv-persist-record-value", "persist-record-value", value),
        (
            "dcv-persist-issuer",
            "persist-issuer",
            help.issuer_domain_name.clone(),
        ),
        (
            "dcv-persist-account-uri",
            "persist-account-uri",
            help.account_uri.clone(),
        ),
    ];
    view! {
        <section class="card" aria-labelledby="persist-heading">
            <h2 id="persist-heading">{t("dcv-persist-heading")}</h2>
            <p>{t("dcv-persist-explain")}</p>
            <dl class="record">
                <dt>{t("dcv-persist-record-name")}</dt>
                <dd>
                    <code data-testid="persist-record-name">{t("dcv-persist-record-name-example")}</code>
                </dd>
                {rows
                    .into_iter()
                    .map(|(key, test_id, text)| {
                        let label = t(key);
                        let copy = text.clone();
                        let copy_label = t_args("dcv-persist-copy", &[("what", label.clone().into())]);
                        view! {
                            <dt>{label}</dt>
                            <dd>
                                <code data-testid=test_id>{text}</code>
                                <CopyButton text=copy label=copy_label />
                            </dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <p class="field-hint">{t("dcv-persist-wildcard-hint")}</p>
        </section>
    }
}

#[component]
fn Restrictions() -> impl IntoView {
    let restrict = ServerAction::<DomainRestrict>::new();
    let lift = ServerAction::<DomainUnrestrict>::new();
    let list = Resource::new_blocking(
        move || (restrict.version().get(), lift.version().get()),
        |_| domain_restrictions(),
    );
    let error = Signal::derive(move || {
        restrict
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| lift.value().get().and_then(Result::err))
    });
    view! {
        <section class="card" aria-label=t("domains-restricted")>
            <h2>{t("domains-restricted")}</h2>
            <p class="field-hint">{t("domains-restricted-hint")}</p>
            <FormAlert error=error />
            <Loaded resource=list let:l>
                <ul aria-label=t("domains-restricted-list")>
                    {l.into_iter().map(|d| view! {
                        <li>
                            {d.clone()}
                            <ActionForm action=lift>
                                <input type="hidden" name="domain" value=d.clone() />
                                <button type="submit" class="button button-quiet">{t_args("domains-lift", &[("domain", d.clone().into())])}</button>
                            </ActionForm>
                        </li>
                    }).collect_view()}
                </ul>
            </Loaded>
            <ActionForm action=restrict>
                <div class="field">
                    <label for="restrict-domain">{t("domains-restrict-label")}</label>
                    <input id="restrict-domain" name="domain" type="text" placeholder="example.com" />
                </div>
                <button type="submit" class="button">{t("domains-restrict")}</button>
            </ActionForm>
        </section>
    }
}
