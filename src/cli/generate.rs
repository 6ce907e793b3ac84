//! `completions SHELL` and `man`: shell completion scripts and man pages, made from the same clap
//! definition the parser uses, so they can never drift from what the binary accepts. No
//! connection, config or credentials are needed.

use std::io::Write as _;
use std::path::PathBuf;

use clap::{Args, CommandFactory as _};
use clap_complete::Shell;

use super::args::Cli;
use super::output::Out;
use super::{CliError, CliResult};

/// The name scripts and pages call the binary by, whatever the file is named.
const BIN: &str = "cognito-tui";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (e.g. `users update-attributes`); none: the tool's page.
    #[arg(value_name = "COMMAND", conflicts_with = "out_dir")]
    pub command: Vec<String>,
    /// Write every page (cognito-tui.1, cognito-tui-users.1, …) into this directory instead.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// The script on stdout. clap_complete panics if its writer fails, so it writes to memory first
/// and a closed pipe stays an ordinary I/O error.
pub fn completions(args: &CompletionsArgs) -> CliResult {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), BIN, &mut script);
    let mut script = String::from_utf8_lossy(&script).into_owned();
    if args.shell == Shell::Bash {
        script = bash_fixed(&script);
    }
    let mut out = Out::stdout();
    out.write_all(script.as_bytes())?;
    Ok(out.flush()?)
}

/// clap_complete's bash script spells a subcommand's state `cognito__tui__subcmd__users` where it
/// walks the words but `cognito__subcmd__tui__subcmd__users` in the arms that complete it, so
/// nothing after the first word completes for a binary with a hyphen in its name
/// (clap-rs/clap#6421). The arms are respelled as the walk spells them; once clap_complete is
/// fixed, there is nothing left to replace.
fn bash_fixed(script: &str) -> String {
    script.replace("cognito__subcmd__tui", "cognito__tui")
}

/// One page as roff on stdout, or every page into a directory. A page lists its commands as
/// `cognito-tui-users(1)`: the page `man users` prints, and the file `--out-dir` writes.
pub fn man(args: &ManArgs) -> CliResult {
    let mut command = Cli::command().bin_name(BIN).disable_help_subcommand(true);
    command.build();
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)?;
        clap_mangen::generate_to(command, dir)?;
        return Ok(());
    }
    for name in &args.command {
        command = command
            .find_subcommand(name)
            .cloned()
            .ok_or_else(|| CliError::Usage(format!("man: there is no command {name:?}")))?;
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    let mut out = Out::stdout();
    out.write_all(&page)?;
    Ok(out.flush()?)
}
