//! What the client tells an audit log about each operation that changes something: the log itself
//! (the journal) lives with the admin tools; the client only reports, in one place for every path.

use serde_json::Value;

use super::CognitoClient;

/// One operation that changed (or tried to change) something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mutation<'a> {
    pub profile: Option<&'a str>,
    pub region: &'a str,
    pub operation: &'a str,
    pub pool: &'a str,
    /// The user, group, client or provider it was done to.
    pub target: &'a str,
    /// `ok`, the error code, or `unknown` when the answer was lost.
    pub result: &'a str,
    /// For an `unknown` result, what a fresh read showed: `applied` or `not applied`.
    pub checked: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

/// Where mutations are recorded. Recording must not fail the call: a log that cannot write says so
/// in its own way (the tracing log).
pub trait MutationLog: Send + Sync + std::fmt::Debug {
    fn record(&self, mutation: &Mutation<'_>);
}

/// Told of each change that succeeded, with its input and answer: keeps derived data (the local
/// index) in step with the tool's own changes. Like the journal, it must not fail the call.
pub trait ChangeObserver: Send + Sync + std::fmt::Debug {
    /// A change that succeeded. When the observer cannot tell which user the request's name
    /// means (an alias, a sub), it asks for the user to be read again.
    fn applied(
        &self,
        profile: Option<&str>,
        region: &str,
        operation: &str,
        input: &[u8],
        output: &[u8],
    ) -> Option<ReadAgain>;

    /// What AdminGetUser answered for the `ReadAgain` of the change `operation` with `input`;
    /// `None` when that read failed.
    fn read_again(
        &self,
        profile: Option<&str>,
        region: &str,
        operation: &str,
        input: &[u8],
        user: Option<&Value>,
    );
}

/// A user to read again after a change, by the name the request gave (AdminGetUser answers
/// with the real username).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAgain {
    pub pool: String,
    pub username: String,
}

impl CognitoClient {
    /// Reads a changed user again for `observer`, in the background lane: the change is done,
    /// and the read only keeps derived data in step, so it yields to what someone waits on.
    pub(super) async fn read_again(
        &self,
        observer: &dyn ChangeObserver,
        operation: &str,
        input: &[u8],
        again: &ReadAgain,
    ) {
        let request = serde_json::json!({"UserPoolId": again.pool, "Username": again.username});
        let user = self.background().read_json("AdminGetUser", &request).await;
        if let Err(e) = &user {
            tracing::warn!(operation, error = %e, "a changed user could not be read again");
        }
        observer.read_again(
            self.profile(),
            self.region(),
            operation,
            input,
            user.as_ref().ok(),
        );
    }
}

/// The pool and the target of a request, read from these named members only: nothing else of the
/// input (passwords, attributes) is ever looked at.
pub fn subject(body: &[u8]) -> (String, String) {
    const TARGETS: &[&str] = &[
        "Username",
        "GroupName",
        "ClientId",
        "ProviderName",
        "Identifier",
        "Domain",
        "PoolName",
    ];
    let Ok(Value::Object(input)) = serde_json::from_slice::<Value>(body) else {
        return (String::new(), String::new());
    };
    let text = |key: &str| input.get(key).and_then(Value::as_str).map(str::to_owned);
    let pool = text("UserPoolId").unwrap_or_default();
    let target = TARGETS
        .iter()
        .find_map(|k| text(k))
        .or_else(|| linked_user(&input))
        .unwrap_or_default();
    (pool, target)
}

/// The user of AdminLinkProviderForUser (`DestinationUser`) and AdminDisableProviderForUser
/// (`User`), as `Provider:value`: `Cognito:ann`, `Google:1234`.
fn linked_user(input: &serde_json::Map<String, Value>) -> Option<String> {
    let user = ["DestinationUser", "User"]
        .iter()
        .find_map(|k| input.get(*k))?;
    let provider = user.get("ProviderName").and_then(Value::as_str)?;
    let value = user.get("ProviderAttributeValue").and_then(Value::as_str)?;
    Some(format!("{provider}:{value}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_reads_pool_and_target_and_nothing_else() {
        let body = br#"{"UserPoolId":"us-east-1_x","Username":"ann","Password":"Secret-1!","Permanent":true}"#;
        assert_eq!(subject(body), ("us-east-1_x".to_owned(), "ann".to_owned()));
        let body = br#"{"UserPoolId":"us-east-1_x","GroupName":"admins"}"#;
        assert_eq!(subject(body).1, "admins");
        assert_eq!(subject(b"not json"), (String::new(), String::new()));
        let body = br#"{"UserPoolId":"p","DestinationUser":{"ProviderName":"Cognito","ProviderAttributeValue":"ann"},"SourceUser":{"ProviderName":"Google","ProviderAttributeName":"Cognito_Subject","ProviderAttributeValue":"123"}}"#;
        assert_eq!(subject(body).1, "Cognito:ann");
        let body = br#"{"UserPoolId":"p","User":{"ProviderName":"Google","ProviderAttributeName":"Cognito_Subject","ProviderAttributeValue":"123"}}"#;
        assert_eq!(subject(body).1, "Google:123");
    }
}
