//! The command line, as scripts rely on it: global flags before or after the command.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::aws::Timeouts;

pub use super::generate::{CompletionsArgs, ManArgs};
pub use super::user_args::{
    BulkArgs, BulkTarget, CreateArgs, GroupBulkTarget, UserTarget, UsersCommand,
};

#[derive(Debug, Parser)]
#[command(
    name = "cognito-tui",
    version,
    about = "A terminal console and CLI for Amazon Cognito user pools",
    long_about = "A terminal console and CLI for Amazon Cognito user pools.\n\n\
                  Without a command it opens the console; with one it runs headless for scripts."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Profile from ~/.aws/config and ~/.aws/credentials (beats AWS_* key variables).
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// Region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region).
    #[arg(long, global = true)]
    pub region: Option<String>,
    /// Endpoint (else AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL, AWS itself).
    #[arg(long, global = true)]
    pub endpoint_url: Option<String>,
    /// Allow plain http to a host that is not loopback.
    #[arg(long, global = true)]
    pub allow_insecure_http: bool,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,
    /// Refuse every change: only reads are sent (console and commands alike).
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Seconds to wait for a connection; 0 waits forever (default 10, 5 in the console).
    #[arg(long, global = true, value_name = "SECONDS")]
    pub connect_timeout: Option<f64>,
    /// Seconds to wait for each part of an answer; 0 waits forever (default 30, 15 in the console).
    #[arg(long, global = true, value_name = "SECONDS")]
    pub read_timeout: Option<f64>,
    /// Pace calls at AWS's documented quota per category (`aws`), or only back off when the
    /// server throttles (`adaptive`); `auto` (the default): `aws` on AWS's endpoints.
    #[arg(long, global = true, value_enum)]
    pub quotas: Option<crate::aws::quota::Pacing>,
    /// Use the built-in local user-pool server (demo data, kept in the data dir) instead of AWS.
    #[arg(long, global = true, conflicts_with_all = ["profile", "endpoint_url", "region"])]
    pub local: bool,
    #[command(flatten)]
    pub console: ConsoleArgs,
    #[command(flatten)]
    pub emulate: EmulateArgs,
    /// Set once the local server runs: its URL, which the client then talks to.
    #[arg(skip)]
    pub local_endpoint: Option<String>,
}

/// What only the console takes (a command refuses them).
#[derive(Debug, Clone, Default, Args)]
pub struct ConsoleArgs {
    /// Start the console in screen-share mode: emails, phone numbers, names and IP addresses are
    /// masked wherever they are drawn (Ctrl-T toggles it).
    #[arg(long)]
    pub mask: bool,
}

/// What the local server imitates of AWS, for `--local` and `local-server` alike.
#[derive(Debug, Clone, Args)]
pub struct EmulateArgs {
    /// With --local (or local-server): refuse calls over Cognito's request-rate quotas with
    /// TooManyRequestsException, as AWS does.
    #[arg(long, global = true)]
    pub emulate_aws: bool,
    /// With --local (or local-server): answer each call this long after it arrives (60ms, 0.1s).
    #[arg(long, global = true, value_name = "DURATION",
          value_parser = crate::local::emulation::parse_latency)]
    pub latency: Option<Duration>,
}

impl GlobalArgs {
    /// The client settings these flags ask for; env and `~/.aws` fill in the rest.
    pub fn client_settings(&self) -> crate::cognito::ClientSettings {
        if let Some(url) = &self.local_endpoint {
            return crate::cognito::ClientSettings {
                region: Some(crate::local::REGION.to_owned()),
                endpoint_url: Some(url.clone()),
                credentials: Some(crate::local::credentials()),
                local: true,
                read_only: self.read_only,
                // A server refusing over AWS's quotas is paced as AWS is.
                quotas: self
                    .emulate
                    .emulate_aws
                    .then(|| crate::aws::quota::Quotas::new(crate::aws::quota::Pacing::Aws)),
                ..crate::cognito::ClientSettings::default()
            };
        }
        crate::cognito::ClientSettings {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            allow_insecure_http: self.allow_insecure_http,
            read_only: self.read_only,
            ..crate::cognito::ClientSettings::default()
        }
    }

    /// What the local server imitates of AWS, as --emulate-aws and --latency ask.
    pub fn emulation(&self) -> crate::local::Emulation {
        crate::local::Emulation {
            quotas: self.emulate.emulate_aws,
            rates: Vec::new(),
            latency: self.emulate.latency.unwrap_or_default(),
        }
    }

