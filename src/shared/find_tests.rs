use super::*;

fn kind(text: &str) -> (NeedleKind, String) {
    let n = Needle::classify(text);
    (n.kind, n.value)
}

#[test]
fn an_at_sign_makes_an_email_whatever_else_it_holds() {
    assert_eq!(
        kind(" Ann.Adams@Example.com "),
        (NeedleKind::Email, "Ann.Adams@Example.com".into())
    );
    assert_eq!(kind("+1@x"), (NeedleKind::Email, "+1@x".into()));
}

#[test]
fn a_plus_and_digits_make_a_phone_number_in_e164() {
    assert_eq!(
        kind("+14155550100"),
        (NeedleKind::Phone, "+14155550100".into())
    );
    assert_eq!(
        kind("+1 (415) 555-0100"),
        (NeedleKind::Phone, "+14155550100".into())
    );
    assert_eq!(kind("+"), (NeedleKind::Username, "+".into()));
    assert_eq!(kind("+1abc"), (NeedleKind::Username, "+1abc".into()));
    assert_eq!(
        kind("14155550100"),
        (NeedleKind::Username, "14155550100".into())
    );
}

#[test]
fn a_uuid_is_a_sub_in_lower_case() {
    assert_eq!(
        kind("3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
        (
            NeedleKind::Sub,
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301".into()
        )
    );
    // One digit short, or not hex: a username.
    assert_eq!(
        kind("3f2504e0-4f89-11d3-9a0c-0305e82c330").0,
        NeedleKind::Username
    );
    assert_eq!(
        kind("3f2504e0-4f89-11d3-9a0c-0305e82c330g").0,
        NeedleKind::Username
    );
}

#[test]
fn anything_else_is_a_username_as_typed() {
    assert_eq!(
        kind("ann.adams3"),
        (NeedleKind::Username, "ann.adams3".into())
    );
    assert_eq!(kind("Ann"), (NeedleKind::Username, "Ann".into()));
}

#[test]
fn each_kind_filters_on_its_attribute_exactly() {
    let filter = |t: &str| Needle::classify(t).filter();
    assert_eq!(filter("ann@x.com"), r#"email = "ann@x.com""#);
    assert_eq!(filter("+4420"), r#"phone_number = "+4420""#);
    assert_eq!(
        filter("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        r#"sub = "3f2504e0-4f89-11d3-9a0c-0305e82c3301""#
    );
    assert_eq!(filter(r#"a"b"#), r#"username = "a\"b""#);
}

#[test]
fn only_an_email_with_capitals_is_tried_in_lower_case() {
    let lower = Needle::classify("Ann@Example.com").lowercase();
    assert_eq!(lower.map(|n| n.value), Some("ann@example.com".into()));
    assert_eq!(Needle::classify("ann@example.com").lowercase(), None);
    assert_eq!(Needle::classify("Ann").lowercase(), None);
}

fn report(searched: usize, pools: usize, failures: Vec<Failure>) -> FindReport {
    FindReport {
        needle: Needle::classify("Ann@X.com"),
        lowercase: Some("ann@x.com".into()),
        pools,
        searched,
        hits: Vec::new(),
        failures,
    }
}

#[test]
fn the_summary_counts_pools_searched_failed_and_unlisted() {
    let place = Place {
        profile: Some("prod".into()),
        region: "eu-west-1".into(),
    };
    let failure = |pool: Option<&str>| Failure {
        place: place.clone(),
        user_pool_id: pool.map(PoolId::new),
        pool_name: pool.map(str::to_owned),
        code: Some("AccessDeniedException".into()),
        message: "AccessDeniedException: no".into(),
    };
    let r = report(3, 4, vec![failure(Some("p4"))]);
    assert_eq!(r.summary(), "searched 3 of 4 pools; 1 failed");
    assert_eq!(
        r.failures[0].line(),
        "profile prod, eu-west-1, pool p4 (p4): AccessDeniedException: no"
    );
    let r = report(4, 4, vec![failure(None)]);
    assert_eq!(
        r.summary(),
        "searched 4 of 4 pools; 0 failed; the pools of 1 profile/region could not be listed"
    );
    assert_eq!(
        r.failures[0].line(),
        "profile prod, eu-west-1: pools not listed: AccessDeniedException: no"
    );
    assert_eq!(
        report(2, 2, Vec::new()).nobody(),
        r#"no user matches email = "Ann@X.com" (nor its lower case, "ann@x.com") nor username = "Ann@X.com" in 2 pools"#
    );
}
