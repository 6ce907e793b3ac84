//! What `update` asks the outside world to do: API calls for the worker, cancellation, reconnects,
//! a generated password, the audit journal.

use crate::app::browse::panes::Tab;
use crate::app::remote::RequestId;
use crate::app::users::bulk::BulkAction;
use crate::app::users::export::ExportJob;
use crate::cognito::devices::{Feedback, MfaPreference, remembered_status};
use crate::cognito::edit::{Patch, Plan, Target};
use crate::cognito::pools::PasswordPolicyType;
use crate::cognito::secrets::Redacted;
use crate::cognito::types::Secret;
use crate::cognito::{ClientId, GroupName, PoolId, Username};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Run a call on the worker; its result comes back as `Action::Loaded`/`Failed` with this id.
    Api { request: RequestId, call: ApiCall },
    /// Stop a running request (its remaining pages are not fetched, a bulk run stops).
    Cancel(RequestId),
    /// Rebuild the client for another profile or region, then reload the pools.
    Reconnect {
        profile: ProfileChoice,
        region: Option<String>,
    },
    /// Make a password that meets the policy (randomness is I/O): answered as `Payload::Password`.
    GeneratePassword {
        request: RequestId,
        policy: PasswordPolicyType,
    },
    /// Read the last `last` entries of the audit journal: answered as `Payload::Journal`.
    ReadJournal { request: RequestId, last: usize },
    /// Put a secret on the clipboard through the terminal (OSC 52): the event loop writes it, as
    /// only it may write to the terminal; nothing answers.
    CopyToClipboard(Secret),
    /// Suspend the console and open `text` in the person's editor (`$VISUAL`, `$EDITOR`, else
    /// `vi`): the event loop runs it, as only it owns the terminal, and answers
    /// `Action::Edited` with the saved text.
    OpenEditor { request: RequestId, text: String },
}

/// Which credentials a reconnect uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileChoice {
    /// The current ones (`:region`).
    Keep,
    /// This profile of the AWS config files (`:profile NAME`), if it is there.
    Named(String),
    /// Those the console started with (`:profile` alone, or `:profile -`).
    AsStarted,
}

/// The calls the console makes: reads, and changes. `--read-only` refuses every change, and a
/// call is one or the other by its type, so no forgotten match arm can let a change through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiCall {
    Read(Read),
    Change(Change),
}

impl ApiCall {
    /// True for calls that change something: refused under `--read-only` (by the worker and the
    /// client).
    pub fn mutates(&self) -> bool {
        matches!(self, ApiCall::Change(_))
    }
}

impl From<Read> for ApiCall {
    fn from(read: Read) -> Self {
        ApiCall::Read(read)
    }
}

impl From<Change> for ApiCall {
    fn from(change: Change) -> Self {
        ApiCall::Change(change)
    }
}

/// The calls that only read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    ListPools,
    DescribePool(PoolId),
    /// DescribeUserPool for the forms: schema attributes and password policy.
    PoolSettings(PoolId),
    /// Streams pages; `filter` is a ListUsers filter expression, `from` the page token a listing
    /// that failed part-way continues from (`None`: from the first page).
    ListUsers {
        pool: PoolId,
        filter: Option<String>,
        from: Option<String>,
    },
    /// The local index: queries, its summary, a build, an export.
    Index(IndexRead),
    /// A pool pane's rows, page by page, read as its registry entry says.
    List(Tab, PoolId),
    /// The detail of the row with this key, read as its pane's registry entry says.
    Describe {
        tab: Tab,
        pool: PoolId,
        key: String,
    },
    /// AdminGetUser as a users-table row, to refresh one row after a change.
    GetUserRow(PoolId, Username),
    /// AdminGetUser's MFA fields, for the MFA dialog.
    GetUserMfa(PoolId, Username),
    /// A group's members as users-table rows, from where a failed listing stopped.
    ListUsersInGroup {
        pool: PoolId,
        group: GroupName,
        from: Option<String>,
    },
    /// AdminListGroupsForUser, every page, by name: the group picker's choices or marks.
    UserGroups(PoolId, Username),
    ListDevices(PoolId, Username),
    ListAuthEvents(PoolId, Username),
    /// DescribeUserPoolClient for its secret alone, when `S` asks (`Payload::ClientSecret`): the
    /// detail view keeps only the mask.
    ClientSecret(PoolId, ClientId),
    /// ListUsers with the needle's filter in every pool of the region, or of each profile ×
    /// region named (`Payload::Found`).
    FindUser(crate::shared::find::Needle, crate::shared::find::Places),
    /// A pool resource's configuration in its Update* shape, for the editor.
    EditInput(Target),
    /// A fresh read of the resource and the update made from it (`Payload::Plan`).
    Plan(Target, PlanSource),
}

