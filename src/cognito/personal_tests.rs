use serde_json::json;

use super::*;

#[test]
fn masks_keep_enough_to_recognise() {
    assert_eq!(mask("ann@example.com"), "a***@example.com");
    assert_eq!(mask("+15555554567"), "+1 *** *** 4567");
    assert_eq!(mask("12"), "***");
}

#[test]
fn free_text_is_masked_where_it_holds_an_address_a_phone_or_an_ip() {
    assert_eq!(
        text("✓ ann.adams3@example.com disabled"),
        "✓ a***@example.com disabled"
    );
    assert_eq!(
        text("code sent to +447700900123."),
        "code sent to +44 *** *** 0123."
    );
    assert_eq!(text("from 203.0.113.158 Lagos"), "from 203.0.*.* Lagos");
    assert_eq!(
        text("a@b.co, c@d.co"),
        "a***@b.co, c***@d.co",
        "each of several"
    );
}

#[test]
fn text_without_personal_data_is_left_and_borrowed() {
    for plain in [
        "2024-01-19 03:10:56Z",
        "us-east-1_d604a7b2",
        "2,500 users",
        "v1.2.3",
        "version 1.2.3.4.5",
        "+123",
        "a+15555554567",
        "@ alone",
        "a***@example.com",
        "http://127.0.0.1:5000/",
    ] {
        assert!(matches!(text(plain), Cow::Borrowed(_)), "{plain}");
    }
}

#[test]
fn a_cut_address_is_still_masked() {
    assert_eq!(text("hui@examp…"), "h***@examp…");
}

#[test]
fn an_address_with_letters_beyond_ascii_is_masked_whole() {
    assert_eq!(text("jörg@exämple.de"), "j***@exämple.de");
    assert_eq!(text("ö@x.com"), "ö***@x.com");
}

#[test]
fn attributes_are_masked_by_name_and_by_look() {
    assert_eq!(attribute("given_name", "Ann"), "A***");
    assert_eq!(attribute("email", "ann@example.com"), "a***@example.com");
    assert_eq!(attribute("phone_number", "+15555554567"), "+1 *** *** 4567");
    assert_eq!(attribute("custom:plan", "enterprise"), "enterprise");
    assert_eq!(
        attribute("custom:backup", "bob@example.com"),
        "b***@example.com"
    );
    assert_eq!(attribute("email_verified", "true"), "true");
}

#[test]
fn raw_json_masks_attributes_by_name_and_other_strings_by_look() {
    let mut answer = json!({
        "Username": "ann@example.com",
        "UserAttributes": [
            {"Name": "given_name", "Value": "Ann"},
            {"Name": "custom:plan", "Value": "enterprise"},
            {"Name": "phone_number", "Value": "+15555554567"},
        ],
        "EventContextData": {"IpAddress": "203.0.113.158", "City": "Lagos"},
        "UserCreateDate": 1_700_000_000.5,
    });
    json(&mut answer);
    assert_eq!(
        answer,
        json!({
            "Username": "a***@example.com",
            "UserAttributes": [
                {"Name": "given_name", "Value": "A***"},
                {"Name": "custom:plan", "Value": "enterprise"},
                {"Name": "phone_number", "Value": "+1 *** *** 4567"},
            ],
            "EventContextData": {"IpAddress": "203.0.*.*", "City": "Lagos"},
            "UserCreateDate": 1_700_000_000.5,
        })
    );
}

#[test]
fn ipv6_addresses_keep_their_prefix_and_times_macs_and_arns_are_left() {
    let cases = [
        (
            "from 2001:db8:85a3::8a2e:370:7334 at",
            "from 2001:db8::* at",
        ),
        (
            "ip 2001:0db8:0000:0000:0000:ff00:0042:8329.",
            "ip 2001:0db8::*.",
        ),
        ("fe80::1 and ::1", "fe80::* and ::*"),
        ("(::ffff:203.0.113.5)", "(::ffff:203.0.*.*)"),
        ("at 06:31:05, 12:30", "at 06:31:05, 12:30"),
        ("mac aa:bb:cc:dd:ee:ff", "mac aa:bb:cc:dd:ee:ff"),
        (
            "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x",
            "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x",
        ),
        ("cafe::beef::1 a::b::c", "cafe::beef::1 a::b::c"),
        ("1:2:3:4:5:6:7", "1:2:3:4:5:6:7"),
        ("deadbeef, face", "deadbeef, face"),
        (
            "ip:2001:db8::1 client_ip:fe80::1",
            "ip:2001:db8::* client_ip:fe80::*",
        ),
        ("at T06:31:05Z", "at T06:31:05Z"),
    ];
    for (text, masked) in cases {
        assert_eq!(super::text(text), masked, "{text}");
    }
}

#[test]
fn in_place_stars_each_value_character_for_character() {
    let cases = [
        (
            "to ann.adams@example.com now",
            "to a**.*****@example.com now",
        ),
        ("+15555554567", "+1******4567"),
        ("no personal data", "no personal data"),
        ("张三丰@example.com", "张**@example.com"),
        ("from 203.0.113.158, ok", "from 203.0.***.***, ok"),
        (
            "2001:db8:85a3::8a2e:370:7334",
            "2001:db8:****::****:***:****",
        ),
    ];
    for (text, starred) in cases {
        let shown = super::in_place(text);
        assert_eq!(shown, starred, "{text}");
        assert_eq!(shown.chars().count(), text.chars().count(), "{text}");
    }
}
