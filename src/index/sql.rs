//! A query as a SQL condition on `users u`, every value a bound parameter.
//!
//! Attribute and group conditions are `u.id IN (subquery)`: SQLite answers an equality from the
//! `(name_id, value)` index and seeks the few users it names, instead of testing every user.

use rusqlite::types::Value;
use time::OffsetDateTime;

use super::query::{Comparison, DateField, Expr, Ordering, Test, TextTest};

pub struct Sql {
    pub condition: String,
    pub params: Vec<Value>,
}

pub fn compile(expr: &Expr, now: OffsetDateTime) -> Sql {
    let mut sql = Sql {
        condition: String::new(),
        params: Vec::new(),
    };
    sql.expr(expr, now);
    sql
}

/// Strings that start with `prefix` sort from `prefix` up to (not including) `prefix` followed
/// by the last code point; as a range, the username or value index answers it.
pub fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// A LIKE pattern matching `text` anywhere, its own `%`, `_` and `\` taken literally.
fn like_contains(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Sql {
    fn push(&mut self, text: &str) {
        self.condition.push_str(text);
    }

    fn param(&mut self, value: impl Into<Value>) {
        self.condition.push('?');
        self.params.push(value.into());
    }

    fn expr(&mut self, expr: &Expr, now: OffsetDateTime) {
        match expr {
            Expr::All => self.push("1"),
            Expr::And(a, b) | Expr::Or(a, b) => {
                self.push("(");
                self.expr(a, now);
                self.push(if matches!(expr, Expr::And(..)) {
                    " AND "
                } else {
                    " OR "
                });
                self.expr(b, now);
                self.push(")");
            }
            Expr::Not(a) => {
                self.push("(NOT ");
                self.expr(a, now);
                self.push(")");
            }
            Expr::Test(condition) => self.condition(condition, now),
        }
    }

    fn condition(&mut self, condition: &Test, now: OffsetDateTime) {
        match condition {
            Test::Username(text) => self.text("u.username", text),
            Test::Attribute { name, test } => {
                let (negated, test) = match test {
                    TextTest::NotEquals(value) => (true, TextTest::Equals(value.clone())),
                    other => (false, other.clone()),
                };
                self.push(if negated { "u.id NOT IN" } else { "u.id IN" });
                self.push(" (SELECT a.user_id FROM attributes a WHERE a.name_id = ");
                self.push("(SELECT id FROM attribute_names WHERE name = ");
                self.param(name.clone());
                self.push(") AND ");
                self.text("a.value", &test);
                self.push(")");
            }
            Test::Status { equal, status } => {
                self.push(if *equal {
                    "u.status = "
                } else {
                    "u.status <> "
                });
                self.param(status.as_str().to_owned());
            }
            Test::Enabled(enabled) => {
                self.push("u.enabled = ");
                self.param(i64::from(*enabled));
            }
            Test::Date { field, op, value } => {
                let column = match field {
                    DateField::Created => "u.created",
                    DateField::Modified => "u.modified",
                };
                let (start, end) = value.range(now);
                self.date(column, *op, start, end);
            }
            Test::Group { equal, group } => {
                self.push(if *equal { "u.id IN" } else { "u.id NOT IN" });
                self.push(" (SELECT m.user_id FROM memberships m WHERE m.group_id = ");
                self.push("(SELECT id FROM groups WHERE name = ");
                self.param(group.clone());
                self.push("))");
            }
            Test::Mfa { equal, method } => match method {
                None => self.push(if *equal { "u.mfa = ''" } else { "u.mfa <> ''" }),
                Some(method) => {
                    self.push("instr(',' || u.mfa || ',', ");
                    self.param(format!(",{},", method.as_str()));
                    self.push(if *equal { ") > 0" } else { ") = 0" });
                }
            },
        }
    }

    /// A date the user may lack: a missing one matches only `!=`.
    fn date(&mut self, column: &str, op: Comparison, start: i64, end: i64) {
        let within = |sql: &mut Self| {
            sql.push(&format!("coalesce({column} >= "));
            sql.param(start);
            sql.push(&format!(" AND {column} < "));
            sql.param(end);
            sql.push(", 0)");
        };
        let (symbol, bound) = match op {
            Comparison::Eq => return within(self),
            Comparison::Ne => {
                self.push("NOT ");
                return within(self);
            }
            Comparison::Lt => ("<", start),
            Comparison::Le => ("<", end),
            Comparison::Gt => (">=", end),
            Comparison::Ge => (">=", start),
        };
        self.push(&format!("coalesce({column} {symbol} "));
        self.param(bound);
        self.push(", 0)");
    }

    fn text(&mut self, column: &str, comparison: &TextTest) {
        match comparison {
            TextTest::Equals(value) => {
                self.push(&format!("{column} = "));
                self.param(value.clone());
            }
            TextTest::NotEquals(value) => {
                self.push(&format!("{column} <> "));
                self.param(value.clone());
            }
            TextTest::StartsWith(prefix) => {
                self.push(&format!("({column} >= "));
                self.param(prefix.clone());
                self.push(&format!(" AND {column} < "));
                self.param(prefix_end(prefix));
                self.push(")");
            }
            TextTest::Contains(needle) => {
                self.push(&format!("{column} LIKE "));
                self.param(like_contains(needle));
                self.push(" ESCAPE '\\'");
            }
            TextTest::Matches(pattern) => {
                self.push(&format!("{column} REGEXP "));
                self.param(pattern.clone());
            }
            TextTest::Number(ordering, number) => {
                let symbol = match ordering {
                    Ordering::Lt => "<",
                    Ordering::Le => "<=",
                    Ordering::Gt => ">",
                    Ordering::Ge => ">=",
                };
                self.push(&format!("coalesce(as_number({column}) {symbol} "));
                self.param(*number);
                self.push(", 0)");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Query;

    #[test]
    fn values_are_parameters_never_sql() {
        let query = Query::parse(r#"email = "x' OR 1=1 --" or group = "a\"b""#).unwrap();
        let sql = compile(query.expr(), OffsetDateTime::UNIX_EPOCH);
        assert!(!sql.condition.contains("OR 1=1"), "{}", sql.condition);
        assert_eq!(sql.condition.matches('?').count(), sql.params.len());
        assert!(sql.params.contains(&Value::Text("x' OR 1=1 --".to_owned())));
    }

    #[test]
    fn contains_takes_like_wildcards_literally() {
        assert_eq!(like_contains(r"50%_a\b"), r"%50\%\_a\\b%");
    }
}
