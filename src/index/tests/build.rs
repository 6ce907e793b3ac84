//! A build says whether it finished; batches, retries and groups land as they should.

use super::*;
use crate::index::IndexError;

fn pool() -> PoolId {
    PoolId::new("us-east-1_Test")
}

#[test]
fn an_index_never_finished_never_says_it_is_complete() {
    let mut index = Index::in_memory().unwrap();
    assert_eq!(index.meta().unwrap(), None);
    assert!(!index.is_complete().unwrap());
    index.start_build(&pool(), "us-east-1").unwrap();
    let records: Vec<UserRecord> = people().iter().take(5).map(Person::record).collect();
    index.add_users(&records).unwrap();
    let meta = index.meta().unwrap().unwrap();
    assert!(!meta.complete);
    assert_eq!(meta.built_at, None);
    assert!(!index.is_complete().unwrap());
    assert_eq!(index.built_at().unwrap(), None);
    // Its users can still be read, for a console showing a build in progress.
    assert_eq!(index.count(&Query::all(), now()).unwrap(), 5);

    index.finish(now()).unwrap();
    let meta = index.meta().unwrap().unwrap();
    assert_eq!((meta.complete, meta.users), (true, 5));
    assert_eq!((meta.pool, meta.region.as_str()), (pool(), "us-east-1"));
    assert_eq!(index.built_at().unwrap(), Some(now()));

    // A rebuild that stops half-way is again not complete, and holds only what it wrote.
    index.start_build(&pool(), "us-east-1").unwrap();
    index.add_users(&records[..2]).unwrap();
    assert!(!index.is_complete().unwrap());
    assert_eq!(index.built_at().unwrap(), None);
    assert_eq!(index.count(&Query::all(), now()).unwrap(), 2);
}

#[test]
fn writing_outside_a_build_is_refused() {
    let mut index = Index::in_memory().unwrap();
    let record = people()[0].record();
    let refused = |r: Result<(), IndexError>| matches!(r, Err(IndexError::NotBuilding));
    assert!(refused(index.add_users(std::slice::from_ref(&record))));
    assert!(refused(index.finish(now())));
    index.start_build(&pool(), "us-east-1").unwrap();
    index.finish(now()).unwrap();
    assert!(refused(index.add_users(std::slice::from_ref(&record))));
    assert!(refused(
        index.set_group_members("admins", ["x"]).map(|_| ())
    ));
    assert!(refused(index.finish(now())));
    assert!(index.is_complete().unwrap());
}

#[test]
fn a_user_listed_twice_is_kept_once_with_the_later_copy() {
    let mut index = Index::in_memory().unwrap();
    index.start_build(&pool(), "us-east-1").unwrap();
    let first = people()[0].record();
    let mut again = first.clone();
    again.enabled = false;
    again.attributes.retain(|a| a.name != "custom:tenant");
    index.add_users(&[first, again.clone()]).unwrap();
    index.add_users(std::slice::from_ref(&again)).unwrap();
    index.finish(now()).unwrap();
    assert_eq!(index.meta().unwrap().unwrap().users, 1);
    let users = index.query(&Query::all(), now(), 10).unwrap();
    assert_eq!(users.len(), 1);
    assert!(!users[0].user.enabled);
    assert_eq!(users[0].attribute("custom:tenant"), None);
    assert_eq!(users[0].attribute("email"), Some("ann.smith1@gmail.com"));
}

#[test]
fn group_members_are_replaced_added_and_limited_to_indexed_users() {
    let mut index = Index::in_memory().unwrap();
    index.start_build(&pool(), "us-east-1").unwrap();
    let records: Vec<UserRecord> = people().iter().take(4).map(Person::record).collect();
    index.add_users(&records).unwrap();
    assert_eq!(
        index
            .set_group_members("g", ["ann.smith1", "ghost"])
            .unwrap(),
        1
    );
    assert_eq!(
        index.set_group_members("g", ["bob", "ann.jones"]).unwrap(),
        2
    );
    assert_eq!(
        index.add_group_members("g", ["ann.lee7", "bob"]).unwrap(),
        1
    );
    assert_eq!(
        index
            .set_group_members("nobody", Vec::<String>::new())
            .unwrap(),
        0
    );
    index.finish(now()).unwrap();
    assert_eq!(
        found(&index, "group = g"),
        set(&["ann.jones", "ann.lee7", "bob"])
    );
    assert_eq!(index.groups().unwrap(), ["g", "nobody"]);
}

#[test]
fn a_start_empties_the_previous_build() {
    let (mut index, _) = built();
    index
        .start_build(&PoolId::new("eu-west-1_Other"), "eu-west-1")
        .unwrap();
    index.finish(now()).unwrap();
    assert_eq!(index.count(&Query::all(), now()).unwrap(), 0);
    assert!(index.groups().unwrap().is_empty());
    assert_eq!(found(&index, "email ~ a"), set(&[]));
    assert_eq!(index.meta().unwrap().unwrap().region, "eu-west-1");
}
