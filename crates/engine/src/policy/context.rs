//! The request context: the condition keys of one request (`aws:username`,
//! `aws:SourceIp`, `aws:PrincipalTag/team`, ...). Keys are case-insensitive:
//! they are stored lower-cased, with the original spelling kept for display.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::small::CaseKey;

/// The value of one context key. Booleans, numbers and dates are kept as the
/// strings AWS would put in the request context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ContextValue {
    /// A single-valued key such as `aws:SourceIp`.
    Single(String),
    /// A multivalued key such as `aws:TagKeys`.
    Multi(Vec<String>),
}

impl ContextValue {
    /// The values as a slice (one element for a single value).
    pub fn as_slice(&self) -> &[String] {
        match self {
            ContextValue::Single(s) => std::slice::from_ref(s),
            ContextValue::Multi(v) => v,
        }
    }

    /// The value of a single-valued key (or of a one-element list).
    pub fn single(&self) -> Option<&str> {
        match self {
            ContextValue::Single(s) => Some(s),
            ContextValue::Multi(v) => match v.as_slice() {
                [one] => Some(one),
                _ => None,
            },
        }
    }
}

/// The condition keys of a request.
#[derive(Clone, Debug, Default)]
pub struct RequestContext {
    /// Ordered and looked up by the lower-cased key; each key keeps its
    /// spelling too.
    entries: BTreeMap<CaseKey, ContextValue>,
}

/// Two contexts are equal when they have the same keys, spelt alike, with
/// the same values.
impl PartialEq for RequestContext {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len() && self.iter().eq(other.iter())
    }
}

impl Eq for RequestContext {}

impl RequestContext {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a single-valued key (replacing any value it had).
    pub fn insert(&mut self, key: &str, value: impl Into<String>) {
        self.set(key, ContextValue::Single(value.into()));
    }

    /// Sets a multivalued key.
    pub fn insert_multi(&mut self, key: &str, values: Vec<String>) {
        self.set(key, ContextValue::Multi(values));
    }

    fn set(&mut self, key: &str, value: ContextValue) {
        if self.entries.insert(CaseKey::new(key), value).is_some() {
            // A key given again takes its new spelling as well as its new
            // value (`BTreeMap::insert` kept the old key).
            let new = CaseKey::new(key);
            if let Some(value) = self.entries.remove(new.lower()) {
                self.entries.insert(new, value);
            }
        }
    }

    /// Removes a key, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<ContextValue> {
        self.entries.remove(CaseKey::new(key).lower())
    }

    /// The value of `key`, compared case-insensitively.
    pub fn get(&self, key: &str) -> Option<&ContextValue> {
        if key.bytes().any(|b| b.is_ascii_uppercase()) {
            self.get_lower(&key.to_ascii_lowercase())
        } else {
            self.get_lower(key)
        }
    }

    /// The value of a key already in lower case (no allocation).
    pub(crate) fn get_lower(&self, key: &str) -> Option<&ContextValue> {
        self.entries.get(key)
    }

    /// The keys (as last spelt) and values, in lower-cased key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ContextValue)> {
        self.entries.iter().map(|(k, v)| (k.spelling(), v))
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the context has no keys.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Reads `{"aws:username": "alice", "aws:TagKeys": ["a", "b"],
    /// "aws:SecureTransport": true, "s3:max-keys": 10}`.
    pub fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        let serde_json::Value::Object(map) = value else {
            return Err("the request context must be a JSON object".to_owned());
        };
        let mut ctx = RequestContext::new();
        for (key, v) in map {
            match v {
                serde_json::Value::Array(items) => {
                    let values = items
                        .iter()
                        .map(|item| scalar(key, item))
                        .collect::<Result<Vec<_>, _>>()?;
                    ctx.insert_multi(key, values);
                }
                other => ctx.insert(key, scalar(key, other)?),
            }
        }
        Ok(ctx)
    }

    /// The context as a JSON object (the inverse of [`RequestContext::from_json`]).
    pub fn to_json(&self) -> serde_json::Value {
        let map = self
            .iter()
            .map(|(k, v)| {
                let json = match v {
                    ContextValue::Single(s) => serde_json::Value::String(s.clone()),
                    ContextValue::Multi(items) => items.iter().cloned().collect(),
                };
                (k.to_owned(), json)
            })
            .collect();
        serde_json::Value::Object(map)
    }
}

fn scalar(key: &str, v: &serde_json::Value) -> Result<String, String> {
    match v {
        serde_json::Value::String(s) => Ok(s.clone()),
        serde_json::Value::Bool(b) => Ok(b.to_string()),
        serde_json::Value::Number(n) => Ok(n.to_string()),
        _ => Err(format!(
            "context key {key}: values must be strings, booleans, numbers or lists of them"
        )),
    }
}

impl Serialize for RequestContext {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RequestContext {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        RequestContext::from_json(&value).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_case_insensitive_and_keep_spelling() {
        let mut c = RequestContext::new();
        c.insert("aws:PrincipalTag/Team", "blue");
        assert_eq!(
            c.get("AWS:principaltag/team"),
            Some(&ContextValue::Single("blue".into()))
        );
        assert_eq!(
            c.iter().next().map(|(k, _)| k),
            Some("aws:PrincipalTag/Team")
        );
    }

    #[test]
    fn a_key_set_again_takes_its_new_spelling_and_value() {
        let mut c = RequestContext::new();
        c.insert("aws:SourceIp", "192.0.2.1");
        c.insert("AWS:SOURCEIP", "203.0.113.5");
        assert_eq!(c.len(), 1);
        assert_eq!(
            c.iter().collect::<Vec<_>>(),
            vec![("AWS:SOURCEIP", &ContextValue::Single("203.0.113.5".into()))]
        );
        let mut d = RequestContext::new();
        d.insert("AWS:SOURCEIP", "203.0.113.5");
        assert_eq!(c, d);
        d.insert("aws:sourceip", "203.0.113.5");
        assert_ne!(c, d);
    }

    #[test]
    fn from_json_reads_scalars_and_lists() {
        let v = serde_json::json!({"a:x": "s", "a:b": true, "a:n": 10, "a:l": ["p", 2]});
        let c = RequestContext::from_json(&v).unwrap();
        assert_eq!(c.get("a:b").and_then(ContextValue::single), Some("true"));
        assert_eq!(c.get("a:n").and_then(ContextValue::single), Some("10"));
        assert_eq!(
            c.get("a:l"),
            Some(&ContextValue::Multi(vec!["p".into(), "2".into()]))
        );
        assert_eq!(RequestContext::from_json(&c.to_json()).unwrap(), c);
    }

    #[test]
    fn from_json_rejects_other_shapes() {
        assert_eq!(
            RequestContext::from_json(&serde_json::json!([1])),
            Err("the request context must be a JSON object".to_owned())
        );
        assert_eq!(
            RequestContext::from_json(&serde_json::json!({"k:x": {"a": 1}})),
            Err(
                "context key k:x: values must be strings, booleans, numbers or lists of them"
                    .to_owned()
            )
        );
    }
}
