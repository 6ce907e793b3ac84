//! `users disable|enable|sign-out|delete|add-to-group|remove-from-group`: one user by name, or many
//! from a file. `--dry-run` prints the plan and sends nothing; a real run stays under Cognito's
//! UserUpdate quota, prints one line per user as it goes, and does not stop at a user's failure.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Read as _, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::StreamExt as _;
use serde_json::json;

use super::args::{BulkArgs, BulkTarget, GroupBulkTarget, OutputFormat};
use super::output::{Out, escape};
use super::users::done;
use super::{CliError, CliResult, resolve_pool};
use crate::aws::{AwsError, Checked};
use crate::cognito::{CognitoClient, GroupName, PoolId, Username, describe_error};
use crate::shared::bulk::BulkAction;
use crate::shared::bulk::Pacer;
use crate::shared::bulk::USER_UPDATE_PER_SECOND;
use crate::shared::bulk::apply_one;
use crate::shared::bulk::parse_usernames;
use crate::shared::bulk::stops_the_run;

/// Calls in flight at once; the pacer, not this, keeps the rate.
const CONCURRENCY: usize = 4;

pub async fn run(
    client: &CognitoClient,
    format: OutputFormat,
    target: BulkTarget,
    action: BulkAction,
) -> CliResult {
    one_or_many(
        client,
        format,
        &target.pool.pool,
        target.username.as_deref(),
        &action,
        &target.bulk,
    )
    .await
}

pub async fn run_group(
    client: &CognitoClient,
    format: OutputFormat,
    target: GroupBulkTarget,
    add: bool,
) -> CliResult {
    let (user, group) = match (target.names.as_slice(), &target.bulk.from_file) {
        ([user, group], None) => (Some(user), group),
        ([group], Some(_)) => (None, group),
        ([_], None) => {
            return Err(CliError::Usage(
                "give USERNAME GROUP, or --from-file FILE GROUP".to_owned(),
            ));
        }
        (_, Some(_)) => {
            return Err(CliError::Usage(
                "give USERNAME or --from-file, not both: with --from-file name only the GROUP"
                    .to_owned(),
            ));
        }
        _ => return Err(CliError::Usage("give USERNAME GROUP".to_owned())),
    };
    let group = GroupName::new(group);
    let action = if add {
        BulkAction::AddToGroup(group)
    } else {
        BulkAction::RemoveFromGroup(group)
    };
    one_or_many(
        client,
        format,
        &target.pool.pool,
        user.map(String::as_str),
        &action,
        &target.bulk,
    )
    .await
}

/// The named user, or every user of the file.
async fn one_or_many(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &str,
    user: Option<&str>,
    action: &BulkAction,
    bulk: &BulkArgs,
) -> CliResult {
    let pool = resolve_pool(client, pool).await?;
    match user {
        Some(name) => one(client, format, &pool, action, &Username::new(name), bulk).await,
        None => many(client, format, &pool, action, bulk).await,
    }
}

async fn one(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &PoolId,
    action: &BulkAction,
    user: &Username,
    bulk: &BulkArgs,
) -> CliResult {
    if bulk.dry_run {
        return plan(format, pool, action, std::slice::from_ref(user));
    }
    let lost = match apply_one(client, pool, action, user).await {
        Ok(()) => false,
        Err(AwsError::OutcomeUnknown {
            checked: Checked::Applied,
            ..
        }) => true,
        Err(e) => return Err(e.into()),
    };
    let mut what = match action {
        BulkAction::SignOut => "signed out everywhere (refresh tokens revoked; access tokens \
                                already issued still verify at your APIs until they expire)"
            .to_owned(),
        other => other.done(),
    };
    if lost {
        what.push_str(" (the answer was lost; a fresh read shows the change in place)");
    }
    done(format, action.operation(), pool, user, &what)
}

