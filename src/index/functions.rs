//! The SQL functions queries use: `value REGEXP pattern` with the regex crate, and
//! `as_number(value)` for numeric comparisons of attributes.

use std::sync::Arc;

use regex::Regex;
use rusqlite::Connection;
use rusqlite::functions::{Context, FunctionFlags};
use rusqlite::types::ValueRef;

pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    // SQLite calls `regexp(pattern, value)` for `value REGEXP pattern`.
    conn.create_scalar_function("regexp", 2, flags, regexp)?;
    conn.create_scalar_function("as_number", 1, flags, |ctx| Ok(as_number(ctx)))
}

/// The pattern is compiled once per statement: SQLite keeps it as the argument's auxiliary data
/// while the pattern stays the same bound parameter.
fn regexp(ctx: &mut Context<'_>) -> rusqlite::Result<Option<bool>> {
    let regex: Arc<Regex> = ctx.get_or_create_aux(0, |pattern| match pattern {
        ValueRef::Text(bytes) => {
            let pattern = std::str::from_utf8(bytes)?;
            Regex::new(pattern).map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)
        }
        _ => Err("a regexp pattern must be text".into()),
    })?;
    Ok(match ctx.get_raw(1) {
        ValueRef::Text(bytes) => Some(std::str::from_utf8(bytes).is_ok_and(|v| regex.is_match(v))),
        _ => None,
    })
}

/// The value as a number, or NULL when it is not one (so no comparison matches it).
fn as_number(ctx: &Context<'_>) -> Option<f64> {
    match ctx.get_raw(0) {
        ValueRef::Text(bytes) => std::str::from_utf8(bytes)
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|n| n.is_finite()),
        #[allow(clippy::cast_precision_loss)]
        ValueRef::Integer(n) => Some(n as f64),
        ValueRef::Real(n) => Some(n),
        _ => None,
    }
}
