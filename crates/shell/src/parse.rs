//! The shell language: one command line parsed into a [`List`] of pipelines.
//!
//! Quoting follows POSIX sh: single quotes keep everything, double quotes keep
//! everything but `$`, `` ` `` and `\`, a backslash outside quotes keeps the next
//! character. Words keep their parts (literal text, `$VAR`, `${VAR}`, `$(…)`) with
//! whether they were quoted, so expansion can split unquoted results into fields
//! later. Errors carry bash's own wording.

use serde::{Deserialize, Serialize};

/// How deeply `$(…)` may nest before the parser gives up (keeps the stack small).
const MAX_DEPTH: usize = 32;

/// A parse error, printed with bash's message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// A quote, `${`, `$(` or backtick was never closed.
    #[error("bash: unexpected EOF while looking for matching `{0}'")]
    UnexpectedEof(char),
    /// A token where a command was expected, such as `;` or `&&` at the start.
    #[error("bash: syntax error near unexpected token `{0}'")]
    UnexpectedToken(String),
    /// The line ended after `&&`, `||` or `|`.
    #[error("bash: syntax error: unexpected end of file")]
    UnexpectedEnd,
    /// A `${…}` that is not a plain variable name.
    #[error("bash: {0}: bad substitution")]
    BadSubstitution(String),
    /// `$(…)` nested too deeply.
    #[error("bash: maximum nesting depth exceeded")]
    TooDeep,
}

/// One piece of a word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    /// Literal text.
    Lit(String),
    /// `$NAME`, `${NAME}` or a special parameter such as `$?`.
    Var(String),
    /// `$(…)` or `` `…` ``.
    Sub(List),
    /// A leading `~` (the home directory).
    Tilde,
}

/// A part of a word and whether it stood inside double (or single) quotes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// The part.
    pub part: Part,
    /// Whether it was quoted (quoted expansions are not split into fields).
    pub quoted: bool,
}

/// A word: pieces that expand and join into one or more fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Word(pub Vec<Piece>);

/// Where a redirection sends a file descriptor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedirectTarget {
    /// `> file` / `>> file` (append when true).
    File {
        /// The file name.
        path: Word,
        /// `>>` rather than `>`.
        append: bool,
    },
    /// `< file`.
    Input(Word),
    /// `>&N`: a copy of another descriptor.
    Dup(u8),
}

/// A redirection of file descriptor `fd`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirect {
    /// The descriptor: 0, 1 or 2, or 3 for `&>` (both 1 and 2).
    pub fd: u8,
    /// Where it goes.
    pub target: RedirectTarget,
}

/// A simple command: assignments, words and redirections.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Simple {
    /// `NAME=value` prefixes.
    pub assigns: Vec<(String, Word)>,
    /// The command name and its arguments.
    pub words: Vec<Word>,
    /// Redirections, in order.
    pub redirects: Vec<Redirect>,
}

/// Commands joined by `|`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pipeline {
    /// `!` before the pipeline.
    pub negated: bool,
    /// The commands, left to right.
    pub commands: Vec<Simple>,
}

/// How a pipeline joins the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Connector {
    /// `;`, `&` or a new line: always run.
    Seq,
    /// `&&`: run when the previous one succeeded.
    And,
    /// `||`: run when the previous one failed.
    Or,
}

/// A command line: pipelines joined by connectors (the first connector is `Seq`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct List(pub Vec<(Connector, Pipeline)>);

/// Parses one command line.
pub fn parse(line: &str) -> Result<List, ParseError> {
    let mut parser = Parser {
        chars: line.chars().collect(),
        pos: 0,
    };
    let list = parser.list(0, None)?;
    match parser.peek() {
        None => Ok(list),
        Some(c) => Err(ParseError::UnexpectedToken(c.to_string())),
    }
}

/// True when the line is unfinished the way bash would ask for more (`> `): an
/// open quote, `$(`, backtick or `${`, or a trailing `&&`, `||` or `|`.
pub fn needs_more(line: &str) -> bool {
    matches!(
        parse(line),
        Err(ParseError::UnexpectedEof(_) | ParseError::UnexpectedEnd)
    ) && !line.trim().is_empty()
}

