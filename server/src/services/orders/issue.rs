//! Issuing an order's certificate once nothing is pending: paid, a CSR, every name's control
//! shown (public products) and CAA allowing this CA (RFC 8659). Any refusal is recorded on
//! the order for the requester to read; the order stays where it was.

use app::i18n::Msg;
use std::{collections::BTreeMap, net::IpAddr, sync::Arc};

use app::model::{
    corroboration::CorroboratedCheck,
    dns_name,
    order_status::{OrderEvent, OrderStatus},
    orders::OrderSource,
};

use super::{
    OrderError, OrderService, mails,
    organization::Readiness,
    place::{names_differ, unusable_csr},
    step,
};
use crate::{
    ca::{CaError, CheckedCsr, NamesRule, SignOptions},
    domain::{
        caa::{self, CaaRequest},
        template::{Field, FieldRule, Mode, TemplateSubject, resolve},
    },
    perspective::corroborate::{Check, Remote, check},
    services::validation::{NameCoverage, caa_lookup::check_caa, refusal_text, validated_by},
    store::{OrderRow, acme, orders},
};

/// The subject and names a private product's template gives an order: the requester's values
/// of its dynamic fields (`attributes`, in `Field::ALL` order), the first name as common name
/// when none was given, and the names as DNS names and IP addresses.
pub(super) fn template_subject(
    rules: &[FieldRule],
    names: &[String],
    attributes: &[String],
) -> Result<TemplateSubject, Msg> {
    let dynamic = |f: Field| {
        rules
            .iter()
            .any(|r| r.field == f && matches!(r.mode, Mode::Dynamic { .. }))
    };
    let mut given: BTreeMap<Field, Vec<String>> = BTreeMap::new();
    for (field, value) in Field::ALL.into_iter().zip(attributes) {
        let value = value.trim();
        if !value.is_empty() && !matches!(field, Field::Dns | Field::Ip) {
            given.insert(field, vec![value.to_owned()]);
        }
    }
    if dynamic(Field::CommonName)
        && !given.contains_key(&Field::CommonName)
        && let Some(first) = names.first()
    {
        given.insert(Field::CommonName, vec![first.clone()]);
    }
    let (ips, dns): (Vec<&String>, Vec<&String>) =
        names.iter().partition(|n| n.parse::<IpAddr>().is_ok());
    if !dns.is_empty() {
        given.insert(Field::Dns, dns.into_iter().cloned().collect());
    }
    if !ips.is_empty() {
        given.insert(Field::Ip, ips.into_iter().cloned().collect());
    }
    resolve(rules, &given)
        .map_err(|e| Msg::new("err-template-refuses-names").arg("reason", e.msg()))
}

impl OrderService {
    /// Issues the order if nothing is pending; its status afterwards.
    pub(crate) async fn try_issue(
        &self,
        account_id: i32,
        order_id: i32,
        actor: &str,
    ) -> Result<OrderStatus, OrderError> {
        self.try_issue_with(account_id, order_id, actor, None).await
    }

