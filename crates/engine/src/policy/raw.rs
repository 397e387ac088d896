//! The JSON shape of a policy document, read straight from text with serde
//! (no intermediate `serde_json::Value`, strings borrowed where possible).
//! Every element that may be a string or a list is read as a list; anything
//! of the wrong type or unknown is an error, reported as "Syntax errors in
//! policy." by the caller.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// A whole document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDoc<'a> {
    #[serde(rename = "Version", borrow, default)]
    pub version: Option<Cow<'a, str>>,
    #[serde(rename = "Id", borrow, default)]
    pub id: Option<Cow<'a, str>>,
    #[serde(rename = "Statement", borrow)]
    pub statement: OneOrMany<RawStatement<'a>>,
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

/// `Statement`: one object or a list of them.
#[derive(Debug)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or a list of objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(4).min(64));
                while let Some(item) = seq.next_element()? {
                    out.push(item);
                }
                Ok(OneOrMany(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let one = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(OneOrMany(vec![one]))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A string or a list of strings.
#[derive(Debug, Default)]
pub struct Strings<'a>(pub Vec<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Strings<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Strings<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Strings(vec![Cow::Borrowed(v)]))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Strings(vec![Cow::Owned(v.to_owned())]))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Strings(vec![Cow::Owned(v)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(64));
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
pub struct Scalars(pub Vec<String>);

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
                Ok(Scalars(vec![v.to_owned()]))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Scalars(vec![v]))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Scalars(vec![v.to_string()]))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Scalars(vec![v.to_string()]))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Scalars(vec![v.to_string()]))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Scalars(vec![
                    serde_json::Number::from_f64(v)
                        .map(|n| n.to_string())
                        .unwrap_or_else(|| v.to_string()),
                ]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                if self.nested {
                    return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
                }
                let mut out = Vec::with_capacity(2);
                while let Some(Scalars(mut one)) = seq.next_element_seed(ScalarSeed)? {
                    out.append(&mut one);
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
