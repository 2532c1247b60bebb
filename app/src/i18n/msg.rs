use std::{borrow::Cow, collections::HashMap};

use serde::{Deserialize, Serialize, Serializer, ser::SerializeStruct};

use super::{FluentValue, Lang, catalogue};

/// A user-facing message that is not yet text: a catalogue key and the values of its
/// placeholders. Validators and services say *what* is wrong without knowing who reads it (the
/// same rule runs in the browser and on the server); whoever shows it renders it in the
/// reader's language, so a Polish user never reads an English refusal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Msg {
    key: Cow<'static, str>,
    #[serde(default)]
    args: Vec<(Cow<'static, str>, MsgArg)>,
}

/// On the wire a message also carries its English text (`en`), which nothing renders: the page
/// reads the key. It is there for whoever reads a server function's answer without the portal
/// (scripts, tests reading the raw body), as that answer said before messages had keys.
impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("Msg", 3)?;
        out.serialize_field("key", &self.key)?;
        if self.args.is_empty() {
            out.skip_field("args")?;
        } else {
            out.serialize_field("args", &self.args)?;
        }
        out.serialize_field("en", &self.text(Lang::En))?;
        out.end()
    }
}

/// The value of one placeholder. Numbers stay numbers so Fluent can choose a plural form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MsgArg {
    Num(i64),
    Text(String),
    /// A part of the sentence that is a message of its own (the rule a name breaks), rendered
    /// in the same language.
    Msg(Box<Msg>),
    /// Messages listed with commas, each rendered in the same language.
    List(Vec<Msg>),
    /// A date, written the reader's way.
    Day(crate::model::Day),
    /// A moment, written the reader's way.
    Moment(crate::model::Moment),
}

impl Msg {
    pub fn new(key: &'static str) -> Self {
        Self {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        }
    }

    /// Fills in the placeholder `{ $name }`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<MsgArg>) -> Self {
        self.args.push((Cow::Borrowed(name), value.into()));
        self
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// The value given for placeholder `name`, if any.
    pub fn arg_value(&self, name: &str) -> Option<&MsgArg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'_>> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MsgArg::Num(n) => FluentValue::from(*n),
                    MsgArg::Text(s) => FluentValue::from(s.as_str()),
                    MsgArg::Msg(m) => FluentValue::from(m.text(lang)),
                    MsgArg::List(items) => FluentValue::from(
                        items
                            .iter()
                            .map(|m| m.text(lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    MsgArg::Day(d) => FluentValue::from(d.text(lang)),
                    MsgArg::Moment(m) => FluentValue::from(m.text(lang)),
                };
                (name.clone(), value)
            })
            .collect();
        catalogue::tr_map(lang, &self.key, &args)
    }
}

/// English, for logs and for clients that negotiate no language (the REST API, ACME).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl From<Msg> for MsgArg {
    fn from(value: Msg) -> Self {
        Self::Msg(Box::new(value))
    }
}

impl From<Vec<Msg>> for MsgArg {
    fn from(value: Vec<Msg>) -> Self {
        Self::List(value)
    }
}

impl From<crate::model::Day> for MsgArg {
    fn from(value: crate::model::Day) -> Self {
        Self::Day(value)
    }
}

impl From<crate::model::Moment> for MsgArg {
    fn from(value: crate::model::Moment) -> Self {
        Self::Moment(value)
    }
}

impl From<String> for MsgArg {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

impl From<&str> for MsgArg {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<&String> for MsgArg {
    fn from(value: &String) -> Self {
        Self::Text(value.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for MsgArg {
            fn from(value: $t) -> Self {
                Self::Num(i64::from(value))
            }
        }
    )*};
}
number_arg!(i8, i16, i32, i64, u8, u16, u32);

// Counts and sizes: far below i64::MAX in practice; a value beyond it is shown as text
// rather than wrapped into a wrong number.
macro_rules! wide_number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for MsgArg {
            fn from(value: $t) -> Self {
                i64::try_from(value).map_or_else(|_| Self::Text(value.to_string()), Self::Num)
            }
        }
    )*};
}
wide_number_arg!(u64, usize, i128, u128);
