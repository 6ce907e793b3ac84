//! The tool's own changes show in the index at once.

use super::*;
use crate::index::{Change, Grouping, Naming};

fn later() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(NOW + 60).unwrap()
}

fn user(name: &str) -> Username {
    Username::new(name)
}

#[test]
fn each_change_is_applied() {
    let (mut index, _) = built();
    let apply = |index: &mut Index, change: Change| index.apply(&change, later()).unwrap();

    apply(&mut index, Change::UserDeleted(user("bob")));
    assert_eq!(found(&index, "username = bob"), set(&[]));
    assert_eq!(index.meta().unwrap().unwrap().users, 49);
    assert_eq!(found(&index, "email = bob@example.com"), set(&[]));

    apply(
        &mut index,
        Change::EnabledSet {
            username: user("dave"),
            enabled: true,
        },
    );
    assert!(found(&index, "enabled").contains("dave"));
    assert!(found(&index, "modified > 2026-06-01T00:00:30Z").contains("dave"));

    apply(
        &mut index,
        Change::StatusSet {
            username: user("carol"),
            status: UserStatus::Confirmed,
        },
    );
    assert!(found(&index, "status = CONFIRMED").contains("carol"));
    assert!(!found(&index, "status = UNCONFIRMED").contains("carol"));

    let attributes = vec![
        AttributeType::new("email", "carol@new.example"),
        AttributeType::new("custom:tenant", "acme"),
    ];
    apply(
        &mut index,
        Change::AttributesSet {
            username: user("carol"),
            attributes,
        },
    );
    assert_eq!(found(&index, "email = carol@new.example"), set(&["carol"]));
    assert_eq!(found(&index, "email = carol@example.com"), set(&[]));
    assert!(found(&index, "custom:tenant = acme").contains("carol"));
    assert_eq!(found(&index, "phone_number ^= +"), set(&["carol"]));

    let names = vec!["phone_number".to_owned(), "never_set".to_owned()];
    apply(
        &mut index,
        Change::AttributesDeleted {
            username: user("carol"),
            names,
        },
    );
    assert_eq!(found(&index, "phone_number ^= +"), set(&[]));

    apply(
        &mut index,
        Change::MfaSet {
            username: user("judy"),
            mfa: vec![MfaMethod::Totp, MfaMethod::Sms],
        },
    );
    assert!(found(&index, "mfa = totp and mfa = sms").contains("judy"));

    apply(
        &mut index,
        Change::AddedToGroup {
            username: user("judy"),
            group: "admins".into(),
        },
    );
    apply(
        &mut index,
        Change::AddedToGroup {
            username: user("judy"),
            group: "brand-new".into(),
        },
    );
    assert!(found(&index, "group = admins").contains("judy"));
    assert_eq!(found(&index, "group = brand-new"), set(&["judy"]));
    apply(
        &mut index,
        Change::RemovedFromGroup {
            username: user("judy"),
            group: "admins".into(),
        },
    );
    assert!(!found(&index, "group = admins").contains("judy"));

    let mut created = people()[3].record();
    created.username = user("zed");
    apply(&mut index, Change::UserCreated(created.clone()));
    assert_eq!(found(&index, "username = zed"), set(&["zed"]));
    assert_eq!(index.meta().unwrap().unwrap().users, 50);
    // Created again (read back after a change): replaced, not counted twice.
    created.enabled = false;
    apply(&mut index, Change::UserCreated(created));
    assert_eq!(index.meta().unwrap().unwrap().users, 50);
    assert!(found(&index, "not enabled").contains("zed"));
    assert!(index.is_complete().unwrap());
}

#[test]
fn a_change_to_a_user_the_index_lacks_changes_nothing() {
    let (mut index, _) = built();
    let before = index.count_by(&Grouping::Status).unwrap();
    for change in [
        Change::UserDeleted(user("ghost")),
        Change::EnabledSet {
            username: user("ghost"),
            enabled: false,
        },
        Change::AddedToGroup {
            username: user("ghost"),
            group: "admins".into(),
        },
        Change::AttributesSet {
            username: user("ghost"),
            attributes: vec![AttributeType::new("email", "g@x")],
        },
    ] {
        index.apply(&change, later()).unwrap();
    }
    assert_eq!(index.count_by(&Grouping::Status).unwrap(), before);
    assert_eq!(index.meta().unwrap().unwrap().users, 50);
    assert_eq!(found(&index, "email = g@x"), set(&[]));
}

