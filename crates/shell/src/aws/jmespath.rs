//! JMESPath, as the AWS CLI's `--query` evaluates it (a port of the grammar and
//! binding powers of python `jmespath`), over `serde_json` values so that keys
//! keep AWS's order and multi-select hashes keep the expression's order.

use std::cmp::Ordering;

use serde_json::{Map, Number, Value};

/// How deeply expressions may nest (keeps the parser's stack small).
const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Number(i64),
    Literal(Value),
    Dot,
    Star,
    Flatten,
    Filter,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Comma,
    Colon,
    Pipe,
    Or,
    And,
    Not,
    Cmp(Cmp),
    Current,
    Expref,
    Eof,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// An expression tree.
#[derive(Clone, Debug, PartialEq)]
enum Node {
    Current,
    Field(String),
    Literal(Value),
    Sub(Box<Node>, Box<Node>),
    Index(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    IndexExpr(Box<Node>, Box<Node>),
    Projection(Box<Node>, Box<Node>),
    ValueProjection(Box<Node>, Box<Node>),
    FilterProjection(Box<Node>, Box<Node>, Box<Node>),
    Flatten(Box<Node>),
    Pipe(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    And(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Compare(Cmp, Box<Node>, Box<Node>),
    MultiList(Vec<Node>),
    MultiHash(Vec<(String, Node)>),
    Function(String, Vec<Node>),
    Expref(Box<Node>),
}

/// A JMESPath error: a parse error (with the token where it happened) or an
/// error during evaluation (a function given the wrong type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// What went wrong.
    pub message: String,
    /// Character offset in the expression.
    pub column: usize,
    /// The token's text and type name, for parse errors.
    pub token: Option<(String, String)>,
}

fn err(message: impl Into<String>, column: usize) -> QueryError {
    QueryError {
        message: message.into(),
        column,
        token: None,
    }
}

fn type_of(tok: &Tok) -> (String, &'static str) {
    match tok {
        Tok::Ident(s) => (s.clone(), "UNQUOTED_IDENTIFIER"),
        Tok::Number(n) => (n.to_string(), "NUMBER"),
        Tok::Literal(v) => (v.to_string(), "LITERAL"),
        Tok::Dot => (".".into(), "DOT"),
        Tok::Star => ("*".into(), "STAR"),
        Tok::Flatten => ("[]".into(), "FLATTEN"),
        Tok::Filter => ("[?".into(), "FILTER"),
        Tok::LBracket => ("[".into(), "LBRACKET"),
        Tok::RBracket => ("]".into(), "RBRACKET"),
        Tok::LBrace => ("{".into(), "LBRACE"),
        Tok::RBrace => ("}".into(), "RBRACE"),
        Tok::LParen => ("(".into(), "LPAREN"),
        Tok::RParen => (")".into(), "RPAREN"),
        Tok::Comma => (",".into(), "COMMA"),
        Tok::Colon => (":".into(), "COLON"),
        Tok::Pipe => ("|".into(), "PIPE"),
        Tok::Or => ("||".into(), "OR"),
        Tok::And => ("&&".into(), "AND"),
        Tok::Not => ("!".into(), "NOT"),
        Tok::Cmp(Cmp::Eq) => ("==".into(), "EQ"),
        Tok::Cmp(Cmp::Ne) => ("!=".into(), "NE"),
        Tok::Cmp(Cmp::Lt) => ("<".into(), "LT"),
        Tok::Cmp(Cmp::Le) => ("<=".into(), "LTE"),
        Tok::Cmp(Cmp::Gt) => (">".into(), "GT"),
        Tok::Cmp(Cmp::Ge) => (">=".into(), "GTE"),
        Tok::Current => ("@".into(), "CURRENT"),
        Tok::Expref => ("&".into(), "EXPREF"),
        Tok::Eof => (String::new(), "EOF"),
    }
}

impl QueryError {
    /// python jmespath's text: `MSG: Parse error at column N, token "T" (TYPE), for
    /// expression:` then the expression in quotes and a caret under the column.
    pub fn render(&self, expression: &str) -> String {
        match &self.token {
            Some((value, kind)) => format!(
                "{}: Parse error at column {}, token \"{value}\" ({kind}), for expression:\n\"{expression}\"\n{}^",
                self.message,
                self.column,
                " ".repeat(self.column + 1)
            ),
            None => self.message.clone(),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<(Tok, usize)>, QueryError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let next = chars.get(i + 1).copied();
        let tok = match c {
            ' ' | '\t' | '\n' | '\r' => {
                i += 1;
                continue;
            }
            '.' => Tok::Dot,
            '*' => Tok::Star,
            ',' => Tok::Comma,
            ':' => Tok::Colon,
            '{' => Tok::LBrace,
            '}' => Tok::RBrace,
            ']' => Tok::RBracket,
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            '@' => Tok::Current,
            '[' if next == Some(']') => {
                i += 1;
                Tok::Flatten
            }
            '[' if next == Some('?') => {
                i += 1;
                Tok::Filter
            }
            '[' => Tok::LBracket,
            '|' if next == Some('|') => {
                i += 1;
                Tok::Or
            }
            '|' => Tok::Pipe,
            '&' if next == Some('&') => {
                i += 1;
                Tok::And
            }
            '&' => Tok::Expref,
            '!' if next == Some('=') => {
                i += 1;
                Tok::Cmp(Cmp::Ne)
            }
            '!' => Tok::Not,
            '=' if next == Some('=') => {
                i += 1;
                Tok::Cmp(Cmp::Eq)
            }
            '<' if next == Some('=') => {
                i += 1;
                Tok::Cmp(Cmp::Le)
            }
            '<' => Tok::Cmp(Cmp::Lt),
            '>' if next == Some('=') => {
                i += 1;
                Tok::Cmp(Cmp::Ge)
            }
            '>' => Tok::Cmp(Cmp::Gt),
            '\'' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(err("Unclosed ' delimiter", start)),
                        Some('\'') => break,
                        Some('\\') if chars.get(i + 1) == Some(&'\'') => {
                            s.push('\'');
                            i += 1;
                        }
                        Some(&ch) => s.push(ch),
                    }
                    i += 1;
                }
                Tok::Literal(Value::String(s))
            }
            '`' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(err("Unclosed ` delimiter", start)),
                        Some('`') => break,
                        Some('\\') if chars.get(i + 1) == Some(&'`') => {
                            s.push('`');
                            i += 1;
                        }
                        Some(&ch) => s.push(ch),
                    }
                    i += 1;
                }
                // python jmespath still accepts a bare string here (deprecated).
                let value = serde_json::from_str(&s)
                    .unwrap_or_else(|_| Value::String(s.trim().to_string()));
                Tok::Literal(value)
            }
            '"' => {
                let mut raw = String::from("\"");
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(err("Unclosed \" delimiter", start)),
                        Some('"') => break,
                        Some('\\') => {
                            raw.push('\\');
                            if let Some(&n) = chars.get(i + 1) {
                                raw.push(n);
                                i += 1;
                            }
                        }
                        Some(&ch) => raw.push(ch),
                    }
                    i += 1;
                }
                raw.push('"');
                let name: String = serde_json::from_str(&raw)
                    .map_err(|_| err(format!("Invalid quoted identifier: {raw}"), start))?;
                Tok::Ident(name)
            }
            c if c == '-' || c.is_ascii_digit() => {
                let mut s = String::from(c);
                while let Some(&d) = chars.get(i + 1).filter(|d| d.is_ascii_digit()) {
                    s.push(d);
                    i += 1;
                }
                let n = s
                    .parse::<i64>()
                    .map_err(|_| err(format!("Unknown token '{s}'"), start))?;
                Tok::Number(n)
            }
            c if c == '_' || c.is_ascii_alphabetic() => {
                let mut s = String::from(c);
                while let Some(&d) = chars
                    .get(i + 1)
                    .filter(|d| **d == '_' || d.is_ascii_alphanumeric())
                {
                    s.push(d);
                    i += 1;
                }
                Tok::Ident(s)
            }
            other => return Err(err(format!("Unknown token '{other}'"), start)),
        };
        tokens.push((tok, start));
        i += 1;
    }
    tokens.push((Tok::Eof, chars.len()));
    Ok(tokens)
}

