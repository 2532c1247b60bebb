//! `/operator/revocations`: find certificates in every account (a GET form: bookmarkable,
//! without script) and revoke the ticked ones, or every valid match, with one reason. The
//! revocation form asks for the number of certificates it revokes, so the confirmation is
//! part of the one post and needs no script.

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::operator::{MassRevoke, REVOCATIONS_PAGE, revocation_search},
    components::{
        badge::{Badge, certificate_tone},
        form_alert::FormAlert,
        form_card::field_error,
        list_link,
        loaded::ErrorAlert,
        portal::Portal,
        query_memo,
        table::Table,
    },
    error::AppError,
    model::revocations::{
        CertificateSearch, Choice, FoundCertificate, MASS_REVOCATION_REASONS, RevocationSearchPage,
        StateFilter, reason_key,
    },
};

#[component]
pub fn RevocationsPage() -> impl IntoView {
    view! { <Portal title="page-revocations" operator=true refusal="refusal-operator-console" page=|_| view! { <Revocations /> } /> }
}

/// The search as the address bar has it.
fn query_from_url() -> Memo<CertificateSearch> {
    query_memo(|p| {
        let v = |name: &str| p.get(name).unwrap_or_default();
        CertificateSearch {
            ca: v("ca"),
            serial_from: v("serial_from"),
            serial_to: v("serial_to"),
            key: v("key"),
            name: v("name"),
            name_match: v("name_match"),
            profile: v("profile"),
            product: v("product"),
            acme_profile: v("acme_profile"),
            issued_from: v("issued_from"),
            issued_to: v("issued_to"),
            expires_from: v("expires_from"),
            expires_to: v("expires_to"),
            state: v("state"),
            page: p.get("page").and_then(|n| n.parse().ok()),
        }
    })
}

