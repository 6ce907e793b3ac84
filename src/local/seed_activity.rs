//! The demo's security activity in the production pool (threat protection in audit mode): MFA
//! methods, remembered devices and sign-in history for a few hundred confirmed users. Its own
//! seeded Rng and fixed times keep it the same on every machine, whatever else the seed writes.

use fastrand::Rng;
use rusqlite::Connection;
use serde_json::{Value, json};

use super::error::LocalResult;
use super::ids;
use super::ops::auth_events::insert_auth_event;
use super::ops::devices::{NewDevice, insert_device};
use super::ops::user_mfa::{Method, UserMfa, store_user_mfa};
use super::seed::{BASE_TIME, PRODUCTION_POOL};
use crate::cognito::user_status::UserStatus;

const DAY: f64 = 86_400.0;
/// Activity starts after the last demo user was created (one every ten minutes from BASE_TIME).
const START: f64 = BASE_TIME + 20.0 * DAY;

const DEVICES: &[(&str, &str)] = &[
    ("iPhone 15", "Safari 17, iOS 17"),
    ("iPhone 13 mini", "Safari 16, iOS 16"),
    ("Pixel 8", "Chrome 120, Android 14"),
    ("Galaxy S23", "Chrome 119, Android 14"),
    ("iPad Air", "Safari 17, iPadOS 17"),
    ("Chrome on macOS", "Chrome 120, Mac OS X 10"),
    ("Safari on macOS", "Safari 17, Mac OS X 10"),
    ("Firefox on Windows", "Firefox 121, Windows 10"),
    ("Edge on Windows", "Edge 120, Windows 10"),
    ("Chrome on Linux", "Chrome 120, Linux"),
];
/// Documentation address ranges (RFC 5737): never anyone's real address.
const NETWORKS: &[&str] = &["192.0.2", "198.51.100", "203.0.113"];
/// (city, country, UTC offset) where users sign in from.
const HOMES: &[(&str, &str, &str)] = &[
    ("New York", "United States", "-05:00"),
    ("Chicago", "United States", "-06:00"),
    ("Seattle", "United States", "-08:00"),
    ("Toronto", "Canada", "-05:00"),
    ("London", "United Kingdom", "+00:00"),
    ("Berlin", "Germany", "+01:00"),
];
/// Where the risky attempts come from.
const AWAY: &[(&str, &str, &str)] = &[
    ("Lagos", "Nigeria", "+01:00"),
    ("Jakarta", "Indonesia", "+07:00"),
    ("Minsk", "Belarus", "+03:00"),
    ("Sao Paulo", "Brazil", "-03:00"),
];

/// Writes the activity; runs inside the seed's transaction, after the users exist.
pub fn demo(tx: &Connection) -> LocalResult<()> {
    let mut rng = Rng::with_seed(0x5EC0_417E);
    let users = confirmed_users(tx)?;
    for (i, (username, has_phone)) in users.iter().enumerate() {
        let mfa = (i % 9 == 0 || i % 9 == 4).then(|| mfa(&mut rng, *has_phone));
        if let Some(mfa) = &mfa {
            store_user_mfa(tx, PRODUCTION_POOL, username, mfa)?;
        }
        if i.is_multiple_of(5) {
            let home = HOMES[i % HOMES.len()];
            let devices = devices(tx, &mut rng, username)?;
            events(tx, &mut rng, username, &devices, home, mfa.is_some())?;
            if i.is_multiple_of(150) {
                risky_attempts(tx, &mut rng, username, i, mfa.is_some())?;
            }
        }
    }
    Ok(())
}