    /// --emulate-aws and --latency shape the local server: without --local (or the local-server
    /// command) they would silently do nothing, so they are refused.
    pub fn check_emulation(&self, command: Option<&Command>) -> Result<(), String> {
        let serves = self.local || matches!(command, Some(Command::LocalServer(_)));
        if serves || !self.emulation().is_active() {
            return Ok(());
        }
        let flag = if self.emulate.emulate_aws {
            "--emulate-aws"
        } else {
            "--latency"
        };
        Err(format!(
            "{flag} applies to the built-in local server: add --local, or run `cognito-tui \
             local-server {flag}`"
        ))
    }

    /// The client settings with the config file applied: a profile marked `read_only = true` there
    /// makes everything read-only, whatever the flags; every change is recorded in the audit
    /// journal. The console and the commands both use this.
    pub fn resolved_settings(&self) -> Result<crate::cognito::ClientSettings, String> {
        self.resolved_settings_with(Timeouts::CLI)
    }

    /// As `resolved_settings`, with other default timeouts (the console's, shorter).
    pub fn resolved_settings_with(
        &self,
        defaults: Timeouts,
    ) -> Result<crate::cognito::ClientSettings, String> {
        let config = crate::shared::config::Config::load()?;
        let mut settings = self.client_settings();
        settings.timeouts = Some(Timeouts {
            connect: timeout(
                "connect",
                self.connect_timeout.or(config.connect_timeout),
                defaults.connect,
            )?,
            read: timeout(
                "read",
                self.read_timeout.or(config.read_timeout),
                defaults.read,
            )?,
        });
        settings.read_only =
            settings.read_only || config.read_only_for(self.profile_name().as_deref());
        // The tool's own changes reach the pool's local index as they succeed.
        settings.change_observer = if config.index_in_memory {
            None
        } else {
            crate::index::IndexStore::open_default().ok().map(|store| {
                std::sync::Arc::new(crate::index::FollowChanges::new(store))
                    as std::sync::Arc<dyn crate::cognito::audit::ChangeObserver>
            })
        };
        let chosen = match (config.quotas, self.quotas) {
            (Some(mut quotas), Some(pacing)) => {
                quotas.pacing = pacing;
                Some(quotas)
            }
            (Some(quotas), None) => Some(quotas),
            (None, Some(pacing)) => Some(crate::aws::quota::Quotas::new(pacing)),
            (None, None) => None,
        };
        if chosen.is_some() {
            settings.quotas = chosen;
        }
        settings.mutation_log = match crate::shared::journal::Journal::open_default() {
            Ok(journal) => Some(std::sync::Arc::new(journal)),
            Err(e) => {
                tracing::warn!(error = %e, "no audit journal");
                None
            }
        };
        Ok(settings)
    }

    /// The profile in use as the client resolves it: --profile, else AWS_PROFILE.
    fn profile_name(&self) -> Option<String> {
        self.profile
            .clone()
            .or_else(|| std::env::var("AWS_PROFILE").ok())
            .filter(|p| !p.is_empty())
    }
}

/// A timeout in seconds as given (0: none), else the default.
fn timeout(
    which: &str,
    seconds: Option<f64>,
    default: Option<Duration>,
) -> Result<Option<Duration>, String> {
    match seconds {
        None => Ok(default),
        Some(0.0) => Ok(None),
        Some(s) => Duration::try_from_secs_f64(s).map(Some).map_err(|_| {
            format!("the {which} timeout must be a number of seconds, 0 or more (got {s})")
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// User pools.
    #[command(subcommand)]
    Pools(PoolsCommand),
    /// Users of a pool.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Groups of a pool.
    #[command(subcommand)]
    Groups(GroupsCommand),
    /// App clients of a pool.
    #[command(subcommand)]
    Clients(ClientsCommand),
    /// Identity providers of a pool.
    #[command(subcommand)]
    Idps(IdpsCommand),
    /// The sign-in domain of a pool.
    #[command(subcommand)]
    Domains(super::admin::DomainsCommand),
    /// Resource servers of a pool: an API and its custom OAuth scopes.
    #[command(subcommand)]
    ResourceServers(super::admin::ResourceServersCommand),
    /// Tags of a pool.
    #[command(subcommand)]
    Tags(super::admin::TagsCommand),
    /// Any operation of the Cognito Identity Provider API, JSON in and out.
    Api(ApiArgs),
    /// The local indexes of pools (built by `users index`): list them, or remove them.
    #[command(subcommand)]
    Index(super::index::IndexCommand),
    /// The audit journal: the last changes made from this machine, oldest first.
    Journal(JournalArgs),
    /// Run the built-in local user-pool server alone, for the AWS CLI, SDKs and other apps.
    LocalServer(LocalServerArgs),
    /// A shell completion script, on standard output (e.g. `cognito-tui completions bash`).
    Completions(CompletionsArgs),
    /// The man page as roff, on standard output (read it with `cognito-tui man | man -l -`).
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct LocalServerArgs {
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 9229)]
    pub port: u16,
    /// The state database (default: local-server.sqlite3 in the data dir; `:memory:` keeps none).
    #[arg(long)]
    pub state: Option<String>,
    /// What a new, empty state starts with: demo (two pools of realistic users), empty, or big:N
    /// (a pool `big` of N deterministic users, added to a state that has none).
    #[arg(long, value_name = "demo|empty|big:N", default_value_t = crate::local::Seed::Demo)]
    pub seed: crate::local::Seed,
    /// With --emulate-aws: another rate for one quota category, in requests a second (repeat it
    /// for more), e.g. UserRead=200 for an account that raised it.
    #[arg(long, value_name = "CATEGORY=RATE", requires = "emulate_aws",
          value_parser = crate::local::emulation::parse_rate)]
    pub rate: Vec<(crate::aws::quota::Category, f64)>,
}