#[component]
fn Revocations() -> impl IntoView {
    let query = query_from_url();
    let page = Resource::new_blocking(move || query.get(), revocation_search);
    // What a refused revocation posted, without script: read once, when the page renders.
    let kept = StoredValue::new(crate::api::refill::take(REVOCATIONS_PAGE));
    view! {
        <p class="lead">{t("revocations-intro")}</p>
        <p class="alert alert-info" data-testid="revocation-deadlines">{t("revocations-deadlines")}</p>
        <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match page.await {
                    Ok(p) => view! {
                        <Search query=q.clone() choices=Some(p.clone()) errors=None />
                        <Results page=p.clone() query=q kept=kept.get_value() />
                        <Recent page=p />
                    }
                    .into_any(),
                    Err(e) => view! {
                        <Search query=q choices=None errors=Some(e.clone()) />
                        <ErrorAlert error=e />
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

/// A `<select>` of `choices` after a first choice that posts nothing, `selected` chosen.
fn select(
    id: &'static str,
    name: &'static str,
    any: &'static str,
    choices: Vec<Choice>,
    selected: &str,
) -> impl IntoView {
    let selected = selected.to_owned();
    view! {
        <select id=id name=name>
            <option value="" selected=selected.is_empty()>{t(any)}</option>
            {choices
                .into_iter()
                .map(|c| {
                    let is = c.value == selected;
                    view! { <option value=c.value selected=is>{c.label}</option> }
                })
                .collect_view()}
        </select>
    }
}

#[component]
fn Search(
    query: CertificateSearch,
    choices: Option<RevocationSearchPage>,
    errors: Option<AppError>,
) -> impl IntoView {
    let error = move |field: &str| errors.as_ref().and_then(|e| e.field(field));
    let shown =
        |field: &'static str| error(field).map(|m| view! { <p class="field-error">{m}</p> });
    let (cas, profiles, products) = choices
        .map(|p| (p.cas, p.profiles, p.products))
        .unwrap_or_default();
    let acme_profiles: Vec<Choice> = crate::model::acme::AcmeProfile::ALL
        .into_iter()
        .map(|p| Choice {
            value: p.as_str().to_owned(),
            label: p.as_str().to_owned(),
        })
        .collect();
    let text = |id: &'static str,
                name: &'static str,
                label: &'static str,
                value: &str,
                kind: &'static str| {
        let value = value.to_owned();
        view! {
            <div class="field">
                <label for=id>{t(label)}</label>
                <input id=id name=name type=kind value=value autocomplete="off" spellcheck="false" />
                {shown(name)}
            </div>
        }
    };
    let suffix = query.name_match == "suffix";
    let state = query.state.clone();
    view! {
        <form class="filters" method="get" action=REVOCATIONS_PAGE aria-label=t("revocations-search-label")>
            <div class="field">
                <label for="revocations-ca">{t("revocations-ca")}</label>
                {select("revocations-ca", "ca", "revocations-any-ca", cas, &query.ca)}
                {shown("ca")}
            </div>
            {text("revocations-name", "name", "revocations-name", &query.name, "search")}
            <div class="field">
                <label for="revocations-name-match">{t("revocations-name-match")}</label>
                <select id="revocations-name-match" name="name_match">
                    <option value="exact" selected=!suffix>{t("revocations-match-exact")}</option>
                    <option value="suffix" selected=suffix>{t("revocations-match-suffix")}</option>
                </select>
                {shown("name_match")}
            </div>
            {text("revocations-serial-from", "serial_from", "revocations-serial-from", &query.serial_from, "text")}
            {text("revocations-serial-to", "serial_to", "revocations-serial-to", &query.serial_to, "text")}
            {text("revocations-key", "key", "revocations-key", &query.key, "text")}
            <div class="field">
                <label for="revocations-profile">{t("revocations-profile")}</label>
                {select("revocations-profile", "profile", "revocations-any-profile", profiles, &query.profile)}
                {shown("profile")}
            </div>
            <div class="field">
                <label for="revocations-product">{t("revocations-product")}</label>
                {select("revocations-product", "product", "revocations-any-product", products, &query.product)}
                {shown("product")}
            </div>
            <div class="field">
                <label for="revocations-acme-profile">{t("revocations-acme-profile")}</label>
                {select("revocations-acme-profile", "acme_profile", "revocations-any-acme-profile", acme_profiles, &query.acme_profile)}
                {shown("acme_profile")}
            </div>
            {text("revocations-issued-from", "issued_from", "revocations-issued-from", &query.issued_from, "date")}
            {text("revocations-issued-to", "issued_to", "revocations-issued-to", &query.issued_to, "date")}
            {text("revocations-expires-from", "expires_from", "revocations-expires-from", &query.expires_from, "date")}
            {text("revocations-expires-to", "expires_to", "revocations-expires-to", &query.expires_to, "date")}
            <div class="field">
                <label for="revocations-state">{t("revocations-state")}</label>
                <select id="revocations-state" name="state">
                    {StateFilter::ALL
                        .into_iter()
                        .map(|s| {
                            let is = s.as_str() == state
                                || (state.is_empty() && s == StateFilter::Valid);
                            view! { <option value=s.as_str() selected=is>{t(s.key())}</option> }
                        })
                        .collect_view()}
                </select>
                {shown("state")}
            </div>
            <div class="filters-actions">
                <button type="submit" class="button">{t("common-search")}</button>
                <a class="button button-quiet" href=REVOCATIONS_PAGE>{t("common-clear")}</a>
            </div>
        </form>
    }
}

fn link(query: &CertificateSearch, page: u64) -> String {
    list_link(REVOCATIONS_PAGE, page, &query.fields())
}

#[component]
fn Results(
    page: RevocationSearchPage,
    query: CertificateSearch,
    kept: Vec<(String, String)>,
) -> impl IntoView {
    if page.certificates.is_empty() {
        return view! { <p class="empty" data-testid="revocations-none">{t("revocations-none")}</p> }
            .into_any();
    }
    let revoke = ServerAction::<MassRevoke>::new();
    let error = Signal::derive(move || revoke.value().get().and_then(Result::err));
    let kept_value = |name: &str| crate::api::refill::value(&kept, name).unwrap_or_default();
    let (kept_comment, kept_confirm) = (kept_value("comment"), kept_value("confirm"));
    let ticked: Vec<String> = kept_value("certificates")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let prev = (page.page > 1).then(|| link(&query, page.page - 1));
    let next = (page.page < page.pages).then(|| link(&query, page.page + 1));
    let status = t_args(
        "revocations-found",
        &[
            ("total", page.total.into()),
            ("revocable", page.revocable.into()),
            ("page", page.page.into()),
            ("pages", page.pages.into()),
        ],
    );
    let offer_all = page.narrowed && page.revocable > 0;
    let all_chosen = offer_all && kept_value("scope") == "all";
    let hidden_search = query
        .fields()
        .into_iter()
        .map(|(name, value)| {
            view! { <input type="hidden" name=format!("search[{name}]") value=value.to_owned() /> }
        })
        .collect_view();
    let columns = [
        "revocations-col-select",
        "revocations-col-serial",
        "revocations-col-names",
        "revocations-col-account",
        "revocations-col-ca",
        "revocations-col-validity",
        "revocations-col-state",
    ]
    .map(t);
    let rows = page
        .certificates
        .into_iter()
        .enumerate()
        .map(|(i, c)| view! { <Row index=i certificate=c.clone() labels=columns.clone() ticked=ticked.contains(&c.id.to_string()) /> })
        .collect_view();
    let chosen_reason = kept_value("reason");
    view! {
        <p class="pager-status" data-testid="revocations-found">{status}</p>
        <ActionForm action=revoke>
            <input type="hidden" name="form_token" value=page.form_token.clone() />
            {hidden_search}
            <Table label=t("revocations-table") cards=true columns=columns.to_vec()>
                {rows}
            </Table>
            <nav class="pager" aria-label=t("common-pages")>
                {prev.map(|href| view! { <a class="button button-quiet" href=href>{t("common-previous")}</a> })}
                {next.map(|href| view! { <a class="button button-quiet" href=href>{t("common-next")}</a> })}
            </nav>
            <section class="card" aria-labelledby="revocations-revoke-heading">
                <h2 id="revocations-revoke-heading">{t("revocations-revoke-heading")}</h2>
                <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                <fieldset class="choice">
                    <legend>{t("revocations-scope")}</legend>
                    <label class="choice-option">
                        <input type="radio" name="scope" value="selected" checked=!all_chosen />
                        <span>{t("revocations-scope-selected")}</span>
                    </label>
                    {offer_all.then(|| view! {
                        <label class="choice-option">
                            <input type="radio" name="scope" value="all" checked=all_chosen />
                            <span>{t_args("revocations-scope-all", &[("count", page.revocable.into())])}</span>
                        </label>
                    })}
                    <p class="field-error" role="alert">{move || field_error(error, "scope").get().or_else(|| field_error(error, "certificates").get())}</p>
                </fieldset>
                <div class="field">
                    <label for="revocations-reason">{t("revocations-reason")}</label>
                    <select id="revocations-reason" name="reason" aria-describedby="revocations-reason-hints">
                        <option value="">{t("reason-choose")}</option>
                        {MASS_REVOCATION_REASONS
                            .iter()
                            .map(|(code, key, _)| {
                                let is = *code == chosen_reason;
                                view! { <option value=*code selected=is>{t(key)}</option> }
                            })
                            .collect_view()}
                    </select>
                    <ul class="field-hint" id="revocations-reason-hints">
                        {MASS_REVOCATION_REASONS
                            .iter()
                            .map(|(_, key, hint)| view! { <li><strong>{t(key)}</strong>": "{t(hint)}</li> })
                            .collect_view()}
                    </ul>
                    <p class="field-error" role="alert">{move || field_error(error, "reason").get()}</p>
                </div>
                <div class="field">
                    <label for="revocations-comment">{t("revocations-comment")}</label>
                    <textarea id="revocations-comment" name="comment" rows="3"
                        inner_html=crate::components::textarea_text::textarea_text(&kept_comment)></textarea>
                    <p class="field-error" role="alert">{move || field_error(error, "comment").get()}</p>
                </div>
                <div class="field">
                    <label for="revocations-confirm">{t("revocations-confirm")}</label>
                    <p class="field-hint" id="revocations-confirm-hint">{t("revocations-confirm-hint")}</p>
                    <input id="revocations-confirm" name="confirm" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby="revocations-confirm-hint" value=kept_confirm />
                    <p class="field-error" role="alert">{move || field_error(error, "confirm").get().or_else(|| field_error(error, "form_token").get())}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-danger">{t("revocations-submit")}</button>
                </div>
            </section>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn Row(
    index: usize,
    certificate: FoundCertificate,
    labels: [String; 7],
    ticked: bool,
) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let c = certificate;
    let [select, serial, names, account, ca, validity, state] = labels;
    let check_id = format!("revoke-{}", c.id);
    let pick = (c.state == crate::model::certificate_status::CertificateState::Valid).then(|| {
        view! {
            <input type="checkbox" id=check_id.clone() name=format!("certificates[{index}]") value=c.id.to_string()
                checked=ticked aria-label=t_args("revocations-select-certificate", &[("serial", c.serial.clone().into())]) />
        }
    });
    let owner = match (c.account.clone(), c.order) {
        (Some(account), Some(order)) => view! {
            {account}" · "{t_args("revocations-order", &[("id", order.to_string().into())])}
            {c.product.clone().map(|p| view! { " · "{p} })}
        }
        .into_any(),
        _ => view! { {t("revocations-no-account")} }.into_any(),
    };
    let state_text = match c.revocation_reason.as_deref() {
        Some(code) => format!(
            "{} ({})",
            t(c.state.title_key()),
            reason_key(code).map_or_else(|| code.to_owned(), t)
        ),
        None => t(c.state.title_key()),
    };
    view! {
        <tr>
            <td data-label=select>{pick.map_or_else(|| view! { "—" }.into_any(), IntoAny::into_any)}</td>
            <td data-label=serial class="mono">{c.serial.clone()}</td>
            <td data-label=names>{c.names.join(", ")}</td>
            <td data-label=account>{owner}</td>
            <td data-label=ca>{format!("{} · {}", c.ca, c.profile)}</td>
            <td data-label=validity>{t_args("revocations-validity", &[("from", c.not_before.text(lang).into()), ("to", c.not_after.text(lang).into())])}</td>
            <td data-label=state><Badge tone=certificate_tone(c.state) text=state_text /></td>
        </tr>
    }
}

#[component]
fn Recent(page: RevocationSearchPage) -> impl IntoView {
    if page.recent.is_empty() {
        return ().into_any();
    }
    let lang = crate::i18n::use_lang();
    view! {
        <section class="card" aria-labelledby="revocations-recent">
            <h2 id="revocations-recent">{t("revocations-recent")}</h2>
            <ul class="plain-list">
                {page
                    .recent
                    .into_iter()
                    .map(|b| {
                        let reason = reason_key(&b.reason).map_or_else(|| b.reason.clone(), t);
                        let state = if b.finished { t("revocations-batch-finished") } else { t("revocations-batch-running") };
                        let line = t_args(
                            "revocations-batch-line",
                            &[
                                ("id", b.id.to_string().into()),
                                ("when", b.created.text(lang).into()),
                                ("reason", reason.into()),
                                ("total", b.total.into()),
                                ("state", state.into()),
                            ],
                        );
                        view! { <li><a href=format!("{REVOCATIONS_PAGE}/{}", b.id)>{line}</a></li> }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}
