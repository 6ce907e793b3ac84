//! The cognito-tui binary: the console without a command, the headless CLI with one.

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::{CommandFactory as _, FromArgMatches as _};
use cognito_tui::app::input::keymap::Keymap;
use cognito_tui::cli::args::GlobalArgs;
use cognito_tui::cli::{self, Cli};
use cognito_tui::cognito::{CognitoClient, describe_error};
use cognito_tui::shared::config::Config;
use cognito_tui::tui::logging::{self, LogFile};

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let mut parsed = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if let Err(why) = parsed.global.check_emulation(parsed.command.as_ref()) {
        Cli::command()
            .error(clap::error::ErrorKind::MissingRequiredArgument, why)
            .exit();
    }
    if parsed.global.console.mask && parsed.command.is_some() {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--mask is the console's screen-share mode; a command's output is for a file or \
                 a script, not a shared screen",
            )
            .exit();
    }
    // Before anything else, so the first warnings (no journal, the local server) are kept.
    let log = start_log(matches.subcommand_name());
    let runtime = match runtime_for(matches.subcommand_name()).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: could not start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Kept alive until the console or command ends: dropping it stops the server.
    let _local = if parsed.global.local {
        match runtime.block_on(cognito_tui::local::start_embedded(
            parsed.global.emulation(),
        )) {
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
        None => runtime.block_on(console(&parsed.global, log.as_ref())),
    }
}

/// The console and the built-in server's own command work on several threads; every other
/// command is one client waiting on the network, which one thread serves with fewer wake-ups
/// (its blocking work, SQLite and files, still goes to the blocking pool).
fn runtime_for(command: Option<&str>) -> tokio::runtime::Builder {
    match command {
        None | Some("local-server") => tokio::runtime::Builder::new_multi_thread(),
        Some(_) => tokio::runtime::Builder::new_current_thread(),
    }
}

/// The console always logs; a command only when `COGNITO_TUI_LOG` asks for it, so scripts leave
/// no file behind unless told to.
fn start_log(command: Option<&str>) -> Option<LogFile> {
    if command.is_some() && !logging::requested() {
        return None;
    }
    match logging::init() {
        Ok(file) => {
            tracing::info!(
                version = env!("CARGO_PKG_VERSION"),
                command = command.unwrap_or("console"),
                "started"
            );
            Some(file)
        }
        Err(why) => {
            eprintln!("cognito-tui: running without a log file ({why})");
            None
        }
    }
}

/// The console's keys: the defaults with `[keys]` of the config file; every problem with them, one
/// a line, naming the file and line.
fn console_keys() -> Result<Keymap, String> {
    Keymap::from_config(&Config::load()?)
}

/// Connects first, so a missing region or a bad endpoint is one line on stderr, not a broken screen.
async fn console(global: &GlobalArgs, log: Option<&LogFile>) -> ExitCode {
    let settings = match global.resolved_settings_with(cognito_tui::aws::Timeouts::CONSOLE) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // A key table that cannot work stops the console before it connects or takes the screen.
    let keys = match console_keys() {
        Ok(keys) => keys,
        Err(lines) => {
            for line in lines.lines() {
                eprintln!("error: {line}");
            }
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
    let log = log.map(|file| file.path.as_path());
    match cognito_tui::tui::run(settings, client, keys, read_only, global.console.mask, log).await {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(signal)) => ExitCode::from(signal.exit_status()),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
