//! Memory per loaded user: RSS before and after 100,000 UserRows arrive through `update` in pages
//! of 60, as the worker sends them. Linux only (reads /proc/self/status).
#![allow(
    clippy::unwrap_used,
    clippy::print_stdout,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss
)]

#[path = "../benches/support/big_pool.rs"]
mod big_pool;
#[path = "support/rss.rs"]
mod rss;

use cognito_tui::app::State;
use cognito_tui::app::state::Context;
use rss::rss_kib;

fn main() {
    let mut s = State::new(Context {
        region: "us-east-1".into(),
        ..Context::default()
    });
    let users = big_pool::open_pool(&mut s);
    let before = rss_kib();
    big_pool::load_users(&mut s, users);
    let after = rss_kib();
    let loaded = s.pool.as_ref().map_or(0, |p| p.users.table.total());
    let per_user = (after - before) as f64 * 1024.0 / loaded as f64;
    println!("users loaded:  {loaded}");
    println!("RSS before:    {before} KiB");
    println!("RSS after:     {after} KiB");
    println!("per user:      {per_user:.0} bytes");
}