    /// `try_issue` by a caller that has just read and stored the order's CSR (`known`): it is
    /// not checked again when it is still the one the order holds.
    pub(crate) async fn try_issue_with(
        &self,
        account_id: i32,
        order_id: i32,
        actor: &str,
        known: Option<&CheckedCsr>,
    ) -> Result<OrderStatus, OrderError> {
        let order = orders::get(&self.store, account_id, order_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let status = *order.status;
        // S/MIME orders issue only through their activation (statements, proven mailbox).
        if !matches!(status, OrderStatus::Accepted | OrderStatus::InProgress)
            || super::is_smime(&order)
        {
            return Ok(status);
        }
        let Some(csr) = order.csr_pem.clone() else {
            return Ok(status);
        };
        let names = orders::names(&self.store, order.id).await?;
        let public = order.private_ca.is_none();
        if public {
            let coverage = self.validation.coverage(account_id, &names).await?;
            if !coverage.iter().all(|c| c.is_covered()) {
                return Ok(status);
            }
            let account_uri = self.caa_account_uri(&order).await?;
            if let Err(why) = self.caa_allows(account_id, &account_uri, &coverage).await? {
                return self.refuse_issuance(&order, &why).await.map(|()| status);
            }
        }
        // The stored request is read once (unless the caller just did); the names rule goes
        // to the CA with it.
        let csr = match known.filter(|k| k.is_encoded_in(&csr)) {
            Some(known) => Ok(known.clone()),
            None => crate::ca::inspect_csr(csr.as_bytes()),
        };
        let csr = match csr {
            Ok(csr) => csr,
            Err(e) => {
                return self
                    .refuse_issuance(&order, &unusable_csr(&e).text(app::i18n::Lang::En))
                    .await
                    .map(|()| status);
            }
        };
        let template = match &order.private_ca {
            None => None,
            Some(_) => {
                let product = self
                    .catalog
                    .product_for_order(account_id, order.product_id, order.currency.as_str())
                    .await?;
                let rules = product.template_fields.unwrap_or_default();
                // Older orders stored "{}"; they had no attributes.
                let attributes: Vec<String> =
                    serde_json::from_str(&order.template_values).unwrap_or_default();
                match template_subject(&rules, &names, &attributes) {
                    Ok(t) => Some(t),
                    Err(why) => {
                        // Recorded on the order for staff, in English like the rest of its log.
                        let why = why.text(app::i18n::Lang::En);
                        return self.refuse_issuance(&order, &why).await.map(|()| status);
                    }
                }
            }
        };
        // The organization is read again now: its vetting may have aged out, or the desk
        // suspended it, since the order was placed.
        let level = order.product_kind.vetting_level();
        let vetted = match (level, order.organization_id) {
            (Some(level), Some(id)) => match self
                .organization_readiness(account_id.into(), id.into(), level)
                .await?
            {
                Readiness::Ready(subject) => Some(subject),
                // The desk has not decided yet: its decision issues the order.
                Readiness::InVetting => return Ok(status),
                Readiness::Refused(why) => {
                    let why = why.text(app::i18n::Lang::En);
                    return self.refuse_issuance(&order, &why).await.map(|()| status);
                }
            },
            (Some(_), None) => {
                let why = "An OV or EV order must name a vetted organization.";
                return self.refuse_issuance(&order, why).await.map(|()| status);
            }
            (None, _) => None,
        };
        if level == Some(app::model::organizations::VettingLevel::Ev) {
            match self.ev_gate(&order).await? {
                super::ev::EvGate::Ready => {}
                // An answer still to come issues the order when it does.
                super::ev::EvGate::Waiting => return Ok(status),
                super::ev::EvGate::Rejected(why) => {
                    return self.refuse_issuance(&order, &why).await.map(|()| status);
                }
            }
        }
        let options = SignOptions {
            profile: &order.profile,
            days: Some(i64::from(order.validity_days)),
            ca: order.private_ca.as_deref(),
            template: template.as_ref(),
            names: if public {
                NamesRule::Exactly(&names)
            } else {
                NamesRule::AsRequested
            },
            vetted: vetted.as_ref(),
        };
        let issued = match self.authority.sign(&csr, options).await {
            Ok(issued) => issued,
            Err(CaError::Names(m)) => {
                return self
                    .refuse_issuance(&order, &names_differ(&m).text(app::i18n::Lang::En))
                    .await
                    .map(|()| status);
            }
            Err(CaError::Refused { rule, detail }) => {
                let why = format!("The CA refused to issue ({rule}): {detail}.");
                return self.refuse_issuance(&order, &why).await.map(|()| status);
            }
            // A log outage is not the order's fault: the order stays as it is, and issuing
            // again (the order page, a retried ACME finalize) tries under a new serial.
            Err(CaError::Transparency(why)) => {
                return Err(OrderError::Refused(
                    Msg::new("err-ct-logs-short").arg("detail", why),
                ));
            }
            Err(e) => return Err(e.into()),
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        // The table allows the step; the conditional update keeps two issuers from racing.
        OrderStatus::after(status, OrderEvent::Issue).ok_or(OrderError::NotFound)?;
        if !orders::fulfil(
            &tx,
            account_id,
            order.id,
            status,
            issued.certificate_id,
            now,
        )
        .await?
        {
            return Err(OrderError::Refused(Msg::new(
                "err-someone-else-changed-order-moment",
            )));
        }
        orders::add_event(
            &tx,
            order.id,
            actor,
            OrderStatus::Fulfilled.label(),
            &format!("Certificate issued, serial {}", issued.serial_hex),
            now,
        )
        .await?;
        let lang = super::mail_lang::order_lang(&tx, &order).await?;
        self.queue_tracked(&tx, &order, now, |to, link| {
            mails::ready(lang, &order, &names, to, link)
        })
        .await?;
        self.send_delegate_pin(&tx, &order, now).await?;
        self.commit_and_send(tx).await?;
        if order.interim_certificate_id.is_some() {
            // Without a grace period the interim DV certificate goes now; otherwise the job
            // takes it when the period ends. The order is issued either way.
            if let Err(e) = self.supersede_interims().await {
                tracing::warn!(order = order.id, error = %e, "superseding the interim DV certificate failed");
            }
        }
        Ok(OrderStatus::Fulfilled)
    }

    /// RFC 8659 for each name, refusing on the first name CAA does not allow; RFC 8657's
    /// parameters are compared with the requesting account (`account_uri`) and the method
    /// of the validation that covers the name. Each check the primary passes is repeated from
    /// the remote perspectives (TLS BR 3.2.2.9). `Ok(Err)` is the refusal to record.
    pub(super) async fn caa_allows(
        &self,
        account_id: i32,
        account_uri: &str,
        coverage: &[NameCoverage],
    ) -> Result<Result<(), String>, OrderError> {
        for c in coverage {
            let name = &c.name;
            // Issuance asks only once every name is covered.
            let Some(domain) = &c.covered_by else {
                return Ok(Err(format!(
                    "{name} has no validation CAA could be checked for"
                )));
            };
            let request = CaaRequest {
                account_uri,
                method: validated_by(domain),
            };
            let base = dns_name::base_of(name);
            let wildcard = name.starts_with("*.");
            let identities = &self.caa_identities;
            if let Err(e) = check_caa(&*self.dns, identities, request, base, wildcard).await {
                return Ok(Err(format!("CAA does not allow issuance: {e}")));
            }
            let check: Check<'_> = check(move |remote: Arc<dyn Remote>| async move {
                check_caa(&*remote, identities, request, base, wildcard)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            });
            let corroborated = self
                .validation
                .corroborate(account_id, base, CorroboratedCheck::Caa, check)
                .await?;
            if let Err(why) = corroborated {
                return Ok(Err(format!(
                    "CAA is not corroborated from the remote network perspectives: {}",
                    refusal_text(&why)
                )));
            }
        }
        Ok(Ok(()))
    }

