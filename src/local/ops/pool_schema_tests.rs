//! The described schema and AddCustomAttributes.

use serde_json::{Value, json};

use super::super::testing::{call, store_with_pool};
use crate::local::store::Store;

fn schema(store: &Store, pool: &Value) -> Vec<Value> {
    let pool = call(store, "DescribeUserPool", json!({"UserPoolId": pool})).unwrap();
    pool["UserPool"]["SchemaAttributes"]
        .as_array()
        .unwrap()
        .clone()
}

fn named<'a>(schema: &'a [Value], name: &str) -> Option<&'a Value> {
    schema.iter().find(|a| a["Name"] == name)
}

fn add(store: &Store, pool: &Value, attributes: &Value) -> Result<Value, (String, String)> {
    call(
        store,
        "AddCustomAttributes",
        json!({"UserPoolId": pool, "CustomAttributes": attributes}),
    )
}

#[test]
fn every_standard_attribute_is_described_with_its_constraints() {
    let (store, pool) = store_with_pool();
    let schema = schema(&store, &pool);
    assert_eq!(schema.len(), 21, "the standard attributes, identities last");
    assert_eq!(
        named(&schema, "sub").unwrap(),
        &json!({"Name": "sub", "AttributeDataType": "String", "DeveloperOnlyAttribute": false,
                "Mutable": false, "Required": true,
                "StringAttributeConstraints": {"MinLength": "1", "MaxLength": "2048"}})
    );
    assert_eq!(
        named(&schema, "updated_at").unwrap()["NumberAttributeConstraints"],
        json!({"MinValue": "0"})
    );
    assert!(named(&schema, "email_verified").unwrap()["StringAttributeConstraints"].is_null());
    assert_eq!(
        named(&schema, "birthdate").unwrap()["StringAttributeConstraints"],
        json!({"MinLength": "10", "MaxLength": "10"})
    );
}

#[test]
fn added_attributes_get_their_prefix_and_aws_defaults() {
    let (store, pool) = store_with_pool();
    add(
        &store,
        &pool,
        &json!([
            {"Name": "tenant", "AttributeDataType": "String", "Mutable": true,
             "StringAttributeConstraints": {"MaxLength": "64"}},
            {"Name": "seats", "AttributeDataType": "Number"},
            {"Name": "email", "AttributeDataType": "String"},
            {"Name": "legacy_id", "AttributeDataType": "String", "DeveloperOnlyAttribute": true}
        ]),
    )
    .unwrap();
    let schema = schema(&store, &pool);
    assert_eq!(
        named(&schema, "custom:tenant").unwrap(),
        &json!({"Name": "custom:tenant", "AttributeDataType": "String",
                "DeveloperOnlyAttribute": false, "Mutable": true, "Required": false,
                "StringAttributeConstraints": {"MaxLength": "64"}})
    );
    let seats = named(&schema, "custom:seats").unwrap();
    assert_eq!(seats["Mutable"], false);
    assert_eq!(seats["NumberAttributeConstraints"], json!({}));
    assert!(
        named(&schema, "custom:email").is_some(),
        "apart from the standard email"
    );
    assert_eq!(
        named(&schema, "email").unwrap()["Mutable"],
        true,
        "the standard one unchanged"
    );
    assert!(named(&schema, "dev:legacy_id").is_some());
    // Users can carry the new attribute at once.
    let user = json!({"UserPoolId": pool, "Username": "ann",
                      "UserAttributes": [{"Name": "custom:tenant", "Value": "acme"}]});
    call(&store, "AdminCreateUser", user).unwrap();
}

#[test]
fn an_existing_attribute_is_never_changed() {
    let (store, pool) = store_with_pool();
    add(
        &store,
        &pool,
        &json!([{"Name": "tenant", "AttributeDataType": "String"}]),
    )
    .unwrap();
    let again = add(
        &store,
        &pool,
        &json!([{"Name": "tenant", "AttributeDataType": "Number"}]),
    );
    assert_eq!(
        again.unwrap_err(),
        (
            "InvalidParameterException".to_owned(),
            "Existing attribute already has name custom:tenant.".to_owned()
        )
    );
    let twice = add(
        &store,
        &pool,
        &json!([{"Name": "plan", "AttributeDataType": "String"},
               {"Name": "plan", "AttributeDataType": "String"}]),
    );
    assert_eq!(twice.unwrap_err().0, "InvalidParameterException");
    let kind = named(&schema(&store, &pool), "custom:tenant").unwrap()["AttributeDataType"].clone();
    assert_eq!(kind, "String");
    assert!(
        named(&schema(&store, &pool), "custom:plan").is_none(),
        "all or nothing"
    );
}

#[test]
fn what_aws_refuses_of_new_attributes() {
    let (store, pool) = store_with_pool();
    let cases = [
        json!([{"Name": "t", "AttributeDataType": "String", "Required": true}]),
        json!([{"Name": "t", "AttributeDataType": "String",
                "StringAttributeConstraints": {"MinLength": "9", "MaxLength": "3"}}]),
        json!([{"Name": "t", "AttributeDataType": "String",
                "StringAttributeConstraints": {"MaxLength": "4096"}}]),
        json!([{"Name": "t", "AttributeDataType": "Number",
                "NumberAttributeConstraints": {"MinValue": "low"}}]),
        // The model: a name of at most 20 characters, at most 25 attributes a call.
        json!([{"Name": "a_name_of_21_letters_", "AttributeDataType": "String"}]),
        json!(
            (0..26)
                .map(|i| json!({"Name": format!("a{i}")}))
                .collect::<Vec<_>>()
        ),
        json!([]),
    ];
    for attributes in cases {
        let refused = add(&store, &pool, &attributes).unwrap_err();
        assert_eq!(refused.0, "InvalidParameterException", "{attributes}");
    }
    assert_eq!(schema(&store, &pool).len(), 21, "nothing was added");
}

#[test]
fn a_pool_holds_at_most_50_custom_attributes() {
    let (store, pool) = store_with_pool();
    for batch in 0..2 {
        let attributes: Vec<Value> = (0..25)
            .map(|i| json!({"Name": format!("a{batch}_{i}"), "AttributeDataType": "String"}))
            .collect();
        add(&store, &pool, &json!(attributes)).unwrap();
    }
    let one_more = add(&store, &pool, &json!([{"Name": "extra"}]));
    assert_eq!(one_more.unwrap_err().0, "InvalidParameterException");
    let missing = add(
        &store,
        &json!("us-east-1_Missing00"),
        &json!([{"Name": "x"}]),
    );
    assert_eq!(missing.unwrap_err().0, "ResourceNotFoundException");
}
