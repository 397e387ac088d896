//! Wildcard matching for IAM patterns: `*` matches any run of characters
//! (including `/` and `:`), `?` matches exactly one character.
//!
//! Patterns are compiled once, at parse time, into [`Glob`] tokens. Matching is
//! iterative (the classic two-pointer algorithm with one backtrack point), so
//! it runs in O(pattern × text) time at worst and never recurses.

/// One token of a compiled wildcard pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A literal byte of UTF-8 text.
    Lit(u8),
    /// `*`: any run of characters, possibly empty.
    Star,
    /// `?`: exactly one character.
    One,
}

/// A compiled wildcard pattern.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Glob {
    toks: Vec<Tok>,
    /// True when the pattern has no `*` or `?`, so equality suffices.
    literal: bool,
}

impl Glob {
    /// Compiles `pattern`, where `*` and `?` are wildcards. With `lower`, the
    /// literal bytes are lower-cased (ASCII) for case-insensitive matching.
    pub fn new(pattern: &str, lower: bool) -> Glob {
        let mut glob = Glob {
            toks: Vec::with_capacity(pattern.len()),
            literal: true,
        };
        glob.push_pattern(pattern, lower);
        glob
    }

    /// An empty pattern with room for `n` tokens.
    pub fn with_capacity(n: usize) -> Glob {
        Glob {
            toks: Vec::with_capacity(n),
            literal: true,
        }
    }

    /// Appends `text` with `*` and `?` as wildcards.
    pub fn push_pattern(&mut self, text: &str, lower: bool) {
        for b in text.bytes() {
            let tok = match b {
                b'*' => Tok::Star,
                b'?' => Tok::One,
                _ if lower => Tok::Lit(b.to_ascii_lowercase()),
                _ => Tok::Lit(b),
            };
            if tok == Tok::Star && self.toks.last() == Some(&Tok::Star) {
                continue;
            }
            if !matches!(tok, Tok::Lit(_)) {
                self.literal = false;
            }
            self.toks.push(tok);
        }
    }

    /// Appends `text` literally: `*` and `?` in it match only themselves.
    pub fn push_literal(&mut self, text: &str, lower: bool) {
        for b in text.bytes() {
            self.toks
                .push(Tok::Lit(if lower { b.to_ascii_lowercase() } else { b }));
        }
    }

    /// True when the pattern is the single wildcard `*`.
    pub fn is_star(&self) -> bool {
        self.toks == [Tok::Star]
    }

    /// Matches `text` case-sensitively.
    pub fn matches(&self, text: &str) -> bool {
        glob_match(&self.toks, text.as_bytes(), false)
    }

    /// Matches `text` ignoring ASCII case (the pattern must have been
    /// compiled with `lower`).
    pub fn matches_ignore_case(&self, text: &str) -> bool {
        glob_match(&self.toks, text.as_bytes(), true)
    }

    /// True when the pattern contains no wildcard tokens.
    pub fn is_literal(&self) -> bool {
        self.literal
    }
}

/// Length of the UTF-8 character starting at `text[i]` (1 for a stray byte).
fn char_len(text: &[u8], i: usize) -> usize {
    let mut n = 1;
    while text.get(i + n).is_some_and(|b| (0x80..0xC0).contains(b)) {
        n += 1;
    }
    n
}

/// Iterative wildcard match of compiled `toks` against `text`.
pub fn glob_match(toks: &[Tok], text: &[u8], ignore_case: bool) -> bool {
    match_with(|i| toks.get(i).copied(), text, ignore_case)
}

