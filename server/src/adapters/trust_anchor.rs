//! The DNSSEC trust anchor that DCV and CAA lookups are validated to (TLS BR 3.2.2.4 and
//! 3.2.2.8.1): the IANA root's keys by default, or `ROOTLINE_DNSSEC_TRUST_ANCHOR`, a file of
//! DNSKEY or DS records in zone-file form (test roots, a root key roll before hickory knows it).

use std::{
    fmt,
    path::{Path, PathBuf},
    sync::Arc,
};

use hickory_proto::{
    dnssec::{
        TrustAnchors,
        rdata::{DNSKEY, DNSSECRData, DS},
    },
    rr::{Name, RData},
    serialize::txt::{
        Parser,
        trust_anchor::{self as anchor_txt, Entry},
    },
};

#[derive(Debug, thiserror::Error)]
pub enum AnchorError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a zone file of DNSKEY or DS records: {reason}")]
    Syntax { path: PathBuf, reason: String },
    #[error("{path} holds {what}; a trust anchor file holds DNSKEY and DS records only")]
    OtherRecord { path: PathBuf, what: String },
    #[error("{path} holds no DNSKEY or DS record")]
    Empty { path: PathBuf },
    #[error("the trust anchor's DNSKEY at {name} cannot be used: {reason}")]
    BadKey { name: Name, reason: String },
}

/// Keys trusted as they are, and DS records that make a key of their owner's DNSKEY set
/// trusted once it is fetched and matches.
#[derive(Clone)]
pub struct TrustAnchor {
    source: Source,
    keys: Vec<(Name, DNSKEY)>,
    ds: Vec<(Name, DS)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Source {
    IanaRoot,
    File(PathBuf),
}

impl fmt::Debug for TrustAnchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Default for TrustAnchor {
    fn default() -> Self {
        Self::iana_root()
    }
}

impl TrustAnchor {
    /// The root zone's key-signing keys as IANA publishes them (KSK-2017 and KSK-2024), built
    /// into hickory.
    pub fn iana_root() -> Self {
        Self {
            source: Source::IanaRoot,
            keys: Vec::new(),
            ds: Vec::new(),
        }
    }

