//! The local index from the command line: `users index|query|count|export` and `index list|clear`.
//! A query one ListUsers filter can answer runs on the server and needs no index; any other reads
//! the pool's index, built first when there is none (or it is older than `--max-age`).

mod build;
mod export;
mod manage;
mod query;

use std::time::Duration;

pub use build::ready_index;
pub use manage::{IndexCommand, run as manage};

use super::args::OutputFormat;
use super::user_args::UsersCommand;
use super::{CliError, CliResult};
use crate::cognito::CognitoClient;
use crate::index::{Query, QueryError};

pub const QUERY_HELP: &str = "\
Find users with the query language, the same in the console:

  status = UNCONFIRMED and created < -30d
  custom:tenant = \"acme\" and not enabled
  email ~ \"gmail.com\"              contains, any case
  email =~ /^ann\\.[a-z]+[0-9]$/     a regular expression
  group = admins or group = support
  email_verified = false
  modified > 2026-01-01
  mfa != none
  username ^= \"ann\"                starts with

Operators: = != < <= > >= ~ =~ ^=; and, or, not, parentheses. Fields: username, status, enabled,
created, modified (dates: -30d, -4h, -15m, -2w, 2026-01-01, 2026-01-01T10:00:00Z), group, mfa
(none, sms, totp, email), and any attribute (email, phone_number, custom:tenant...).

A query that is one = or ^= on an attribute ListUsers can filter (username, email, phone_number,
name, given_name, family_name, preferred_username, sub, status, enabled) runs on the server at
once; any other reads the local index of the pool (`users index`), built first if there is none.";

/// `users index|query|count|export`.
pub async fn run(client: &CognitoClient, format: OutputFormat, command: UsersCommand) -> CliResult {
    match command {
        UsersCommand::Index { pool } => build::run_build(client, format, &pool).await,
        UsersCommand::Query {
            pool,
            query,
            index,
            limit,
        } => query::run_query(client, format, &pool, &query, &index, limit).await,
        UsersCommand::Count {
            pool,
            by,
            query,
            index,
        } => {
            let (by, query) = (by.as_deref(), query.as_deref());
            query::run_count(client, format, &pool, by, query, &index).await
        }
        UsersCommand::Export {
            pool,
            query,
            format,
            out,
            index,
        } => {
            let query = query.as_deref();
            export::run_export(client, &pool, query, format, out.as_deref(), &index).await
        }
        other => Err(CliError::Input(format!(
            "internal: {other:?} is not an index command"
        ))),
    }
}

impl From<crate::index::IndexError> for CliError {
    fn from(e: crate::index::IndexError) -> Self {
        build::index_error(e)
    }
}

/// `30s`, `15m`, `1h`, `2d` (a bare number is seconds).
pub fn parse_age(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not an age like 30s, 15m, 1h or 2d"))?;
    let seconds = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?}: the unit must be s, m, h or d")),
    };
    Ok(Duration::from_secs(n.saturating_mul(seconds)))
}

/// A query, or an error that shows it with a caret under the column at fault.
pub fn parse_query(text: &str) -> Result<Query, CliError> {
    Query::parse(text).map_err(|e| CliError::Input(pointed(text, &e)))
}

/// One line (a command's error is one line on stderr): the mistake, and the query up to it.
fn pointed(text: &str, e: &QueryError) -> String {
    let before: String = text.chars().take(e.column.saturating_sub(1)).collect();
    let before = before.trim_end();
    if before.is_empty() {
        return format!("in the query, {e}");
    }
    let shown: String = {
        let chars: Vec<char> = before.chars().collect();
        let start = chars.len().saturating_sub(40);
        let tail: String = chars[start..].iter().collect();
        if start > 0 {
            format!("…{tail}")
        } else {
            tail
        }
    };
    format!("in the query, {e} (just after: {shown})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_seconds_minutes_hours_and_days() {
        assert_eq!(parse_age("45"), Ok(Duration::from_secs(45)));
        assert_eq!(parse_age("15m"), Ok(Duration::from_mins(15)));
        assert_eq!(parse_age("1h"), Ok(Duration::from_hours(1)));
        assert_eq!(parse_age("2d"), Ok(Duration::from_hours(48)));
        assert!(parse_age("1y").unwrap_err().contains("s, m, h or d"));
        assert!(parse_age("soon").unwrap_err().contains("not an age"));
    }

    #[test]
    fn a_query_mistake_names_its_column_and_what_comes_before_it_on_one_line() {
        let text = parse_query("status = UNCONFIRMED and")
            .unwrap_err()
            .to_string();
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.starts_with("in the query, column 25: "), "{text}");
        assert!(
            text.ends_with("(just after: status = UNCONFIRMED and)"),
            "{text}"
        );
        let long = format!("{} and", "email ~ \"x\" and ".repeat(5));
        let text = parse_query(&long).unwrap_err().to_string();
        assert!(text.contains("(just after: …"), "{text}");
        let first = parse_query("= 3").unwrap_err().to_string();
        assert!(
            first.starts_with("in the query, column 1: ") && !first.contains("just after"),
            "{first}"
        );
    }
}
