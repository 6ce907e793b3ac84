//! The `:` command palette: its commands, completion, and parsing.

use super::state::{State, Tab};
use crate::cognito::PoolId;

/// Every command and what it does (shown beside completions): the pools list, a word for each
/// tab of the registry, then the rest.
pub fn commands() -> Vec<(&'static str, &'static str)> {
    let mut all = vec![("pools", "list the pools of the region")];
    all.extend(Tab::ALL.iter().map(|t| (t.info().word, t.info().help)));
    all.extend_from_slice(OTHER_COMMANDS);
    all
}

const OTHER_COMMANDS: &[(&str, &str)] = &[
    ("pool", "open a pool by id or name"),
    ("region", "switch region"),
    ("profile", "switch AWS profile (alone: the first one)"),
    ("journal", "the audit journal: the last changes made"),
    ("q", "quit"),
];

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
    if let Some(tab) = Tab::from_word(name) {
        return Ok(Command::Tab(tab));
    }
    match name {
        "pools" => Ok(Command::Pools),
        "pool" => need("a pool id or name").map(Command::Pool),
        "region" => {
            let region = need("a region name")?;
            if is_region_name(&region) {
                Ok(Command::Region(region))
            } else {
                Err(format!(
                    "{region:?} is not a region name (expected something like us-east-1 or eu-central-2)"
                ))
            }
        }
        "profile" => Ok(Command::Profile(
            (!matches!(arg, "" | "-")).then(|| arg.to_owned()),
        )),
        "journal" => Ok(Command::Journal),
        "q" | "quit" => Ok(Command::Quit),
        "" => Err("type a command, e.g. :pools".to_owned()),
        other => Err(format!(
            "unknown command :{other} (try :pools, :users, :pool <name>, :region <r>, :q)"
        )),
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
        return commands()
            .into_iter()
            .filter(|(c, _)| c.starts_with(typed))
            .map(|(c, _)| c.to_owned())
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