async fn many(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &PoolId,
    action: &BulkAction,
    bulk: &BulkArgs,
) -> CliResult {
    let client = &client.background();
    let Some(path) = &bulk.from_file else {
        return Err(CliError::Usage(
            "give USERNAME or --from-file FILE".to_owned(),
        ));
    };
    let users = read_usernames(path)?;
    if bulk.dry_run {
        return plan(format, pool, action, &users);
    }
    // One clear refusal, not a refused line per user (the client refuses each call anyway).
    if client.is_read_only() {
        return Err(AwsError::ReadOnly {
            operation: action.operation().to_owned(),
        }
        .into());
    }
    let pacer = Pacer::per_second(USER_UPDATE_PER_SECOND);
    let stop = AtomicBool::new(false);
    let mut results = futures::stream::iter(&users)
        .map(|user| {
            let (pacer, stop) = (&pacer, &stop);
            async move {
                if stop.load(Ordering::Relaxed) {
                    return (user, None);
                }
                pacer.wait().await;
                if stop.load(Ordering::Relaxed) {
                    return (user, None);
                }
                let result = apply_one(client, pool, action, user).await;
                if let Err(e) = &result
                    && stops_the_run(e)
                {
                    stop.store(true, Ordering::Relaxed);
                }
                (user, Some(result))
            }
        })
        .buffered(CONCURRENCY);
    let mut out = Out::stdout();
    let mut tally = Tally::default();
    while let Some((user, result)) = results.next().await {
        let outcome = Outcome::of(result.as_ref());
        writeln!(out, "{}", outcome.line(format, user, action))?;
        out.flush()?;
        tally.add(user, &outcome);
    }
    let summary = tally.summary();
    if tally.failed + tally.skipped + tally.unknown.len() > 0 {
        return Err(CliError::Partial(summary));
    }
    let _ = writeln!(io::stderr(), "{summary}");
    Ok(())
}

