//! The audit log is a hash chain: each entry's hash covers its fields and the previous hash,
//! so editing or deleting a row breaks every later link.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

pub struct ChainFields<'a> {
    pub prev_hash: &'a str,
    pub at_rfc3339: &'a str,
    pub account_id: Option<i32>,
    pub user_id: Option<i32>,
    pub ip: Option<&'a str>,
    pub module: &'a str,
    pub action: &'a str,
    pub summary: &'a str,
}

/// SHA-256 over length-prefixed fields, so no two different entries share an encoding.
pub fn entry_hash(f: &ChainFields<'_>) -> String {
    let mut h = Sha256::new();
    let opt_num = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    let parts = [
        f.prev_hash.to_owned(),
        f.at_rfc3339.to_owned(),
        opt_num(f.account_id),
        opt_num(f.user_id),
        f.ip.unwrap_or_default().to_owned(),
        f.module.to_owned(),
        f.action.to_owned(),
        f.summary.to_owned(),
    ];
    for part in &parts {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(summary: &str) -> ChainFields<'_> {
        ChainFields {
            prev_hash: GENESIS,
            at_rfc3339: "2026-11-21T00:00:00+00:00",
            account_id: Some(1),
            user_id: None,
            ip: Some("127.0.0.1"),
            module: "identity",
            action: "sign_up",
            summary,
        }
    }

    #[test]
    fn any_change_changes_the_hash() {
        let a = entry_hash(&fields("Enterprise sign-up"));
        assert_eq!(a, entry_hash(&fields("Enterprise sign-up")));
        assert_ne!(a, entry_hash(&fields("Enterprise sign-up.")));
        let mut moved = fields("Enterprise sign-up");
        moved.account_id = Some(11);
        assert_ne!(a, entry_hash(&moved));
    }
}
