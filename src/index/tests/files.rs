//! Index files: private on disk, found and removed by pool, reopened intact.

use std::path::Path;

use super::*;
use crate::index::{Clear, IndexKey, IndexStore};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every file the index leaves, database, write-ahead log and shared memory, is the owner's only.
#[cfg(unix)]
#[test]
fn every_file_an_index_leaves_is_mode_0600_in_a_0700_directory() {
    let dir = tempfile::tempdir().unwrap();
    let indexes = dir.path().join("data/indexes");
    let store = IndexStore::at(&indexes);
    let key = IndexKey {
        profile: None,
        region: "us-east-1".into(),
        pool: PoolId::new("us-east-1_Test"),
    };
    let mut index = store.open(&key).unwrap();
    index.start_build(&key.pool, &key.region).unwrap();
    index.add_users(&[people()[0].record()]).unwrap();
    // Mid-build, while the connection is open: the WAL and its shared memory exist now.
    let check_all = |when: &str| {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&indexes).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(mode(&path), 0o600, "{when}: {}", path.display());
            files.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
        files.sort();
        files
    };
    let name = key.file_name();
    assert_eq!(
        check_all("building"),
        [name.clone(), format!("{name}-shm"), format!("{name}-wal")]
    );
    index.finish(now()).unwrap();
    check_all("finished");
    drop(index);
    check_all("closed");
    assert_eq!(mode(&indexes), 0o700);
}

#[cfg(unix)]
#[test]
fn an_existing_file_readable_by_others_is_tightened() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loose.sqlite3");
    std::fs::write(&path, b"").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let index = Index::open(&path).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(index.path(), Some(path.as_path()));
}

#[test]
fn a_file_index_reopens_with_its_users_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pool.sqlite3");
    let people = people();
    {
        let mut index = Index::open(&path).unwrap();
        build_into(&mut index, &people);
    }
    let index = Index::open(&path).unwrap();
    assert!(index.is_complete().unwrap());
    assert_eq!(index.built_at().unwrap(), Some(now()));
    assert_eq!(
        found(&index, r#"custom:tenant = "acme" and not enabled"#),
        names(&people, |p| p.attr("custom:tenant") == Some("acme")
            && !p.enabled)
    );
    assert_eq!(
        found(&index, "email =~ /gmail/i"),
        names(&people, |p| {
            p.attr("email")
                .is_some_and(|e| e.to_lowercase().contains("gmail"))
        })
    );
}

#[test]
fn a_file_of_another_format_is_emptied_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        let mut index = Index::open(&path).unwrap();
        build_into(&mut index, &people());
        index.conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let index = Index::open(&path).unwrap();
    assert_eq!(index.meta().unwrap(), None);
    assert_eq!(index.count(&Query::all(), now()).unwrap(), 0);
}

#[test]
fn file_names_are_safe_and_read_back_exactly() {
    let keys = [
        (
            None,
            "us-east-1",
            "us-east-1_AbC",
            "default+us-east-1+us-east-1_AbC.sqlite3",
        ),
        (
            Some("prod"),
            "eu-west-1",
            "eu-west-1_x",
            "prod+eu-west-1+eu-west-1_x.sqlite3",
        ),
        (Some("a/b c+d%"), "r", "p", "a%2Fb%20c%2Bd%25+r+p.sqlite3"),
        (Some(".."), "..", "é", "%2E%2E+%2E%2E+%C3%A9.sqlite3"),
    ];
    for (profile, region, pool, file) in keys {
        let key = IndexKey {
            profile: profile.map(str::to_owned),
            region: region.to_owned(),
            pool: PoolId::new(pool),
        };
        assert_eq!(key.file_name(), file);
        assert_eq!(IndexKey::from_file_name(file), Some(key));
    }
    for not_an_index in [
        "notes.txt",
        "a+b.sqlite3",
        "a+b+c+d.sqlite3",
        "a%ZZ+b+c.sqlite3",
    ] {
        assert_eq!(
            IndexKey::from_file_name(not_an_index),
            None,
            "{not_an_index}"
        );
    }
}

