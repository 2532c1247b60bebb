//! Private CAs an account creates for its intranet products: the account's own root (made
//! with its first private CA) and issuing CAs under it, outside the operator's public
//! hierarchy, so internal names and IP addresses never chain to the public root.

use super::{Authority, CaError, hierarchy::Purpose, init::NewCa};
use crate::{
    ports::keys::KeySpec,
    store::{AuthorityRow, authorities},
};

/// Twenty years for an account's root, ten for its issuing CAs (as in the public hierarchy).
const PRIVATE_ROOT_DAYS: i64 = 7305;
const PRIVATE_ISSUING_DAYS: i64 = 3653;

fn refused(rule: &'static str, detail: impl Into<String>) -> CaError {
    CaError::Refused {
        rule,
        detail: detail.into(),
    }
}

/// The URL-safe part of a private CA's name: lower-case letters, digits and dashes.
fn slug(label: &str) -> Result<String, CaError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 40 {
        return Err(refused(
            "ca.label",
            "a private CA's name must be 1 to 40 characters",
        ));
    }
    if !label
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(refused(
            "ca.label",
            "a private CA's name may use letters, digits, spaces and dashes",
        ));
    }
    let slug = label
        .to_ascii_lowercase()
        .split([' ', '-'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug == "root" {
        return Err(refused("ca.label", "\"root\" names the account's root CA"));
    }
    Ok(slug)
}

/// The name of an account's private CA: `acct<id>-<slug>` (and `acct<id>-root`).
pub fn private_ca_name(account_id: i32, slug: &str) -> String {
    format!("acct{account_id}-{slug}")
}

impl Authority {
    /// Creates an issuing CA for an account's private products, and the account's private root
    /// first if it has none. `organization` is the account's name, which both carry.
    pub async fn create_private_ca(
        &self,
        account_id: i32,
        organization: &str,
        label: &str,
        spec: KeySpec,
    ) -> Result<AuthorityRow, CaError> {
        let organization = organization.trim();
        if organization.is_empty() || organization.chars().count() > 64 {
            return Err(refused(
                "ca.organization",
                "the organization must be 1 to 64 characters",
            ));
        }
        let name = private_ca_name(account_id, &slug(label)?);
        if authorities::find_by_name(&self.store, &name)
            .await?
            .is_some()
        {
            return Err(refused(
                "ca.label",
                format!(
                    "the account already has a private CA named {:?}",
                    label.trim()
                ),
            ));
        }
        let root_name = private_ca_name(account_id, "root");
        let root = match authorities::find_by_name(&self.store, &root_name).await? {
            Some(root) => root,
            None => {
                let common_name = format!("{organization} Private Root CA");
                self.create_ca(
                    &NewCa {
                        name: &root_name,
                        common_name: &common_name,
                        organization: Some(organization),
                        purposes: Vec::new(),
                        validity_days: PRIVATE_ROOT_DAYS,
                        policies: &[],
                        account_id: Some(account_id),
                    },
                    spec,
                    None,
                )
                .await?
            }
        };
        let root_signer = self.signer_of(&root).await?;
        let common_name = format!("{organization} {} CA", label.trim());
        self.create_ca(
            &NewCa {
                name: &name,
                common_name: &common_name,
                organization: Some(organization),
                purposes: vec![Purpose::ServerAuth, Purpose::ClientAuth],
                validity_days: PRIVATE_ISSUING_DAYS,
                policies: &[],
                account_id: Some(account_id),
            },
            spec,
            Some((&root, root_signer.as_ref())),
        )
        .await
    }

    /// The private CAs of an account (its root first).
    pub async fn private_cas(&self, account_id: i32) -> Result<Vec<AuthorityRow>, CaError> {
        Ok(authorities::for_account(&self.store, account_id).await?)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::{
        ca::{
            SignOptions,
            list::pem_certificate,
            test_support::{SECRET, authority, checked, dv_csr, openssl, openssl_csr, temp_dir},
        },
        domain::template::{Field, FieldRule, Mode, Template, resolve},
        store::test_db::fresh_store,
    };

    fn refusal<T: std::fmt::Debug>(result: Result<T, CaError>) -> &'static str {
        match result {
            Err(CaError::Refused { rule, .. }) => rule,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn private_ca_labels_become_url_safe_names() {
        assert_eq!(slug("Build  Servers").unwrap(), "build-servers");
        assert_eq!(slug(" HQ-2 ").unwrap(), "hq-2");
        for bad in ["", "root", "a/b", "ü", &"x".repeat(41)] {
            assert!(slug(bad).is_err(), "{bad:?}");
        }
    }

    #[tokio::test]
    async fn a_private_template_certificate_chains_to_the_accounts_root_only() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let issuing = ca
            .create_private_ca(7, "Acme Corp", "Intranet", KeySpec::EcP256)
            .await
            .unwrap();
        assert_eq!(issuing.name, "acct7-intranet");
        assert_eq!(issuing.account_id, Some(7));
        let second = ca
            .create_private_ca(7, "Acme Corp", "Build farm", KeySpec::EcP256)
            .await
            .unwrap();
        let names: Vec<String> = ca
            .private_cas(7)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["acct7-root", "acct7-intranet", "acct7-build-farm"]);
        assert_eq!(
            refusal(
                ca.create_private_ca(7, "Acme Corp", "intranet", KeySpec::EcP256)
                    .await
            ),
            "ca.label"
        );

        // A Mutual TLS product: organization fixed, the rest given with the request.
        let mut rules = Template::MutualTls.default_fields();
        rules.push(FieldRule {
            field: Field::Organization,
            mode: Mode::Fixed(vec!["Acme Corp".into()]),
        });
        let subject = resolve(
            &rules,
            &BTreeMap::from([
                (Field::CommonName, vec!["build agent".to_owned()]),
                (Field::Dns, vec!["ci.acme.corp".to_owned()]),
                (Field::Ip, vec!["10.1.2.3".to_owned()]),
            ]),
        )
        .unwrap();
        let dir = temp_dir("private");
        // The request's own subject and names are ignored: only its key is used.
        let csr = openssl_csr(
            &dir,
            "ec:P-256",
            "/CN=ignored.example.com",
            Some("DNS:ignored.example.com"),
            &[],
        );
        let token = ca
            .prepare(
                &checked(&csr),
                SignOptions {
                    profile: Template::MutualTls.profile(),
                    ca: Some(&second.name),
                    template: Some(&subject),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let leaf = ca.issue(token).await.unwrap();
        std::fs::write(dir.join("leaf.pem"), pem_certificate(&leaf.der)).unwrap();
        std::fs::write(dir.join("issuing.pem"), pem_certificate(&second.cert_der)).unwrap();
        std::fs::write(
            dir.join("root.pem"),
            ca.certificate_pem("acct7-root").await.unwrap().unwrap(),
        )
        .unwrap();
        std::fs::write(
            dir.join("public-root.pem"),
            ca.certificate_pem("root").await.unwrap().unwrap(),
        )
        .unwrap();
        let verified = openssl(
            &[
                "verify",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "issuing.pem",
                "-purpose",
                "sslserver",
                "leaf.pem",
            ],
            &dir,
        );
        assert!(verified.contains("leaf.pem: OK"), "{verified}");
        let text = openssl(&["x509", "-in", "leaf.pem", "-noout", "-text"], &dir);
        for expected in [
            "Subject: O = Acme Corp, CN = build agent",
            "DNS:ci.acme.corp",
            "IP Address:10.1.2.3",
            "TLS Web Server Authentication, TLS Web Client Authentication",
        ] {
            assert!(text.contains(expected), "{expected} missing in\n{text}");
        }
        assert!(!text.contains("ignored.example.com"));
        let against_public = std::process::Command::new("openssl")
            .args([
                "verify",
                "-CAfile",
                "public-root.pem",
                "-untrusted",
                "issuing.pem",
            ])
            .arg("leaf.pem")
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            !against_public.status.success(),
            "a private certificate must not chain to the public root"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn private_and_public_profiles_and_cas_do_not_mix() {
        let ca = authority(fresh_store().await, SECRET);
        ca.init(KeySpec::EcP256).await.unwrap();
        let private = ca
            .create_private_ca(3, "Beta Ltd", "Intranet", KeySpec::EcP256)
            .await
            .unwrap();
        let dir = temp_dir("private-mix");
        let csr = dv_csr(&dir);
        let subject = resolve(
            &Template::ServerTls.default_fields(),
            &BTreeMap::from([
                (Field::CommonName, vec!["wiki".to_owned()]),
                (Field::Dns, vec!["wiki.beta.internal".to_owned()]),
            ]),
        )
        .unwrap();
        let csr = checked(&csr);
        let cases: Vec<(SignOptions, &str)> = vec![
            // A private profile needs a private CA named...
            (
                SignOptions {
                    profile: "private-server-tls",
                    template: Some(&subject),
                    ..Default::default()
                },
                "ca.choice",
            ),
            // ...not a public one, and not the account's root.
            (
                SignOptions {
                    profile: "private-server-tls",
                    ca: Some("tls"),
                    template: Some(&subject),
                    ..Default::default()
                },
                "ca.choice",
            ),
            (
                SignOptions {
                    profile: "private-server-tls",
                    ca: Some("acct3-root"),
                    template: Some(&subject),
                    ..Default::default()
                },
                "ca.choice",
            ),
            (
                SignOptions {
                    profile: "private-server-tls",
                    ca: Some("acct3-nothing"),
                    template: Some(&subject),
                    ..Default::default()
                },
                "ca.unknown",
            ),
            // A private profile without its template's values.
            (
                SignOptions {
                    profile: "private-server-tls",
                    ca: Some(&private.name),
                    ..Default::default()
                },
                "template",
            ),
            // A public profile cannot name a CA or take a template.
            (
                SignOptions {
                    profile: "tls-dv",
                    ca: Some(&private.name),
                    ..Default::default()
                },
                "ca.choice",
            ),
            (
                SignOptions {
                    profile: "tls-dv",
                    template: Some(&subject),
                    ..Default::default()
                },
                "template",
            ),
        ];
        for (request, rule) in cases {
            let profile = request.profile;
            assert_eq!(refusal(ca.prepare(&csr, request).await), rule, "{profile}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
