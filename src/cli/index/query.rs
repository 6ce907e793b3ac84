//! `users query` and `users count`.

use std::io::Write as _;

use serde_json::json;
use time::OffsetDateTime;

use super::super::args::{OutputFormat, PoolArg};
use super::super::output::{Out, write_json, write_table};
use super::super::user_args::{IndexArgs, Partitioning};
use super::super::user_list;
use super::super::user_rows::UserWriter;
use super::super::{CliError, CliResult, resolve_pool};
use super::build::{index_error, ready_index};
use super::parse_query;
use crate::cognito::CognitoClient;
use crate::cognito::types::AttributeType;
use crate::cognito::users::{ListUsersRequest, UserType};
use crate::index::ready::age;
use crate::index::{Grouping, Index, IndexedUser, Query};
use crate::shared::export::{ExportFormat, ExportWriter, indexed, pairs};

/// Rows go out this many at a time: constant memory for a query that finds a million users.
const BATCH: usize = 500;

pub async fn run_query(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &PoolArg,
    text: &str,
    index: &IndexArgs,
    limit: Option<usize>,
) -> CliResult {
    let query = parse_query(text)?;
    let pool = resolve_pool(client, &pool.pool).await?;
    if let Some(filter) = query.server_filter() {
        let mut request = ListUsersRequest::new(pool);
        request.filter = Some(filter);
        let never = Partitioning::Never;
        return user_list::list(client, format, request, Vec::new(), never, limit).await;
    }
    let index = ready_index(client, &pool, index.max_age).await?;
    let now = OffsetDateTime::now_utc();
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        let mut writer = ExportWriter::new(&mut out, ExportFormat::Json, Vec::new())?;
        visit(&index, &query, now, limit, |u| {
            let pairs = pairs(&u.user.attributes);
            writer.write(&indexed(u, &pairs))?;
            Ok(())
        })?;
        writer.finish()?;
        return Ok(out.flush()?);
    }
    let columns = ["email".to_owned(), "groups".to_owned()];
    let mut writer = UserWriter::new(format, &columns);
    let mut batch: Vec<UserType> = Vec::with_capacity(BATCH);
    visit(&index, &query, now, limit, |u| {
        let mut row = u.to_user_type();
        row.attributes
            .push(AttributeType::new("groups", u.groups.join(",")));
        batch.push(row);
        if batch.len() == BATCH {
            writer.write(&mut out, &batch)?;
            batch.clear();
        }
        Ok(())
    })?;
    writer.write(&mut out, &batch)?;
    writer.finish(&mut out)?;
    Ok(out.flush()?)
}

/// Every user `query` finds (at most `limit`), one at a time.
fn visit(
    index: &Index,
    query: &Query,
    now: OffsetDateTime,
    limit: Option<usize>,
    mut each: impl FnMut(&IndexedUser) -> Result<(), CliError>,
) -> Result<(), CliError> {
    match limit {
        Some(n) => index
            .query(query, now, n)
            .map_err(index_error)?
            .iter()
            .try_for_each(each),
        None => index.for_each(query, now, |u| each(&u)).map(drop),
    }
}

pub async fn run_count(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &PoolArg,
    by: Option<&str>,
    query: Option<&str>,
    index: &IndexArgs,
) -> CliResult {
    if by.is_some() && query.is_some() {
        return Err(CliError::Input(
            "--by counts every user of the pool; give either --by or --query".to_owned(),
        ));
    }
    let query = query.map(parse_query).transpose()?;
    let pool = resolve_pool(client, &pool.pool).await?;
    let index = ready_index(client, &pool, index.max_age).await?;
    let built = index
        .built_at()
        .map_err(index_error)?
        .map(|at| (at, age(at)));
    let unfollowed = index
        .meta()
        .map_err(index_error)?
        .map_or(0, |m| m.unfollowed);
    let rows: Vec<(String, u64)> = match by {
        None => {
            let query = query.unwrap_or_else(Query::all);
            let n = index
                .count(&query, OffsetDateTime::now_utc())
                .map_err(index_error)?;
            vec![("users".to_owned(), n)]
        }
        Some(name) => index
            .count_by(&Grouping::named(name))
            .map_err(index_error)?
            .into_iter()
            .map(|(value, n)| (value.unwrap_or_else(|| "(none)".to_owned()), n))
            .collect(),
    };
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        let counts: serde_json::Map<String, serde_json::Value> =
            rows.iter().map(|(k, n)| (k.clone(), json!(n))).collect();
        let built_at = built.and_then(|(at, _)| {
            at.format(&time::format_description::well_known::Rfc3339)
                .ok()
        });
        write_json(
            &mut out,
            &json!({"UserPoolId": pool, "Counts": counts, "IndexBuiltAt": built_at,
                "UnfollowedChanges": unfollowed}),
        )?;
        return Ok(out.flush()?);
    }
    let header = by.unwrap_or("count");
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|(k, n)| vec![k.clone(), n.to_string()])
        .collect();
    write_table(&mut out, &[header, "users"], &table)?;
    if let Some((_, age)) = built {
        writeln!(
            out,
            "(from the index built {} ago{})",
            crate::cli::progress::short_duration(age),
            super::manage::may_be_stale(unfollowed)
        )?;
    }
    Ok(out.flush()?)
}
