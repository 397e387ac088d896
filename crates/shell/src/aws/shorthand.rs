//! The AWS CLI's shorthand syntax (`Name=web,Tags=[{Key=a,Value=b}]`) and the
//! conversion of option values to the JSON botocore expects, guided by the
//! parameter's type.

use serde_json::{Map, Value};

use super::spec::Ty;

/// A parsed shorthand value before it meets its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sh {
    /// A scalar.
    Str(String),
    /// `[a,b]` or `a,b`.
    List(Vec<Sh>),
    /// `{k=v}` or `k=v,k2=v2`.
    Map(Vec<(String, Sh)>),
}

struct P<'a> {
    chars: Vec<char>,
    pos: usize,
    text: &'a str,
}

impl P<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn error(&self, expected: &str) -> String {
        let received = self
            .peek()
            .map(String::from)
            .unwrap_or_else(|| "EOF".into());
        format!(
            "Expected: '{expected}', received: '{received}' for input:\n{}\n{}^",
            self.text,
            " ".repeat(self.pos)
        )
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c == ' ') {
            self.pos += 1;
        }
    }

    fn key(&mut self) -> Result<String, String> {
        self.skip_ws();
        let mut key = String::new();
        while let Some(c) = self.peek() {
            if c == '=' {
                break;
            }
            if matches!(c, ',' | '[' | ']' | '{' | '}') {
                return Err(self.error("="));
            }
            key.push(c);
            self.pos += 1;
        }
        if self.peek() != Some('=') {
            return Err(self.error("="));
        }
        self.pos += 1;
        Ok(key.trim().to_string())
    }

    /// `key=value` pairs up to the end or `}`.
    fn keyvals(&mut self, in_hash: bool) -> Result<Vec<(String, Sh)>, String> {
        let mut pairs = Vec::new();
        loop {
            let key = self.key()?;
            let value = self.values(in_hash)?;
            pairs.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') if in_hash => return Ok(pairs),
                None if !in_hash => return Ok(pairs),
                _ => return Err(self.error(if in_hash { "}" } else { "," })),
            }
        }
    }

    fn values(&mut self, in_hash: bool) -> Result<Sh, String> {
        self.skip_ws();
        match self.peek() {
            Some('[') => self.list(),
            Some('{') => self.hash(),
            _ => {
                let first = self.scalar(in_hash, false)?;
                let mut items = vec![Sh::Str(first)];
                // `a,b,c` is a list unless what follows the comma is `key=`.
                while self.peek() == Some(',') && !self.next_is_key() {
                    self.pos += 1;
                    items.push(Sh::Str(self.scalar(in_hash, false)?));
                }
                if items.len() == 1 {
                    Ok(items.pop().unwrap_or(Sh::Str(String::new())))
                } else {
                    Ok(Sh::List(items))
                }
            }
        }
    }

    fn next_is_key(&self) -> bool {
        let mut i = self.pos + 1;
        while let Some(&c) = self.chars.get(i) {
            match c {
                '=' => return true,
                ',' | '[' | ']' | '{' | '}' | '\'' | '"' => return false,
                _ => i += 1,
            }
        }
        false
    }

    fn scalar(&mut self, in_hash: bool, in_list: bool) -> Result<String, String> {
        self.skip_ws();
        let mut value = String::new();
        if let Some(q) = self.peek().filter(|c| *c == '\'' || *c == '"') {
            self.pos += 1;
            loop {
                match self.peek() {
                    None => return Err(self.error(&q.to_string())),
                    Some(c) if c == q => {
                        self.pos += 1;
                        break;
                    }
                    Some('\\') => {
                        self.pos += 1;
                        if let Some(c) = self.peek() {
                            value.push(c);
                            self.pos += 1;
                        }
                    }
                    Some(c) => {
                        value.push(c);
                        self.pos += 1;
                    }
                }
            }
            self.skip_ws();
            return Ok(value);
        }
        while let Some(c) = self.peek() {
            if c == ',' || (in_hash && c == '}') || (in_list && c == ']') {
                break;
            }
            if c == '\\' {
                self.pos += 1;
                if let Some(n) = self.peek() {
                    value.push(n);
                    self.pos += 1;
                }
                continue;
            }
            value.push(c);
            self.pos += 1;
        }
        Ok(value.trim_end().to_string())
    }

    fn list(&mut self) -> Result<Sh, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.pos += 1;
            return Ok(Sh::List(items));
        }
        loop {
            self.skip_ws();
            let item = match self.peek() {
                Some('{') => self.hash()?,
                Some('[') => self.list()?,
                _ => Sh::Str(self.scalar(false, true)?),
            };
            items.push(item);
            self.skip_ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    return Ok(Sh::List(items));
                }
                _ => return Err(self.error("]")),
            }
        }
    }

    fn hash(&mut self) -> Result<Sh, String> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some('}') {
            self.pos += 1;
            return Ok(Sh::Map(Vec::new()));
        }
        let pairs = self.keyvals(true)?;
        if self.peek() != Some('}') {
            return Err(self.error("}"));
        }
        self.pos += 1;
        Ok(Sh::Map(pairs))
    }
}

