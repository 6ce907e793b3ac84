//! What the binary says about itself: help text on every command and argument, made from the one
//! clap definition. No server is needed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use clap::CommandFactory as _;
use cognito_tui::cli::Cli;

/// Every command, positional and option that has no help text, as `cognito-tui users get USERNAME`.
fn without_help(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
    let path = format!("{path} {}", command.get_name()).trim().to_owned();
    if command.get_about().is_none() && command.get_long_about().is_none() {
        missing.push(path.clone());
    }
    for arg in command.get_arguments() {
        if arg.get_help().is_none() && arg.get_long_help().is_none() {
            let name = arg.get_long().map_or_else(
                || arg.get_id().as_str().to_uppercase(),
                |l| format!("--{l}"),
            );
            missing.push(format!("{path} {name}"));
        }
    }
    for sub in command.get_subcommands() {
        without_help(sub, &path, missing);
    }
}

/// `--help`, the man pages and the zsh and fish completions (which show the help beside each
/// candidate) all read these texts; a bare `<USERNAME>` tells nobody what to type.
#[test]
fn every_command_positional_and_option_has_help() {
    let mut root = Cli::command();
    root.build();
    let mut missing = Vec::new();
    without_help(&root, "", &mut missing);
    assert!(missing.is_empty(), "without help text: {missing:#?}");
}

#[test]
fn the_help_walk_finds_a_bare_positional_and_option() {
    let bare = clap::Command::new("tool")
        .about("A tool.")
        .subcommand(
            clap::Command::new("get")
                .about("Get one.")
                .arg(clap::Arg::new("username"))
                .arg(clap::Arg::new("pool").long("pool").help("The pool.")),
        )
        .subcommand(clap::Command::new("bare").arg(clap::Arg::new("x").long("x")));
    let mut missing = Vec::new();
    without_help(&bare, "", &mut missing);
    assert_eq!(
        missing,
        ["tool get USERNAME", "tool bare", "tool bare --x"],
        "{missing:?}"
    );
}