fn binding_power(tok: &Tok) -> u8 {
    match tok {
        Tok::Pipe => 1,
        Tok::Or => 2,
        Tok::And => 3,
        Tok::Cmp(_) => 5,
        Tok::Flatten => 9,
        Tok::Star => 20,
        Tok::Filter => 21,
        Tok::Dot => 40,
        Tok::Not => 45,
        Tok::LBrace => 50,
        Tok::LBracket => 55,
        Tok::LParen => 60,
        _ => 0,
    }
}

const PROJECTION_STOP: u8 = 10;

struct Parser {
    tokens: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.tokens
            .get(self.pos)
            .map(|(t, _)| t)
            .unwrap_or(&Tok::Eof)
    }

    fn peek_at(&self, n: usize) -> &Tok {
        self.tokens
            .get(self.pos + n)
            .map(|(t, _)| t)
            .unwrap_or(&Tok::Eof)
    }

    fn column(&self) -> usize {
        self.tokens.get(self.pos).map(|(_, c)| *c).unwrap_or(0)
    }

    fn advance(&mut self) -> Tok {
        let tok = self.peek().clone();
        self.pos += 1;
        tok
    }

    fn expect(&mut self, want: &Tok) -> Result<(), QueryError> {
        if self.peek() == want {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(&type_of(want).1.to_ascii_lowercase()))
        }
    }

    fn unexpected(&self, expecting: &str) -> QueryError {
        let (value, kind) = type_of(self.peek());
        QueryError {
            message: format!("Expecting: {expecting}, got: {}", kind.to_ascii_lowercase()),
            column: self.column(),
            token: Some((value, kind.to_string())),
        }
    }

    fn expression(&mut self, bp: u8) -> Result<Node, QueryError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err("Expression nested too deeply", self.column()));
        }
        let tok = self.advance();
        let mut left = self.nud(tok)?;
        while bp < binding_power(self.peek()) {
            let tok = self.advance();
            left = self.led(tok, left)?;
        }
        self.depth -= 1;
        Ok(left)
    }

    fn nud(&mut self, tok: Tok) -> Result<Node, QueryError> {
        match tok {
            Tok::Literal(v) => Ok(Node::Literal(v)),
            Tok::Ident(name) => Ok(Node::Field(name)),
            Tok::Star => {
                let rhs = self.projection_rhs(binding_power(&Tok::Star))?;
                Ok(Node::ValueProjection(
                    Box::new(Node::Current),
                    Box::new(rhs),
                ))
            }
            Tok::Filter => self.filter(Node::Current),
            Tok::LBrace => self.multi_hash(),
            Tok::LParen => {
                let inner = self.expression(0)?;
                self.expect(&Tok::RParen)?;
                Ok(inner)
            }
            Tok::Flatten => {
                let rhs = self.projection_rhs(binding_power(&Tok::Flatten))?;
                Ok(Node::Projection(
                    Box::new(Node::Flatten(Box::new(Node::Current))),
                    Box::new(rhs),
                ))
            }
            Tok::Not => Ok(Node::Not(Box::new(
                self.expression(binding_power(&Tok::Not))?,
            ))),
            Tok::LBracket => match self.peek() {
                Tok::Number(_) | Tok::Colon => {
                    let index = self.index_or_slice()?;
                    self.project_if_slice(Node::Current, index)
                }
                Tok::Star if self.peek_at(1) == &Tok::RBracket => {
                    self.pos += 2;
                    let rhs = self.projection_rhs(binding_power(&Tok::Star))?;
                    Ok(Node::Projection(Box::new(Node::Current), Box::new(rhs)))
                }
                _ => self.multi_list(),
            },
            Tok::Current => Ok(Node::Current),
            Tok::Expref => Ok(Node::Expref(Box::new(self.expression(0)?))),
            _ => {
                self.pos = self.pos.saturating_sub(1);
                Err(self.unexpected("an expression"))
            }
        }
    }

    fn led(&mut self, tok: Tok, left: Node) -> Result<Node, QueryError> {
        match tok {
            Tok::Dot => {
                if self.peek() == &Tok::Star {
                    self.pos += 1;
                    let rhs = self.projection_rhs(binding_power(&Tok::Dot))?;
                    Ok(Node::ValueProjection(Box::new(left), Box::new(rhs)))
                } else {
                    let rhs = self.dot_rhs(binding_power(&Tok::Dot))?;
                    Ok(Node::Sub(Box::new(left), Box::new(rhs)))
                }
            }
            Tok::Pipe => Ok(Node::Pipe(
                Box::new(left),
                Box::new(self.expression(binding_power(&Tok::Pipe))?),
            )),
            Tok::Or => Ok(Node::Or(
                Box::new(left),
                Box::new(self.expression(binding_power(&Tok::Or))?),
            )),
            Tok::And => Ok(Node::And(
                Box::new(left),
                Box::new(self.expression(binding_power(&Tok::And))?),
            )),
            Tok::LParen => {
                let Node::Field(name) = left else {
                    return Err(err("Invalid function name", self.column()));
                };
                let mut args = Vec::new();
                while self.peek() != &Tok::RParen {
                    args.push(self.expression(0)?);
                    if self.peek() == &Tok::Comma {
                        self.pos += 1;
                    } else if self.peek() != &Tok::RParen {
                        return Err(self.unexpected("',' or ')'"));
                    }
                }
                self.pos += 1;
                Ok(Node::Function(name, args))
            }
            Tok::Filter => self.filter(left),
            Tok::Cmp(op) => Ok(Node::Compare(
                op,
                Box::new(left),
                Box::new(self.expression(binding_power(&Tok::Cmp(op)))?),
            )),
            Tok::Flatten => {
                let rhs = self.projection_rhs(binding_power(&Tok::Flatten))?;
                Ok(Node::Projection(
                    Box::new(Node::Flatten(Box::new(left))),
                    Box::new(rhs),
                ))
            }
            Tok::LBracket => match self.peek() {
                Tok::Number(_) | Tok::Colon => {
                    let index = self.index_or_slice()?;
                    self.project_if_slice(left, index)
                }
                Tok::Star if self.peek_at(1) == &Tok::RBracket => {
                    self.pos += 2;
                    let rhs = self.projection_rhs(binding_power(&Tok::Star))?;
                    Ok(Node::Projection(Box::new(left), Box::new(rhs)))
                }
                _ => Err(self.unexpected("a number, ':' or '*'")),
            },
            _ => {
                self.pos = self.pos.saturating_sub(1);
                Err(self.unexpected("an operator"))
            }
        }
    }

    fn project_if_slice(&mut self, left: Node, index: Node) -> Result<Node, QueryError> {
        let is_slice = matches!(index, Node::Slice(..));
        let expr = Node::IndexExpr(Box::new(left), Box::new(index));
        if is_slice {
            let rhs = self.projection_rhs(binding_power(&Tok::Star))?;
            Ok(Node::Projection(Box::new(expr), Box::new(rhs)))
        } else {
            Ok(expr)
        }
    }

    fn index_or_slice(&mut self) -> Result<Node, QueryError> {
        let mut parts: [Option<i64>; 3] = [None, None, None];
        let mut slot = 0usize;
        loop {
            match self.peek().clone() {
                Tok::RBracket => {
                    self.pos += 1;
                    break;
                }
                Tok::Colon => {
                    slot += 1;
                    if slot > 2 {
                        return Err(self.unexpected("']'"));
                    }
                    self.pos += 1;
                }
                Tok::Number(n) => {
                    if let Some(p) = parts.get_mut(slot) {
                        *p = Some(n);
                    }
                    self.pos += 1;
                }
                _ => return Err(self.unexpected("a number, ':' or ']'")),
            }
        }
        let [start, stop, step] = parts;
        if slot == 0 {
            Ok(Node::Index(start.unwrap_or(0)))
        } else {
            if step == Some(0) {
                return Err(err("Invalid slice, step cannot be 0", self.column()));
            }
            Ok(Node::Slice(start, stop, step))
        }
    }

    fn filter(&mut self, left: Node) -> Result<Node, QueryError> {
        let condition = self.expression(0)?;
        self.expect(&Tok::RBracket)?;
        let rhs = if self.peek() == &Tok::Flatten {
            Node::Current
        } else {
            self.projection_rhs(binding_power(&Tok::Filter))?
        };
        Ok(Node::FilterProjection(
            Box::new(left),
            Box::new(condition),
            Box::new(rhs),
        ))
    }

    fn projection_rhs(&mut self, bp: u8) -> Result<Node, QueryError> {
        let next = self.peek().clone();
        if binding_power(&next) < PROJECTION_STOP {
            return Ok(Node::Current);
        }
        match next {
            Tok::LBracket | Tok::Filter => self.expression(bp),
            Tok::Dot => {
                self.pos += 1;
                self.dot_rhs(bp)
            }
            _ => Err(self.unexpected("'.', '[' or '[?'")),
        }
    }

    fn dot_rhs(&mut self, bp: u8) -> Result<Node, QueryError> {
        match self.peek() {
            Tok::Ident(_) | Tok::Star => self.expression(bp),
            Tok::LBracket => {
                self.pos += 1;
                self.multi_list()
            }
            Tok::LBrace => {
                self.pos += 1;
                self.multi_hash()
            }
            _ => Err(self.unexpected("an identifier, '[' or '{'")),
        }
    }

    fn multi_list(&mut self) -> Result<Node, QueryError> {
        let mut items = Vec::new();
        loop {
            items.push(self.expression(0)?);
            match self.advance() {
                Tok::Comma => {}
                Tok::RBracket => return Ok(Node::MultiList(items)),
                _ => {
                    self.pos = self.pos.saturating_sub(1);
                    return Err(self.unexpected("',' or ']'"));
                }
            }
        }
    }

    fn multi_hash(&mut self) -> Result<Node, QueryError> {
        let mut pairs = Vec::new();
        loop {
            let Tok::Ident(key) = self.advance() else {
                self.pos = self.pos.saturating_sub(1);
                return Err(self.unexpected("an identifier"));
            };
            self.expect(&Tok::Colon)?;
            let value = self.expression(0)?;
            pairs.push((key, value));
            match self.advance() {
                Tok::Comma => {}
                Tok::RBrace => return Ok(Node::MultiHash(pairs)),
                _ => {
                    self.pos = self.pos.saturating_sub(1);
                    return Err(self.unexpected("',' or '}'"));
                }
            }
        }
    }
}

