//! Bulk actions on many users: the plan wording, the one call per user, and the rate to stay under.

use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::aws::AwsError;
use crate::cognito::{CognitoClient, GroupName, PoolId, Username};

/// Cognito's UserUpdate quota is 25 requests/s per account: bulk runs stay under it.
pub const USER_UPDATE_PER_SECOND: u32 = 20;

/// What to do to each user of a bulk run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkAction {
    Disable,
    Enable,
    SignOut,
    Delete,
    AddToGroup(GroupName),
    RemoveFromGroup(GroupName),
}

impl BulkAction {
    /// The API operation each user costs.
    pub fn operation(&self) -> &'static str {
        match self {
            Self::Disable => "AdminDisableUser",
            Self::Enable => "AdminEnableUser",
            Self::SignOut => "AdminUserGlobalSignOut",
            Self::Delete => "AdminDeleteUser",
            Self::AddToGroup(_) => "AdminAddUserToGroup",
            Self::RemoveFromGroup(_) => "AdminRemoveUserFromGroup",
        }
    }

    /// The request sent for one user: the same input the AWS CLI command copied from the plan
    /// carries.
    pub fn input(&self, pool: &PoolId, user: &Username) -> Value {
        let mut input = json!({"UserPoolId": pool.as_str(), "Username": user.as_str()});
        if let Self::AddToGroup(group) | Self::RemoveFromGroup(group) = self {
            input["GroupName"] = Value::String(group.as_str().to_owned());
        }
        input
    }

    /// One line of the plan: `disable ann`, `add ann to admins`.
    pub fn describe(&self, user: &str) -> String {
        match self {
            Self::Disable => format!("disable {user}"),
            Self::Enable => format!("enable {user}"),
            Self::SignOut => format!("sign out {user}"),
            Self::Delete => format!("delete {user}"),
            Self::AddToGroup(g) => format!("add {user} to {g}"),
            Self::RemoveFromGroup(g) => format!("remove {user} from {g}"),
        }
    }

    /// What happened, once it did: `disabled`, `added to admins`.
    pub fn done(&self) -> String {
        match self {
            Self::Disable => "disabled".to_owned(),
            Self::Enable => "enabled".to_owned(),
            Self::SignOut => "signed out".to_owned(),
            Self::Delete => "deleted".to_owned(),
            Self::AddToGroup(g) => format!("added to {g}"),
            Self::RemoveFromGroup(g) => format!("removed from {g}"),
        }
    }

    /// Whether it cannot be undone (asks for stronger confirmation).
    pub fn is_destructive(&self) -> bool {
        matches!(self, Self::Delete)
    }
}

/// Applies `action` to one user.
pub async fn apply_one(
    client: &CognitoClient,
    pool: &PoolId,
    action: &BulkAction,
    user: &Username,
) -> Result<(), AwsError> {
    client
        .act(action.operation(), &action.input(pool, user))
        .await
}

/// Errors that would fail every other user too (no such pool or group, no permission, no
/// credentials, the endpoint unreachable): the run stops instead of repeating them.
pub fn stops_the_run(err: &AwsError) -> bool {
    match err {
        AwsError::Service(e) => matches!(
            e.code.as_str(),
            "ResourceNotFoundException"
                | "AccessDeniedException"
                | "UnrecognizedClientException"
                | "InvalidSignatureException"
                | "ExpiredTokenException"
                | "InvalidClientTokenId"
                | "SignatureDoesNotMatch"
                | "MissingAuthenticationToken"
        ),
        // One user's lost answer says nothing about the next user.
        AwsError::Decode { .. } | AwsError::OutcomeUnknown { .. } => false,
        _ => true,
    }
}

/// Spaces the start of calls evenly: at most `n` in any second, however many tasks ask at once
/// (waiters go in turn, first come first served).
#[derive(Debug)]
pub struct Pacer {
    period: Duration,
    next: Mutex<Option<Instant>>,
}

impl Pacer {
    pub fn per_second(n: u32) -> Self {
        Self {
            period: Duration::from_secs(1) / n.max(1),
            next: Mutex::new(None),
        }
    }

    /// Returns when the next call may start.
    pub async fn wait(&self) {
        let mut next = self.next.lock().await;
        let now = Instant::now();
        let at = next.map_or(now, |n| n.max(now));
        tokio::time::sleep_until(at).await;
        // From when this one really started: a late wake-up never lets the next come early.
        *next = Some(Instant::now() + self.period);
    }
}

/// Usernames from a file's text: one a line, trimmed; blank lines and `#` comments skipped.
pub fn parse_usernames(text: &str) -> Vec<Username> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(Username::new)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_lines_and_operations() {
        let admins = GroupName::new("admins");
        let cases = [
            (
                BulkAction::Disable,
                "AdminDisableUser",
                "disable ann",
                "disabled",
            ),
            (
                BulkAction::Enable,
                "AdminEnableUser",
                "enable ann",
                "enabled",
            ),
            (
                BulkAction::SignOut,
                "AdminUserGlobalSignOut",
                "sign out ann",
                "signed out",
            ),
            (
                BulkAction::Delete,
                "AdminDeleteUser",
                "delete ann",
                "deleted",
            ),
            (
                BulkAction::AddToGroup(admins.clone()),
                "AdminAddUserToGroup",
                "add ann to admins",
                "added to admins",
            ),
            (
                BulkAction::RemoveFromGroup(admins),
                "AdminRemoveUserFromGroup",
                "remove ann from admins",
                "removed from admins",
            ),
        ];
        for (action, operation, plan, done) in cases {
            assert_eq!(action.operation(), operation);
            assert!(
                crate::cognito::operations::find(operation).is_some(),
                "{operation}"
            );
            assert_eq!(action.describe("ann"), plan);
            assert_eq!(action.done(), done);
        }
        assert!(BulkAction::Delete.is_destructive() && !BulkAction::Disable.is_destructive());
    }

    #[test]
    fn usernames_skip_blanks_and_comments() {
        let names = parse_usernames("# who left\nann\n\n  bob  \r\n#carl\n\tdee\n");
        assert_eq!(names, ["ann", "bob", "dee"].map(Username::new));
    }

    #[tokio::test]
    async fn the_pacer_starts_at_most_n_a_second() {
        let pacer = std::sync::Arc::new(Pacer::per_second(20));
        let started = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let tasks: Vec<_> = (0..25)
            .map(|_| {
                let (pacer, started) = (pacer.clone(), started.clone());
                tokio::spawn(async move {
                    pacer.wait().await;
                    started.lock().unwrap().push(Instant::now());
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        let mut times = started.lock().unwrap().clone();
        times.sort();
        // Any 21 consecutive starts span a second or more: no one-second window holds 21.
        for w in times.windows(21) {
            assert!(w[20] - w[0] >= Duration::from_secs(1), "{:?}", w[20] - w[0]);
        }
        assert!(times[24] - times[0] < Duration::from_secs(2));
    }

    #[test]
    fn the_rate_stays_under_the_quota() {
        const { assert!(USER_UPDATE_PER_SECOND < 25) };
    }
}
