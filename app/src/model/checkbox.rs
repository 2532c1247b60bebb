//! A checkbox as a form field: the browser posts it only when it is ticked, with its `value`
//! (`on` unless the markup says otherwise); a server function's own client, which re-encodes
//! the form it read, posts `true` or `false`.

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

#[cfg(test)]
mod tests {
    use serde::de::value::{BoolDeserializer, Error, StrDeserializer};

    use super::checkbox;

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
