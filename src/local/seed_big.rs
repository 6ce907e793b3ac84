//! `--seed big:N`: one pool of N deterministic users, to measure big-pool work (a partitioned
//! crawl, the local index, exports) without AWS. Every status, some disabled, custom attributes,
//! creation dates over two years, a random `sub` (so `sub ^= "0"` .. `"f"` split the pool evenly)
//! and a few groups. The same N gives the same users on every machine.
//!
//! Written for speed (a million users in about 20 s of CPU): one transaction in a rollback
//! journal, statements prepared once and a user's attributes in one of them, users in username
//! order and each user's attributes in name order (so both tables are only appended to), no
//! existence or foreign key checks (the pool is new), and the attribute value index built once at
//! the end, which sorts its entries once instead of inserting millions in random order.

use fastrand::Rng;
use rusqlite::{Connection, Statement, params, params_from_iter};
use serde_json::json;

use super::error::{LocalError, LocalResult};
use super::ids;
use super::ops::groups::{NewGroup, insert_group};
use super::ops::pools::insert_pool;
use super::seed::{FIRST, LAST, TENANTS, capitalised};
use super::store::{Cached as _, Store, VALUE_INDEX};
use crate::cognito::user_status::UserStatus;

pub const BIG_POOL: &str = "us-east-1_BigPool001";
pub const BIG_POOL_NAME: &str = "big";
/// Ten million users make a state of about 13 GB; more is a typo.
pub const MAX_USERS: u32 = 10_000_000;
pub const GROUPS: [&str; 4] = ["admins", "support", "billing", "beta-testers"];

const RNG_SEED: u64 = 0xB16_0001;
/// 2024-01-01 to 2026-01-01: creation dates; modifications run on to 2026-03-01.
const CREATED_FROM: f64 = 1_704_067_200.0;
const CREATED_UNTIL: f64 = 1_767_225_600.0;
const MODIFIED_UNTIL: f64 = 1_772_323_200.0;
const DOMAINS: &[&str] = &["example.com", "example.org", "example.net", "mail.example"];
const PLANS: &[(&str, u32)] = &[("free", 60), ("pro", 30), ("enterprise", 10)];
/// Out of 1,000: mostly confirmed, then the states an administrator meets most.
const STATUSES: &[(UserStatus, u32)] = &[
    (UserStatus::Confirmed, 700),
    (UserStatus::Unconfirmed, 100),
    (UserStatus::ForceChangePassword, 80),
    (UserStatus::ExternalProvider, 50),
    (UserStatus::ResetRequired, 30),
    (UserStatus::Compromised, 15),
    (UserStatus::Archived, 15),
    (UserStatus::Unknown, 10),
];
/// Group and one in how many users belongs to it.
const MEMBERSHIP: [u32; 4] = [1_000, 100, 50, 10];

/// Seeds the big pool with `users` users unless the state has it already (a restart keeps it,
/// and the edits made to it, whatever N says).
pub fn apply_if_absent(store: &Store, users: u32) -> LocalResult<()> {
    store.bulk(|conn| {
        let exists: bool = conn.cached_row(
            "SELECT EXISTS (SELECT 1 FROM pools WHERE id = ?1)",
            [BIG_POOL],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(());
        }
        // A rollback journal writes the new pages once, where the WAL writes them twice (to the
        // log, then back at the checkpoint) and keeps a log as big as the seed; and the rows are
        // consistent by construction, so checking each one's foreign keys is wasted.
        let journal: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let wal = journal.eq_ignore_ascii_case("wal");
        if wal {
            conn.pragma_update(None, "journal_mode", "DELETE")?;
        }
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        let seeded = conn
            .unchecked_transaction()
            .map_err(LocalError::from)
            .and_then(|tx| {
                seed(&tx, users)?;
                Ok(tx.commit()?)
            });
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        seeded
    })
}

fn seed(tx: &Connection, users: u32) -> LocalResult<()> {
    let spec = json!({
        "Schema": [
            {"Name": "tenant", "AttributeDataType": "String", "Mutable": true},
            {"Name": "plan", "AttributeDataType": "String", "Mutable": true}
        ],
        "AutoVerifiedAttributes": ["email"],
        "MfaConfiguration": "OPTIONAL"
    });
    insert_pool(tx, BIG_POOL, BIG_POOL_NAME, &spec, CREATED_FROM)?;
    for (i, name) in GROUPS.iter().enumerate() {
        insert_group(
            tx,
            &NewGroup {
                pool: BIG_POOL,
                name,
                description: None,
                precedence: i64::try_from(i).ok(),
                role_arn: None,
                at: CREATED_FROM,
            },
        )?;
    }
    // Built again once the rows are in (see the module's comment). SQLite's default cache is
    // the fastest for that sort: a bigger one (256 MB) made it half as slow again.
    tx.execute_batch("DROP INDEX IF EXISTS user_attributes_by_value")?;
    let mut writer = Writer::new(tx)?;
    let mut rng = Rng::with_seed(RNG_SEED);
    let mut i = 0;
    for_each_username(users, |username| {
        let user = BigUser::new(&mut rng, i, username);
        i += 1;
        writer.write(&user)
    })?;
    drop(writer);
    tx.execute_batch(VALUE_INDEX)?;
    Ok(())
}

