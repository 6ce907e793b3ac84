//! The README's table of key actions is made from the key tables, so the two cannot drift apart:
//! this fails when they differ, and `COGNITO_TUI_BLESS_README=1` writes the table again.

use std::fmt::Write as _;

use crate::app::input::keymap::{check, tables};

const BEGIN: &str = "<!-- keys: made from the key tables by app::keymap::tests_readme; COGNITO_TUI_BLESS_README=1 cargo test --lib tests_readme writes it again -->\n";
const END: &str = "<!-- /keys -->";

/// One line per action name: its default keys as `config.toml` writes them, where it works and
/// what it does there.
fn table() -> String {
    let mut out =
        String::from("| action | default keys | where | what it does |\n|---|---|---|---|\n");
    for name in check::names() {
        let rows: Vec<_> = tables()
            .flat_map(|(place, rows)| rows.iter().map(move |r| (place, r)))
            .filter(|(_, r)| r.name == name)
            .collect();
        let keys: Vec<String> = rows[0]
            .1
            .keys
            .iter()
            .map(|k| format!("`{}`", k.spec()))
            .collect();
        let mut places: Vec<&str> = Vec::new();
        let mut helps: Vec<&str> = Vec::new();
        for (place, row) in &rows {
            if !places.contains(place) {
                places.push(place);
            }
            if !helps.contains(&row.help) {
                helps.push(row.help);
            }
        }
        writeln!(
            out,
            "| `{name}` | {} | {} | {} |",
            keys.join(" "),
            places.join(", "),
            helps.join("; ")
        )
        .unwrap();
    }
    out
}

#[test]
fn the_readme_lists_every_key_action_as_the_tables_have_it() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(BEGIN)
        .expect("the README has the keys table's start marker")
        + BEGIN.len();
    let end = start + readme[start..].find(END).expect("and its end marker");
    let wanted = table();
    if readme[start..end] != wanted && std::env::var_os("COGNITO_TUI_BLESS_README").is_some() {
        std::fs::write(
            &path,
            format!("{}{wanted}{}", &readme[..start], &readme[end..]),
        )
        .unwrap();
        return;
    }
    assert!(
        readme[start..end] == wanted,
        "the README's keys table differs from the key tables; it should read:\n{wanted}"
    );
}
