//! The `:` command palette: one table of its commands drives what it lists, completes, describes
//! and runs.

use crate::app::state::{State, Tab};
use crate::cognito::PoolId;

/// A command of the palette: the name it is listed by (and others it also answers to), what it
/// does, and what it runs.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub name: &'static str,
    also: &'static [&'static str],
    pub about: &'static str,
    what: What,
}

#[derive(Debug, Clone, Copy)]
enum What {
    Pools,
    Pane(Tab),
    Pool,
    Region,
    Profile,
    Journal,
    Find,
    Quit,
}

const fn entry(name: &'static str, what: What, about: &'static str) -> Entry {
    Entry {
        name,
        also: &[],
        about,
        what,
    }
}

const BEFORE_PANES: [Entry; 1] = [entry("pools", What::Pools, "list the pools of the region")];

const AFTER_PANES: [Entry; 6] = [
    entry("pool", What::Pool, "open a pool by id or name"),
    entry("region", What::Region, "switch region"),
    entry(
        "profile",
        What::Profile,
        "switch AWS profile (alone: the first one)",
    ),
    entry(
        "journal",
        What::Journal,
        "the audit journal: the last changes made",
    ),
    entry(
        "find",
        What::Find,
        "find a person in every pool: email, +phone, sub or username [--regions a,b] [--profiles p,q]",
    ),
    Entry {
        also: &["quit"],
        ..entry("q", What::Quit, "quit")
    },
];

/// Every command, in the order the palette lists them.
pub fn entries() -> impl Iterator<Item = Entry> {
    // A word for each tab of the registry, in its order.
    let panes = Tab::ALL.iter().map(|&tab| {
        let info = tab.info();
        entry(info.word, What::Pane(tab), info.help)
    });
    BEFORE_PANES.into_iter().chain(panes).chain(AFTER_PANES)
}

impl Entry {
    /// It needs or may take a word after it (`pool NAME`): completing it adds a space.
    pub fn takes_argument(self) -> bool {
        matches!(
            self.what,
            What::Pool | What::Region | What::Profile | What::Find
        )
    }
}

/// The command called `name`, if there is one.
pub fn command(name: &str) -> Option<Entry> {
    entries().find(|e| e.name == name || e.also.contains(&name))
}

const REGIONS: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "sa-east-1",
    "me-south-1",
    "il-central-1",
];

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Pools,
    Tab(Tab),
    Pool(String),
    Region(String),
    /// A profile of the AWS config files; `None`: the credentials the console started with.
    Profile(Option<String>),
    Journal,
    /// Someone to look for in every pool: an email, a phone number, a sub or a username.
    Find(String),
    Quit,
}

pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim().trim_start_matches(':');
    let (name, arg) = line
        .split_once(' ')
        .map_or((line, ""), |(n, a)| (n, a.trim()));
    let need = |what: &str| {
        if arg.is_empty() {
            Err(format!(":{name} needs {what}"))
        } else {
            Ok(arg.to_owned())
        }
    };
    let Some(entry) = command(name) else {
        return Err(if name.is_empty() {
            "type a command, e.g. :pools".to_owned()
        } else {
            format!("unknown command :{name} (try :pools, :users, :pool <name>, :region <r>, :q)")
        });
    };
    match entry.what {
        What::Pools => Ok(Command::Pools),
        What::Pane(tab) => Ok(Command::Tab(tab)),
        What::Pool => need("a pool id or name").map(Command::Pool),
        What::Region => {
            let region = need("a region name")?;
            if is_region_name(&region) {
                Ok(Command::Region(region))
            } else {
                Err(format!(
                    "{region:?} is not a region name (expected something like us-east-1 or eu-central-2)"
                ))
            }
        }
        What::Profile => Ok(Command::Profile(
            (!matches!(arg, "" | "-")).then(|| arg.to_owned()),
        )),
        What::Journal => Ok(Command::Journal),
        What::Find => need("an email, phone number, sub or username").map(Command::Find),
        What::Quit => Ok(Command::Quit),
    }
}

/// A region's name as AWS spells them: `us-east-1`, `us-gov-west-1`, `ap-southeast-4` (the
/// endpoint's own check, which only keeps a URL safe, lets `moon` through).
fn is_region_name(region: &str) -> bool {
    let parts: Vec<&str> = region.split('-').collect();
    let letters = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase());
    crate::aws::endpoint::validate_region(region).is_ok()
        && parts.len() >= 3
        && parts.first().is_some_and(|p| p.len() == 2 && letters(p))
        && parts[1..parts.len() - 1].iter().all(letters)
        && parts
            .last()
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Completions for what is typed: command names, then pool names/ids or regions as arguments.
pub fn completions(state: &State, typed: &str) -> Vec<String> {
    let typed = typed.trim_start_matches(':');
    let Some((name, arg)) = typed.split_once(' ') else {
        return entries()
            .filter(|e| e.name.starts_with(typed))
            .map(|e| e.name.to_owned())
            .collect();
    };
    let arg = arg.trim().to_lowercase();
    match name {
        "pool" => state
            .pools
            .table
            .rows()
            .iter()
            .filter(|p| p.name.to_lowercase().contains(&arg) || p.id.to_lowercase().contains(&arg))
            .map(|p| format!("pool {}", p.name))
            .collect(),
        "region" => REGIONS
            .iter()
            .filter(|r| r.starts_with(&arg))
            .map(|r| format!("region {r}"))
            .collect(),
        _ => Vec::new(),
    }
}

/// A pool of the loaded list by exact id or (case-insensitive) name; else the text if it is an id.
pub fn find_pool(state: &State, wanted: &str) -> Option<(PoolId, String)> {
    let found = state
        .pools
        .table
        .rows()
        .iter()
        .find(|r| &*r.id == wanted || r.name.eq_ignore_ascii_case(wanted));
    found
        .map(|r| (PoolId::new(&*r.id), r.name.to_string()))
        .or_else(|| PoolId::looks_like_id(wanted).then(|| (PoolId::new(wanted), wanted.to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Context;

    #[test]
    fn the_palette_lists_every_command_it_runs() {
        let state = State::new(Context::default());
        let listed = completions(&state, "");
        for (line, command) in [
            ("pools", Command::Pools),
            ("overview", Command::Tab(Tab::Overview)),
            ("users", Command::Tab(Tab::Users)),
            ("groups", Command::Tab(Tab::Groups)),
            ("clients", Command::Tab(Tab::Clients)),
            ("idps", Command::Tab(Tab::Idps)),
            ("pool prod", Command::Pool("prod".into())),
            ("region eu-west-1", Command::Region("eu-west-1".into())),
            ("profile", Command::Profile(None)),
            ("journal", Command::Journal),
            (
                "find Ann@Example.com",
                Command::Find("Ann@Example.com".into()),
            ),
            ("q", Command::Quit),
        ] {
            assert_eq!(parse(line), Ok(command), "{line}");
            let name = line.split(' ').next().unwrap();
            assert!(
                listed.iter().any(|c| c == name),
                "{name} is not listed: {listed:?}"
            );
        }
        assert_eq!(parse(":quit"), Ok(Command::Quit));
        assert_eq!(parse("pool"), Err(":pool needs a pool id or name".into()));
        assert!(
            parse("nope")
                .unwrap_err()
                .starts_with("unknown command :nope")
        );
    }
}