fn parse(text: &str) -> Result<Node, QueryError> {
    let mut parser = Parser {
        tokens: tokenize(text)?,
        pos: 0,
        depth: 0,
    };
    let node = parser.expression(0)?;
    if parser.peek() != &Tok::Eof {
        return Err(parser.unexpected("the end of the expression"));
    }
    Ok(node)
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(m) => !m.is_empty(),
        Value::Number(_) => true,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Number(_) => "number",
    }
}

fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Value::from(value as i64)
    } else {
        Number::from_f64(value)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

fn compare_values(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64()?.partial_cmp(&y.as_f64()?),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Evaluation errors: a function called with the wrong arguments.
fn invalid_type(function: &str, expected: &str, got: &Value) -> QueryError {
    err(
        format!(
            "In function {function}(), invalid type for value: {got}, expected one of: {expected}, received: \"{}\"",
            type_name(got)
        ),
        0,
    )
}

fn eval(node: &Node, data: &Value) -> Result<Value, QueryError> {
    Ok(match node {
        Node::Current => data.clone(),
        Node::Literal(v) => v.clone(),
        Node::Field(name) => data.get(name).cloned().unwrap_or(Value::Null),
        Node::Sub(l, r) | Node::IndexExpr(l, r) | Node::Pipe(l, r) => eval(r, &eval(l, data)?)?,
        Node::Index(i) => match data {
            Value::Array(items) => {
                let len = items.len() as i64;
                let at = if *i < 0 { len + i } else { *i };
                usize::try_from(at)
                    .ok()
                    .and_then(|at| items.get(at))
                    .cloned()
                    .unwrap_or(Value::Null)
            }
            _ => Value::Null,
        },
        Node::Slice(start, stop, step) => match data {
            Value::Array(items) => Value::Array(slice(items, *start, *stop, *step)),
            _ => Value::Null,
        },
        Node::Projection(l, r) => match eval(l, data)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in &items {
                    let v = eval(r, item)?;
                    if !v.is_null() {
                        out.push(v);
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::ValueProjection(l, r) => match eval(l, data)? {
            Value::Object(map) => {
                let mut out = Vec::new();
                for item in map.values() {
                    let v = eval(r, item)?;
                    if !v.is_null() {
                        out.push(v);
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::FilterProjection(l, cond, r) => match eval(l, data)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in &items {
                    if truthy(&eval(cond, item)?) {
                        let v = eval(r, item)?;
                        if !v.is_null() {
                            out.push(v);
                        }
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::Flatten(inner) => match eval(inner, data)? {
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::Array(inner) => out.extend(inner),
                        other => out.push(other),
                    }
                }
                Value::Array(out)
            }
            _ => Value::Null,
        },
        Node::Or(l, r) => {
            let left = eval(l, data)?;
            if truthy(&left) { left } else { eval(r, data)? }
        }
        Node::And(l, r) => {
            let left = eval(l, data)?;
            if truthy(&left) { eval(r, data)? } else { left }
        }
        Node::Not(inner) => Value::Bool(!truthy(&eval(inner, data)?)),
        Node::Compare(op, l, r) => {
            let (a, b) = (eval(l, data)?, eval(r, data)?);
            match op {
                Cmp::Eq => Value::Bool(equal(&a, &b)),
                Cmp::Ne => Value::Bool(!equal(&a, &b)),
                _ => match (&a, &b) {
                    (Value::Number(_), Value::Number(_)) => {
                        let ord = compare_values(&a, &b);
                        Value::Bool(match op {
                            Cmp::Lt => ord == Some(Ordering::Less),
                            Cmp::Le => matches!(ord, Some(Ordering::Less | Ordering::Equal)),
                            Cmp::Gt => ord == Some(Ordering::Greater),
                            _ => matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
                        })
                    }
                    _ => Value::Null,
                },
            }
        }
        Node::MultiList(items) => {
            if data.is_null() {
                Value::Null
            } else {
                Value::Array(
                    items
                        .iter()
                        .map(|n| eval(n, data))
                        .collect::<Result<_, _>>()?,
                )
            }
        }
        Node::MultiHash(pairs) => {
            if data.is_null() {
                Value::Null
            } else {
                let mut map = Map::new();
                for (k, n) in pairs {
                    map.insert(k.clone(), eval(n, data)?);
                }
                Value::Object(map)
            }
        }
        Node::Expref(_) => Value::Null,
        Node::Function(name, args) => call(name, args, data)?,
    })
}

fn slice(items: &[Value], start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Vec<Value> {
    let len = items.len() as i64;
    let step = step.unwrap_or(1);
    let clamp = |v: i64, low: i64, high: i64| v.max(low).min(high);
    let adjust = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => {
            if step < 0 {
                clamp(len + v, -1, len - 1)
            } else {
                clamp(len + v, 0, len)
            }
        }
        Some(v) => {
            if step < 0 {
                clamp(v, -1, len - 1)
            } else {
                clamp(v, 0, len)
            }
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(start, 0), adjust(stop, len))
    } else {
        (adjust(start, len - 1), adjust(stop, -1))
    };
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if let Some(v) = usize::try_from(i).ok().and_then(|i| items.get(i)) {
            out.push(v.clone());
        }
        match i.checked_add(step) {
            Some(next) => i = next,
            None => break,
        }
    }
    out
}

fn arity(name: &str, args: &[Node], n: usize) -> Result<(), QueryError> {
    if args.len() == n {
        Ok(())
    } else {
        Err(err(
            format!(
                "Expected {n} argument{} for function {name}(), received {}",
                if n == 1 { "" } else { "s" },
                args.len()
            ),
            0,
        ))
    }
}

fn sort_key<'a>(
    name: &str,
    items: &'a [Value],
    keys: &'a [Value],
) -> Result<Vec<(&'a Value, &'a Value)>, QueryError> {
    let all_numbers = keys.iter().all(Value::is_number);
    let all_strings = keys.iter().all(Value::is_string);
    if !(all_numbers || all_strings) {
        let bad = keys
            .iter()
            .find(|k| !k.is_number() && !k.is_string())
            .unwrap_or(&Value::Null);
        return Err(invalid_type(name, "['number', 'string']", bad));
    }
    let mut pairs: Vec<(&Value, &Value)> = keys.iter().zip(items).collect();
    iamsim_engine::sort::sort_by(&mut pairs, |a, b| {
        compare_values(a.0, b.0).unwrap_or(Ordering::Equal)
    });
    Ok(pairs)
}

fn call(name: &str, args: &[Node], data: &Value) -> Result<Value, QueryError> {
    let values = |n: usize| -> Result<Vec<Value>, QueryError> {
        arity(name, args, n)?;
        args.iter().map(|a| eval(a, data)).collect()
    };
    let expref_items = |items: &Value| -> Result<(Vec<Value>, Vec<Value>), QueryError> {
        arity(name, args, 2)?;
        let Value::Array(list) = items else {
            return Err(invalid_type(name, "['array']", items));
        };
        let Some(Node::Expref(expr)) = args.get(1) else {
            return Err(err(
                format!("In function {name}(), expected an expression (&expr)"),
                0,
            ));
        };
        let keys = list
            .iter()
            .map(|i| eval(expr, i))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((list.clone(), keys))
    };
    let first = |vs: &[Value]| vs.first().cloned().unwrap_or(Value::Null);
    Ok(match name {
        "length" => {
            let v = first(&values(1)?);
            match &v {
                Value::String(s) => Value::from(s.chars().count()),
                Value::Array(a) => Value::from(a.len()),
                Value::Object(m) => Value::from(m.len()),
                _ => return Err(invalid_type(name, "['string', 'array', 'object']", &v)),
            }
        }
        "keys" | "values" => match first(&values(1)?) {
            Value::Object(m) if name == "keys" => {
                Value::Array(m.keys().map(|k| Value::String(k.clone())).collect())
            }
            Value::Object(m) => Value::Array(m.values().cloned().collect()),
            other => return Err(invalid_type(name, "['object']", &other)),
        },
        "sort" => match first(&values(1)?) {
            Value::Array(items) => {
                let pairs = sort_key(name, &items, &items)?;
                Value::Array(pairs.into_iter().map(|(_, v)| v.clone()).collect())
            }
            other => return Err(invalid_type(name, "['array']", &other)),
        },
        "sort_by" | "max_by" | "min_by" => {
            let items = eval(args.first().unwrap_or(&Node::Current), data)?;
            let (list, keys) = expref_items(&items)?;
            let pairs = sort_key(name, &list, &keys)?;
            match name {
                "sort_by" => Value::Array(pairs.into_iter().map(|(_, v)| v.clone()).collect()),
                "max_by" => pairs
                    .last()
                    .map(|(_, v)| (*v).clone())
                    .unwrap_or(Value::Null),
                _ => pairs
                    .first()
                    .map(|(_, v)| (*v).clone())
                    .unwrap_or(Value::Null),
            }
        }
        "max" | "min" => match first(&values(1)?) {
            Value::Array(items) => {
                let pairs = sort_key(name, &items, &items)?;
                let pick = if name == "max" {
                    pairs.last()
                } else {
                    pairs.first()
                };
                pick.map(|(_, v)| (*v).clone()).unwrap_or(Value::Null)
            }
            other => return Err(invalid_type(name, "['array']", &other)),
        },
        "reverse" => match first(&values(1)?) {
            Value::Array(mut items) => {
                items.reverse();
                Value::Array(items)
            }
            Value::String(s) => Value::String(s.chars().rev().collect()),
            other => return Err(invalid_type(name, "['array', 'string']", &other)),
        },
        "contains" => {
            let vs = values(2)?;
            let (hay, needle) = (first(&vs), vs.get(1).cloned().unwrap_or(Value::Null));
            match (&hay, &needle) {
                (Value::String(h), Value::String(n)) => Value::Bool(h.contains(n.as_str())),
                (Value::String(_), _) => Value::Bool(false),
                (Value::Array(items), _) => Value::Bool(items.iter().any(|i| equal(i, &needle))),
                _ => return Err(invalid_type(name, "['array', 'string']", &hay)),
            }
        }
        "starts_with" | "ends_with" => {
            let vs = values(2)?;
            match (first(&vs), vs.get(1).cloned().unwrap_or(Value::Null)) {
                (Value::String(s), Value::String(p)) => Value::Bool(if name == "starts_with" {
                    s.starts_with(&p)
                } else {
                    s.ends_with(&p)
                }),
                (other, _) => return Err(invalid_type(name, "['string']", &other)),
            }
        }
        "join" => {
            let vs = values(2)?;
            match (first(&vs), vs.get(1).cloned().unwrap_or(Value::Null)) {
                (Value::String(glue), Value::Array(items)) => {
                    let parts: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
                    match parts {
                        Some(parts) => Value::String(parts.join(&glue)),
                        None => {
                            return Err(invalid_type(
                                name,
                                "['array-string']",
                                &Value::Array(items.clone()),
                            ));
                        }
                    }
                }
                (other, _) => return Err(invalid_type(name, "['string']", &other)),
            }
        }
        "to_string" => match first(&values(1)?) {
            Value::String(s) => Value::String(s),
            other => Value::String(other.to_string()),
        },
        "to_number" => match first(&values(1)?) {
            Value::Number(n) => Value::Number(n),
            Value::String(s) => s.trim().parse::<f64>().map(number).unwrap_or(Value::Null),
            _ => Value::Null,
        },
        "to_array" => match first(&values(1)?) {
            Value::Array(a) => Value::Array(a),
            other => Value::Array(vec![other]),
        },
        "type" => Value::String(type_name(&first(&values(1)?)).to_string()),
        "not_null" => args
            .iter()
            .map(|a| eval(a, data))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .find(|v| !v.is_null())
            .unwrap_or(Value::Null),
        "abs" | "floor" | "ceil" => match first(&values(1)?) {
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(0.0);
                number(match name {
                    "abs" => x.abs(),
                    "floor" => x.floor(),
                    _ => x.ceil(),
                })
            }
            other => return Err(invalid_type(name, "['number']", &other)),
        },
        "sum" | "avg" => match first(&values(1)?) {
            Value::Array(items) => {
                let nums: Option<Vec<f64>> = items.iter().map(Value::as_f64).collect();
                let Some(nums) = nums else {
                    return Err(invalid_type(
                        name,
                        "['array-number']",
                        &Value::Array(items.clone()),
                    ));
                };
                let total: f64 = nums.iter().sum();
                if name == "sum" {
                    number(total)
                } else if nums.is_empty() {
                    Value::Null
                } else {
                    number(total / nums.len() as f64)
                }
            }
            other => return Err(invalid_type(name, "['array-number']", &other)),
        },
        "merge" => {
            let mut map = Map::new();
            for a in args {
                match eval(a, data)? {
                    Value::Object(m) => map.extend(m),
                    other => return Err(invalid_type(name, "['object']", &other)),
                }
            }
            Value::Object(map)
        }
        "map" => {
            arity(name, args, 2)?;
            let Some(Node::Expref(expr)) = args.first() else {
                return Err(err("In function map(), expected an expression (&expr)", 0));
            };
            match eval(args.get(1).unwrap_or(&Node::Current), data)? {
                Value::Array(items) => Value::Array(
                    items
                        .iter()
                        .map(|i| eval(expr, i))
                        .collect::<Result<_, _>>()?,
                ),
                other => return Err(invalid_type(name, "['array']", &other)),
            }
        }
        _ => return Err(err(format!("Unknown function: {name}()"), 0)),
    })
}

/// Evaluates `expression` against `data`.
pub fn search(expression: &str, data: &Value) -> Result<Value, QueryError> {
    let node = parse(expression)?;
    eval(&node, data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn q(expr: &str, data: &Value) -> Value {
        search(expr, data).unwrap()
    }

    #[test]
    fn paths_projections_filters_and_functions() {
        let data = json!({
            "Reservations": [
                {"Instances": [{"Id": "i-1", "State": {"Name": "running"}, "Tags": [{"Key": "Name", "Value": "web"}]}]},
                {"Instances": [{"Id": "i-2", "State": {"Name": "stopped"}}, {"Id": "i-3", "State": {"Name": "running"}}]}
            ]
        });
        assert_eq!(
            q("Reservations[].Instances[].Id", &data),
            json!(["i-1", "i-2", "i-3"])
        );
        assert_eq!(
            q("Reservations[*].Instances[0].Id", &data),
            json!(["i-1", "i-2"])
        );
        assert_eq!(
            q(
                "Reservations[].Instances[?State.Name=='running'].Id[]",
                &data
            ),
            json!(["i-1", "i-3"])
        );
        assert_eq!(
            q(
                "Reservations[].Instances[?State.Name==`running`] | [].Id",
                &data
            ),
            json!(["i-1", "i-3"])
        );
        assert_eq!(q("length(Reservations[].Instances[])", &data), json!(3));
        assert_eq!(
            q(
                "Reservations[0].Instances[0].{Name: Tags[?Key=='Name'] | [0].Value, Id: Id}",
                &data
            ),
            json!({"Name": "web", "Id": "i-1"})
        );
        let keys = q("keys(Reservations[0].Instances[0])", &data);
        assert_eq!(keys, json!(["Id", "State", "Tags"]));
        assert_eq!(
            q("sort(Reservations[].Instances[].Id)[-1]", &data),
            json!("i-3")
        );
        assert_eq!(
            q("Reservations[].Instances[].[Id, State.Name][0]", &data),
            json!(["i-1", "running"])
        );
        assert_eq!(
            q("sort_by(Reservations[].Instances[], &Id)[0].Id", &data),
            json!("i-1")
        );
        assert_eq!(
            q("Reservations[0].Instances[0].Missing", &data),
            Value::Null
        );
        assert_eq!(q("`[1,2,3,4]` | [::-1]", &json!(null)), json!([4, 3, 2, 1]));
        assert_eq!(q("join(', ', ['a','b'])", &json!({})), json!("a, b"));
    }

    #[test]
    fn multiselect_hash_keeps_expression_order() {
        let text = serde_json::to_string(&q("{Z: a, A: b}", &json!({"a": 1, "b": 2}))).unwrap();
        assert_eq!(text, r#"{"Z":1,"A":2}"#);
    }

    #[test]
    fn errors_do_not_panic() {
        for bad in [
            "Roles[", "a.", "{a}", "[?", "f(", "a ||", "`x", "'", "a[1:2:0]", "&", "@@",
        ] {
            assert!(search(bad, &json!({})).is_err(), "{bad}");
        }
        let deep = "[".repeat(10_000);
        assert!(search(&deep, &json!({})).is_err());
    }
}
