//! Query text to tokens, each with the column it starts at.

use std::fmt;

use super::error::QueryError;

/// A comparison as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `~`: contains, ignoring case.
    Contains,
    /// `=~`: matches a regular expression.
    Matches,
    /// `^=`: starts with.
    StartsWith,
}

impl Op {
    const ALL: [Self; 9] = [
        Self::Eq,
        Self::Ne,
        Self::Lt,
        Self::Le,
        Self::Gt,
        Self::Ge,
        Self::Contains,
        Self::Matches,
        Self::StartsWith,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Self::Eq => "=",
            Self::Ne => "!=",
            Self::Lt => "<",
            Self::Le => "<=",
            Self::Gt => ">",
            Self::Ge => ">=",
            Self::Contains => "~",
            Self::Matches => "=~",
            Self::StartsWith => "^=",
        }
    }

    pub fn is_ordering(self) -> bool {
        matches!(self, Self::Lt | Self::Le | Self::Gt | Self::Ge)
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenKind {
    LParen,
    RParen,
    Op(Op),
    /// Unquoted text: a field, a keyword, or a value such as `admins`, `-30d`, `2026-01-01`.
    Word(String),
    /// Quoted text, escapes resolved.
    Str(String),
    /// `/…/` (with `i` after it: ignoring case), as a pattern for the regex crate.
    Regex(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub column: usize,
}

impl Token {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match &self.kind {
            TokenKind::LParen => "\"(\"".to_owned(),
            TokenKind::RParen => "\")\"".to_owned(),
            TokenKind::Op(op) => format!("\"{op}\""),
            TokenKind::Word(w) => format!("\"{w}\""),
            TokenKind::Str(s) => format!("the text \"{s}\""),
            TokenKind::Regex(r) => format!("the regex /{r}/"),
        }
    }

    /// Whether this is the keyword `keyword` (and, or, not), in any case.
    pub fn is_keyword(&self, keyword: &str) -> bool {
        matches!(&self.kind, TokenKind::Word(w) if w.eq_ignore_ascii_case(keyword))
    }

    pub fn is_any_keyword(&self) -> bool {
        ["and", "or", "not"].iter().any(|k| self.is_keyword(k))
    }
}

const OPERATOR_CHARS: &[char] = &['=', '!', '<', '>', '~', '^'];
const QUOTES: &[char] = &['"', '\''];

fn ends_word(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | ')' | '/')
        || OPERATOR_CHARS.contains(&c)
        || QUOTES.contains(&c)
}

/// The tokens of `text`, or the first one that cannot be read.
pub fn tokenize(text: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (kind, next) = match c {
            '(' => (TokenKind::LParen, i + 1),
            ')' => (TokenKind::RParen, i + 1),
            '"' | '\'' => quoted(&chars, i)?,
            '/' => regex(&chars, i)?,
            c if OPERATOR_CHARS.contains(&c) => operator(&chars, i)?,
            _ => {
                let end = (i..chars.len())
                    .find(|&j| ends_word(chars[j]))
                    .unwrap_or(chars.len());
                (TokenKind::Word(chars[i..end].iter().collect()), end)
            }
        };
        tokens.push(Token { kind, column });
        i = next;
    }
    Ok(tokens)
}

fn operator(chars: &[char], start: usize) -> Result<(TokenKind, usize), QueryError> {
    let end = (start..chars.len())
        .find(|&j| !OPERATOR_CHARS.contains(&chars[j]))
        .unwrap_or(chars.len());
    let typed: String = chars[start..end].iter().collect();
    Op::ALL
        .into_iter()
        .find(|op| op.symbol() == typed)
        .map(|op| (TokenKind::Op(op), end))
        .ok_or_else(|| {
            QueryError::at(
                start + 1,
                format!(
                    "unknown operator \"{typed}\"; use =, !=, <, <=, >, >=, ~ (contains), \
                     =~ (regex) or ^= (starts with)"
                ),
            )
        })
}

/// `"…"` or `'…'`; a backslash makes the next character literal.
fn quoted(chars: &[char], start: usize) -> Result<(TokenKind, usize), QueryError> {
    let quote = chars[start];
    let mut text = String::new();
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                text.push(chars[i + 1]);
                i += 2;
            }
            c if c == quote => return Ok((TokenKind::Str(text), i + 1)),
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    Err(QueryError::at(
        start + 1,
        format!("unterminated text: no closing {quote}"),
    ))
}

/// `/…/` or `/…/i`. `\/` is a slash in the pattern; every other escape is the regex's own.
fn regex(chars: &[char], start: usize) -> Result<(TokenKind, usize), QueryError> {
    let mut pattern = String::new();
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' if chars.get(i + 1) == Some(&'/') => {
                pattern.push('/');
                i += 2;
            }
            '\\' if i + 1 < chars.len() => {
                pattern.push('\\');
                pattern.push(chars[i + 1]);
                i += 2;
            }
            '/' => return flags(chars, i + 1, pattern),
            c => {
                pattern.push(c);
                i += 1;
            }
        }
    }
    Err(QueryError::at(
        start + 1,
        "unterminated regex: no closing /",
    ))
}

fn flags(chars: &[char], after: usize, pattern: String) -> Result<(TokenKind, usize), QueryError> {
    let end = (after..chars.len())
        .find(|&j| ends_word(chars[j]))
        .unwrap_or(chars.len());
    match chars[after..end].iter().collect::<String>().as_str() {
        "" => Ok((TokenKind::Regex(pattern), end)),
        "i" => Ok((TokenKind::Regex(format!("(?i){pattern}")), end)),
        other => Err(QueryError::at(
            after + 1,
            format!("unknown regex flag \"{other}\" after /…/ (only i, ignore case)"),
        )),
    }
}
