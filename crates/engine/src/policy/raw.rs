//! The JSON shape of a policy document, read straight from text with serde
//! (no intermediate `serde_json::Value`, strings borrowed where possible).
//! Every element that may be a string or a list is read as a list; anything
//! of the wrong type or unknown is an error, reported as "Syntax errors in
//! policy." by the caller.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::small::Small;

/// The elements of a document other than `Statement`.
#[derive(Debug, Default)]
pub struct DocHeader<'a> {
    /// `Version` (`None` when absent or null).
    pub version: Option<Cow<'a, str>>,
    /// `Id` (`None` when absent or null).
    pub id: Option<Cow<'a, str>>,
}

/// Reads a whole document in one pass, handing each statement to `each` as
/// soon as it is read, with whether policy variables are on as far as is
/// known then (`Version` 2012-10-17 seen, or no `Version` seen yet, which is
/// a guess the caller checks against the final [`DocHeader`]). Unknown,
/// repeated or missing elements are errors.
pub fn read_doc<'de, D, F>(d: D, each: F) -> Result<DocHeader<'de>, D::Error>
where
    D: Deserializer<'de>,
    F: FnMut(RawStatement<'de>, bool),
{
    struct DocVisitor<F>(F);
    impl<'de, F: FnMut(RawStatement<'de>, bool)> Visitor<'de> for DocVisitor<F> {
        type Value = DocHeader<'de>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a policy document")
        }
        fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
            const FIELDS: &[&str] = &["Version", "Id", "Statement"];
            let mut version: Option<Option<Cow<'de, str>>> = None;
            let mut id: Option<Option<Cow<'de, str>>> = None;
            let mut statement = false;
            while let Some(Str(key)) = map.next_key::<Str<'de>>()? {
                match key.as_ref() {
                    "Version" if version.is_some() => {
                        return Err(de::Error::duplicate_field("Version"));
                    }
                    "Version" => version = Some(map.next_value::<Option<Str<'de>>>()?.map(|s| s.0)),
                    "Id" if id.is_some() => return Err(de::Error::duplicate_field("Id")),
                    "Id" => id = Some(map.next_value::<Option<Str<'de>>>()?.map(|s| s.0)),
                    "Statement" if statement => {
                        return Err(de::Error::duplicate_field("Statement"));
                    }
                    "Statement" => {
                        statement = true;
                        let variables = match &version {
                            None => true,
                            Some(v) => v.as_deref() == Some("2012-10-17"),
                        };
                        map.next_value_seed(StatementsSeed {
                            each: &mut self.0,
                            variables,
                        })?;
                    }
                    other => return Err(de::Error::unknown_field(other, FIELDS)),
                }
            }
            if !statement {
                return Err(de::Error::missing_field("Statement"));
            }
            Ok(DocHeader {
                version: version.flatten(),
                id: id.flatten(),
            })
        }
    }
    d.deserialize_map(DocVisitor(each))
}

/// `Statement`: one object or a list of them, each handed on as read.
struct StatementsSeed<'f, F> {
    each: &'f mut F,
    variables: bool,
}

impl<'de, F: FnMut(RawStatement<'de>, bool)> de::DeserializeSeed<'de> for StatementsSeed<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnMut(RawStatement<'de>, bool)> Visitor<'de> for StatementsSeed<'_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object or a list of objects")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<RawStatement<'de>>()? {
            (self.each)(item, self.variables);
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let one = RawStatement::deserialize(de::value::MapAccessDeserializer::new(map))?;
        (self.each)(one, self.variables);
        Ok(())
    }
}

/// One statement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatement<'a> {
    #[serde(rename = "Sid", borrow, default)]
    pub sid: Option<Cow<'a, str>>,
    #[serde(rename = "Effect", borrow)]
    pub effect: Cow<'a, str>,
    #[serde(rename = "Principal", borrow, default)]
    pub principal: Option<RawPrincipal<'a>>,
    #[serde(rename = "NotPrincipal", borrow, default)]
    pub not_principal: Option<RawPrincipal<'a>>,
    #[serde(rename = "Action", borrow, default)]
    pub action: Option<Strings<'a>>,
    #[serde(rename = "NotAction", borrow, default)]
    pub not_action: Option<Strings<'a>>,
    #[serde(rename = "Resource", borrow, default)]
    pub resource: Option<Strings<'a>>,
    #[serde(rename = "NotResource", borrow, default)]
    pub not_resource: Option<Strings<'a>>,
    #[serde(rename = "Condition", borrow, default)]
    pub condition: Option<RawConditions<'a>>,
}

