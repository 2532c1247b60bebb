//! Form fields that are not text, as a server function reads them from a flattened form
//! (`#[server(flatten)]`), where every value arrives as text.
//!
//! A checkbox: the browser posts it only when it is ticked, with its `value` (`on` unless the
//! markup says otherwise); a server function's own client, which re-encodes the form it read,
//! posts `true` or `false`.

use serde::{Deserializer, de};

/// Reads a ticked box as `true` whatever value it posts, except `false`. Use with
/// `#[serde(default, deserialize_with = "…")]`, so an absent box is unticked. JSON booleans
/// read as themselves.
pub fn checkbox<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    struct Ticked;

    impl de::Visitor<'_> for Ticked {
        type Value = bool;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a checkbox value")
        }

        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
            Ok(v != "false")
        }
    }

    deserializer.deserialize_any(Ticked)
}

/// Reads a whole number posted as text (`order_id=12`); JSON numbers read as themselves.
pub fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
    struct Number;

    impl de::Visitor<'_> for Number {
        type Value = i32;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i32, E> {
            i32::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i32, E> {
            i32::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<i32, E> {
            v.trim()
                .parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }

    deserializer.deserialize_any(Number)
}

#[cfg(test)]
mod tests {
    use serde::de::value::{BoolDeserializer, Error, I64Deserializer, StrDeserializer};

    use super::{checkbox, number};

    #[test]
    fn a_number_reads_from_text_or_json_and_refuses_anything_else() {
        assert_eq!(number(StrDeserializer::<Error>::new("12")), Ok(12));
        assert_eq!(number(I64Deserializer::<Error>::new(12)), Ok(12));
        assert!(number(StrDeserializer::<Error>::new("twelve")).is_err());
        assert!(number(StrDeserializer::<Error>::new("")).is_err());
        assert!(number(I64Deserializer::<Error>::new(i64::MAX)).is_err());
    }

    #[test]
    fn any_posted_value_but_false_is_ticked() {
        for (posted, ticked) in [
            ("on", true),
            ("yes", true),
            ("true", true),
            ("", true),
            ("false", false),
        ] {
            assert_eq!(
                checkbox(StrDeserializer::<Error>::new(posted)),
                Ok(ticked),
                "{posted:?}"
            );
        }
        assert_eq!(checkbox(BoolDeserializer::<Error>::new(false)), Ok(false));
        assert_eq!(checkbox(BoolDeserializer::<Error>::new(true)), Ok(true));
    }
}