/// What became of one user of a bulk run.
enum Outcome<'a> {
    Done,
    /// The answer was lost but a fresh read shows the change in place.
    DoneUnconfirmed,
    /// The answer was lost and no read could tell: check before running it again.
    Unknown(&'a AwsError),
    Failed(&'a AwsError),
    NotAttempted,
}

impl<'a> Outcome<'a> {
    fn of(result: Option<&'a Result<(), AwsError>>) -> Self {
        match result {
            Some(Ok(())) => Self::Done,
            Some(Err(AwsError::OutcomeUnknown { checked, .. })) if *checked == Checked::Applied => {
                Self::DoneUnconfirmed
            }
            Some(Err(e @ AwsError::OutcomeUnknown { checked, .. }))
                if *checked == Checked::Unknown =>
            {
                Self::Unknown(e)
            }
            // Not applied after a lost answer is a plain failure: safe to run again.
            Some(Err(e)) => Self::Failed(e),
            None => Self::NotAttempted,
        }
    }

    fn line(&self, format: OutputFormat, user: &Username, action: &BulkAction) -> String {
        let op = action.operation();
        if format == OutputFormat::Json {
            let error = |e: &AwsError| json!({"Code": e.code(), "Message": describe_error(e), "RequestId": e.request_id()});
            return match self {
                Self::Done => json!({"Username": user, "Operation": op, "Result": action.done()}),
                Self::DoneUnconfirmed => json!({"Username": user, "Operation": op,
                    "Result": action.done(), "Checked": "applied", "AnswerLost": true}),
                Self::Unknown(e) => json!({"Username": user, "Operation": op,
                    "Result": "unknown", "Error": error(e)}),
                Self::Failed(e) => json!({"Username": user, "Operation": op, "Error": error(e)}),
                Self::NotAttempted => json!({"Username": user, "Operation": op,
                    "Result": "not attempted"}),
            }
            .to_string();
        }
        let user = escape(user.as_str());
        match self {
            Self::Done => format!("{user}: {}", action.done()),
            Self::DoneUnconfirmed => format!(
                "{user}: {} (the answer was lost; a fresh read shows the change in place)",
                action.done()
            ),
            Self::Unknown(e) => format!("{user}: outcome unknown: {}", describe_error(e)),
            Self::Failed(e) => format!("{user}: error {}", describe_error(e)),
            Self::NotAttempted => format!("{user}: not attempted (the run stopped)"),
        }
    }
}

/// The counts of a bulk run, and the users whose outcome is unknown, by name.
#[derive(Default)]
struct Tally {
    done: usize,
    failed: usize,
    skipped: usize,
    unknown: Vec<String>,
}

impl Tally {
    fn add(&mut self, user: &Username, outcome: &Outcome) {
        match outcome {
            Outcome::Done | Outcome::DoneUnconfirmed => self.done += 1,
            Outcome::Unknown(_) => self.unknown.push(user.to_string()),
            Outcome::Failed(_) => self.failed += 1,
            Outcome::NotAttempted => self.skipped += 1,
        }
    }

    fn summary(&self) -> String {
        let mut summary = format!("{} done, {} failed", self.done, self.failed);
        if !self.unknown.is_empty() {
            let _ = write!(
                summary,
                ", {} outcome unknown (no answer; check before running again: {})",
                self.unknown.len(),
                self.unknown.join(", ")
            );
        }
        if self.skipped > 0 {
            let _ = write!(
                summary,
                ", {} not attempted (stopped: the error is not about one user)",
                self.skipped
            );
        }
        summary
    }
}

/// What would be done, one line a user; nothing is sent.
fn plan(format: OutputFormat, pool: &PoolId, action: &BulkAction, users: &[Username]) -> CliResult {
    let mut out = Out::stdout();
    for user in users {
        match format {
            OutputFormat::Json => writeln!(
                out,
                "{}",
                json!({"Username": user, "UserPoolId": pool, "Operation": action.operation(),
                    "Plan": action.describe(user.as_str())})
            )?,
            _ => writeln!(out, "{}", action.describe(&escape(user.as_str())))?,
        }
    }
    out.flush()?;
    let n = users.len();
    let _ = writeln!(
        io::stderr(),
        "dry run: {n} user{} in {pool}; nothing was sent",
        if n == 1 { "" } else { "s" }
    );
    Ok(())
}

/// The usernames of a file (`-`: standard input), each once, in the file's order.
fn read_usernames(path: &Path) -> Result<Vec<Username>, CliError> {
    let text = if path == Path::new("-") {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        text
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| CliError::Input(format!("--from-file {}: {e}", path.display())))?
    };
    let mut seen = HashSet::new();
    let users: Vec<Username> = parse_usernames(&text)
        .into_iter()
        .filter(|u| seen.insert(u.clone()))
        .collect();
    if users.is_empty() {
        return Err(CliError::Input(format!(
            "--from-file {} lists no usernames (one a line; blank lines and #comments are skipped)",
            path.display()
        )));
    }
    Ok(users)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::ServiceError;

    fn service(code: &str) -> AwsError {
        AwsError::Service(ServiceError {
            code: code.into(),
            message: String::new(),
            request_id: None,
            status: 400,
        })
    }

    #[test]
    fn only_errors_about_everyone_stop_the_run() {
        assert!(!stops_the_run(&service("UserNotFoundException")));
        assert!(!stops_the_run(&service("TooManyRequestsException")));
        assert!(stops_the_run(&service("ResourceNotFoundException")));
        assert!(stops_the_run(&service("AccessDeniedException")));
        let read_only = AwsError::ReadOnly {
            operation: "AdminDisableUser".into(),
        };
        assert!(stops_the_run(&read_only));
    }

    #[test]
    fn usernames_from_a_file_once_each_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("names.txt");
        std::fs::write(&path, "# batch 1\nann\nbob\n\nann\ncarl\n").unwrap();
        let users = read_usernames(&path).unwrap();
        assert_eq!(users, ["ann", "bob", "carl"].map(Username::new));
        std::fs::write(&path, "# nobody\n\n").unwrap();
        let err = read_usernames(&path).unwrap_err().to_string();
        assert!(err.contains("lists no usernames"), "{err}");
        let err = read_usernames(&dir.path().join("missing.txt"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing.txt"), "{err}");
    }
}
