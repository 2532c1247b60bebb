//! Which of an order's names are covered by a verified domain (reuse within the BR period),
//! which still need validation, and which the administrator has restricted.

use chrono::{DateTime, Utc};

use app::model::{
    dns_name,
    domains::{DcvMethod, DomainStatus},
};

use super::{ValidationError, ValidationService, status};
use crate::{
    domain::dcv,
    store::{Db, DomainRow, StoreError, domains},
};

/// One name of an order and the domain that proves (or is to prove) control of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCoverage {
    pub name: String,
    /// The domain whose verification covers the name, when one does.
    pub covered_by: Option<DomainRow>,
    /// The domain to validate when none covers it: the name itself (without `*.`).
    pub to_validate: Option<DomainRow>,
}

impl NameCoverage {
    pub fn is_covered(&self) -> bool {
        self.covered_by.is_some()
    }
}

/// The names that fall under one of the restricted domains.
pub fn restricted_names(restrictions: &[String], names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|n| restrictions.iter().any(|r| dns_name::is_within(n, r)))
        .cloned()
        .collect()
}

/// The name and each parent with at least two labels: where a covering validation may sit.
fn candidates(name: &str) -> Vec<String> {
    let base = dns_name::base_of(name);
    let labels: Vec<&str> = base.split('.').collect();
    (0..labels.len().saturating_sub(1))
        .filter_map(|i| labels.get(i..).map(|l| l.join(".")))
        .collect()
}

fn covering(rows: &[DomainRow], name: &str, now: DateTime<Utc>) -> Option<DomainRow> {
    rows.iter()
        .filter(|d| status(d, now) == DomainStatus::Verified)
        .find(|d| {
            // A row verified before the method was recorded covers only its exact name.
            let method = d.verified_method.map_or(DcvMethod::HttpFile, |m| *m);
            dcv::covers(&d.name, &method, name)
        })
        .cloned()
}

impl ValidationService {
    /// Coverage of each name at `now`, adding a pending domain (DNS TXT) for every name that
    /// needs validation and is not in the account yet. Runs in the caller's transaction.
    pub async fn cover(
        &self,
        db: &impl Db,
        account_id: i32,
        names: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<NameCoverage>, ValidationError> {
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            let rows = domains::among(db, account_id, &candidates(name)).await?;
            if let Some(d) = covering(&rows, name, now) {
                out.push(NameCoverage {
                    name: name.clone(),
                    covered_by: Some(d),
                    to_validate: None,
                });
                continue;
            }
            let base = dns_name::base_of(name);
            let existing = rows.into_iter().find(|d| d.name == base);
            let row = match existing {
                Some(d) => d,
                None => self.pending_domain(db, account_id, base, now).await?,
            };
            out.push(NameCoverage {
                name: name.clone(),
                covered_by: None,
                to_validate: Some(row),
            });
        }
        Ok(out)
    }

    /// Coverage without adding anything (for reading an order).
    pub async fn coverage(
        &self,
        account_id: i32,
        names: &[String],
    ) -> Result<Vec<NameCoverage>, ValidationError> {
        self.coverage_in(&self.store, account_id, names).await
    }

    /// `coverage` read through `db`, so a use case can see the domains its own open
    /// transaction has just added.
    pub async fn coverage_in(
        &self,
        db: &impl Db,
        account_id: i32,
        names: &[String],
    ) -> Result<Vec<NameCoverage>, ValidationError> {
        let now = self.clock.now();
        let mut out = Vec::with_capacity(names.len());
        for name in names {
            let rows = domains::among(db, account_id, &candidates(name)).await?;
            let covered_by = covering(&rows, name, now);
            let base = dns_name::base_of(name);
            let to_validate = if covered_by.is_some() {
                None
            } else {
                rows.into_iter().find(|d| d.name == base)
            };
            out.push(NameCoverage {
                name: name.clone(),
                covered_by,
                to_validate,
            });
        }
        Ok(out)
    }

    async fn pending_domain(
        &self,
        db: &impl Db,
        account_id: i32,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<DomainRow, ValidationError> {
        let inserted = domains::insert(
            db,
            account_id,
            domains::NewDomain {
                name,
                method: DcvMethod::DnsTxt,
                random_value: &self.random_value(),
            },
            now,
        )
        .await;
        match inserted {
            Ok(d) => Ok(d),
            // Another order added it a moment ago.
            Err(StoreError::Duplicate) => domains::by_name(db, account_id, name)
                .await?
                .ok_or(ValidationError::NotFound),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use app::model::domains::AddDomainForm;

    use super::super::test_support::harness;
    use super::*;
    use crate::ports::Clock;
    use app::i18n::Lang;

    #[test]
    fn candidates_climb_to_the_registrable_level() {
        assert_eq!(
            candidates("*.a.shop.example.com"),
            vec!["a.shop.example.com", "shop.example.com", "example.com"]
        );
        assert_eq!(candidates("example.com"), vec!["example.com"]);
    }

    #[test]
    fn restricted_domains_catch_their_sub_domains_only() {
        let r = vec!["blocked.com".to_owned()];
        let names = vec![
            "www.blocked.com".to_owned(),
            "notblocked.com".to_owned(),
            "*.blocked.com".to_owned(),
        ];
        assert_eq!(
            restricted_names(&r, &names),
            vec!["www.blocked.com".to_owned(), "*.blocked.com".to_owned()]
        );
    }

    #[tokio::test]
    async fn a_verified_base_domain_covers_a_sub_domain_until_the_reuse_period_ends() {
        let h = harness().await;
        let d = h
            .service
            .add_domain(
                h.account_id,
                &AddDomainForm {
                    name: "example.com".into(),
                    method: "dns_txt".into(),
                },
            )
            .await
            .unwrap();
        h.dns
            .add_txt("example.com", d.value.as_deref().unwrap_or_default());
        h.service
            .verify(h.account_id, d.id, Lang::En)
            .await
            .unwrap();

        let names = vec!["shop.example.com".to_owned(), "other.org".to_owned()];
        let now = h.clock.now();
        let cov = h
            .service
            .cover(&h.store, h.account_id, &names, now)
            .await
            .unwrap();
        assert!(cov[0].is_covered());
        assert!(!cov[1].is_covered());
        assert_eq!(
            cov[1].to_validate.as_ref().map(|d| d.name.as_str()),
            Some("other.org")
        );

        // Another account's verification covers nothing here.
        let theirs = h
            .service
            .cover(&h.store, h.other_account_id, &names[..1], now)
            .await
            .unwrap();
        assert!(!theirs[0].is_covered());

        h.clock.advance(chrono::Duration::days(201));
        let later = h.service.coverage(h.account_id, &names[..1]).await.unwrap();
        assert!(
            !later[0].is_covered(),
            "the 200-day reuse period has passed"
        );
    }
}
