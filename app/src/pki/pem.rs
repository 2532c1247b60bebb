//! PEM armour (RFC 7468) for every part of Rootline: certificates, CSRs and chains are written
//! and read here, by the maintained `pem` crate, on the server and in the browser alike.

/// `der` as PEM under `label` ("CERTIFICATE", "CERTIFICATE REQUEST"): 64-character lines,
/// `\n` line ends, as OpenSSL writes it.
pub fn encode(label: &str, der: &[u8]) -> String {
    ::pem::encode_config(
        &::pem::Pem::new(label, der),
        ::pem::EncodeConfig::new().set_line_ending(::pem::LineEnding::LF),
    )
}

/// The label and contents of the first PEM block in `text`; text around it (OpenSSL's
/// `-text` output, a mail's quoting) is ignored. None when there is no well-formed block.
pub fn decode(text: &[u8]) -> Option<(String, Vec<u8>)> {
    let block = ::pem::parse(text).ok()?;
    Some((block.tag().to_owned(), block.into_contents()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_wraps_at_64_and_decoding_reads_it_back_among_other_text() {
        let der = [0xabu8; 100];
        let pem = encode("CERTIFICATE", &der);
        assert!(pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
        assert!(pem.ends_with("-----END CERTIFICATE-----\n"));
        assert!(pem.lines().all(|line| line.len() <= 64));
        let quoted = format!("Certificate:\n  some text\n{pem}trailing words\n");
        assert_eq!(
            decode(quoted.as_bytes()),
            Some(("CERTIFICATE".to_owned(), der.to_vec()))
        );
        assert_eq!(decode(b"no armour here"), None);
    }
}
