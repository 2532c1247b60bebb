//! ACME certificate profiles (draft-ietf-acme-profiles): what the directory advertises, which
//! profile a newOrder gets, and what the order then asks the CA for. An ACME order is a
//! portal order, so a profile becomes the certificate profile and validity on the order's
//! row, which issuance reads as it does for every order.

use app::model::acme::AcmeProfile;

use super::AcmeError;
use crate::ca;

/// The directory's `meta.profiles`: each profile's name and what it issues, for the client's
/// operator to read.
pub fn advertised() -> impl Iterator<Item = (&'static str, &'static str)> {
    AcmeProfile::ALL
        .into_iter()
        .map(|p| (p.as_str(), description(p)))
}

fn description(profile: AcmeProfile) -> &'static str {
    match profile {
        AcmeProfile::Classic => {
            "The default: the certificate of the account's product, as the portal issues it \
             (DV: no subject, serverAuth only; OV: the bound organization), for the product's \
             validity, with a CRL distribution point and an OCSP responder."
        }
        AcmeProfile::TlsServer => {
            "TLS server authentication only: an empty subject with a critical subjectAltName, \
             serverAuth as the only extended key usage, the product's validity, a CRL \
             distribution point and an OCSP responder. DV products only."
        }
        AcmeProfile::ShortLived => {
            "As tlsserver, valid for 6 days (144 hours): a short-lived certificate under the \
             TLS Baseline Requirements, with no CRL distribution point and no OCSP responder, \
             so relying parties do not check its revocation. DV products only."
        }
    }
}

/// A profile a newOrder names; one this server does not offer is `invalidProfile`.
pub(super) fn parse(name: &str) -> Result<AcmeProfile, AcmeError> {
    AcmeProfile::parse(name).ok_or_else(|| {
        AcmeError::InvalidProfile(format!(
            "profile {name:?} is not offered; this server offers {}",
            names()
        ))
    })
}

/// The profile a newOrder gets: the one it names; without one, an order that replaces a
/// certificate (RFC 9773) keeps the profile of the order it replaces, so a renewal stays
/// short-lived; any other order is `classic` (the draft recommends the server pick one).
pub(super) fn chosen(asked: Option<AcmeProfile>, replaced: Option<AcmeProfile>) -> AcmeProfile {
    asked.or(replaced).unwrap_or(AcmeProfile::Classic)
}

fn names() -> String {
    AcmeProfile::ALL
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What an order under a profile asks the CA for, when it differs from its product's own
/// certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Issuance {
    pub ca_profile: &'static str,
    pub validity_days: i64,
}

/// The issuance `profile` asks for from a product whose own certificate profile is
/// `product_profile`: `None` when it is the product's own (`classic`, and `tlsserver` for a
/// DV product, whose certificate already has an empty subject and serverAuth alone). The
/// other profiles have an empty subject, so an OV or private product cannot be ordered
/// under them: the draft's "incompatible with the rest of the request", `invalidProfile`.
pub(super) fn issuance(
    profile: AcmeProfile,
    product_profile: &str,
) -> Result<Option<Issuance>, AcmeError> {
    let dv_only = || {
        AcmeError::InvalidProfile(format!(
            "profile {} issues DV certificates with an empty subject; this account orders \
             {product_profile} certificates, so only classic is offered to it",
            profile.as_str()
        ))
    };
    match profile {
        AcmeProfile::Classic => Ok(None),
        AcmeProfile::TlsServer if product_profile == ca::TLS_DV => Ok(None),
        AcmeProfile::ShortLived if product_profile == ca::TLS_DV => Ok(Some(Issuance {
            ca_profile: ca::TLS_DV_SHORT_LIVED,
            validity_days: ca::SHORT_LIVED_DAYS,
        })),
        AcmeProfile::TlsServer | AcmeProfile::ShortLived => Err(dv_only()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_advertises_exactly_classic_tlsserver_and_shortlived() {
        let names: Vec<&str> = advertised().map(|(name, _)| name).collect();
        assert_eq!(names, ["classic", "tlsserver", "shortlived"]);
        assert!(advertised().all(|(_, d)| !d.is_empty()));
        assert!(
            description(AcmeProfile::ShortLived)
                .contains(&format!("valid for {} days", ca::SHORT_LIVED_DAYS)),
            "the description states the validity the CA gives"
        );
    }

    #[test]
    fn no_profile_is_classic_unless_the_replaced_order_had_one() {
        use AcmeProfile::{Classic, ShortLived, TlsServer};
        assert_eq!(chosen(None, None), Classic);
        assert_eq!(chosen(None, Some(ShortLived)), ShortLived);
        assert_eq!(
            chosen(Some(TlsServer), Some(ShortLived)),
            TlsServer,
            "a profile the client names wins"
        );
    }

    #[test]
    fn an_unknown_profile_name_is_invalid_profile() {
        for p in AcmeProfile::ALL {
            assert_eq!(parse(p.as_str()).unwrap(), p);
        }
        for name in ["", "Classic", "short-lived", "tls-dv", "modern"] {
            assert!(
                matches!(parse(name), Err(AcmeError::InvalidProfile(_))),
                "{name:?}"
            );
        }
    }

    #[test]
    fn dv_products_take_every_profile_and_shortlived_issues_short_lived_dv() {
        assert_eq!(issuance(AcmeProfile::Classic, ca::TLS_DV).unwrap(), None);
        assert_eq!(issuance(AcmeProfile::TlsServer, ca::TLS_DV).unwrap(), None);
        let short = issuance(AcmeProfile::ShortLived, ca::TLS_DV)
            .unwrap()
            .unwrap();
        assert_eq!(short.ca_profile, ca::TLS_DV_SHORT_LIVED);
        assert!(short.validity_days <= 7);
        assert!(ca::profile(short.ca_profile).is_some());
    }

    #[test]
    fn ov_and_private_products_take_classic_alone() {
        for product in ["tls-ov", "private-server-tls"] {
            assert_eq!(issuance(AcmeProfile::Classic, product).unwrap(), None);
            for profile in [AcmeProfile::TlsServer, AcmeProfile::ShortLived] {
                assert!(
                    matches!(
                        issuance(profile, product),
                        Err(AcmeError::InvalidProfile(_))
                    ),
                    "{profile:?} {product}"
                );
            }
        }
    }
}
