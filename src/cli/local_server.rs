//! `local-server`: the built-in user-pool server alone, until Ctrl-C.

use std::io::{self, Write as _};

use super::args::LocalServerArgs;
use super::{CliError, CliResult};
use crate::local::{LocalServer, StateLocation};

pub async fn run(args: &LocalServerArgs) -> CliResult {
    let location = match &args.state {
        Some(text) => StateLocation::parse(text),
        None => StateLocation::default_file()
            .ok_or_else(|| CliError::Input("no data dir: pass --state PATH".to_owned()))?,
    };
    let server = LocalServer::start(&location, args.seed, args.port)
        .await
        .map_err(|e| CliError::Input(format!("local server: {}", e.message)))?;
    // Listen for Ctrl-C before the URL goes out: a script that reads the URL and interrupts at
    // once must stop the server, not kill it mid-write (tokio's ctrl_c() listens only once polled).
    let mut interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .map_err(|e| CliError::Input(format!("cannot listen for Ctrl-C: {e}")))?;
    let state = match &location {
        StateLocation::File(path) => path.display().to_string(),
        StateLocation::Memory => "in memory".to_owned(),
    };
    // The URL goes to stdout so scripts can read it; the rest is for people.
    writeln!(io::stdout(), "{}", server.url())?;
    writeln!(
        io::stderr(),
        "local user-pool server on {} (state: {state}); any credentials, region {}; Ctrl-C stops it",
        server.url(),
        crate::local::REGION
    )?;
    tokio::select! {
        result = server.wait() => result.map_err(|e| CliError::Input(e.message)),
        _ = interrupt.recv() => Ok(()),
    }
}
