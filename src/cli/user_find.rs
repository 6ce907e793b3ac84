//! `users find NEEDLE`: a person in every pool of one or more profiles and regions, for support
//! staff who do not know the pool (the search itself is `shared::find`, which the console shares).

use std::io::{self, Write as _};

use clap::Args;

use super::args::{GlobalArgs, OutputFormat};
use super::output::{Out, write_json, write_table};
use super::{CliError, CliResult, resolve_pool};
use crate::cognito::CognitoClient;
use crate::shared::find::{Failure, FindReport, Hit, Needle, Places, Scope, connect, find_person};

#[derive(Debug, Clone, Args)]
pub struct FindArgs {
    /// Who: an email (it has an @), a phone number (+ and digits), a sub (a UUID), else a
    /// username. Compared exactly, as ListUsers does; an email with capitals that finds nobody is
    /// tried in lower case too.
    pub needle: String,
    /// Only this pool (id, or a name unique in the region), in one profile and region.
    #[arg(long, conflicts_with = "all_pools")]
    pub pool: Option<String>,
    /// Every pool of every profile and region given (the default).
    #[arg(long)]
    pub all_pools: bool,
    /// Profiles to search, comma-separated (default: --profile, else the usual credentials).
    #[arg(long, value_delimiter = ',', value_name = "PROFILE,…")]
    pub profiles: Vec<String>,
    /// Regions to search in each profile, comma-separated (default: --region, else the
    /// profile's).
    #[arg(long, value_delimiter = ',', value_name = "REGION,…")]
    pub regions: Vec<String>,
}

const HEADERS: [&str; 8] = [
    "profile", "region", "pool", "pool id", "username", "status", "enabled", "email",
];

/// Connects to each profile × region (one that cannot connect is a failure line, not the end),
/// searches, prints the hits, then the failures and the summary on stderr: exit status 1 when
/// any pool could not be searched.
pub async fn run(global: &GlobalArgs, args: FindArgs) -> CliResult {
    let needle = Needle::classify(&args.needle);
    if needle.value.is_empty() {
        return Err(CliError::Usage(
            "users find needs someone to find".to_owned(),
        ));
    }
    if global.local_endpoint.is_some() && !(args.profiles.is_empty() && args.regions.is_empty()) {
        return Err(CliError::Usage(
            "--profiles and --regions do not apply to the built-in local server (--local)"
                .to_owned(),
        ));
    }
    let settings = global.resolved_settings().map_err(CliError::Input)?;
    let places = Places {
        profiles: args.profiles.clone(),
        regions: args.regions.clone(),
    };
    if args.pool.is_some() && places.count() > 1 {
        return Err(CliError::Usage(
            "--pool names a pool of one profile and region: give at most one of each, or leave \
             --pool out to search every pool"
                .to_owned(),
        ));
    }
    let mut connections = connect(&settings, &places).await;
    // One connection, and it cannot be made: the error, as every other command says it.
    if connections.clients.is_empty()
        && connections.unreachable.len() == 1
        && let Some((_, e)) = connections.unreachable.pop()
    {
        return Err(CliError::Aws(e));
    }
    let unreachable = connections.failures();
    search(&connections.clients, global.output, &args, unreachable).await
}

/// Searches through these connections and prints the report; `unreachable` are the connections
/// that could not be made.
pub(super) async fn search(
    clients: &[CognitoClient],
    format: OutputFormat,
    args: &FindArgs,
    unreachable: Vec<Failure>,
) -> CliResult {
    let needle = Needle::classify(&args.needle);
    let scope = match (&args.pool, clients.first()) {
        (Some(text), Some(client)) => Scope::Pool {
            id: resolve_pool(client, text).await?,
            name: text.clone(),
        },
        _ => Scope::Everywhere,
    };
    let mut report = find_person(clients, &needle, &scope).await;
    report.failures.extend(unreachable);
    print(format, &report)
}

fn row(hit: &Hit) -> Vec<String> {
    vec![
        hit.place.profile.clone().unwrap_or_default(),
        hit.place.region.clone(),
        hit.pool_name.clone(),
        hit.user_pool_id.to_string(),
        hit.username.clone(),
        hit.user_status.clone(),
        hit.enabled.map(|e| e.to_string()).unwrap_or_default(),
        hit.email.clone().unwrap_or_default(),
    ]
}

fn print(format: OutputFormat, report: &FindReport) -> CliResult {
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => {
            let value = serde_json::to_value(report).map_err(io::Error::other)?;
            write_json(&mut out, &value)?;
        }
        OutputFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(HEADERS).map_err(io::Error::other)?;
            for hit in &report.hits {
                csv.write_record(row(hit)).map_err(io::Error::other)?;
            }
            csv.flush()?;
        }
        OutputFormat::Table if report.hits.is_empty() => {}
        OutputFormat::Table => {
            let rows: Vec<Vec<String>> = report.hits.iter().map(row).collect();
            write_table(&mut out, &HEADERS, &rows)?;
        }
    }
    out.flush()?;
    let mut err = io::stderr().lock();
    if let Some(lower) = &report.lowercase
        && report.hits.iter().any(|h| h.by_lowercase)
    {
        writeln!(
            err,
            "{:?} found nobody as typed (ListUsers compares emails exactly); found as {lower:?}",
            report.needle.value
        )?;
    }
    if report.hits.iter().any(|h| h.by_username) {
        writeln!(
            err,
            "no user has {:?} as their {}; found as a username",
            report.needle.value,
            report.needle.kind.attribute()
        )?;
    }
    for failure in &report.failures {
        writeln!(err, "failed: {}", failure.line())?;
    }
    if report.hits.is_empty() {
        writeln!(err, "{}", report.nobody())?;
    }
    if report.is_complete() {
        writeln!(err, "{}", report.summary())?;
        Ok(())
    } else {
        Err(CliError::Partial(report.summary()))
    }
}