/// The reads of the local index, and exports (they read the service and write only a local file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexRead {
    /// The users a query finds, as users-table rows: on the server when one ListUsers filter
    /// answers it, else from the pool's index (built first when there is none).
    QueryUsers { pool: PoolId, query: String },
    /// The pool's index summary (`Payload::IndexSummary`).
    Summary(PoolId),
    /// Builds the pool's index again (`Action::Progress` as it goes, then `Payload::IndexSummary`).
    Build(PoolId),
    /// Users to a file (`Action::Progress` as it goes, then `Payload::Exported`).
    Export(ExportJob),
}

/// What an update is made from. Its Debug print (the worker logs calls) masks secrets.
#[derive(Clone, PartialEq, Eq)]
pub enum PlanSource {
    /// Only these changes, on the configuration as it stands.
    Patch(Patch),
    /// A whole configuration the person edited, and the one the edit started from.
    Replace {
        started: serde_json::Value,
        edited: serde_json::Value,
    },
}

/// A change to a pool resource. Its Debug print (the worker logs calls) masks secrets.
#[derive(Clone, PartialEq, Eq)]
pub enum PoolChange {
    /// Send the plan if the resource is still as it was read (`cognito::edit`).
    Apply(Box<Plan>),
    /// A Create* operation with the input the person wrote (checked against its shape).
    Create {
        operation: &'static str,
        input: serde_json::Value,
    },
    Delete(Target),
}

/// The calls that change something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// AdminCreateUser.
    CreateUser(Box<NewUser>),
    /// AdminUpdateUserAttributes for `set`, then AdminDeleteUserAttributes for `delete`.
    UpdateAttributes {
        pool: PoolId,
        user: Username,
        set: Vec<(String, String)>,
        delete: Vec<String>,
    },
    /// AdminSetUserPassword.
    SetPassword {
        pool: PoolId,
        user: Username,
        password: Secret,
        permanent: bool,
    },
    /// One change to one user.
    User {
        pool: PoolId,
        user: Username,
        op: UserChange,
    },
    /// One change to many users, at most `shared::bulk::USER_UPDATE_PER_SECOND` a second, a
    /// `BulkStep` action per user; a failure does not stop the rest.
    Bulk {
        pool: PoolId,
        op: BulkAction,
        users: Vec<Username>,
    },
    /// A change to a pool resource: the pool, a client, a provider, a group, ...
    Pool(PoolChange),
}

/// A user to create (AdminCreateUser).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub pool: PoolId,
    pub username: Username,
    pub attributes: Vec<(String, String)>,
    pub temporary_password: Option<Secret>,
    /// MessageAction SUPPRESS: no invitation is sent.
    pub suppress_invitation: bool,
    /// `EMAIL` and/or `SMS`.
    pub delivery: Vec<String>,
}

/// A change to one user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserChange {
    Disable,
    Enable,
    Delete,
    ResetPassword,
    /// AdminCreateUser with MessageAction RESEND.
    ResendInvitation,
    ConfirmSignUp,
    GlobalSignOut,
    /// AdminSetUserMFAPreference with every method off.
    ResetMfa,
    AddToGroup(GroupName),
    RemoveFromGroup(GroupName),
    /// AdminUpdateAuthEventFeedback on the sign-in event with this EventId.
    EventFeedback {
        event: String,
        feedback: Feedback,
    },
    /// AdminUpdateDeviceStatus of the device with this key.
    DeviceStatus {
        device: String,
        remembered: bool,
    },
    ForgetDevice(String),
    /// AdminUpdateUserAttributes `email_verified` or `phone_number_verified` = `true` (the flag).
    MarkVerified(&'static str),
}

