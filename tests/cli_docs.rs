//! What the binary says about itself: help text on every command and argument, shell completion
//! scripts and man pages, all made from the one clap definition. No server is needed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use assert_cmd::Command;
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

fn cognito_tui(args: &[&str]) -> std::process::Output {
    let out = Command::cargo_bin("cognito-tui")
        .unwrap()
        .env("COGNITO_TUI_CONFIG", "/nonexistent/cognito-tui.toml")
        .env("AWS_CONFIG_FILE", "/nonexistent/config")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    out
}

#[test]
fn completions_for_each_shell_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = cognito_tui(&["completions", shell]);
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["cognito-tui", "update-attributes", "read-only"] {
            assert!(script.contains(word), "{shell} lacks {word}:\n{script}");
        }
    }
}

/// What bash offers for the words typed so far (the last one being completed), with the script
/// the binary printed loaded as a user's shell would.
fn bash_offers(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let words: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let (current, previous) = (&words[cword], &words[cword - 1]);
    let line = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; \
         _cognito__tui cognito-tui {current} {previous}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.join(" ")
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &line])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_commands_and_their_options() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("cognito-tui.bash");
    std::fs::write(&script, cognito_tui(&["completions", "bash"]).stdout).unwrap();
    assert_eq!(bash_offers(&script, &["cognito-tui", "us"]), ["users"]);
    assert_eq!(
        bash_offers(&script, &["cognito-tui", "users", "update-a"]),
        ["update-attributes"]
    );
    assert_eq!(
        bash_offers(
            &script,
            &["cognito-tui", "users", "update-attributes", "--dr"]
        ),
        ["--dry-run"]
    );
    assert_eq!(
        bash_offers(&script, &["cognito-tui", "completions", "fi"]),
        ["fish"]
    );
}

#[test]
fn man_prints_roff_for_the_tool_and_for_one_command() {
    let page = String::from_utf8(cognito_tui(&["man"]).stdout).unwrap();
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq"), "{page}");
    assert!(page.contains("\n.TH cognito-tui 1 "), "{page}");
    assert!(
        page.contains("\n.SH NAME\ncognito\\-tui \\- A terminal console"),
        "{page}"
    );
    // Each command points at its own page.
    assert!(page.contains("cognito\\-tui\\-users(1)"), "{page}");

    let page = String::from_utf8(cognito_tui(&["man", "users", "update-attributes"]).stdout);
    let page = page.unwrap();
    assert!(
        page.contains("\n.TH cognito-tui-users-update-attributes 1 "),
        "{page}"
    );
    assert!(page.contains("\\-\\-dry\\-run"), "{page}");

    let wrong = Command::cargo_bin("cognito-tui")
        .unwrap()
        .args(["man", "users", "nope"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2), "{wrong:?}");
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("\"nope\""));
}

#[test]
fn man_out_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("man1");
    cognito_tui(&["man", "--out-dir", path.to_str().unwrap()]);
    for page in [
        "cognito-tui.1",
        "cognito-tui-users.1",
        "cognito-tui-users-update-attributes.1",
        "cognito-tui-completions.1",
    ] {
        let text = std::fs::read_to_string(path.join(page)).unwrap();
        assert!(text.contains(".TH "), "{page}: {text}");
    }
}
