//! `local-server`: the built-in user-pool server alone, until Ctrl-C.

use std::fmt::Write as _;
use std::io::{self, Write as _};

use super::args::LocalServerArgs;
use super::{CliError, CliResult};
use crate::local::{Emulation, LocalServer, Options, Seed, StateLocation};

/// `emulation` comes from the global flags (--emulate-aws, --latency); `args` adds its rates.
pub async fn run(args: &LocalServerArgs, mut emulation: Emulation) -> CliResult {
    emulation.rates.clone_from(&args.rate);
    let location = match &args.state {
        Some(text) => StateLocation::parse(text),
        None => StateLocation::default_file()
            .ok_or_else(|| CliError::Input("no data dir: pass --state PATH".to_owned()))?,
    };
    if let Seed::Big(users) = args.seed {
        writeln!(
            io::stderr(),
            "seeding the pool `big` with {users} users, unless the state has it already"
        )?;
    }
    let described = describe(&emulation);
    let options = Options {
        emulation,
        ..Options::default()
    };
    let server = LocalServer::start_with(&location, args.seed, args.port, options)
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
        "local user-pool server on {} (state: {state}{described}); any credentials, region {}; \
         Ctrl-C stops it",
        server.url(),
        crate::local::REGION
    )?;
    tokio::select! {
        result = server.wait() => result.map_err(|e| CliError::Input(e.message)),
        _ = interrupt.recv() => Ok(()),
    }
}

/// What the banner says of the emulation: nothing when there is none.
fn describe(emulation: &Emulation) -> String {
    let mut parts = Vec::new();
    if emulation.quotas {
        let mut quotas = "AWS's request-rate quotas".to_owned();
        for (category, rate) in &emulation.rates {
            let _ = write!(quotas, ", {category} {rate}/s");
        }
        parts.push(quotas);
    }
    if !emulation.latency.is_zero() {
        parts.push(format!("{:?} latency", emulation.latency));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; emulating {}", parts.join(", "))
    }
}
