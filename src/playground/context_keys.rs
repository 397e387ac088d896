//! Condition keys a learner can add to the request context with one click,
//! each with a plausible example value.

/// `(key, example value)`, in the order the page shows them.
pub const KEYS: [(&str, &str); 7] = [
    ("aws:SourceIp", "203.0.113.10"),
    ("aws:username", "madhu"),
    ("aws:PrincipalTag/team", "storage"),
    ("aws:SecureTransport", "true"),
    ("aws:CurrentTime", "2026-01-01T00:00:00Z"),
    ("aws:ResourceAccount", "123456789012"),
    (
        "ec2:SourceInstanceARN",
        "arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f60718",
    ),
];

/// The context text with `key` added (4-space indented JSON, keys sorted), or
/// `None` when the text is not a JSON object or already has the key.
pub fn with_key(text: &str, key: &str, value: &str) -> Option<String> {
    let mut map = if text.trim().is_empty() {
        serde_json::Map::new()
    } else {
        match serde_json::from_str::<serde_json::Value>(text).ok()? {
            serde_json::Value::Object(map) => map,
            _ => return None,
        }
    };
    if map.keys().any(|k| k.eq_ignore_ascii_case(key)) {
        return None;
    }
    map.insert(
        key.to_string(),
        serde_json::Value::String(value.to_string()),
    );
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    serde::Serialize::serialize(&map, &mut ser).ok()?;
    String::from_utf8(out).ok()
}

/// The example value of a known key.
pub fn example(key: &str) -> Option<&'static str> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_a_key_to_an_object() {
        assert_eq!(
            with_key("{\"aws:SourceIp\": \"1.2.3.4\"}", "aws:username", "madhu").unwrap(),
            "{\n    \"aws:SourceIp\": \"1.2.3.4\",\n    \"aws:username\": \"madhu\"\n}"
        );
        assert_eq!(
            with_key("  ", "aws:SecureTransport", "true").unwrap(),
            "{\n    \"aws:SecureTransport\": \"true\"\n}"
        );
    }

    #[test]
    fn leaves_alone_what_it_cannot_extend() {
        assert_eq!(
            with_key("{\"AWS:SOURCEIP\": \"x\"}", "aws:SourceIp", "y"),
            None
        );
        assert_eq!(with_key("[1]", "aws:SourceIp", "y"), None);
        assert_eq!(with_key("{oops", "aws:SourceIp", "y"), None);
    }
}
