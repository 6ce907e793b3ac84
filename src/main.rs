//! The cognito-tui binary: the console without a command, the headless CLI with one.

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;
use cognito_tui::cli::args::GlobalArgs;
use cognito_tui::cli::{self, Cli};
use cognito_tui::cognito::{CognitoClient, describe_error};

fn main() -> ExitCode {
    let mut parsed = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Kept alive until the console or command ends: dropping it stops the server.
    let _local = if parsed.global.local {
        match runtime.block_on(cognito_tui::local::start_embedded()) {
            Ok(server) => {
                parsed.global.local_endpoint = Some(server.url());
                Some(server)
            }
            Err(e) => {
                eprintln!("error: local server: {}", e.message);
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    match parsed.command {
        Some(command) => runtime.block_on(cli::run(&parsed.global, command)),
        None => runtime.block_on(console(&parsed.global)),
    }
}

/// Connects first, so a missing region or a bad endpoint is one line on stderr, not a broken screen.
async fn console(global: &GlobalArgs) -> ExitCode {
    let settings = match global.resolved_settings_with(cognito_tui::aws::Timeouts::CONSOLE) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let client = match CognitoClient::connect(&settings).await {
        Ok(client) => client,
        Err(e) => {
            eprintln!("error: {}", describe_error(&e));
            return ExitCode::FAILURE;
        }
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!("error: the console needs a terminal; for scripts, name a command (see --help)");
        return ExitCode::from(2);
    }
    let read_only = settings.read_only;
    match cognito_tui::tui::run(settings, client, read_only).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