/// Parses `k=v,k2=[a,b],k3={x=y}`.
pub fn parse(text: &str) -> Result<Sh, String> {
    let mut p = P {
        chars: text.chars().collect(),
        pos: 0,
        text,
    };
    Ok(Sh::Map(p.keyvals(false)?))
}

/// Why a value does not fit its type (botocore's parameter validation wording).
fn invalid_type(member: &str, value: &str, python_type: &str, valid: &str) -> String {
    format!(
        "Invalid type for parameter {member}, value: {value}, type: <class '{python_type}'>, valid types: {valid}"
    )
}

/// Converts a shorthand value to JSON of type `ty`.
pub fn coerce(sh: &Sh, ty: &Ty, member: &str) -> Result<Value, String> {
    match (ty, sh) {
        (Ty::Str | Ty::Blob, Sh::Str(s)) => Ok(Value::String(s.clone())),
        (Ty::Int, Sh::Str(s)) => s
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| invalid_type(member, s, "str", "<class 'int'>")),
        (Ty::Bool, Sh::Str(s)) => match s.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(invalid_type(member, s, "str", "<class 'bool'>")),
        },
        (Ty::List(inner), Sh::List(items)) => items
            .iter()
            .map(|item| coerce(item, inner, member))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        (Ty::List(inner), single) => Ok(Value::Array(vec![coerce(single, inner, member)?])),
        (Ty::Struct(members), Sh::Map(pairs)) => {
            let mut map = Map::new();
            for (key, value) in pairs {
                let Some((_, mty)) = members.iter().find(|(m, _)| m == key) else {
                    let names: Vec<&str> = members.iter().map(|(m, _)| m.as_str()).collect();
                    return Err(format!(
                        "Unknown parameter in {member}: \"{key}\", must be one of: {}",
                        names.join(", ")
                    ));
                };
                map.insert(key.clone(), coerce(value, mty, &format!("{member}.{key}"))?);
            }
            Ok(Value::Object(map))
        }
        (Ty::Map, Sh::Map(pairs)) => {
            let mut map = Map::new();
            for (key, value) in pairs {
                map.insert(
                    key.clone(),
                    coerce(value, &Ty::Str, &format!("{member}.{key}"))?,
                );
            }
            Ok(Value::Object(map))
        }
        (_, Sh::List(_)) => Err(invalid_type(member, &describe(sh), "list", expected(ty))),
        (_, Sh::Map(_)) => Err(invalid_type(member, &describe(sh), "dict", expected(ty))),
        (_, Sh::Str(s)) => Err(invalid_type(member, s, "str", expected(ty))),
    }
}

fn expected(ty: &Ty) -> &'static str {
    match ty {
        Ty::Str | Ty::Blob => "<class 'str'>",
        Ty::Int => "<class 'int'>",
        Ty::Bool => "<class 'bool'>",
        Ty::List(_) => "<class 'list'>, <class 'tuple'>",
        Ty::Struct(_) | Ty::Map => "<class 'dict'>",
    }
}

fn describe(sh: &Sh) -> String {
    match sh {
        Sh::Str(s) => format!("'{s}'"),
        Sh::List(items) => format!(
            "[{}]",
            items.iter().map(describe).collect::<Vec<_>>().join(", ")
        ),
        Sh::Map(pairs) => format!(
            "{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| format!("'{k}': {}", describe(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::spec::parse_type;
    use serde_json::json;

    fn conv(text: &str, ty: &str) -> Value {
        coerce(&parse(text).unwrap(), &parse_type(ty).unwrap(), "X").unwrap()
    }

    #[test]
    fn structures_lists_and_numbers() {
        assert_eq!(conv("Name=web", "{Arn:s,Name:s}"), json!({"Name": "web"}));
        assert_eq!(
            conv(
                "HttpTokens=required,HttpPutResponseHopLimit=2",
                "{HttpTokens:s,HttpPutResponseHopLimit:i}"
            ),
            json!({"HttpTokens": "required", "HttpPutResponseHopLimit": 2})
        );
        assert_eq!(
            conv(
                "ResourceType=instance,Tags=[{Key=Name,Value=web}]",
                "{ResourceType:s,Tags:[{Key:s,Value:s}]}"
            ),
            json!({"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "web"}]})
        );
        assert_eq!(
            conv("Name=tag:Name,Values=web,db", "{Name:s,Values:[s]}"),
            json!({"Name": "tag:Name", "Values": ["web", "db"]})
        );
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(
            parse("Name").unwrap_err(),
            "Expected: '=', received: 'EOF' for input:\nName\n    ^"
        );
        let err = coerce(
            &parse("Role=x").unwrap(),
            &parse_type("{Arn:s,Name:s}").unwrap(),
            "IamInstanceProfile",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "Unknown parameter in IamInstanceProfile: \"Role\", must be one of: Arn, Name"
        );
    }
}
