//! Not a test: the local index over 1,000,000 synthetic users (deterministic; set
//! `COGNITO_TUI_BENCH_INDEX_USERS` for another size), in a file as the tool keeps it. Reports the
//! build time and the size on disk per user, then measures an equality query on an attribute
//! (target under 50 ms), a contains scan and a regex scan (under 1 s), a compound query, counts
//! by status and by a custom attribute, and reading 100,000 whole users as an export does.
//! `COGNITO_TUI_BENCH_INDEX_FILE` keeps the index in that file, and a later run with the same
//! file and size measures the queries without building again.
#![allow(
    clippy::unwrap_used,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use cognito_tui::cognito::types::{AttributeType, EpochSeconds};
use cognito_tui::cognito::user_status::UserStatus;
use cognito_tui::cognito::{PoolId, Username};
use cognito_tui::index::{Grouping, Index, IndexError, MfaMethod, Query, UserRecord};
use criterion::{Criterion, criterion_group, criterion_main};
use time::OffsetDateTime;

/// 2026-06-01T00:00:00Z.
const NOW: i64 = 1_780_272_000;
const BATCH: usize = 1_000;
const FIRST: [&str; 16] = [
    "ann", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
    "niaj", "olivia", "peggy", "rupert", "sybil",
];
const LAST: [&str; 12] = [
    "smith", "jones", "lee", "brown", "garcia", "miller", "davis", "wilson", "moore", "taylor",
    "clark", "hall",
];
const DOMAINS: [&str; 8] = [
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "example.org",
    "acme.test",
    "proton.me",
];

