//! Reading botocore-style request parameters, with each service's own error for a
//! missing or mistyped member.

use crate::error::AwsError;
use serde_json::Value;

/// How a service reports a missing required member.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// IAM and STS: `ValidationError … Member must not be null`, member in lowerCamelCase.
    Query,
    /// EC2: `MissingParameter The request must contain the parameter X`.
    Ec2,
    /// S3, CloudWatch Logs, SSM: `InvalidParameterException`-like messages.
    Rest,
}

/// The parameters of one call.
pub(crate) struct Params<'a> {
    value: &'a Value,
    style: Style,
}

/// `RoleName` → `roleName`, as IAM names members in validation messages.
pub(crate) fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

impl<'a> Params<'a> {
    /// Wraps the parameters of a call.
    pub(crate) fn new(value: &'a Value, style: Style) -> Self {
        Params { value, style }
    }

    /// The raw member.
    pub(crate) fn get(&self, name: &str) -> Option<&'a Value> {
        self.value.get(name).filter(|v| !v.is_null())
    }

    fn missing(&self, name: &str) -> AwsError {
        match self.style {
            Style::Query => AwsError::null(&lower_camel(name)),
            Style::Ec2 => AwsError::missing_parameter(name),
            Style::Rest => AwsError::InvalidParameterException(format!(
                "Missing required parameter in input: \"{name}\""
            )),
        }
    }

    fn wrong_type(&self, name: &str, value: &Value) -> AwsError {
        let shown = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match self.style {
            Style::Query => AwsError::ValidationError(format!(
                "1 validation error detected: Value '{shown}' at '{}' failed to satisfy constraint: Member must be of the expected type",
                lower_camel(name)
            )),
            Style::Ec2 => AwsError::invalid_value(&shown, name),
            Style::Rest => AwsError::InvalidParameterException(format!(
                "Invalid type for parameter {name}, value: {shown}"
            )),
        }
    }

    /// A required string member.
    pub(crate) fn str(&self, name: &str) -> Result<&'a str, AwsError> {
        match self.get(name) {
            None => Err(self.missing(name)),
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// An optional string member.
    pub(crate) fn opt_str(&self, name: &str) -> Result<Option<&'a str>, AwsError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// An optional integer member (numbers or numeric strings, as the CLI may pass either).
    pub(crate) fn opt_i64(&self, name: &str) -> Result<Option<i64>, AwsError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.wrong_type(name, &Value::Number(n.clone()))),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| self.wrong_type(name, &Value::String(s.clone()))),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// An optional list of strings (a single string counts as a list of one).
    pub(crate) fn str_list(&self, name: &str) -> Result<Vec<&'a str>, AwsError> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(Value::String(s)) => Ok(vec![s.as_str()]),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().ok_or_else(|| self.wrong_type(name, v)))
                .collect(),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// An optional object member.
    pub(crate) fn object(&self, name: &str) -> Result<Option<Params<'a>>, AwsError> {
        match self.get(name) {
            None => Ok(None),
            Some(v @ Value::Object(_)) => Ok(Some(Params {
                value: v,
                style: self.style,
            })),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// A policy document member: a JSON string (as the API takes it) or an already parsed
    /// JSON object (as a convenience); returns the text.
    pub(crate) fn document(&self, name: &str) -> Result<String, AwsError> {
        match self.get(name) {
            None => Err(self.missing(name)),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(v @ Value::Object(_)) => Ok(v.to_string()),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// An optional boolean member (`true`/`false` or their strings).
    pub(crate) fn opt_bool(&self, name: &str) -> Result<Option<bool>, AwsError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(other) => Err(self.wrong_type(name, other)),
        }
    }

    /// `Tags: [{Key, Value}]`.
    pub(crate) fn tags(&self, name: &str) -> Result<Vec<crate::iam::Tag>, AwsError> {
        let Some(list) = self.get(name) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = list else {
            return Err(self.wrong_type(name, list));
        };
        items
            .iter()
            .map(|item| {
                let key = item.get("Key").and_then(Value::as_str);
                let value = item.get("Value").and_then(Value::as_str).unwrap_or("");
                match key {
                    Some(key) => Ok(crate::iam::Tag {
                        key: key.to_string(),
                        value: value.to_string(),
                    }),
                    None => Err(self.wrong_type(name, item)),
                }
            })
            .collect()
    }
}