/// Matches `text` against `pattern` written as text, where `*` and `?` are
/// wildcards (no compilation, no allocation). With `ignore_case`, ASCII
/// letters compare case-insensitively on both sides.
pub fn wildcard_match(pattern: &str, text: &str, ignore_case: bool) -> bool {
    let pattern = pattern.as_bytes();
    let eq = |a: &[u8], b: &[u8]| {
        if ignore_case {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    // Fast paths for the common shapes: no wildcard, or one trailing `*`.
    match pattern.iter().position(|b| *b == b'*' || *b == b'?') {
        None => return eq(pattern, text.as_bytes()),
        Some(i) if i + 1 == pattern.len() && pattern.get(i) == Some(&b'*') => {
            let prefix = pattern.get(..i).unwrap_or(&[]);
            return text
                .as_bytes()
                .get(..prefix.len())
                .is_some_and(|head| eq(prefix, head));
        }
        Some(_) => {}
    }
    match_with(
        |i| {
            pattern.get(i).map(|b| match b {
                b'*' => Tok::Star,
                b'?' => Tok::One,
                other => Tok::Lit(*other),
            })
        },
        text.as_bytes(),
        ignore_case,
    )
}

/// The matcher behind [`glob_match`] and [`wildcard_match`]: `tok(i)` gives
/// the i-th pattern token.
fn match_with(tok: impl Fn(usize) -> Option<Tok>, text: &[u8], ignore_case: bool) -> bool {
    let (mut p, mut t) = (0usize, 0usize);
    // Position after the last `*` seen in the pattern, and the text position
    // that star is currently assumed to have consumed up to.
    let mut backtrack: Option<(usize, usize)> = None;
    while let Some(&byte) = text.get(t) {
        let step = match tok(p) {
            Some(Tok::Star) => {
                backtrack = Some((p + 1, t));
                p += 1;
                continue;
            }
            Some(Tok::One) => Some(char_len(text, t)),
            Some(Tok::Lit(l)) => {
                let same = if ignore_case {
                    l.eq_ignore_ascii_case(&byte)
                } else {
                    l == byte
                };
                same.then_some(1)
            }
            None => None,
        };
        match step {
            Some(n) => {
                p += 1;
                t += n;
            }
            None => {
                let Some((bp, bt)) = backtrack else {
                    return false;
                };
                let nt = bt + char_len(text, bt);
                backtrack = Some((bp, nt));
                p = bp;
                t = nt;
            }
        }
    }
    while let Some(Tok::Star) = tok(p) {
        p += 1;
    }
    tok(p).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Glob::new(p, false).matches(t)
    }

    #[test]
    fn literal_and_wildcards() {
        assert!(m("abc", "abc"));
        assert!(!m("abc", "abcd"));
        assert!(!m("abcd", "abc"));
        assert!(m("a*c", "abbbc"));
        assert!(m("a*c", "ac"));
        assert!(!m("a*c", "acb"));
        assert!(m("a?c", "abc"));
        assert!(!m("a?c", "ac"));
        assert!(m("*", ""));
        assert!(m("*", "anything/at:all"));
        assert!(!m("?", ""));
        assert!(m("", ""));
        assert!(!m("", "a"));
    }

    #[test]
    fn star_crosses_slashes_and_colons() {
        assert!(m("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c"));
        assert!(m("arn:aws:s3:::*", "arn:aws:s3:::bucket/x"));
        assert!(!m("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket"));
        assert!(m("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket"));
    }

    #[test]
    fn backtracking_cases() {
        assert!(m("*a*b*c*", "xxaxxbxxcxx"));
        assert!(!m("*a*b*c*", "xxaxxcxxbxx"));
        assert!(m("*ab", "aab"));
        assert!(m("a*b?d", "aXbXbcd"));
        assert!(m("**", "x"));
    }

    #[test]
    fn question_mark_is_one_character_not_one_byte() {
        assert!(m("caf?", "café"));
        assert!(!m("caf??", "café"));
        assert!(m("*é", "xxé"));
    }

    #[test]
    fn case_insensitive() {
        let g = Glob::new("s3:Get*", true);
        assert!(g.matches_ignore_case("S3:GETOBJECT"));
        assert!(g.matches_ignore_case("s3:getobject"));
        assert!(!g.matches_ignore_case("s3:PutObject"));
        assert!(!Glob::new("S3:Get*", false).matches("s3:GetObject"));
    }

    #[test]
    fn literal_pushes_are_not_wildcards() {
        let mut g = Glob::new("a", false);
        g.push_literal("*", false);
        assert!(g.matches("a*"));
        assert!(!g.matches("ab"));
    }

    #[test]
    fn uncompiled_patterns_match_the_same() {
        for (p, t) in [
            ("a*c", "abbbc"),
            ("a?c", "ac"),
            ("*a*b*c*", "xxaxxcxxbxx"),
            ("caf?", "café"),
            ("", ""),
            ("abc", "abc"),
            ("abc", "abd"),
            ("ab*", "abxyz"),
            ("ab*", "a"),
            ("*", ""),
        ] {
            assert_eq!(wildcard_match(p, t, false), m(p, t), "{p} {t}");
        }
        assert!(wildcard_match("S3:Get*", "s3:getobject", true));
        assert!(!wildcard_match("S3:Get*", "s3:getobject", false));
    }

    #[test]
    fn no_blow_up_on_pathological_input() {
        let pattern = "*a".repeat(200) + "b";
        let text = "a".repeat(5000);
        assert!(!m(&pattern, &text));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// A plainly recursive reference matcher (on characters).
    fn reference(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('*', rest)) => (0..=t.len()).any(|i| reference(rest, t.get(i..).unwrap_or(&[]))),
            Some(('?', rest)) => !t.is_empty() && reference(rest, t.get(1..).unwrap_or(&[])),
            Some((c, rest)) => t.first() == Some(c) && reference(rest, t.get(1..).unwrap_or(&[])),
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_reference(p in "[ab*?é/]{0,8}", t in "[abé/]{0,10}") {
            let pc: Vec<char> = p.chars().collect();
            let tc: Vec<char> = t.chars().collect();
            let expected = reference(&pc, &tc);
            prop_assert_eq!(wildcard_match(&p, &t, false), expected);
            prop_assert_eq!(Glob::new(&p, false).matches(&t), expected);
        }
    }
}
