//! The cognito-tui binary: the headless CLI (the console comes with the UI issue).

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser as _};
use cognito_tui::cli::{self, Cli};

fn main() -> ExitCode {
    let parsed = Cli::parse();
    let Some(command) = parsed.command else {
        let _ = Cli::command().print_help();
        return ExitCode::from(2);
    };
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
    runtime.block_on(cli::run(&parsed.global, command))
}