#[derive(Debug, Args)]
pub struct JournalArgs {
    /// How many entries to show.
    #[arg(long, default_value_t = 20)]
    pub last: usize,
}

#[derive(Debug, Subcommand)]
pub enum PoolsCommand {
    /// List the pools of the region.
    List,
    /// Describe a pool.
    Describe {
        /// Pool id, or a pool name that is unique in the region.
        pool: String,
    },
    #[command(flatten)]
    Admin(super::admin::PoolAdmin),
}

#[derive(Debug, Clone, Args)]
pub struct PoolArg {
    /// Pool id, or a pool name that is unique in the region.
    #[arg(long)]
    pub pool: String,
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// List the groups of a pool.
    List(PoolArg),
    /// List the members of a group.
    Members {
        #[command(flatten)]
        pool: PoolArg,
        /// Group name.
        group: String,
    },
    #[command(flatten)]
    Admin(super::admin::GroupAdmin),
}

#[derive(Debug, Subcommand)]
pub enum ClientsCommand {
    /// List the app clients of a pool.
    List(PoolArg),
    /// Describe an app client (its secret masked unless --reveal-secret).
    Describe {
        #[command(flatten)]
        pool: PoolArg,
        /// App client id, or a client name that is unique in the pool.
        client: String,
        /// Show the client secret.
        #[arg(long)]
        reveal_secret: bool,
    },
    #[command(flatten)]
    Admin(super::admin::ClientAdmin),
}

#[derive(Debug, Subcommand)]
pub enum IdpsCommand {
    /// List the identity providers of a pool.
    List(PoolArg),
    /// Describe an identity provider (secrets in its details masked unless --reveal-secret).
    Describe {
        #[command(flatten)]
        pool: PoolArg,
        /// Identity provider name, as the list shows it (e.g. Google, or the name of a SAML IdP).
        provider: String,
        /// Show secrets in the provider details.
        #[arg(long)]
        reveal_secret: bool,
    },
    #[command(flatten)]
    Admin(super::admin::IdpAdmin),
}

#[derive(Debug, Args)]
pub struct ApiArgs {
    /// Operation name as in the API (ListUsers) or as in the AWS CLI (list-users).
    #[arg(required_unless_present = "list")]
    pub operation: Option<String>,
    /// The input: JSON text, or @FILE (file://FILE) to read it from a file, @- from standard
    /// input (a password in a file or stdin stays out of the process list).
    #[arg(long)]
    pub input: Option<String>,
    /// List every operation name and whether it is signed.
    #[arg(long)]
    pub list: bool,
}

/// Where `--input` takes its JSON from.
#[derive(Debug, PartialEq, Eq)]
pub enum InputSource<'a> {
    Inline(&'a str),
    File(PathBuf),
    Stdin,
}

/// `@-` is standard input; `@FILE` and the AWS CLI's `file://FILE` a file; anything else JSON text.
pub fn input_source(input: &str) -> InputSource<'_> {
    match input
        .strip_prefix('@')
        .or_else(|| input.strip_prefix("file://"))
    {
        Some("-") if input.starts_with('@') => InputSource::Stdin,
        Some(path) => InputSource::File(PathBuf::from(path)),
        None => InputSource::Inline(input),
    }
}
