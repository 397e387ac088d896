//! Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'x'}`,
//! `${*}`, `${?}`, `${$}`), as in IUG "IAM policy elements: Variables and
//! tags". They are recognised only in documents with `Version` 2012-10-17;
//! elsewhere the text is taken literally.

use super::context::RequestContext;
use super::matcher::Glob;

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Text as written (its `*` and `?` are wildcards where the element
    /// allows wildcards).
    Text(String),
    /// A character produced by `${*}`, `${?}` or `${$}`: always literal.
    Special(char),
    /// A variable: the context key, and its default value.
    Var {
        /// The key as written, e.g. `aws:PrincipalTag/team`.
        name: String,
        /// Lower-cased context key, e.g. `aws:principaltag/team`.
        key: String,
        /// The default given as `${key, 'default'}`.
        default: Option<String>,
    },
}

/// A string that may contain policy variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

impl Template {
    /// Parses `text`; with `variables` false (Version 2008-10-17 or absent)
    /// the whole text is taken as written.
    pub fn parse(text: &str, variables: bool) -> Template {
        if !variables || !text.contains("${") {
            return Template {
                parts: vec![Part::Text(text.to_owned())],
            };
        }
        let mut parts = Vec::with_capacity(3);
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            let (before, after_dollar) = rest.split_at(start);
            let inner_start = after_dollar.get(2..).unwrap_or("");
            let Some(end) = inner_start.find('}') else {
                break;
            };
            let inner = inner_start.get(..end).unwrap_or("");
            let Some(part) = parse_variable(inner) else {
                // Not a well-formed variable: keep "${" as text and go on.
                push_text(&mut parts, before);
                push_text(&mut parts, "${");
                rest = inner_start;
                continue;
            };
            push_text(&mut parts, before);
            parts.push(part);
            rest = inner_start.get(end + 1..).unwrap_or("");
        }
        push_text(&mut parts, rest);
        Template { parts }
    }

    /// True when the template contains no variables or special characters.
    pub fn is_plain(&self) -> bool {
        self.parts.iter().all(|p| matches!(p, Part::Text(_)))
    }

    /// The plain text of a template without variables.
    pub fn plain_text(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [] => Some(""),
            [Part::Text(t)] => Some(t),
            _ => None,
        }
    }

    /// The parts, for inspection.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// A guess of the resolved length: the text, plus room for variables.
    fn len_hint(&self) -> usize {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.len(),
                Part::Special(_) => 1,
                Part::Var { .. } => 32,
            })
            .sum()
    }

    /// The variables (as written) that have neither a value in `ctx` nor a
    /// default.
    pub fn missing_variables<'a>(&'a self, ctx: &RequestContext) -> Vec<&'a str> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Var { name, key, default } if lookup(ctx, key, default).is_none() => {
                    Some(name.as_str())
                }
                _ => None,
            })
            .collect()
    }

    /// Substitutes variables into a string (wildcards stay as text). Returns
    /// None when a variable has no value and no default.
    pub fn resolve(&self, ctx: &RequestContext) -> Option<String> {
        let mut out = String::with_capacity(self.len_hint());
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Special(c) => out.push(*c),
                Part::Var { key, default, .. } => out.push_str(lookup(ctx, key, default)?),
            }
        }
        Some(out)
    }

    /// Substitutes variables and compiles a wildcard pattern, where variable
    /// values and special characters match literally.
    pub fn resolve_glob(&self, ctx: &RequestContext, lower: bool) -> Option<Glob> {
        let mut glob = Glob::with_capacity(self.len_hint());
        for part in &self.parts {
            match part {
                Part::Text(t) => glob.push_pattern(t, lower),
                Part::Special(c) => glob.push_literal(c.encode_utf8(&mut [0; 4]), lower),
                Part::Var { key, default, .. } => {
                    glob.push_literal(lookup(ctx, key, default)?, lower)
                }
            }
        }
        Some(glob)
    }
}

