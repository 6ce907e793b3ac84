//! Not a test: a pool of `COGNITO_TUI_BENCH_USERS` (100,000) users read from the local server
//! while it emulates AWS (`--emulate-aws`: UserList refused over 30 requests a second, every answer
//! after 60 ms), in one ListUsers stream and then in sixteen parts, through the real client and its
//! quota scheduler (paced as on AWS). While the parts run, an interactive AdminGetUser (another
//! category) and an interactive ListUsers search (the same category as the crawl) are timed every
//! 200 ms. With `COGNITO_TUI_BENCH_AWS_CLI` set to an `aws` binary, `aws cognito-idp list-users`
//! reads the same pool from the same server in the same run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::print_stdout,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use cognito_tui::aws::quota::{Category, Pacing, Quotas};
use cognito_tui::cognito::crawl::{Part, Resume, crawl};
use cognito_tui::cognito::users::{ListUsersRequest, UserType};
use cognito_tui::cognito::{ClientSettings, CognitoClient, PoolId, Username};
use cognito_tui::local::emulation::Emulation;
use cognito_tui::local::seed_big::BIG_POOL;
use cognito_tui::local::{LocalServer, Options, Seed, StateLocation};
use futures::TryStreamExt as _;

const LATENCY: Duration = Duration::from_millis(60);

#[tokio::main]
async fn main() {
    let users: u32 = std::env::var("COGNITO_TUI_BENCH_USERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let location = StateLocation::File(dir.path().join("crawl.sqlite3"));
    let seeding = Instant::now();
    let options = Options {
        emulation: Emulation::aws(LATENCY),
        ..Options::default()
    };
    let server = LocalServer::start_with(&location, Seed::Big(users), 0, options)
        .await
        .unwrap();
    eprintln!(
        "seeded {users} users in {:.1} s; the server answers after {} ms and refuses over AWS's quotas",
        seeding.elapsed().as_secs_f64(),
        LATENCY.as_millis()
    );
    let client = CognitoClient::connect(&ClientSettings {
        endpoint_url: Some(server.url()),
        region: Some(cognito_tui::local::REGION.to_owned()),
        credentials: Some(cognito_tui::local::credentials()),
        quotas: Some(Quotas::new(Pacing::Aws)),
        ..ClientSettings::default()
    })
    .await
    .unwrap();
    let pool = PoolId::new(BIG_POOL);
    let ceiling = 60.0 * Category::UserList.default_rate();

    let (one, seconds, throttles) = timed_crawl(&client, &pool, vec![Part::All]).await;
    report("one stream", &one, seconds, throttles, ceiling);

    let stop = Arc::new(AtomicBool::new(false));
    let sample: Vec<String> = one.iter().step_by(997).cloned().collect();
    let probe = tokio::spawn(probe(
        client.clone(),
        pool.clone(),
        sample,
        Arc::clone(&stop),
    ));
    let (parts, seconds, throttles) =
        timed_crawl(&client.background(), &pool, Part::sixteen()).await;
    stop.store(true, Ordering::Relaxed);
    let (get, search) = probe.await.unwrap();
    report("16 parts", &parts, seconds, throttles, ceiling);
    let expected: HashSet<&String> = one.iter().collect();
    let got: HashSet<&String> = parts.iter().collect();
    println!(
        "16 parts against one stream: {} listed twice, {} lost, {} extra",
        parts.len() - got.len(),
        expected.difference(&got).count(),
        got.difference(&expected).count()
    );
    println!(
        "while the 16 parts ran: {}",
        latencies("interactive AdminGetUser", get)
    );
    println!(
        "while the 16 parts ran: {}",
        latencies("interactive ListUsers search", search)
    );

    if let Ok(aws) = std::env::var("COGNITO_TUI_BENCH_AWS_CLI") {
        aws_cli(&aws, &server.url(), users);
    }
}

/// Every username a crawl in `parts` lists, the seconds it took, and the throttles it met.
async fn timed_crawl(
    client: &CognitoClient,
    pool: &PoolId,
    parts: Vec<Part>,
) -> (Vec<String>, f64, u64) {
    let before = client.scheduler().usage_of(Category::UserList).throttles;
    let started = Instant::now();
    let resume = Resume {
        times: 3,
        pause: Duration::from_secs(1),
    };
    let pages: Vec<Vec<UserType>> =
        crawl(client, &ListUsersRequest::new(pool.clone()), parts, resume)
            .try_collect()
            .await
            .expect("the crawl completes");
    let seconds = started.elapsed().as_secs_f64();
    let names = pages
        .into_iter()
        .flatten()
        .map(|u| u.username.to_string())
        .collect();
    let throttles = client.scheduler().usage_of(Category::UserList).throttles - before;
    (names, seconds, throttles)
}

fn report(what: &str, names: &[String], seconds: f64, throttles: u64, ceiling: f64) {
    let rate = names.len() as f64 / seconds;
    println!(
        "{what}: {} users in {seconds:.1} s = {rate:.0} users/s ({:.0}% of the {ceiling:.0} users/s ceiling), {throttles} throttled and retried, none surfaced",
        names.len(),
        100.0 * rate / ceiling
    );
}

/// Every 200 ms until `stop`: one AdminGetUser and one ListUsers search, each timed.
async fn probe(
    client: CognitoClient,
    pool: PoolId,
    names: Vec<String>,
    stop: Arc<AtomicBool>,
) -> (Vec<Duration>, Vec<Duration>) {
    let (mut get, mut search) = (Vec::new(), Vec::new());
    let mut i = 0usize;
    tokio::time::sleep(Duration::from_secs(2)).await;
    while !stop.load(Ordering::Relaxed) {
        let name = Username::new(&names[i % names.len()]);
        let started = Instant::now();
        let _ = client.admin_get_user(&pool, &name).await;
        get.push(started.elapsed());
        let mut request = ListUsersRequest::new(pool.clone());
        request.filter = Some(format!("email = \"nobody{i}@example.com\""));
        let started = Instant::now();
        let _: Result<Vec<_>, _> = client.list_users(request).try_collect().await;
        search.push(started.elapsed());
        i += 1;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    (get, search)
}

fn latencies(what: &str, mut samples: Vec<Duration>) -> String {
    if samples.is_empty() {
        return format!("{what}: no sample");
    }
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize].as_millis();
    format!(
        "{what}: {} calls, median {} ms, 95th percentile {} ms, slowest {} ms",
        samples.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    )
}

/// `aws cognito-idp list-users` over the same pool, sequential as it pages.
fn aws_cli(aws: &str, url: &str, users: u32) {
    let started = Instant::now();
    let out = std::process::Command::new(aws)
        .args([
            "--endpoint-url",
            url,
            "cognito-idp",
            "list-users",
            "--user-pool-id",
            BIG_POOL,
            "--page-size",
            "60",
            "--output",
            "json",
            "--query",
            "length(Users)",
        ])
        .env("AWS_ACCESS_KEY_ID", "local")
        .env("AWS_SECRET_ACCESS_KEY", "local")
        .env("AWS_DEFAULT_REGION", cognito_tui::local::REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("the AWS CLI runs");
    let seconds = started.elapsed().as_secs_f64();
    let listed = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let err = String::from_utf8_lossy(&out.stderr);
    println!(
        "aws cognito-idp list-users: {listed} of {users} users in {seconds:.1} s, exit {}{}",
        out.status.code().unwrap_or(-1),
        err.lines()
            .last()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default()
    );
}
