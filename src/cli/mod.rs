//! The headless CLI: the same `cognito/` layer as the console, for scripts.

mod admin;
mod api;
pub mod args;
mod bulk;
mod generate;
pub mod index;
mod journal;
mod lists;
mod local_server;
pub mod output;
mod progress;
mod resolve;
mod user_args;
mod user_attributes;
mod user_create;
mod user_diagnose;
mod user_find;
mod user_list;
mod user_passwords;
mod user_rows;
mod user_security;
mod users;

use std::io::{self, Write};
use std::process::ExitCode;

pub use args::{Cli, Command, OutputFormat};

use crate::aws::AwsError;
use crate::cognito::{CognitoClient, describe_error};
use resolve::resolve_pool;

/// What ends a command early.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}", describe_error(.0))]
    Aws(#[from] AwsError),
    #[error("{0}")]
    Input(String),
    /// The command line is wrong in a way clap cannot tell: exit status 2, as for clap's own.
    #[error("{0}")]
    Usage(String),
    /// Some users of a bulk run failed: their lines are on stdout; this is the summary.
    #[error("{0}")]
    Partial(String),
    /// A listing failed after some of it was written: what failed, how far it got.
    #[error("{0}")]
    Incomplete(String),
    #[error("writing output: {0}")]
    Io(#[from] io::Error),
}

pub type CliResult = Result<(), CliError>;

/// Runs one command and turns its outcome into the exit status: 0, or 1 with one line on stderr.
pub async fn run(global: &args::GlobalArgs, command: Command) -> ExitCode {
    let outcome = async {
        // `api` lists names without a connection, and reads its input before making one.
        let command = match command {
            Command::Api(args) => return api::run(global, args).await,
            // It connects to each profile and region it is given.
            Command::Users(args::UsersCommand::Find(args)) => {
                return user_find::run(global, args).await;
            }
            command => command,
        };
        // The journal is a local file: no region, credentials or config needed.
        if let Command::Index(c) = &command {
            return index::manage(global.output, c);
        }
        if let Command::Journal(args) = &command {
            return journal::run(global.output, args);
        }
        if let Command::LocalServer(args) = &command {
            return local_server::run(args, global.emulation()).await;
        }
        // Made from the command line's definition alone.
        match &command {
            Command::Completions(args) => return generate::completions(args),
            Command::Man(args) => return generate::man(args),
            _ => {}
        }
        let client = connect(global).await?;
        dispatch(&client, global, command).await
    }
    .await;
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        // `| head` closed the pipe: not an error.
        Err(CliError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(CliError::Partial(summary)) => {
            let _ = writeln!(io::stderr(), "{summary}");
            ExitCode::FAILURE
        }
        Err(e) => {
            // One line, whatever the error's text holds (the credential chain lists its attempts).
            let text = e.to_string();
            let line: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let _ = writeln!(io::stderr(), "error: {}", line.join("; "));
            if matches!(e, CliError::Usage(_)) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

async fn connect(global: &args::GlobalArgs) -> Result<CognitoClient, CliError> {
    let settings = global.resolved_settings().map_err(CliError::Input)?;
    Ok(CognitoClient::connect(&settings).await?)
}

async fn dispatch(
    client: &CognitoClient,
    global: &args::GlobalArgs,
    command: Command,
) -> CliResult {
    let format = global.output;
    match command {
        Command::Pools(c) => lists::pools(client, format, c).await,
        Command::Users(c) => users::run(client, format, c).await,
        Command::Groups(c) => lists::groups(client, format, c).await,
        Command::Clients(c) => lists::clients(client, format, c).await,
        Command::Idps(c) => lists::idps(client, format, c).await,
        Command::Domains(c) => admin::domains::run(client, format, c).await,
        Command::ResourceServers(c) => admin::resource_servers::run(client, format, c).await,
        Command::Tags(c) => admin::tags::run(client, format, c).await,
        Command::Api(a) => api::run_on(client, a).await,
        Command::Journal(a) => journal::run(format, &a),
        Command::Index(c) => index::manage(format, &c),
        Command::LocalServer(a) => local_server::run(&a, global.emulation()).await,
        Command::Completions(a) => generate::completions(&a),
        Command::Man(a) => generate::man(&a),
    }
}