fn users() -> usize {
    std::env::var("COGNITO_TUI_BENCH_INDEX_USERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW).unwrap()
}

/// User `i`: the same every run. About 80% confirmed, 10% unconfirmed; 95% enabled; created over
/// three years; 200 tenants; a third on gmail.com; half with a phone number.
fn user(i: usize, rng: &mut fastrand::Rng) -> UserRecord {
    let first = FIRST[rng.usize(..FIRST.len())];
    let last = LAST[rng.usize(..LAST.len())];
    let domain = DOMAINS[rng.usize(..DOMAINS.len())];
    let status = match rng.u8(..100) {
        0..80 => UserStatus::Confirmed,
        80..90 => UserStatus::Unconfirmed,
        90..95 => UserStatus::ForceChangePassword,
        95..97 => UserStatus::ResetRequired,
        97..99 => UserStatus::ExternalProvider,
        _ => UserStatus::Archived,
    };
    let created = NOW - rng.i64(0..3 * 365 * 86_400);
    let modified = created + rng.i64(0..=NOW - created);
    let mut attributes = vec![
        AttributeType::new("sub", uuid(rng)),
        AttributeType::new("email", format!("{first}.{last}{i}@{domain}")),
        AttributeType::new("email_verified", rng.bool().to_string()),
        AttributeType::new("given_name", capitalised(first)),
        AttributeType::new("family_name", capitalised(last)),
        AttributeType::new("custom:tenant", format!("tenant-{:03}", rng.u16(..200))),
    ];
    if rng.bool() {
        attributes.push(AttributeType::new(
            "phone_number",
            format!("+1555{:07}", rng.u32(..10_000_000)),
        ));
    }
    let mfa = match rng.u8(..10) {
        0 => vec![MfaMethod::Totp],
        1 => vec![MfaMethod::Sms],
        _ => Vec::new(),
    };
    UserRecord {
        username: Username::new(format!("user{i:07}")),
        status,
        enabled: rng.u8(..100) >= 5,
        created: Some(EpochSeconds(created as f64 + 0.5)),
        modified: Some(EpochSeconds(modified as f64 + 0.5)),
        mfa,
        attributes,
    }
}

fn uuid(rng: &mut fastrand::Rng) -> String {
    let (a, b) = (rng.u64(..), rng.u64(..));
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

fn capitalised(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Builds the index as a crawl does: batches of users, then each group's members.
fn build(index: &mut Index, count: usize) {
    let mut rng = fastrand::Rng::with_seed(12);
    index
        .start_build(&PoolId::new("us-east-1_Bench"), "us-east-1")
        .unwrap();
    let mut batch = Vec::with_capacity(BATCH);
    for i in 0..count {
        batch.push(user(i, &mut rng));
        if batch.len() == BATCH {
            index.add_users(&batch).unwrap();
            batch.clear();
        }
    }
    index.add_users(&batch).unwrap();
    // admins 1%, support 5%, beta 20%.
    for (group, every) in [("admins", 100), ("support", 20), ("beta", 5)] {
        let members = (0..count).step_by(every).map(|i| format!("user{i:07}"));
        index.set_group_members(group, members).unwrap();
    }
    index.finish(now()).unwrap();
}

fn bench(c: &mut Criterion) {
    let count = users();
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("COGNITO_TUI_BENCH_INDEX_FILE").map_or_else(
        || dir.path().join("bench.sqlite3"),
        std::path::PathBuf::from,
    );
    let mut index = Index::open(&path).unwrap();
    let built = index
        .meta()
        .unwrap()
        .filter(|m| m.complete && m.users == count as u64);
    if built.is_none() {
        let started = Instant::now();
        build(&mut index, count);
        let took = started.elapsed();
        eprintln!(
            "index build: {count} users in {:.1} s ({:.0} users/s)",
            took.as_secs_f64(),
            count as f64 / took.as_secs_f64(),
        );
    }
    drop(index);
    let bytes = std::fs::metadata(&path).unwrap().len();
    eprintln!(
        "index size: {:.1} MB on disk for {count} users, {:.0} bytes per user",
        bytes as f64 / 1e6,
        bytes as f64 / count as f64,
    );
    let index = Index::open(&path).unwrap();
    let q = |text: &str| Query::parse(text).unwrap();

    // An address of a user in the middle, found by the same generator.
    let mut rng = fastrand::Rng::with_seed(12);
    let middle = (0..=count / 2).map(|i| user(i, &mut rng)).last().unwrap();
    let email = middle
        .attributes
        .iter()
        .find(|a| a.name == "email")
        .and_then(|a| a.value.clone())
        .unwrap();
    let equality = q(&format!("email = \"{email}\""));
    assert_eq!(index.query(&equality, now(), 100).unwrap().len(), 1);

    let mut fast = c.benchmark_group(format!("index, {count} users: seeks"));
    fast.bench_function("email = one address (query)", |b| {
        b.iter(|| index.query(black_box(&equality), now(), 100).unwrap());
    });
    let tenant = q("custom:tenant = tenant-042");
    fast.bench_function("custom:tenant = tenant-042 (count, ~5,000)", |b| {
        b.iter(|| index.count(black_box(&tenant), now()).unwrap());
    });
    let tenant_page = q("custom:tenant = tenant-042 and not enabled");
    fast.bench_function("custom:tenant = X and not enabled (query)", |b| {
        b.iter(|| index.query(black_box(&tenant_page), now(), 100).unwrap());
    });
    fast.finish();

    let mut scans = c.benchmark_group(format!("index, {count} users: scans"));
    scans
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    let contains = q("email ~ \"SMITH12\"");
    scans.bench_function("email ~ SMITH12 (count)", |b| {
        b.iter(|| index.count(black_box(&contains), now()).unwrap());
    });
    scans.bench_function("email ~ SMITH12 (query, first 100)", |b| {
        b.iter(|| index.query(black_box(&contains), now(), 100).unwrap());
    });
    let regex = q(r"email =~ /^ann\.[a-z]+[0-9]*7@gmail\.com$/");
    scans.bench_function("email =~ regex (count)", |b| {
        b.iter(|| index.count(black_box(&regex), now()).unwrap());
    });
    let old_unconfirmed = q("status = UNCONFIRMED and created < -30d");
    scans.bench_function("status = UNCONFIRMED and created < -30d (count)", |b| {
        b.iter(|| index.count(black_box(&old_unconfirmed), now()).unwrap());
    });
    scans.bench_function("count by status", |b| {
        b.iter(|| index.count_by(&Grouping::Status).unwrap());
    });
    let tenants = Grouping::named("custom:tenant");
    scans.bench_function("count by custom:tenant", |b| {
        b.iter(|| index.count_by(black_box(&tenants)).unwrap());
    });
    // About a tenth of the users, every attribute and group of each: what an export reads.
    let tenth = q("username =~ /0$/");
    scans.bench_function("read 1/10 of the users whole (for_each)", |b| {
        b.iter(|| {
            index
                .for_each(black_box(&tenth), now(), |u| {
                    black_box(u);
                    Ok::<(), IndexError>(())
                })
                .unwrap()
        });
    });
    scans.finish();
    for (name, query) in [
        ("contains", &contains),
        ("regex", &regex),
        ("tenth", &tenth),
    ] {
        eprintln!("{name}: {} users match", index.count(query, now()).unwrap());
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
