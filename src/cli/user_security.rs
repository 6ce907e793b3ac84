//! `users mfa`, `reset-mfa`, `devices`, `forget-device`, `auth-events`: a user's second factors,
//! remembered devices and sign-in history. Endpoints without devices or auth events (moto) answer
//! with the client's "not supported by this endpoint" error.

use std::io::Write as _;

use serde_json::{Value, json};

use super::args::{OutputFormat, UserTarget};
use super::output::{Out, cell, date_cell, write_json, write_table};
use super::users::{done, target};
use super::{CliError, CliResult};
use crate::cognito::devices::MfaPreference;
use crate::cognito::paginate::json_items;
use crate::cognito::types::{AttributeType, attribute};
use crate::cognito::{CognitoClient, PoolId, Username};

pub async fn mfa(client: &CognitoClient, format: OutputFormat, t: &UserTarget) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let got = client.admin_get_user(&pool, &user).await?;
    // The pool's setting says what a reset means (ON: they must set MFA up again at sign-in).
    let pool_mfa = client
        .get_user_pool_mfa_config(&pool)
        .await
        .ok()
        .and_then(|c| c.mfa_configuration);
    let preferred = got.preferred_mfa_setting.filter(|p| !p.is_empty());
    let legacy: Vec<String> = got
        .mfa_options
        .iter()
        .filter_map(|o| o.delivery_medium.clone())
        .collect();
    let mut out = Out::stdout();
    if format == OutputFormat::Json {
        let shown = json!({"Username": user, "PreferredMfaSetting": preferred,
            "UserMFASettingList": got.user_mfa_setting_list, "MFAOptions": got.mfa_options,
            "PoolMfaConfiguration": pool_mfa});
        write_json(&mut out, &shown)?;
        return Ok(out.flush()?);
    }
    let none = || "none".to_owned();
    let list = |items: &[String]| {
        if items.is_empty() {
            none()
        } else {
            items.join(", ")
        }
    };
    let lines = [
        ("Username", user.to_string()),
        ("Preferred MFA", preferred.unwrap_or_else(none)),
        ("MFA methods", list(&got.user_mfa_setting_list)),
        ("Legacy SMS MFA", list(&legacy)),
        ("Pool MFA", pool_mfa.unwrap_or_else(|| "unknown".to_owned())),
    ];
    for (key, value) in lines {
        writeln!(out, "{key:<14}  {}", super::output::escape(&value))?;
    }
    Ok(out.flush()?)
}

pub async fn reset_mfa(client: &CognitoClient, format: OutputFormat, t: &UserTarget) -> CliResult {
    let (pool, user) = target(client, t).await?;
    client
        .admin_set_user_mfa_preference(&pool, &user, &MfaPreference::all_disabled())
        .await?;
    let what = "MFA reset: every method off (where the pool requires MFA, they set it up again at \
                their next sign-in)";
    done(format, "AdminSetUserMFAPreference", &pool, &user, what)
}

pub async fn devices(client: &CognitoClient, format: OutputFormat, t: &UserTarget) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let input = json!({"UserPoolId": pool, "Username": user, "Limit": 60});
    let items = all_pages(
        client,
        "AdminListDevices",
        input,
        "Devices",
        "PaginationToken",
    )
    .await?;
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|d| {
            let attrs: Vec<AttributeType> =
                serde_json::from_value(d["DeviceAttributes"].clone()).unwrap_or_default();
            vec![
                cell(&d["DeviceKey"]),
                attribute(&attrs, "device_name")
                    .unwrap_or_default()
                    .to_owned(),
                date_cell(d, "DeviceCreateDate"),
                date_cell(d, "DeviceLastAuthenticatedDate"),
            ]
        })
        .collect();
    let headers = ["device key", "name", "created", "last sign-in"];
    write_list(format, &items, &headers, &rows)
}

pub async fn forget_device(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
    device_key: &str,
) -> CliResult {
    let (pool, user) = target(client, t).await?;
    client.admin_forget_device(&pool, &user, device_key).await?;
    let what = format!("device {device_key} forgotten (it must pass MFA again)");
    done(format, "AdminForgetDevice", &pool, &user, &what)
}

pub async fn auth_events(
    client: &CognitoClient,
    format: OutputFormat,
    t: &UserTarget,
) -> CliResult {
    let (pool, user) = target(client, t).await?;
    let items = auth_event_items(client, &pool, &user).await?;
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|e| {
            vec![
                date_cell(e, "CreationDate"),
                cell(&e["EventType"]),
                cell(&e["EventResponse"]),
                cell(&e["EventRisk"]["RiskLevel"]),
                cell(&e["EventContextData"]["IpAddress"]),
                cell(&e["EventId"]),
            ]
        })
        .collect();
    let headers = [
        "time",
        "event",
        "response",
        "risk",
        "ip address",
        "event id",
    ];
    write_list(format, &items, &headers, &rows)
}

async fn auth_event_items(
    client: &CognitoClient,
    pool: &PoolId,
    user: &Username,
) -> Result<Vec<Value>, CliError> {
    let input = json!({"UserPoolId": pool, "Username": user, "MaxResults": 60});
    all_pages(
        client,
        "AdminListUserAuthEvents",
        input,
        "AuthEvents",
        "NextToken",
    )
    .await
}

/// Every item of a paged listing, as the service sent it.
async fn all_pages(
    client: &CognitoClient,
    operation: &str,
    input: Value,
    key: &str,
    token_key: &str,
) -> Result<Vec<Value>, CliError> {
    Ok(json_items(client, operation, input, key, token_key).await?)
}

fn write_list(
    format: OutputFormat,
    items: &[Value],
    headers: &[&str],
    rows: &[Vec<String>],
) -> CliResult {
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => write_json(&mut out, &Value::Array(items.to_vec()))?,
        OutputFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(headers).map_err(std::io::Error::other)?;
            for row in rows {
                csv.write_record(row).map_err(std::io::Error::other)?;
            }
            csv.flush()?;
        }
        OutputFormat::Table => write_table(&mut out, headers, rows)?,
    }
    Ok(out.flush()?)
}