    /// The URI a CAA `accounturi` must name to allow this order (RFC 8657): the ACME
    /// account's URL for an order placed through ACME, the account's `acct:` URI otherwise.
    pub(super) async fn caa_account_uri(&self, order: &OrderRow) -> Result<String, OrderError> {
        if *order.source == OrderSource::Acme
            && let Some(acme_order) = acme::order_of_order_row(&self.store, order.id).await?
        {
            return Ok(caa::acme_account_uri(
                &self.public_url,
                acme_order.acme_account_id,
            ));
        }
        Ok(caa::portal_account_uri(&self.public_url, order.account_id))
    }

    async fn refuse_issuance(&self, order: &OrderRow, why: &str) -> Result<(), OrderError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        orders::set_issue_error(&tx, order.account_id, order.id, Some(why)).await?;
        orders::add_event(&tx, order.id, "Rootline", "Issuance refused", why, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks a paid order as in progress when someone acted on it (a CSR, a validation).
    pub(super) async fn progressed(
        &self,
        order: &OrderRow,
        actor: &str,
        detail: &str,
    ) -> Result<(), OrderError> {
        let status = *order.status;
        if status != OrderStatus::Accepted {
            let now = self.clock.now();
            orders::add_event(&self.store, order.id, actor, "Updated", detail, now).await?;
            return Ok(());
        }
        let now = self.clock.now();
        step(
            &self.store,
            order,
            OrderEvent::Act,
            actor,
            detail,
            None,
            now,
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_template_takes_names_and_addresses() {
        let rules = crate::domain::template::Template::ServerTls.default_fields();
        let t = template_subject(&rules, &["db.corp".into(), "10.1.2.3".into()], &[]).unwrap();
        assert_eq!(t.dns, vec!["db.corp".to_owned()]);
        assert_eq!(t.ips.len(), 1);
        assert!(
            t.attributes
                .iter()
                .any(|(f, v)| *f == Field::CommonName && v == "db.corp")
        );
    }

    #[test]
    fn given_attributes_fill_dynamic_fields_and_others_are_refused() {
        use crate::domain::template::Template;
        let mut rules = Template::ServerTls.default_fields();
        rules.push(FieldRule {
            field: Field::Organization,
            mode: Mode::Dynamic { required: true },
        });
        let mut attributes = vec![String::new(); 9];
        assert!(
            template_subject(&rules, &["db.corp".into()], &attributes).is_err(),
            "O is required"
        );
        attributes[1] = "Acme Ltd".into();
        attributes[0] = "Database".into();
        let t = template_subject(&rules, &["db.corp".into()], &attributes).unwrap();
        assert!(
            t.attributes
                .iter()
                .any(|(f, v)| *f == Field::Organization && v == "Acme Ltd")
        );
        assert!(
            t.attributes
                .iter()
                .any(|(f, v)| *f == Field::CommonName && v == "Database")
        );
        attributes[3] = "Pune".into();
        assert!(
            template_subject(&rules, &["db.corp".into()], &attributes).is_err(),
            "the template has no locality"
        );
    }
}