#[test]
fn a_name_other_than_the_username_is_matched_by_the_pools_own_rules() {
    let (mut index, _) = built();
    let resolve =
        |index: &Index, name: &str| index.resolve(name).unwrap().map(|u| u.as_str().to_owned());
    // A sub names its user in any pool; an email only where the pool allows it.
    assert_eq!(resolve(&index, "2d4").as_deref(), Some("bob"));
    assert_eq!(resolve(&index, "ann.smith1@gmail.com"), None);

    let aliases = |index: &mut Index, naming: Naming| index.set_naming(&naming).unwrap();
    aliases(
        &mut index,
        Naming {
            alias_attributes: vec!["email".into()],
            case_sensitive: true,
            ..Naming::default()
        },
    );
    assert_eq!(
        resolve(&index, "ann.smith1@gmail.com").as_deref(),
        Some("ann.smith1")
    );
    // An alias needs a verified address; a username attribute does not.
    assert_eq!(resolve(&index, "bob@example.com"), None);
    assert_eq!(resolve(&index, "ANN.SMITH1"), None);
    aliases(
        &mut index,
        Naming {
            username_attributes: vec!["email".into()],
            case_sensitive: false,
            ..Naming::default()
        },
    );
    assert_eq!(resolve(&index, "bob@example.com").as_deref(), Some("bob"));
    assert_eq!(resolve(&index, "ANN.SMITH1").as_deref(), Some("ann.smith1"));
    assert_eq!(resolve(&index, "nobody@example.com"), None);

    assert_eq!(index.meta().unwrap().unwrap().unfollowed, 0);
    index.note_unfollowed().unwrap();
    assert_eq!(index.meta().unwrap().unwrap().unfollowed, 1);
}

/// During a first build (no complete index yet) the index being built is asked: a name it lacks
/// is read again, a name it holds is applied, and a delete of a name it lacks is applied as
/// given (a user not crawled yet cannot be told from an alias) without counting it as stale.
#[test]
fn during_a_first_build_a_name_the_build_lacks_is_read_again() {
    use crate::cognito::audit::{ChangeObserver as _, ReadAgain};
    use crate::index::{FollowChanges, IndexKey, IndexStore};

    let dir = tempfile::tempdir().unwrap();
    let store = IndexStore::at(dir.path());
    let key = IndexKey {
        profile: None,
        region: "us-east-1".into(),
        pool: PoolId::new("us-east-1_A"),
    };
    let building = crate::index::ready::building_path(&store.path(&key));
    let mut index = Index::open(&building).unwrap();
    index.start_build(&key.pool, &key.region).unwrap();
    let ann = person(
        "ann",
        UserStatus::Confirmed,
        true,
        Some(DAY),
        None,
        &[],
        &[],
        &[],
    );
    index.add_users(&[ann.record()]).unwrap();
    drop(index);

    let follow = FollowChanges::new(store);
    let input = |name: &str| {
        serde_json::to_vec(&serde_json::json!({"UserPoolId": "us-east-1_A", "Username": name}))
            .unwrap()
    };
    let applied = |operation: &str, name: &str| {
        follow.applied(None, "us-east-1", operation, &input(name), b"{}")
    };
    assert_eq!(
        applied("AdminDisableUser", "ann@example.com"),
        Some(ReadAgain {
            pool: "us-east-1_A".into(),
            username: "ann@example.com".into(),
        })
    );
    assert_eq!(applied("AdminDisableUser", "ann"), None);
    assert_eq!(applied("AdminDeleteUser", "zed"), None);
    let index = Index::open(&building).unwrap();
    assert_eq!(found(&index, "not enabled"), set(&["ann"]));
    assert_eq!(index.meta().unwrap().unwrap().unfollowed, 0);
}