/// The value of a variable: a single-valued context key, else the default.
fn lookup<'a>(ctx: &'a RequestContext, key: &str, default: &'a Option<String>) -> Option<&'a str> {
    ctx.get_lower(key)
        .and_then(|v| v.single())
        .or(default.as_deref())
}

fn push_text(parts: &mut Vec<Part>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Part::Text(prev)) = parts.last_mut() {
        prev.push_str(text);
    } else {
        parts.push(Part::Text(text.to_owned()));
    }
}

/// Parses the inside of `${...}`.
fn parse_variable(inner: &str) -> Option<Part> {
    match inner {
        "*" => return Some(Part::Special('*')),
        "?" => return Some(Part::Special('?')),
        "$" => return Some(Part::Special('$')),
        _ => {}
    }
    let (key, default) = match inner.split_once(',') {
        Some((key, default)) => {
            let d = default.trim();
            let d = d.strip_prefix('\'')?.strip_suffix('\'')?;
            (key.trim(), Some(d.to_owned()))
        }
        None => (inner.trim(), None),
    };
    if key.is_empty() || !key.contains(':') || key.contains(['$', '{', '\'']) {
        return None;
    }
    Some(Part::Var {
        name: key.to_owned(),
        key: key.to_ascii_lowercase(),
        default,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> RequestContext {
        let mut c = RequestContext::new();
        c.insert("aws:username", "alice");
        c.insert("aws:PrincipalTag/Team", "blue");
        c.insert_multi("aws:TagKeys", vec!["a".into(), "b".into()]);
        c
    }

    #[test]
    fn substitutes_variables_case_insensitively() {
        let t = Template::parse("arn:aws:s3:::b/${AWS:UserName}/*", true);
        assert_eq!(t.resolve(&ctx()).as_deref(), Some("arn:aws:s3:::b/alice/*"));
    }

    #[test]
    fn without_2012_version_text_is_literal() {
        let t = Template::parse("home/${aws:username}", false);
        assert!(t.is_plain());
        assert_eq!(t.resolve(&ctx()).as_deref(), Some("home/${aws:username}"));
    }

    #[test]
    fn defaults_apply_only_when_missing() {
        let t = Template::parse(
            "${aws:PrincipalTag/team, 'x'}-${aws:PrincipalTag/dept, 'none'}",
            true,
        );
        assert_eq!(t.resolve(&ctx()).as_deref(), Some("blue-none"));
    }

    #[test]
    fn missing_variable_without_default_resolves_to_none() {
        let t = Template::parse("${aws:userid}", true);
        assert_eq!(t.resolve(&ctx()), None);
        // Multi-valued keys cannot be substituted.
        assert_eq!(
            Template::parse("${aws:TagKeys}", true).resolve(&ctx()),
            None
        );
    }

    #[test]
    fn lists_missing_variables() {
        let t = Template::parse(
            "${aws:userid}/${aws:username}/${aws:PrincipalTag/dept, 'x'}/${AWS:SourceIp}",
            true,
        );
        assert_eq!(
            t.missing_variables(&ctx()),
            vec!["aws:userid", "AWS:SourceIp"]
        );
    }

    #[test]
    fn special_characters_are_literal() {
        let t = Template::parse("a${*}b${?}c${$}", true);
        assert_eq!(t.resolve(&ctx()).as_deref(), Some("a*b?c$"));
        let g = t.resolve_glob(&ctx(), false).unwrap();
        assert!(g.matches("a*b?c$"));
        assert!(!g.matches("axbyc$"));
    }

    #[test]
    fn glob_keeps_text_wildcards() {
        let t = Template::parse("home/${aws:username}/*", true);
        let g = t.resolve_glob(&ctx(), false).unwrap();
        assert!(g.matches("home/alice/x/y"));
        assert!(!g.matches("home/bob/x"));
    }

    #[test]
    fn malformed_variables_stay_text() {
        let t = Template::parse("a${b", true);
        assert_eq!(t.plain_text(), Some("a${b"));
        let t = Template::parse("${nocolon}x", true);
        assert_eq!(t.resolve(&ctx()).as_deref(), Some("${nocolon}x"));
    }
}