/// A string or a list of strings (a single string needs no list).
#[derive(Debug, Default)]
pub struct Strings<'a>(pub Small<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Strings<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Strings<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Strings(Small::One([Cow::Borrowed(v)])))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Strings(Small::One([Cow::Owned(v.to_owned())])))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Strings(Small::One([Cow::Owned(v)])))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Small::default();
                while let Some(Str(s)) = seq.next_element()? {
                    out.push(s);
                }
                Ok(Strings(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// One string, borrowed when it has no escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A condition value: a string, boolean or number, or a list of them, all
/// kept as text.
#[derive(Debug, Default)]
pub struct Scalars(pub Small<String>);

impl<'de> Deserialize<'de> for Scalars {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V {
            nested: bool,
        }
        impl<'de> Visitor<'de> for V {
            type Value = Scalars;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, boolean or number, or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Scalars(Small::One([v.to_owned()])))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Scalars(Small::One([v])))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Scalars(Small::One([v.to_string()])))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Scalars(Small::One([v.to_string()])))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Scalars(Small::One([v.to_string()])))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                // JSON has no NaN or infinity, so `from_f64` always succeeds here; the
                // fallback avoids core's float formatting (~10 KB of wasm).
                match serde_json::Number::from_f64(v) {
                    Some(n) => Ok(Scalars(Small::One([n.to_string()]))),
                    None => Err(de::Error::invalid_value(
                        de::Unexpected::Other("a number that is not finite"),
                        &self,
                    )),
                }
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                if self.nested {
                    return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
                }
                let mut out = Small::default();
                while let Some(Scalars(one)) = seq.next_element_seed(ScalarSeed)? {
                    match one {
                        Small::One([v]) => out.push(v),
                        Small::Many(vs) => vs.into_iter().for_each(|v| out.push(v)),
                    }
                }
                Ok(Scalars(out))
            }
        }
        struct ScalarSeed;
        impl<'de> de::DeserializeSeed<'de> for ScalarSeed {
            type Value = Scalars;
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Scalars, D::Error> {
                d.deserialize_any(V { nested: true })
            }
        }
        d.deserialize_any(V { nested: false })
    }
}

/// `Principal` / `NotPrincipal`: `"*"` or a map of type to values.
#[derive(Debug)]
pub enum RawPrincipal<'a> {
    /// A bare string (valid only as `"*"`).
    Text(Cow<'a, str>),
    /// `{"AWS": ..., "Service": ...}`, in document order.
    Map(Vec<(Cow<'a, str>, Strings<'a>)>),
}

impl<'de: 'a, 'a> Deserialize<'de> for RawPrincipal<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawPrincipal<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"*\" or a map of principal types")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawPrincipal::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawPrincipal::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(2);
                while let Some((Str(k), v)) = map.next_entry::<Str<'de>, Strings<'de>>()? {
                    out.push((k, v));
                }
                Ok(RawPrincipal::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// `Condition`: operator -> key -> values, in document order.
#[derive(Debug, Default)]
pub struct RawConditions<'a>(pub Vec<(Cow<'a, str>, KeyValues<'a>)>);

/// The keys of one condition operator, each with its values.
pub type KeyValues<'a> = Vec<(Cow<'a, str>, Scalars)>;

impl<'de: 'a, 'a> Deserialize<'de> for RawConditions<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Keys<'a>(KeyValues<'a>);
        impl<'de: 'a, 'a> Deserialize<'de> for Keys<'a> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Keys<'de>;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a map of condition keys to values")
                    }
                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<Self::Value, A::Error> {
                        let mut out = Vec::with_capacity(2);
                        while let Some((Str(k), v)) = map.next_entry::<Str<'de>, Scalars>()? {
                            out.push((k, v));
                        }
                        Ok(Keys(out))
                    }
                }
                d.deserialize_map(V)
            }
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawConditions<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of condition operators")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(2);
                while let Some((Str(k), Keys(v))) = map.next_entry::<Str<'de>, Keys<'de>>()? {
                    out.push((k, v));
                }
                Ok(RawConditions(out))
            }
        }
        d.deserialize_map(V)
    }
}