impl UserChange {
    /// The operation name, for logs and messages.
    pub fn operation(&self) -> &'static str {
        match self {
            UserChange::Disable => "AdminDisableUser",
            UserChange::Enable => "AdminEnableUser",
            UserChange::Delete => "AdminDeleteUser",
            UserChange::ResetPassword => "AdminResetUserPassword",
            UserChange::ResendInvitation => "AdminCreateUser",
            UserChange::ConfirmSignUp => "AdminConfirmSignUp",
            UserChange::GlobalSignOut => "AdminUserGlobalSignOut",
            UserChange::ResetMfa => "AdminSetUserMFAPreference",
            UserChange::AddToGroup(_) => "AdminAddUserToGroup",
            UserChange::RemoveFromGroup(_) => "AdminRemoveUserFromGroup",
            UserChange::EventFeedback { .. } => "AdminUpdateAuthEventFeedback",
            UserChange::DeviceStatus { .. } => "AdminUpdateDeviceStatus",
            UserChange::ForgetDevice(_) => "AdminForgetDevice",
            UserChange::MarkVerified(_) => "AdminUpdateUserAttributes",
        }
    }

    /// The request that makes the change, exactly as the worker sends it: the AWS CLI command a
    /// dialog copies is built from it too. None of these carries a secret.
    pub fn input(&self, pool: &PoolId, user: &Username) -> serde_json::Value {
        let mut input = serde_json::json!({ "UserPoolId": pool, "Username": user });
        let extra = match self {
            UserChange::ResendInvitation => serde_json::json!({ "MessageAction": "RESEND" }),
            UserChange::ResetMfa => {
                serde_json::to_value(MfaPreference::all_disabled()).unwrap_or_default()
            }
            UserChange::AddToGroup(g) | UserChange::RemoveFromGroup(g) => {
                serde_json::json!({ "GroupName": g })
            }
            UserChange::EventFeedback { event, feedback } => serde_json::json!({
                "EventId": event, "FeedbackValue": feedback.as_str()
            }),
            UserChange::DeviceStatus { device, remembered } => serde_json::json!({
                "DeviceKey": device, "DeviceRememberedStatus": remembered_status(*remembered)
            }),
            UserChange::ForgetDevice(key) => serde_json::json!({ "DeviceKey": key }),
            UserChange::MarkVerified(flag) => serde_json::json!({
                "UserAttributes": [{ "Name": flag, "Value": "true" }]
            }),
            UserChange::Disable
            | UserChange::Enable
            | UserChange::Delete
            | UserChange::ResetPassword
            | UserChange::ConfirmSignUp
            | UserChange::GlobalSignOut => serde_json::Value::Null,
        };
        if let (Some(input), serde_json::Value::Object(extra)) = (input.as_object_mut(), extra) {
            input.extend(extra);
        }
        input
    }

    /// What happened, for the toast: `ann disabled`.
    pub fn done(&self, user: &str) -> String {
        match self {
            UserChange::Disable => format!("{user} disabled"),
            UserChange::Enable => format!("{user} enabled"),
            UserChange::Delete => format!("{user} deleted"),
            UserChange::ResetPassword => {
                format!("password reset for {user}: they get a code to choose a new one")
            }
            UserChange::ResendInvitation => format!("invitation sent again to {user}"),
            UserChange::ConfirmSignUp => format!("{user} confirmed"),
            UserChange::GlobalSignOut => format!("{user} signed out everywhere"),
            UserChange::ResetMfa => format!("MFA reset for {user}: every method off"),
            UserChange::AddToGroup(g) => format!("{user} added to {g}"),
            UserChange::RemoveFromGroup(g) => format!("{user} removed from {g}"),
            UserChange::EventFeedback { feedback, .. } => {
                format!(
                    "sign-in of {user} marked {}",
                    feedback.as_str().to_lowercase()
                )
            }
            UserChange::DeviceStatus { remembered, .. } => format!(
                "device of {user} set {}",
                remembered_status(*remembered).replace('_', " ")
            ),
            UserChange::ForgetDevice(_) => format!("device forgotten for {user}"),
            UserChange::MarkVerified(flag) => format!("{flag} = true for {user}"),
        }
    }
}

impl std::fmt::Debug for PlanSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Patch(patch) => f.debug_tuple("Patch").field(&patch.redacted()).finish(),
            Self::Replace { started, edited } => f
                .debug_struct("Replace")
                .field("started", &Redacted(started.clone()))
                .field("edited", &Redacted(edited.clone()))
                .finish(),
        }
    }
}

impl std::fmt::Debug for PoolChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Apply(plan) => f.debug_tuple("Apply").field(plan).finish(),
            Self::Create { operation, input } => f
                .debug_struct("Create")
                .field("operation", operation)
                .field("input", &Redacted(input.clone()))
                .finish(),
            Self::Delete(target) => f.debug_tuple("Delete").field(target).finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::cognito::edit::Edit;
    use crate::cognito::{PoolId, ProviderName};

    /// The worker logs every call at debug (`?call`): an IdP's secret must not be in it.
    #[test]
    fn calls_that_carry_a_configuration_print_its_secrets_masked() {
        let idp = Target::Idp(PoolId::new("p"), ProviderName::new("corp"));
        let config = json!({"UserPoolId": "p", "ProviderName": "corp",
            "ProviderDetails": {"client_id": "cid", "client_secret": "s3cr3t-value"}});
        let plan = Plan {
            target: idp.clone(),
            before: config.clone(),
            after: config.clone(),
        };
        let calls: Vec<ApiCall> = vec![
            Change::Pool(PoolChange::Apply(Box::new(plan))).into(),
            Change::Pool(PoolChange::Create {
                operation: "CreateIdentityProvider",
                input: config.clone(),
            })
            .into(),
            Read::Plan(
                idp.clone(),
                PlanSource::Replace {
                    started: config.clone(),
                    edited: config,
                },
            )
            .into(),
            Read::Plan(
                idp,
                PlanSource::Patch(Patch::new().with(Edit::Set(
                    "ProviderDetails.client_secret".into(),
                    json!("s3cr3t-value"),
                ))),
            )
            .into(),
        ];
        for call in calls {
            let printed = format!("{call:?}");
            assert!(!printed.contains("s3cr3t-value"), "{printed}");
            assert!(
                printed.contains("client_id") || printed.contains("client_secret"),
                "{printed}"
            );
        }
    }
}
