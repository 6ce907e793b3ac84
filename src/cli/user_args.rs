//! The `users` subcommands and their arguments.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::args::PoolArg;

#[derive(Debug, Clone, Args)]
pub struct UserTarget {
    #[command(flatten)]
    pub pool: PoolArg,
    /// The user: their username, or an alias the pool signs in with (such as their email).
    pub username: String,
}

/// One user by name, or many from a file; optionally only the plan.
#[derive(Debug, Clone, Args)]
pub struct BulkTarget {
    #[command(flatten)]
    pub pool: PoolArg,
    /// The user (or give --from-file).
    #[arg(required_unless_present = "from_file", conflicts_with = "from_file")]
    pub username: Option<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// A group change for one user (`USERNAME GROUP`) or for many (`--from-file FILE GROUP`).
#[derive(Debug, Clone, Args)]
pub struct GroupBulkTarget {
    #[command(flatten)]
    pub pool: PoolArg,
    /// USERNAME GROUP, or only GROUP with --from-file.
    #[arg(value_name = "[USERNAME] GROUP", required = true, num_args = 1..=2)]
    pub names: Vec<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

#[derive(Debug, Clone, Args)]
pub struct BulkArgs {
    /// Usernames from a file, one a line (blank lines and #comments skipped; - for standard input).
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,
    /// Print what would be done to whom, and send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// How fresh the local index must be for a query, a count or an export.
#[derive(Debug, Clone, Args)]
pub struct IndexArgs {
    /// Rebuild the index first when it is older than this (30s, 15m, 1h, 2d); without it, an
    /// index of any age is used and one is built when there is none.
    #[arg(long, value_name = "AGE", value_parser = crate::cli::index::parse_age)]
    pub max_age: Option<std::time::Duration>,
}

/// Whether `users list` reads the pool in sixteen parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Partitioning {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// List users, streaming page by page; optionally filtered server-side.
    List {
        #[command(flatten)]
        pool: PoolArg,
        /// A ListUsers filter, e.g. 'email ^= "ann"' or 'status = "Disabled"'.
        #[arg(long, long_help = crate::cognito::user_filter::filter_help())]
        filter: Option<String>,
        /// Attributes to fetch and show, comma-separated (e.g. email,custom:tenant).
        #[arg(long, value_delimiter = ',')]
        attributes: Vec<String>,
        /// Continue a listing that failed from the page token its error named.
        #[arg(long)]
        starting_token: Option<String>,
        /// Read the pool as sixteen listings together (by the first hex digit of sub) to reach
        /// the UserList quota; `auto` does so from 3,000 users (DescribeUserPool's estimate),
        /// without --filter or --starting-token.
        #[arg(long, value_enum, default_value_t = Partitioning::Auto)]
        partitioned: Partitioning,
    },
    /// Read every user and group of the pool into the local index (for query, count, export).
    Index {
        #[command(flatten)]
        pool: PoolArg,
    },
    /// Find users with the query language, e.g. 'status = UNCONFIRMED and created < -30d'.
    #[command(long_about = crate::cli::index::QUERY_HELP)]
    Query {
        #[command(flatten)]
        pool: PoolArg,
        /// The query (see --help for the language).
        query: String,
        #[command(flatten)]
        index: IndexArgs,
        /// Show at most this many users.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Count users, in all or by status, enabled, group or an attribute.
    Count {
        #[command(flatten)]
        pool: PoolArg,
        /// status, enabled, group, or an attribute name (custom:tenant).
        #[arg(long)]
        by: Option<String>,
        /// Count only the users this query finds.
        #[arg(long)]
        query: Option<String>,
        #[command(flatten)]
        index: IndexArgs,
    },
    /// Export users as CSV in the pool's import columns, JSON or JSON Lines.
    Export {
        #[command(flatten)]
        pool: PoolArg,
        /// Only the users this query finds.
        #[arg(long)]
        query: Option<String>,
        /// csv (the pool's import columns), json (one array) or jsonl (one user a line).
        #[arg(long, value_enum)]
        format: crate::shared::export::ExportFormat,
        /// The file to write (made whole or not at all); standard output when left out.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        index: IndexArgs,
    },
    /// Show one user with their groups.
    Get(UserTarget),
    /// Create a user (email, phone and password checked before anything is sent).
    Create(CreateArgs),
    /// Send the invitation again to a user whose temporary password expired.
    ResendInvitation {
        #[command(flatten)]
        target: UserTarget,
        /// Deliver it by EMAIL and/or SMS (comma-separated).
        #[arg(long, value_delimiter = ',')]
        delivery: Vec<String>,
    },
    /// Disable users (they can no longer sign in).
    Disable(BulkTarget),
    /// Enable disabled users.
    Enable(BulkTarget),
    /// Delete users.
    Delete(BulkTarget),
    /// Reset a user's password: they must set a new one with a code sent to them.
    ResetPassword(UserTarget),
    /// Set a user's password: read from standard input (never from an argument), or generated.
    SetPassword {
        #[command(flatten)]
        target: UserTarget,
        /// Permanent password (else temporary: the user must change it at next sign-in).
        #[arg(long)]
        permanent: bool,
        /// Generate one that meets the pool's password policy, and print it once.
        #[arg(long)]
        generate: bool,
    },
    /// Confirm a user's sign-up.
    Confirm(UserTarget),
    /// Sign users out of every device (refresh tokens revoked).
    SignOut(BulkTarget),
    /// List the groups a user belongs to.
    Groups(UserTarget),
    /// Add users to a group.
    AddToGroup(GroupBulkTarget),
    /// Remove users from a group.
    RemoveFromGroup(GroupBulkTarget),
    /// Show a user's MFA preference and methods.
    Mfa(UserTarget),
    /// Turn every MFA method of a user off (for someone who lost their authenticator).
    ResetMfa(UserTarget),
    /// List a user's remembered devices.
    Devices(UserTarget),
    /// Forget one of a user's remembered devices.
    ForgetDevice {
        #[command(flatten)]
        target: UserTarget,
        /// The device's key, as users devices lists it.
        device_key: String,
    },
    /// List a user's sign-in events (needs the pool's threat protection).
    AuthEvents(UserTarget),
    /// Why the user cannot sign in: one verdict with its fix, and the facts behind it.
    Diagnose(UserTarget),
    /// Find someone in every pool (of several profiles and regions): by email, phone, sub or
    /// username.
    Find(super::user_find::FindArgs),
    /// Set a user's attributes (email_verified=true marks their email verified).
    UpdateAttributes {
        #[command(flatten)]
        target: UserTarget,
        /// NAME=VALUE, one or more; the value is everything after the first =.
        #[arg(value_name = "NAME=VALUE", required = true)]
        attributes: Vec<String>,
        /// Print each attribute's current and new value, and send nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Delete attributes of a user.
    DeleteAttributes {
        #[command(flatten)]
        target: UserTarget,
        /// Attribute names, one or more (custom ones with their custom: prefix).
        #[arg(value_name = "NAME", required = true)]
        names: Vec<String>,
        /// Print each attribute's current value, and send nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Link an identity at an external provider to a user: signing in there signs in as them.
    LinkProvider {
        #[command(flatten)]
        target: UserTarget,
        #[command(flatten)]
        identity: ProviderIdentity,
    },
    /// Unlink a provider identity from its user (with --provider Cognito: block a native user's
    /// password sign-in).
    UnlinkProvider {
        #[command(flatten)]
        pool: PoolArg,
        #[command(flatten)]
        identity: ProviderIdentity,
    },
}

/// An identity at a provider, as AdminLinkProviderForUser and AdminDisableProviderForUser name it.
#[derive(Debug, Clone, Args)]
pub struct ProviderIdentity {
    /// The identity provider's name in the pool (Google, Facebook, or a SAML or OIDC provider).
    #[arg(long)]
    pub provider: String,
    /// The provider attribute that identifies the user: Cognito_Subject for social providers, a
    /// mapped claim (e.g. email) for SAML and OIDC.
    #[arg(long)]
    pub attribute: String,
    /// Its value: the user's id at the provider (sub, user_id), or the claim's value.
    #[arg(long)]
    pub value: String,
}

#[derive(Debug, Clone, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub target: UserTarget,
    /// An attribute, NAME=VALUE (repeat), e.g. --attribute email=ann@example.com.
    #[arg(long = "attribute", value_name = "NAME=VALUE")]
    pub attributes: Vec<String>,
    /// Read a temporary password from standard input (else Cognito generates one).
    #[arg(long)]
    pub temporary_password_stdin: bool,
    /// Send no invitation message.
    #[arg(long, conflicts_with = "resend")]
    pub suppress: bool,
    /// Send the invitation again to an existing user whose temporary password expired.
    #[arg(long)]
    pub resend: bool,
    /// Deliver the invitation by EMAIL and/or SMS (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub delivery: Vec<String>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use crate::cli::args::Cli;
    use crate::cognito::user_filter::FilterAttribute;

    #[test]
    fn users_list_help_names_every_filterable_attribute() {
        let mut cli = Cli::command();
        let list = cli
            .find_subcommand_mut("users")
            .and_then(|u| u.find_subcommand_mut("list"))
            .unwrap();
        let help = list.render_long_help().to_string();
        for attribute in FilterAttribute::ALL {
            assert!(help.contains(attribute.name()), "{help}");
        }
    }
}