/// True for a valid shell variable name.
pub fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_ascii_alphabetic() => {
            chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

fn is_meta(c: char) -> bool {
    matches!(c, ';' | '&' | '|' | '<' | '>' | '(' | ')')
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\r'
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek_at(i) == Some(c))
    }

    fn skip_blanks(&mut self) {
        while let Some(c) = self.peek() {
            if is_blank(c) {
                self.pos += 1;
            } else if c == '#' {
                // A comment runs to the end of the line.
                while let Some(c) = self.peek() {
                    if c == '\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A list up to the end of input or, inside `$(…)`, the closing `)`.
    fn list(&mut self, depth: usize, close: Option<char>) -> Result<List, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        let mut items: Vec<(Connector, Pipeline)> = Vec::new();
        let mut connector = Connector::Seq;
        let mut need_more = false;
        loop {
            self.skip_blanks();
            match self.peek() {
                None => {
                    if let Some(c) = close {
                        return Err(ParseError::UnexpectedEof(c));
                    }
                    if need_more {
                        return Err(ParseError::UnexpectedEnd);
                    }
                    return Ok(List(items));
                }
                Some(')') if close == Some(')') => {
                    if need_more {
                        return Err(ParseError::UnexpectedToken(")".into()));
                    }
                    return Ok(List(items));
                }
                Some('\n') => {
                    self.pos += 1;
                    continue;
                }
                Some(c) if c == ';' || c == '&' || c == '|' || c == ')' => {
                    return Err(ParseError::UnexpectedToken(self.operator_text()));
                }
                Some(_) => {}
            }
            let pipeline = self.pipeline(depth, close)?;
            items.push((connector, pipeline));
            need_more = false;
            self.skip_blanks();
            if self.starts_with("&&") {
                self.pos += 2;
                connector = Connector::And;
                need_more = true;
            } else if self.starts_with("||") {
                self.pos += 2;
                connector = Connector::Or;
                need_more = true;
            } else if self.starts_with(";;") {
                return Err(ParseError::UnexpectedToken(";;".into()));
            } else if matches!(self.peek(), Some(';' | '&' | '\n')) {
                self.pos += 1;
                connector = Connector::Seq;
                self.skip_blanks();
                if matches!(self.peek(), Some(';' | '&')) {
                    return Err(ParseError::UnexpectedToken(self.operator_text()));
                }
            } else {
                match self.peek() {
                    None => {}
                    Some(')') if close == Some(')') => {}
                    Some(c) => return Err(ParseError::UnexpectedToken(c.to_string())),
                }
            }
        }
    }

    fn operator_text(&self) -> String {
        for op in ["&&", "||", ";;", ";", "&", "|", ")", "("] {
            if self.starts_with(op) {
                return op.to_string();
            }
        }
        self.peek().map(String::from).unwrap_or_default()
    }

    fn pipeline(&mut self, depth: usize, close: Option<char>) -> Result<Pipeline, ParseError> {
        let mut pipeline = Pipeline::default();
        self.skip_blanks();
        if self.peek() == Some('!') && self.peek_at(1).is_some_and(is_blank) {
            pipeline.negated = true;
            self.pos += 1;
        }
        loop {
            let command = self.simple(depth, close)?;
            pipeline.commands.push(command);
            self.skip_blanks();
            if self.peek() == Some('|') && self.peek_at(1) != Some('|') {
                self.pos += 1;
                self.skip_blanks();
                while self.peek() == Some('\n') {
                    self.pos += 1;
                    self.skip_blanks();
                }
                match self.peek() {
                    None => return Err(ParseError::UnexpectedEnd),
                    Some(';' | '&' | '|' | ')') => {
                        return Err(ParseError::UnexpectedToken(self.operator_text()));
                    }
                    _ => {}
                }
            } else {
                return Ok(pipeline);
            }
        }
    }

    fn simple(&mut self, depth: usize, close: Option<char>) -> Result<Simple, ParseError> {
        let mut command = Simple::default();
        loop {
            self.skip_blanks();
            let Some(c) = self.peek() else { break };
            if c == '\n' || c == ';' || c == '|' || (c == '&' && self.peek_at(1) != Some('>')) {
                break;
            }
            if c == ')' {
                if close == Some(')') {
                    break;
                }
                return Err(ParseError::UnexpectedToken(")".into()));
            }
            if c == '(' {
                return Err(ParseError::UnexpectedToken("(".into()));
            }
            if let Some(redirect) = self.redirect(depth)? {
                command.redirects.push(redirect);
                continue;
            }
            let word = self.word(depth)?;
            if command.words.is_empty()
                && let Some((name, value)) = split_assignment(&word)
            {
                command.assigns.push((name, value));
                continue;
            }
            command.words.push(word);
        }
        if command.words.is_empty() && command.assigns.is_empty() && command.redirects.is_empty() {
            return Err(match self.peek() {
                None => ParseError::UnexpectedEnd,
                Some('\n') => ParseError::UnexpectedToken("newline".into()),
                Some(_) => ParseError::UnexpectedToken(self.operator_text()),
            });
        }
        Ok(command)
    }

    /// A redirection operator at the current position, with its target.
    fn redirect(&mut self, depth: usize) -> Result<Option<Redirect>, ParseError> {
        let (fd, op_len, kind) = if self.starts_with("&>>") {
            (1, 3, "&>>")
        } else if self.starts_with("&>") {
            (1, 2, "&>")
        } else {
            let mut fd: Option<u8> = None;
            let mut skip = 0;
            if let Some(d) = self.peek().and_then(|c| c.to_digit(10))
                && matches!(self.peek_at(1), Some('>' | '<'))
            {
                fd = u8::try_from(d).ok();
                skip = 1;
            }
            let rest: String = (0..3).filter_map(|i| self.peek_at(skip + i)).collect();
            if rest.starts_with(">>") {
                (fd.unwrap_or(1), skip + 2, ">>")
            } else if rest.starts_with(">&") {
                (fd.unwrap_or(1), skip + 2, ">&")
            } else if rest.starts_with('>') {
                (fd.unwrap_or(1), skip + 1, ">")
            } else if rest.starts_with('<') {
                (fd.unwrap_or(0), skip + 1, "<")
            } else {
                return Ok(None);
            }
        };
        self.pos += op_len;
        self.skip_blanks();
        if kind == ">&"
            && let Some(d) = self.peek().and_then(|c| c.to_digit(10))
            && !self
                .peek_at(1)
                .is_some_and(|c| !is_blank(c) && !is_meta(c) && c != '\n')
        {
            {
                self.pos += 1;
                let target = u8::try_from(d).unwrap_or(1);
                return Ok(Some(Redirect {
                    fd,
                    target: RedirectTarget::Dup(target),
                }));
            }
        }
        match self.peek() {
            None => return Err(ParseError::UnexpectedToken("newline".into())),
            Some('\n') => return Err(ParseError::UnexpectedToken("newline".into())),
            Some(c) if is_meta(c) => return Err(ParseError::UnexpectedToken(self.operator_text())),
            _ => {}
        }
        let word = self.word(depth)?;
        let target = match kind {
            "<" => RedirectTarget::Input(word),
            ">>" | "&>>" => RedirectTarget::File {
                path: word,
                append: true,
            },
            _ => RedirectTarget::File {
                path: word,
                append: false,
            },
        };
        // `&>file` is `>file 2>&1`: fd 3 stands for both 1 and 2.
        let fd = if kind.starts_with('&') { 3 } else { fd };
        let redirect = Redirect { fd, target };
        Ok(Some(redirect))
    }

    fn push_lit(pieces: &mut Vec<Piece>, text: &str, quoted: bool) {
        if let Some(Piece {
            part: Part::Lit(last),
            quoted: q,
        }) = pieces.last_mut()
            && *q == quoted
        {
            last.push_str(text);
            return;
        }
        pieces.push(Piece {
            part: Part::Lit(text.to_string()),
            quoted,
        });
    }

    /// One word, up to a blank or an operator.
    fn word(&mut self, depth: usize) -> Result<Word, ParseError> {
        let mut pieces: Vec<Piece> = Vec::new();
        if self.peek() == Some('~')
            && self
                .peek_at(1)
                .is_none_or(|c| c == '/' || is_blank(c) || is_meta(c) || c == '\n')
        {
            self.pos += 1;
            pieces.push(Piece {
                part: Part::Tilde,
                quoted: false,
            });
        }
        while let Some(c) = self.peek() {
            if is_blank(c) || is_meta(c) || c == '\n' {
                break;
            }
            match c {
                '\'' => {
                    self.pos += 1;
                    let mut text = String::new();
                    loop {
                        match self.peek() {
                            None => return Err(ParseError::UnexpectedEof('\'')),
                            Some('\'') => {
                                self.pos += 1;
                                break;
                            }
                            Some(c) => {
                                text.push(c);
                                self.pos += 1;
                            }
                        }
                    }
                    Self::push_lit(&mut pieces, &text, true);
                }
                '"' => {
                    self.pos += 1;
                    // An empty quoted piece keeps `""` as an empty field.
                    Self::push_lit(&mut pieces, "", true);
                    loop {
                        match self.peek() {
                            None => return Err(ParseError::UnexpectedEof('"')),
                            Some('"') => {
                                self.pos += 1;
                                break;
                            }
                            Some('\\') => {
                                self.pos += 1;
                                match self.peek() {
                                    Some(n) if matches!(n, '$' | '`' | '"' | '\\') => {
                                        self.pos += 1;
                                        Self::push_lit(&mut pieces, &n.to_string(), true);
                                    }
                                    Some('\n') => self.pos += 1,
                                    _ => Self::push_lit(&mut pieces, "\\", true),
                                }
                            }
                            Some('$') => self.dollar(&mut pieces, true, depth)?,
                            Some('`') => self.backtick(&mut pieces, true, depth)?,
                            Some(c) => {
                                self.pos += 1;
                                Self::push_lit(&mut pieces, &c.to_string(), true);
                            }
                        }
                    }
                }
                '\\' => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => self.pos += 1,
                        Some(n) => {
                            self.pos += 1;
                            Self::push_lit(&mut pieces, &n.to_string(), true);
                        }
                        None => {}
                    }
                }
                '$' => self.dollar(&mut pieces, false, depth)?,
                '`' => self.backtick(&mut pieces, false, depth)?,
                c => {
                    self.pos += 1;
                    Self::push_lit(&mut pieces, &c.to_string(), false);
                }
            }
        }
        Ok(Word(pieces))
    }

    /// `$…` at the current position.
    fn dollar(
        &mut self,
        pieces: &mut Vec<Piece>,
        quoted: bool,
        depth: usize,
    ) -> Result<(), ParseError> {
        self.pos += 1;
        match self.peek() {
            Some('(') => {
                self.pos += 1;
                let list = self.list(depth + 1, Some(')'))?;
                if self.peek() != Some(')') {
                    return Err(ParseError::UnexpectedEof(')'));
                }
                self.pos += 1;
                pieces.push(Piece {
                    part: Part::Sub(list),
                    quoted,
                });
            }
            Some('{') => {
                self.pos += 1;
                let mut name = String::new();
                loop {
                    match self.peek() {
                        None => return Err(ParseError::UnexpectedEof('}')),
                        Some('}') => {
                            self.pos += 1;
                            break;
                        }
                        Some(c) => {
                            name.push(c);
                            self.pos += 1;
                        }
                    }
                }
                let length_of = name
                    .strip_prefix('#')
                    .filter(|n| is_name(n) || is_special(n));
                if !is_name(&name) && !is_special(&name) && length_of.is_none() {
                    return Err(ParseError::BadSubstitution(format!("${{{name}}}")));
                }
                pieces.push(Piece {
                    part: Part::Var(name),
                    quoted,
                });
            }
            Some(c) if c == '?' || c == '$' || c == '#' || c.is_ascii_digit() => {
                self.pos += 1;
                pieces.push(Piece {
                    part: Part::Var(c.to_string()),
                    quoted,
                });
            }
            Some(c) if c == '_' || c.is_ascii_alphabetic() => {
                let mut name = String::new();
                while let Some(c) = self.peek() {
                    if c == '_' || c.is_ascii_alphanumeric() {
                        name.push(c);
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                pieces.push(Piece {
                    part: Part::Var(name),
                    quoted,
                });
            }
            _ => Self::push_lit(pieces, "$", quoted),
        }
        Ok(())
    }

    /// `` `…` `` at the current position: the text up to the next unescaped backtick,
    /// parsed as a list.
    fn backtick(
        &mut self,
        pieces: &mut Vec<Piece>,
        quoted: bool,
        depth: usize,
    ) -> Result<(), ParseError> {
        self.pos += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err(ParseError::UnexpectedEof('`')),
                Some('`') => {
                    self.pos += 1;
                    break;
                }
                Some('\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(n) if matches!(n, '$' | '`' | '\\') => {
                            text.push(n);
                            self.pos += 1;
                        }
                        _ => text.push('\\'),
                    }
                }
                Some(c) => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        if depth + 1 > MAX_DEPTH {
            return Err(ParseError::TooDeep);
        }
        let mut inner = Parser {
            chars: text.chars().collect(),
            pos: 0,
        };
        let list = inner.list(depth + 1, None)?;
        pieces.push(Piece {
            part: Part::Sub(list),
            quoted,
        });
        Ok(())
    }
}

fn is_special(name: &str) -> bool {
    matches!(name, "?" | "$" | "#")
        || (!name.is_empty() && name.chars().all(|c| c.is_ascii_digit()))
}

/// True when a word is written `NAME=…` (NAME unquoted).
pub fn looks_like_assignment(word: &Word) -> bool {
    split_assignment(word).is_some()
}

/// Splits `NAME=value` (NAME unquoted) off the front of a word.
fn split_assignment(word: &Word) -> Option<(String, Word)> {
    let first = word.0.first()?;
    let Part::Lit(text) = &first.part else {
        return None;
    };
    if first.quoted {
        return None;
    }
    let (name, rest) = text.split_once('=')?;
    if !is_name(name) {
        return None;
    }
    let mut value: Vec<Piece> = Vec::new();
    // `NAME=~/x`: bash expands a tilde right after the `=`.
    let rest = match rest.strip_prefix('~') {
        Some(after) if after.is_empty() || after.starts_with('/') => {
            value.push(Piece {
                part: Part::Tilde,
                quoted: false,
            });
            after
        }
        _ => rest,
    };
    if !rest.is_empty() {
        value.push(Piece {
            part: Part::Lit(rest.to_string()),
            quoted: false,
        });
    }
    value.extend(word.0.iter().skip(1).cloned());
    Some((name.to_string(), Word(value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(text: &str, quoted: bool) -> Piece {
        Piece {
            part: Part::Lit(text.into()),
            quoted,
        }
    }

    #[test]
    fn words_and_quotes() {
        let list = parse(r#"echo 'a b' "c $X" d\ e"#).unwrap();
        let cmd = &list.0[0].1.commands[0];
        assert_eq!(cmd.words.len(), 4);
        assert_eq!(cmd.words[1], Word(vec![lit("a b", true)]));
        assert_eq!(
            cmd.words[2],
            Word(vec![
                lit("c ", true),
                Piece {
                    part: Part::Var("X".into()),
                    quoted: true
                }
            ])
        );
        assert_eq!(
            cmd.words[3],
            Word(vec![lit("d", false), lit(" ", true), lit("e", false)])
        );
    }

    #[test]
    fn quoting_errors_use_bash_wording() {
        assert_eq!(
            parse("echo \"abc").unwrap_err().to_string(),
            "bash: unexpected EOF while looking for matching `\"'"
        );
        assert_eq!(
            parse("echo 'abc").unwrap_err().to_string(),
            "bash: unexpected EOF while looking for matching `''"
        );
        assert_eq!(
            parse("echo $(ls").unwrap_err().to_string(),
            "bash: unexpected EOF while looking for matching `)'"
        );
        assert_eq!(
            parse("&& ls").unwrap_err().to_string(),
            "bash: syntax error near unexpected token `&&'"
        );
        assert_eq!(
            parse("ls &&").unwrap_err().to_string(),
            "bash: syntax error: unexpected end of file"
        );
        assert_eq!(
            parse("echo >").unwrap_err().to_string(),
            "bash: syntax error near unexpected token `newline'"
        );
    }

    #[test]
    fn connectors_redirects_assignments_comments() {
        let list = parse("A=1 B=\"x y\" env > out 2>&1 && echo ok || echo no; ls # hi").unwrap();
        assert_eq!(list.0.len(), 4);
        assert_eq!(list.0[1].0, Connector::And);
        assert_eq!(list.0[2].0, Connector::Or);
        assert_eq!(list.0[3].0, Connector::Seq);
        let first = &list.0[0].1.commands[0];
        assert_eq!(first.assigns.len(), 2);
        assert_eq!(first.redirects.len(), 2);
        assert_eq!(first.redirects[1].target, RedirectTarget::Dup(1));
        assert_eq!(list.0[3].1.commands[0].words.len(), 1);
    }

    #[test]
    fn nested_substitution() {
        let list = parse("echo $(echo $(echo hi))").unwrap();
        let Part::Sub(inner) = &list.0[0].1.commands[0].words[1].0[0].part else {
            panic!("not a substitution")
        };
        assert_eq!(inner.0.len(), 1);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let line = "$(".repeat(10_000);
        assert!(parse(&line).is_err());
    }
}