#[test]
fn the_store_lists_and_clears_indexes_by_pool() {
    let dir = tempfile::tempdir().unwrap();
    let store = IndexStore::at(dir.path());
    assert!(store.list().unwrap().is_empty());
    let key = |profile: Option<&str>, pool: &str| IndexKey {
        profile: profile.map(str::to_owned),
        region: "us-east-1".into(),
        pool: PoolId::new(pool),
    };
    let people = people();
    build_into(&mut store.open(&key(None, "us-east-1_A")).unwrap(), &people);
    build_into(
        &mut store.open(&key(Some("prod"), "us-east-1_A")).unwrap(),
        &people[..3],
    );
    let mut unfinished = store.open(&key(None, "us-east-1_B")).unwrap();
    unfinished
        .start_build(&PoolId::new("us-east-1_B"), "us-east-1")
        .unwrap();
    drop(unfinished);
    std::fs::write(dir.path().join("unrelated.txt"), "x").unwrap();

    let listed = store.list().unwrap();
    let summary: Vec<(Option<&str>, &str, bool, u64)> = listed
        .iter()
        .map(|i| {
            (
                i.key.profile.as_deref(),
                i.key.pool.as_str(),
                i.complete,
                i.users,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (None, "us-east-1_A", true, 50),
            (None, "us-east-1_B", false, 0),
            (Some("prod"), "us-east-1_A", true, 3),
        ]
    );
    assert_eq!(listed[0].built_at, Some(now()));
    assert_eq!(listed[1].built_at, None);
    assert!(
        listed
            .iter()
            .all(|i| i.size_bytes > 0 && i.path.starts_with(dir.path()))
    );

    let removed = store
        .clear(&Clear::Pool(PoolId::new("us-east-1_A")))
        .unwrap();
    assert_eq!(removed.len(), 2);
    let left: Vec<String> = store
        .list()
        .unwrap()
        .iter()
        .map(|i| i.key.pool.to_string())
        .collect();
    assert_eq!(left, ["us-east-1_B"]);
    assert_eq!(store.clear(&Clear::All).unwrap().len(), 1);
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1, "only unrelated.txt is left");
}

/// A build a killed process left beside its index is listed as unfinished and cleared with it.
#[test]
fn a_build_left_behind_is_listed_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let store = IndexStore::at(dir.path());
    let key = IndexKey {
        profile: None,
        region: "us-east-1".into(),
        pool: PoolId::new("us-east-1_A"),
    };
    build_into(&mut store.open(&key).unwrap(), &people()[..2]);
    let building = crate::index::ready::building_path(&store.path(&key));
    let mut left = Index::open(&building).unwrap();
    left.start_build(&key.pool, &key.region).unwrap();
    drop(left);

    let listed: Vec<(bool, bool)> = store
        .list()
        .unwrap()
        .iter()
        .map(|i| (i.complete, i.path == building))
        .collect();
    assert_eq!(listed, [(true, false), (false, true)]);
    let removed = store.clear(&Clear::Pool(key.pool.clone())).unwrap();
    assert_eq!(removed.len(), 2);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A build that runs now (its lock held) is listed as running and kept by `clear`, which would
/// otherwise make it fail at its end; once its lock is free (the process was killed) it goes.
#[test]
fn a_running_build_is_told_from_one_left_behind_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = IndexStore::at(dir.path());
    let key = IndexKey {
        profile: None,
        region: "us-east-1".into(),
        pool: PoolId::new("us-east-1_A"),
    };
    // A rebuild: the complete index, and the build that will replace it, running.
    let complete = store.path(&key);
    Index::open(&complete)
        .unwrap()
        .start_build(&key.pool, &key.region)
        .unwrap();
    let building = crate::index::ready::building_path(&complete);
    Index::open(&building)
        .unwrap()
        .start_build(&key.pool, &key.region)
        .unwrap();
    let lock_path = dir.path().join(format!("{}.lock", key.file_name()));
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    let running = |store: &IndexStore| -> Vec<bool> {
        store.list().unwrap().iter().map(|i| i.running).collect()
    };
    assert_eq!(running(&store), [false, true], "the old index, the build");
    // The old index goes; the running build keeps its file and its lock.
    assert_eq!(
        store.clear(&Clear::All).unwrap(),
        std::slice::from_ref(&complete)
    );
    assert!(building.exists());
    assert!(lock_path.exists(), "the held lock is not removed");
    assert_eq!(running(&store), [true]);

    drop(lock);
    assert_eq!(running(&store), [false]);
    assert_eq!(
        store.clear(&Clear::All).unwrap(),
        std::slice::from_ref(&building)
    );
    assert!(!building.exists());
}