    pub fn from_file(path: &Path) -> Result<Self, AnchorError> {
        let text = std::fs::read_to_string(path).map_err(|source| AnchorError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// `text` in zone-file form (`. 172800 IN DNSKEY 257 3 8 AwEAA…`, `. IN DS 20326 8 2
    /// E06D…`), one record per line or in parentheses; owner names are absolute, class and
    /// TTL optional.
    pub fn parse(text: &str, path: &Path) -> Result<Self, AnchorError> {
        let syntax = |reason: String| AnchorError::Syntax {
            path: path.to_owned(),
            reason,
        };
        // hickory reads DNSKEY records only with its anchor parser (its zone parser refuses
        // them) and DS records only with its zone parser: each line goes to its own.
        let mut dnskey_lines = String::new();
        let mut ds_lines = String::new();
        for record in records(text) {
            let (kind, line) = canonical(&record).unwrap_or_default();
            let lines = match kind.as_str() {
                "DNSKEY" => &mut dnskey_lines,
                "DS" => &mut ds_lines,
                other => {
                    return Err(AnchorError::OtherRecord {
                        path: path.to_owned(),
                        what: format!("a {other} record"),
                    });
                }
            };
            lines.push_str(&line);
            lines.push('\n');
        }
        let mut keys = Vec::new();
        for entry in anchor_txt::Parser::new(dnskey_lines.as_str())
            .parse()
            .map_err(|e| syntax(e.to_string()))?
        {
            // The anchor parser makes DNSKEY entries only; the enum may grow.
            let Entry::DNSKEY(record) = entry else {
                continue;
            };
            keys.push((record.name().clone(), record.data().clone()));
        }
        let mut ds = Vec::new();
        if !ds_lines.is_empty() {
            let (_, sets) = Parser::new(ds_lines, Some(path.to_owned()), Some(Name::root()))
                .parse()
                .map_err(|e| syntax(e.to_string()))?;
            for set in sets.values() {
                for record in set.records_without_rrsigs() {
                    if let RData::DNSSEC(DNSSECRData::DS(d)) = &record.data {
                        ds.push((record.name.clone(), d.clone()));
                    }
                }
            }
        }
        if keys.is_empty() && ds.is_empty() {
            return Err(AnchorError::Empty {
                path: path.to_owned(),
            });
        }
        let anchor = Self {
            source: Source::File(path.to_owned()),
            keys,
            ds,
        };
        // A key hickory cannot use would only surface at the first lookup.
        anchor.with_keys(&[])?;
        Ok(anchor)
    }

    /// For logs: where the anchor comes from and what it holds.
    pub fn describe(&self) -> String {
        match &self.source {
            Source::IanaRoot => "the IANA root trust anchor (KSK-2017, KSK-2024)".into(),
            Source::File(path) => format!(
                "{} ({} DNSKEY, {} DS)",
                path.display(),
                self.keys.len(),
                self.ds.len()
            ),
        }
    }

    /// The owners of DS records, whose DNSKEY sets must be fetched before validating.
    pub fn ds_owners(&self) -> Vec<Name> {
        let mut names: Vec<Name> = self.ds.iter().map(|(n, _)| n.clone()).collect();
        names.sort();
        names.dedup();
        names
    }

    /// The keys among `fetched` (DNSKEY records of `owner`) that one of the anchor's DS
    /// records at `owner` names by digest.
    pub fn matching_keys(&self, owner: &Name, fetched: &[DNSKEY]) -> Vec<(Name, DNSKEY)> {
        fetched
            .iter()
            .filter(|key| {
                self.ds
                    .iter()
                    .filter(|(n, _)| n == owner)
                    .any(|(_, d)| d.covers(owner, key).unwrap_or(false))
            })
            .map(|key| (owner.clone(), key.clone()))
            .collect()
    }

    /// hickory's anchor set: the anchor's keys, and `from_ds`, keys that its DS records
    /// matched.
    pub fn with_keys(&self, from_ds: &[(Name, DNSKEY)]) -> Result<Arc<TrustAnchors>, AnchorError> {
        if self.source == Source::IanaRoot {
            return Ok(Arc::new(TrustAnchors::default()));
        }
        let mut anchors = TrustAnchors::empty();
        for (name, key) in self.keys.iter().chain(from_ds) {
            if key.revoke() {
                return Err(AnchorError::BadKey {
                    name: name.clone(),
                    reason: "the key is revoked (RFC 5011)".into(),
                });
            }
            anchors.insert_with_name(key.public_key(), name.into());
        }
        Ok(Arc::new(anchors))
    }

    /// Whether `key` is one of the anchor's keys (a DS record's key is known only once
    /// fetched, so not counted).
    pub fn holds(&self, key: &DNSKEY) -> bool {
        self.keys
            .iter()
            .any(|(_, k)| k.public_key() == key.public_key())
    }
}

/// The records of a zone-file text without comments, a record in parentheses on one line.
fn records(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut open = false;
    for line in text.lines() {
        let line = line.split(';').next().unwrap_or_default();
        for c in line.chars() {
            match c {
                '(' => open = true,
                ')' => open = false,
                c => current.push(c),
            }
        }
        current.push(' ');
        if !open {
            if !current.trim().is_empty() {
                out.push(current.trim().to_owned());
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

/// A record line `owner [ttl] [class] TYPE rdata…` written out in full, `owner ttl class TYPE
/// rdata…` (hickory's anchor parser needs the TTL or the class), with its type upper-cased.
fn canonical(record: &str) -> Option<(String, String)> {
    let mut tokens = record.split_whitespace().peekable();
    let owner = tokens.next()?;
    let mut ttl = "0";
    let mut class = "IN";
    for _ in 0..2 {
        match tokens.peek() {
            Some(t) if t.chars().all(|c| c.is_ascii_digit()) => ttl = t,
            Some(t) if matches!(t.to_ascii_uppercase().as_str(), "IN" | "CH" | "HS") => class = t,
            _ => break,
        }
        tokens.next();
    }
    let kind = tokens.next()?.to_ascii_uppercase();
    let rdata: Vec<&str> = tokens.collect();
    let line = format!("{owner} {ttl} {class} {kind} {}", rdata.join(" "));
    Some((kind, line))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "5vIoFvwM70Aguy83wotknTxUG4ghPIECFVwCzsLi3FSWmawkR9Da0hmwwgjuknzmEa4Iq20hlEaKf7C+iJPapQ==";

    fn parse(text: &str) -> Result<TrustAnchor, AnchorError> {
        TrustAnchor::parse(text, Path::new("anchor.key"))
    }

    #[test]
    fn a_dnskey_in_keymgr_form_without_class_or_ttl_is_read() {
        let anchor = parse(&format!(". DNSKEY 257 3 13 {KEY}\n")).unwrap();
        assert_eq!(anchor.keys.len(), 1);
        assert!(anchor.ds_owners().is_empty());
        assert_eq!(anchor.describe(), "anchor.key (1 DNSKEY, 0 DS)");
    }

    #[test]
    fn the_iana_root_ds_in_debians_form_is_read() {
        let anchor = parse(
            "; root.ds\n. IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D\n\
             . 172800 IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16\n",
        )
        .unwrap();
        assert_eq!(anchor.ds_owners(), vec![Name::root()]);
        assert_eq!(anchor.describe(), "anchor.key (0 DNSKEY, 2 DS)");
    }

    #[test]
    fn other_records_empty_files_and_garbage_are_refused() {
        assert!(matches!(
            parse(". IN TXT \"hello\"\n"),
            Err(AnchorError::OtherRecord { .. })
        ));
        assert!(matches!(
            parse("; nothing here\n"),
            Err(AnchorError::Empty { .. })
        ));
        assert!(matches!(
            parse(". IN DNSKEY 257 3\n"),
            Err(AnchorError::Syntax { .. })
        ));
    }

    #[test]
    fn a_ds_record_names_only_the_key_whose_digest_it_holds() {
        let key = parse(&format!(". DNSKEY 257 3 13 {KEY}\n")).unwrap().keys[0]
            .1
            .clone();
        let owner = Name::root();
        let digest = key
            .to_digest(&owner, hickory_proto::dnssec::DigestType::SHA256)
            .unwrap();
        let hex: String = digest.as_ref().iter().map(|b| format!("{b:02X}")).collect();
        let tag = key.calculate_key_tag().unwrap();
        let anchor = parse(&format!(". IN DS {tag} 13 2 {hex}\n")).unwrap();
        assert_eq!(
            anchor
                .matching_keys(&owner, std::slice::from_ref(&key))
                .len(),
            1
        );
        let other = parse(&format!(". IN DS {tag} 13 2 {}\n", "00".repeat(32))).unwrap();
        assert!(other.matching_keys(&owner, &[key]).is_empty());
    }
}
