use crate::ports::Random;

/// A certificate serial: 127 bits from the CSPRNG (at least the 64 the BRs require), positive
/// and below 2^159 as RFC 5280 and the BRs require, with a non-zero first octet so its DER
/// encoding is always 16 bytes long.
pub(super) fn random_serial(random: &dyn Random) -> [u8; 16] {
    let mut bytes = [0u8; 16];
    random.fill(&mut bytes);
    bytes[0] = (bytes[0] & 0x7f).max(1);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{adapters::random::OsRandom, ports::random::CountingRandom};

    #[test]
    fn serials_are_positive_and_16_bytes_with_no_leading_zero() {
        for _ in 0..1000 {
            let s = random_serial(&OsRandom);
            assert!(s[0] >= 1 && s[0] <= 0x7f);
        }
        let zero_start = random_serial(&CountingRandom::default());
        assert_eq!(zero_start[0], 1);
    }
}
