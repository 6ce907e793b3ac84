//! Tokens to an `Expr`: `or` binds loosest, then `and`, then `not`; parentheses group.
//!
//! ```text
//! query      := or EOF
//! or         := and ("or" and)*
//! and        := unary ("and" unary)*
//! unary      := "not" unary | "(" or ")" | condition
//! condition  := FIELD [OPERATOR VALUE]
//! ```

use super::ast::Expr;
use super::error::QueryError;
use super::field::Field;
use super::lexer::{Token, TokenKind, tokenize};

pub fn parse(text: &str) -> Result<Expr, QueryError> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        end_column: text.chars().count() + 1,
    };
    if parser.tokens.is_empty() {
        return Err(QueryError::at(1, "empty query"));
    }
    let expr = parser.or("")?;
    match parser.peek() {
        None => Ok(expr),
        Some(t) if t.kind == TokenKind::RParen => Err(QueryError::at(t.column, "unmatched \")\"")),
        Some(t) => Err(QueryError::at(
            t.column,
            format!("expected \"and\" or \"or\", found {}", t.describe()),
        )),
    }
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    end_column: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    /// Where the next token starts, or one past the end.
    fn next_column(&self) -> usize {
        self.peek().map_or(self.end_column, |t| t.column)
    }

    fn eat_keyword(&mut self, keyword: &str) -> bool {
        let found = self.peek().is_some_and(|t| t.is_keyword(keyword));
        if found {
            self.at += 1;
        }
        found
    }

    /// `after` names what came before, for the message when nothing follows it.
    fn or(&mut self, after: &str) -> Result<Expr, QueryError> {
        let mut left = self.and(after)?;
        while self.eat_keyword("or") {
            let right = self.and("or")?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self, after: &str) -> Result<Expr, QueryError> {
        let mut left = self.unary(after)?;
        while self.eat_keyword("and") {
            let right = self.unary("and")?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self, after: &str) -> Result<Expr, QueryError> {
        if self.eat_keyword("not") {
            return Ok(Expr::Not(Box::new(self.unary("not")?)));
        }
        let missing = |column: usize, found: Option<&Token>| {
            let wanted = if after.is_empty() {
                "expected a condition".to_owned()
            } else {
                format!("expected a condition after \"{after}\"")
            };
            let message = match found {
                Some(t) => format!("{wanted}, found {}", t.describe()),
                None => wanted,
            };
            QueryError::at(column, message)
        };
        let Some(token) = self.next() else {
            return Err(missing(self.end_column, None));
        };
        match token.kind {
            TokenKind::LParen => {
                let inner = self.or("(")?;
                match self.next() {
                    Some(t) if t.kind == TokenKind::RParen => Ok(inner),
                    _ => Err(QueryError::at(token.column, "unclosed \"(\"")),
                }
            }
            TokenKind::Word(ref word) if !token.is_any_keyword() => {
                self.condition(Field::named(word))
            }
            TokenKind::RParen if after.is_empty() => {
                Err(QueryError::at(token.column, "unmatched \")\""))
            }
            _ => Err(missing(token.column, Some(&token))),
        }
    }

    fn condition(&mut self, field: Field) -> Result<Expr, QueryError> {
        let op = match self.peek() {
            Some(Token {
                kind: TokenKind::Op(op),
                column,
            }) => (*op, *column),
            None
            | Some(Token {
                kind: TokenKind::RParen,
                ..
            }) => return field.bare(self.next_column()).map(Expr::Test),
            Some(t) if t.is_keyword("and") || t.is_keyword("or") => {
                return field.bare(self.next_column()).map(Expr::Test);
            }
            Some(t) => {
                return Err(QueryError::at(
                    t.column,
                    format!("expected an operator, found {}", t.describe()),
                ));
            }
        };
        self.at += 1;
        let value = match self.peek() {
            Some(t) if is_value(t) => t.clone(),
            _ => {
                return Err(QueryError::at(
                    self.next_column(),
                    format!("expected a value after \"{}\"", op.0),
                ));
            }
        };
        self.at += 1;
        field.test(op.0, op.1, &value).map(Expr::Test)
    }
}

fn is_value(token: &Token) -> bool {
    match token.kind {
        TokenKind::Word(_) => !token.is_any_keyword(),
        TokenKind::Str(_) | TokenKind::Regex(_) => true,
        TokenKind::LParen | TokenKind::RParen | TokenKind::Op(_) => false,
    }
}