/// Confirmed production users by name, and whether each has a phone number.
fn confirmed_users(tx: &Connection) -> LocalResult<Vec<(String, bool)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT u.username, EXISTS (SELECT 1 FROM user_attributes a WHERE a.pool_id = u.pool_id
                AND a.username = u.username AND a.name = 'phone_number')
         FROM users u WHERE u.pool_id = ?1 AND u.status = ?2 ORDER BY u.username",
    )?;
    let confirmed = UserStatus::Confirmed;
    let rows = stmt
        .query_map([PRODUCTION_POOL, confirmed.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// Mostly authenticator apps, SMS where there is a phone number, sometimes a preferred method.
fn mfa(rng: &mut Rng, has_phone: bool) -> UserMfa {
    let totp = !has_phone || rng.u8(..10) < 7;
    let sms = has_phone && (!totp || rng.bool());
    let preferred = match (totp, sms, rng.u8(..4)) {
        (_, _, 0) => None,
        (true, true, 1) | (false, true, _) => Some(Method::Sms),
        _ => Some(Method::SoftwareToken),
    };
    let enabled = [(totp, Method::SoftwareToken), (sms, Method::Sms)];
    UserMfa {
        totp_associated: totp,
        enabled: enabled
            .into_iter()
            .filter_map(|(on, m)| on.then_some(m))
            .collect(),
        preferred,
    }
}

/// One to three devices; returns (name in events, IP) of each.
fn devices(tx: &Connection, rng: &mut Rng, username: &str) -> LocalResult<Vec<(String, String)>> {
    let count = 1 + rng.usize(..3);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let (name, agent) = DEVICES[rng.usize(..DEVICES.len())];
        let ip = format!(
            "{}.{}",
            NETWORKS[rng.usize(..NETWORKS.len())],
            rng.u8(1..255)
        );
        let created = START + DAY * f64::from(rng.u32(..30)) + f64::from(rng.u32(..86_400));
        let key = format!("us-east-1_{}", ids::uuid(rng));
        insert_device(
            tx,
            &NewDevice {
                pool: PRODUCTION_POOL,
                username,
                key: &key,
                name,
                last_ip: &ip,
                remembered: rng.u8(..10) < 8,
                created,
                last_authenticated: created + DAY * f64::from(rng.u32(..30)),
            },
        )?;
        out.push((agent.to_owned(), ip));
    }
    Ok(out)
}

/// An event's fixed members, as AWS lists them.
struct Event<'a> {
    kind: &'a str,
    response: &'a str,
    risk: &'a str,
    compromised: bool,
    challenges: &'a [(&'a str, &'a str)],
    at: f64,
    ip: &'a str,
    device: &'a str,
    place: (&'a str, &'a str, &'a str),
}

fn write_event(tx: &Connection, rng: &mut Rng, username: &str, e: &Event<'_>) -> LocalResult<()> {
    let (city, country, timezone) = e.place;
    let challenges: Vec<Value> = e
        .challenges
        .iter()
        .map(|(name, response)| json!({"ChallengeName": name, "ChallengeResponse": response}))
        .collect();
    let event = json!({
        "EventId": ids::uuid(rng),
        "EventType": e.kind,
        "CreationDate": e.at,
        "EventResponse": e.response,
        // Audit mode assesses the risk and records it, but takes no action on it.
        "EventRisk": {"RiskDecision": "NoRisk", "RiskLevel": e.risk,
                      "CompromisedCredentialsDetected": e.compromised},
        "ChallengeResponses": challenges,
        "EventContextData": {"IpAddress": e.ip, "DeviceName": e.device, "Timezone": timezone,
                             "City": city, "Country": country},
    });
    insert_auth_event(tx, PRODUCTION_POOL, username, &event)
}

/// Two to seven sign-ins, failures, password changes and code resends from the user's devices.
fn events(
    tx: &Connection,
    rng: &mut Rng,
    username: &str,
    devices: &[(String, String)],
    home: (&str, &str, &str),
    mfa: bool,
) -> LocalResult<()> {
    let mut at = START + DAY * f64::from(rng.u32(..10));
    for _ in 0..2 + rng.usize(..6) {
        at += DAY * f64::from(rng.u32(1..7)) + f64::from(rng.u32(..86_400_000)) / 1000.0;
        let (device, ip) = &devices[rng.usize(..devices.len())];
        let signed_in: &[_] = if mfa {
            &[("Password", "Success"), ("Mfa", "Success")]
        } else {
            &[("Password", "Success")]
        };
        let (kind, response, risk, challenges): (_, _, _, &[_]) = match rng.u8(..100) {
            0..70 => ("SignIn", "Pass", "Low", signed_in),
            70..80 => ("SignIn", "Fail", "Low", &[("Password", "Failure")]),
            80..84 => ("SignIn", "Fail", "Medium", &[("Password", "Failure")]),
            84..90 => ("PasswordChange", "Pass", "Low", &[]),
            90..94 => ("ForgotPassword", "Pass", "Low", &[]),
            94..97 => ("ResendCode", "Pass", "Low", &[]),
            _ => ("SignIn", "InProgress", "Low", &[("Password", "Success")]),
        };
        let event = Event {
            kind,
            response,
            risk,
            compromised: false,
            challenges,
            at,
            ip,
            device,
            place: home,
        };
        write_event(tx, rng, username, &event)?;
    }
    Ok(())
}

/// A burst of high-risk attempts from abroad with leaked credentials; for every third user the
/// last one had the right password, and only MFA (where the user has it) stopped it.
fn risky_attempts(
    tx: &Connection,
    rng: &mut Rng,
    username: &str,
    i: usize,
    mfa: bool,
) -> LocalResult<()> {
    let place = AWAY[i / 150 % AWAY.len()];
    let ip = format!("203.0.113.{}", rng.u8(1..255));
    let mut at = START + 45.0 * DAY + f64::from(rng.u32(..86_400));
    let tries = 2 + rng.usize(..3);
    for n in 0..tries {
        at += f64::from(rng.u32(20..90));
        let right_password = i.is_multiple_of(450) && n + 1 == tries;
        let (response, challenges): (_, &[_]) = match (right_password, mfa) {
            (true, true) => ("Fail", &[("Password", "Success"), ("Mfa", "Failure")]),
            (true, false) => ("Pass", &[("Password", "Success")]),
            (false, _) => ("Fail", &[("Password", "Failure")]),
        };
        let event = Event {
            kind: "SignIn",
            response,
            risk: "High",
            compromised: true,
            challenges,
            at,
            ip: &ip,
            device: "Chrome 98, Windows 10",
            place,
        };
        write_event(tx, rng, username, &event)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::seed::{Seed, apply_if_empty};
    use super::super::store::{Cached as _, StateLocation, Store};

    fn counts(store: &Store) -> (i64, i64, i64, i64) {
        store
            .read(|c| {
                let n = |sql: &str| c.cached_row(sql, [], |r| r.get::<_, i64>(0));
                Ok((
                    n("SELECT count(*) FROM user_mfa")?,
                    n("SELECT count(DISTINCT username) FROM devices")?,
                    n("SELECT count(DISTINCT username) FROM auth_events")?,
                    n("SELECT count(*) FROM auth_events WHERE event LIKE '%\"High\"%'")?,
                ))
            })
            .unwrap()
    }

    #[test]
    fn a_few_hundred_users_have_activity_and_it_is_the_same_every_time() {
        let seeded = || {
            let store = Store::open(&StateLocation::Memory).unwrap();
            apply_if_empty(&store, Seed::Demo).unwrap();
            store
        };
        let (first, second) = (seeded(), seeded());
        let (mfa, with_devices, with_events, high) = counts(&first);
        assert!((200..600).contains(&mfa), "{mfa} users with MFA");
        assert!((200..600).contains(&with_devices), "{with_devices}");
        assert_eq!(with_devices, with_events);
        assert!((3..60).contains(&high), "{high} high-risk events");
        let keys = |s: &Store| {
            s.read(|c| {
                Ok(
                    c.cached_row("SELECT group_concat(device_key) FROM devices", [], |r| {
                        r.get::<_, String>(0)
                    })?,
                )
            })
            .unwrap()
        };
        assert_eq!(keys(&first), keys(&second));
        assert_eq!(counts(&second), counts(&first));
    }
}