/// `f` for each of `count` usernames, in sorted order: `first.last.K`, the first and last names
/// (both lists sorted, none a prefix of another) as in the demo, K zero-padded to one width.
fn for_each_username(count: u32, mut f: impl FnMut(&str) -> LocalResult<()>) -> LocalResult<()> {
    let names = FIRST.len() * LAST.len();
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    let (each, extra) = (count / names, count % names);
    let width = (each + usize::from(extra > 0)).to_string().len();
    let mut username = String::new();
    for (n, (first, last)) in FIRST
        .iter()
        .flat_map(|first| LAST.iter().map(move |last| (first, last)))
        .enumerate()
    {
        for k in 1..=each + usize::from(n < extra) {
            username.clear();
            std::fmt::Write::write_fmt(&mut username, format_args!("{first}.{last}.{k:0width$}"))
                .map_err(LocalError::internal)?;
            f(&username)?;
        }
    }
    Ok(())
}

struct BigUser<'a> {
    username: &'a str,
    sub: String,
    status: UserStatus,
    enabled: bool,
    created: f64,
    modified: f64,
    /// In name order, as the attribute table's key sorts them.
    attributes: Vec<(&'static str, String)>,
    groups: Vec<&'static str>,
}

impl<'a> BigUser<'a> {
    /// The `i`th user; the same draws from `rng` in the same order for every user.
    fn new(rng: &mut Rng, i: usize, username: &'a str) -> Self {
        let sub = ids::uuid(rng);
        // The first eight take each status in turn, so even a tiny pool has all of them.
        let status = UserStatus::KNOWN
            .get(i)
            .cloned()
            .unwrap_or_else(|| weighted(rng, STATUSES).clone());
        let enabled = rng.u32(..100) >= 4;
        let created = millis(CREATED_FROM + rng.f64() * (CREATED_UNTIL - CREATED_FROM));
        let modified = millis(created + rng.f64() * (MODIFIED_UNTIL - created));
        let domain = DOMAINS[rng.usize(..DOMAINS.len())];
        let phone = rng.u32(..3) == 0;
        let tenant = TENANTS[rng.usize(..TENANTS.len())];
        let plan = *weighted(rng, PLANS);
        let mut groups = Vec::new();
        for (group, one_in) in GROUPS.iter().zip(MEMBERSHIP) {
            if rng.u32(..one_in) == 0 {
                groups.push(*group);
            }
        }
        let (first, rest) = username.split_once('.').unwrap_or((username, ""));
        let last = rest.split('.').next().unwrap_or_default();
        let verified = matches!(status, UserStatus::Confirmed | UserStatus::ExternalProvider);
        let mut attributes = vec![
            ("custom:plan", plan.to_owned()),
            ("custom:tenant", tenant.to_owned()),
            ("email", format!("{username}@{domain}")),
            ("email_verified", verified.to_string()),
            ("family_name", capitalised(last)),
            ("given_name", capitalised(first)),
        ];
        if phone {
            attributes.push(("phone_number", format!("+1555{i:07}")));
            attributes.push(("phone_number_verified", verified.to_string()));
        }
        attributes.push(("sub", sub.clone()));
        Self {
            username,
            sub,
            status,
            enabled,
            created,
            modified,
            attributes,
            groups,
        }
    }
}

/// One of `choices`, each as likely as its weight.
fn weighted<'c, T>(rng: &mut Rng, choices: &'c [(T, u32)]) -> &'c T {
    let total: u32 = choices.iter().map(|(_, w)| w).sum();
    let mut draw = rng.u32(..total);
    for (choice, weight) in choices {
        if draw < *weight {
            return choice;
        }
        draw -= weight;
    }
    &choices[choices.len() - 1].0
}

/// Whole milliseconds, as AWS's dates have.
fn millis(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}

/// The inserts, prepared once for the whole seed; a user's attributes in one statement (one for
/// each set of names a user can have), as one execution a row cost as much again.
struct Writer<'c> {
    tx: &'c Connection,
    user: Statement<'c>,
    attributes: Vec<(Vec<&'static str>, Statement<'c>)>,
    member: Statement<'c>,
}

impl<'c> Writer<'c> {
    fn new(tx: &'c Connection) -> LocalResult<Self> {
        Ok(Self {
            tx,
            user: tx.prepare(
                "INSERT INTO users (pool_id, username, sub, status, enabled, created, modified)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            attributes: Vec::new(),
            member: tx.prepare(
                "INSERT INTO memberships (pool_id, username, group_name) VALUES (?1, ?2, ?3)",
            )?,
        })
    }

    fn write(&mut self, user: &BigUser<'_>) -> LocalResult<()> {
        self.user.execute(params![
            BIG_POOL,
            user.username,
            user.sub,
            user.status.as_str(),
            user.enabled,
            user.created,
            user.modified
        ])?;
        let names: Vec<&'static str> = user.attributes.iter().map(|(n, _)| *n).collect();
        let shape = if let Some(shape) = self.attributes.iter().position(|(n, _)| *n == names) {
            shape
        } else {
            let statement = self.tx.prepare(&attributes_sql(&names))?;
            self.attributes.push((names, statement));
            self.attributes.len() - 1
        };
        let values = user.attributes.iter().map(|(_, v)| v.as_str());
        self.attributes[shape].1.execute(params_from_iter(
            [BIG_POOL, user.username].into_iter().chain(values),
        ))?;
        for group in &user.groups {
            self.member
                .execute(params![BIG_POOL, user.username, group])?;
        }
        Ok(())
    }
}

/// `INSERT .. VALUES (?1, ?2, 'email', ?3), (?1, ?2, 'sub', ?4)`: the names are the seed's own.
fn attributes_sql(names: &[&str]) -> String {
    let rows: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, name)| format!("(?1, ?2, '{name}', ?{})", i + 3))
        .collect();
    format!(
        "INSERT INTO user_attributes (pool_id, username, name, value) VALUES {}",
        rows.join(", ")
    )
}
