//! Issue 11 through the real binary, on moto and the local server: app clients, groups and
//! identity providers created, then one setting changed by `… update`, and a fresh read shows that
//! setting changed and every other as before (the Update* defaults trap avoided). `--dry-run`
//! and an update that changes nothing send nothing (the journal has no entry), `--read-only`
//! refuses, secrets stay masked unless `clients secret` is asked.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod cli_support;
mod common;

use cli_support::on_server::{Bin, described};
use cognito_tui::cognito::edit::Target;
use cognito_tui::cognito::{ClientId, GroupName, PoolId, ProviderName};
use common::backend::Backend;
use serde_json::{Value, json};

const MASK: &str = "********";

async fn pool_of(bin: &Bin, prefix: &str) -> PoolId {
    let name = common::unique(prefix);
    let out = bin.ok(&format!("pools create {name} --output json")).await;
    let created: Value = serde_json::from_str(&out).unwrap();
    PoolId::new(created["Id"].as_str().unwrap())
}

async fn app_client_gains_a_callback_url_and_keeps_the_rest(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let bin = Bin::new(&server);
    let pool = pool_of(&bin, "cli-edit-client").await;
    let created = bin
        .ok(&format!(
            "clients create --pool {pool} web --generate-secret --callback-url https://app.example.com/cb \
             --logout-url https://app.example.com/bye --oauth-flow code --scope openid --scope email \
             --idp COGNITO --auth-flow user-srp --auth-flow refresh-token \
             --access-token-validity 2h --refresh-token-validity 30d --output json"
        ))
        .await;
    let created: Value = serde_json::from_str(&created).unwrap();
    assert_eq!(created["ClientSecret"], MASK, "{created}");
    let id = ClientId::new(created["ClientId"].as_str().unwrap());
    let target = Target::Client(pool.clone(), id.clone());
    let before = described(&client, &target).await;
    assert_eq!(before["AllowedOAuthFlows"], json!(["code"]));
    assert_eq!(before["AllowedOAuthFlowsUserPoolClient"], true);
    assert_eq!(before["AccessTokenValidity"], 2);
    assert_eq!(before["TokenValidityUnits"]["AccessToken"], "hours");
    assert_eq!(before["RefreshTokenValidity"], 30);
    assert_eq!(before["TokenValidityUnits"]["RefreshToken"], "days");
    assert_eq!(
        before["ExplicitAuthFlows"],
        json!(["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    );

    // By name: a second callback URL joins; the diff is shown, then sent.
    let out = bin
        .ok(&format!(
            "clients update --pool {pool} web --callback-url https://app.example.com/cb2"
        ))
        .await;
    assert_eq!(
        out,
        format!(
            "app client {id}:\n  + CallbackURLs: \"https://app.example.com/cb2\"\n\
             app client {id}: updated\n"
        )
    );
    let after = described(&client, &target).await;
    let mut expected = before.clone();
    expected["CallbackURLs"] = json!(["https://app.example.com/cb", "https://app.example.com/cb2"]);
    assert_eq!(after, expected, "only the callback URLs changed");
    assert_eq!(bin.journal().last().unwrap(), "UpdateUserPoolClient");
    let sent = bin.journal().len();

    // A dry run shows the change and sends nothing; so does a change already made.
    let out = bin
        .ok(&format!(
            "clients update --pool {pool} {id} --remove-callback-url https://app.example.com/cb \
             --token-revocation off --dry-run"
        ))
        .await;
    assert!(
        out.contains("  - CallbackURLs: \"https://app.example.com/cb\"")
            && out.ends_with("dry run: UpdateUserPoolClient not sent\n"),
        "{out}"
    );
    let out = bin
        .ok(&format!(
            "clients update --pool {pool} web --callback-url https://app.example.com/cb"
        ))
        .await;
    assert_eq!(
        out,
        format!("app client {id}: nothing to change; UpdateUserPoolClient not sent\n")
    );
    assert_eq!(described(&client, &target).await, after);
    assert_eq!(bin.journal().len(), sent, "{:?}", bin.journal());

    // JSON: the client as read back, its secret masked; the diff goes to stderr.
    let run = bin
        .line(&format!(
            "clients update --pool {pool} web --id-token-validity 30m --output json"
        ))
        .await;
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("+ IdTokenValidity: 30"), "{run:?}");
    let mut shown: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(shown["ClientSecret"], MASK);
    let mut fresh = client.describe_resource(&target).await.unwrap();
    let secret = fresh["ClientSecret"].as_str().unwrap().to_owned();
    assert!(!run.stdout.contains(&secret) && !run.stderr.contains(&secret));
    for v in [&mut shown, &mut fresh] {
        v["ClientSecret"] = json!(MASK);
    }
    assert_eq!(shown, fresh);
    assert_eq!(fresh["TokenValidityUnits"]["IdToken"], "minutes");
    assert_eq!(fresh["AllowedOAuthFlows"], json!(["code"]));

    // The secret only when asked for.
    let out = bin.ok(&format!("clients secret --pool {pool} web")).await;
    assert_eq!(out, format!("{secret}\n"));
    bin.ok(&format!("clients delete --pool {pool} web")).await;
    let gone = client.describe_resource(&target).await.unwrap_err();
    assert!(gone.to_string().contains("ResourceNotFound"), "{gone}");
}

async fn group_changes_one_setting(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let bin = Bin::new(&server);
    let pool = pool_of(&bin, "cli-edit-group").await;
    let role = "arn:aws:iam::123456789012:role/admins";
    bin.ok(&format!(
        "groups create --pool {pool} admins --description Admins --precedence 1 --role-arn {role}"
    ))
    .await;
    let target = Target::Group(pool.clone(), GroupName::new("admins"));
    let before = described(&client, &target).await;
    assert_eq!(before["RoleArn"], role);
    let out = bin
        .ok(&format!(
            "groups update --pool {pool} admins --precedence 5"
        ))
        .await;
    assert!(out.contains("~ Precedence: 1 → 5"), "{out}");
    let mut expected = before;
    expected["Precedence"] = json!(5);
    assert_eq!(described(&client, &target).await, expected);

    let usage = bin
        .line(&format!("groups update --pool {pool} admins"))
        .await;
    assert_eq!(usage.code, 2, "{usage:?}");
    assert!(usage.stderr.contains("nothing to change"), "{usage:?}");
    bin.ok(&format!("groups delete --pool {pool} admins")).await;
    assert!(client.describe_resource(&target).await.is_err());
}

async fn idp_gains_a_mapping_and_says_which_clients_offer_it(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let bin = Bin::new(&server);
    let pool = pool_of(&bin, "cli-edit-idp").await;
    let out = bin
        .ok(&format!(
            "idps create --pool {pool} corp --type OIDC --detail client_id=cid \
             --detail client_secret=oidc-very-secret --detail oidc_issuer=https://idp.example.com \
             --detail authorize_scopes=openid --detail attributes_request_method=GET \
             --map email=email --identifier corp.example.com"
        ))
        .await;
    assert!(out.contains("no app client enables corp"), "{out}");
    let target = Target::Idp(pool.clone(), ProviderName::new("corp"));
    let before = described(&client, &target).await;

    let out = bin
        .ok(&format!(
            "idps update --pool {pool} corp --map name=name --detail client_secret=rotated-secret"
        ))
        .await;
    assert!(out.contains("+ AttributeMapping.name: \"name\""), "{out}");
    assert!(
        out.contains("~ ProviderDetails.client_secret: ******** → ********"),
        "{out}"
    );
    assert!(!out.contains("secret\""), "no secret shown: {out}");
    let mut expected = before;
    expected["AttributeMapping"]["name"] = json!("name");
    expected["ProviderDetails"]["client_secret"] = json!("rotated-secret");
    assert_eq!(described(&client, &target).await, expected);

    let shown = bin.ok(&format!("idps describe --pool {pool} corp")).await;
    assert!(
        shown.ends_with(&format!(
            "no app client enables corp: its sign-in shows on no login page until one does \
             (`clients update --pool {pool} CLIENT --idp corp`)\n"
        )),
        "{shown}"
    );
    bin.ok(&format!(
        "clients create --pool {pool} web --idp COGNITO --idp corp"
    ))
    .await;
    let shown = bin.ok(&format!("idps describe --pool {pool} corp")).await;
    let last = shown.lines().last().unwrap();
    assert!(last.starts_with("enabled by app clients: web ("), "{shown}");

    bin.ok(&format!(
        "idps update --pool {pool} corp --unmap name --remove-identifier corp.example.com"
    ))
    .await;
    let fresh = described(&client, &target).await;
    assert_eq!(fresh["AttributeMapping"]["name"], Value::Null);
    assert_eq!(fresh["AttributeMapping"]["email"], "email");
    bin.ok(&format!("idps delete --pool {pool} corp")).await;
    assert!(client.describe_resource(&target).await.is_err());
}

/// A SAML provider from a metadata file: the file's text is the provider's MetadataFile.
async fn saml_provider_from_a_metadata_file(backend: Backend) {
    let server = backend.start().await;
    let client = server.client().await;
    let bin = Bin::new(&server);
    let pool = pool_of(&bin, "cli-edit-saml").await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("metadata.xml");
    let metadata = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" \
                    entityID=\"https://idp.example.com\"/>";
    std::fs::write(&file, metadata).unwrap();
    bin.ok(&format!(
        "idps create --pool {pool} corp-saml --type SAML --metadata-file {} \
         --map email=http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        file.display()
    ))
    .await;
    let target = Target::Idp(pool, ProviderName::new("corp-saml"));
    let idp = described(&client, &target).await;
    assert_eq!(idp["ProviderType"], "SAML");
    assert_eq!(idp["ProviderDetails"]["MetadataFile"], metadata);
}

on_both!("multi_thread":
    saml_provider_from_a_metadata_file,
    app_client_gains_a_callback_url_and_keeps_the_rest,
    group_changes_one_setting,
    idp_gains_a_mapping_and_says_which_clients_offer_it,
);

/// `--read-only` refuses every create, update and delete before it is sent, dry runs still
/// show the change; nothing reaches the journal.
#[tokio::test(flavor = "multi_thread")]
async fn read_only_refuses_every_change_but_a_dry_run() {
    let server = Backend::Local.start().await;
    let client = server.client().await;
    let bin = Bin::new(&server);
    let pool = pool_of(&bin, "cli-edit-ro").await;
    bin.ok(&format!("groups create --pool {pool} staff")).await;
    bin.ok(&format!("clients create --pool {pool} web")).await;
    let journal = bin.journal();
    let before = described(&client, &Target::Pool(pool.clone())).await;
    for line in [
        format!("pools update {pool} --min-length 12"),
        format!("pools update {pool} --mfa optional"),
        format!("groups create --pool {pool} admins"),
        format!("groups update --pool {pool} staff --precedence 3"),
        format!("groups delete --pool {pool} staff"),
        format!("clients update --pool {pool} web --scope openid"),
        format!("idps create --pool {pool} Google --type Google --detail client_id=x"),
        format!("resource-servers create --pool {pool} api --name API"),
        format!("tags set --pool {pool} team=id"),
        format!("domains create --pool {pool} some-prefix"),
    ] {
        let message = bin.fails(&format!("{line} --read-only")).await;
        assert!(message.contains("read-only mode"), "{line}: {message}");
    }
    let out = bin
        .ok(&format!(
            "pools update {pool} --min-length 12 --dry-run --read-only"
        ))
        .await;
    assert!(out.contains("MinimumLength: 8 → 12"), "{out}");
    assert_eq!(bin.journal(), journal);
    assert_eq!(described(&client, &Target::Pool(pool)).await, before);
}
