//! `pools`, `groups`, `clients`, `idps`: lists and describes, JSON exactly as the service sent it.

use std::io::Write as _;

use serde_json::{Value, json};

use super::args::{ClientsCommand, GroupsCommand, IdpsCommand, OutputFormat, PoolsCommand};
use super::output::{Out, cell, date_cell, write_json, write_object, write_table};
use super::resolve::describe_client;
use super::user_rows::write_users;
use super::{CliError, CliResult, resolve_pool};
use crate::cognito::CognitoClient;
use crate::cognito::paginate::json_items;
use crate::cognito::secrets;
use crate::cognito::users::UserType;

pub async fn pools(
    client: &CognitoClient,
    format: OutputFormat,
    command: PoolsCommand,
) -> CliResult {
    match command {
        PoolsCommand::List => {
            let items = raw_items(
                client,
                "ListUserPools",
                json!({"MaxResults": 60}),
                "UserPools",
            )
            .await?;
            let columns: &[Column] = &[
                ("id", &|v| cell(&v["Id"])),
                ("name", &|v| cell(&v["Name"])),
                ("created", &|v| date_cell(v, "CreationDate")),
                ("modified", &|v| date_cell(v, "LastModifiedDate")),
            ];
            write_items(format, &items, columns)
        }
        PoolsCommand::Describe { pool } => {
            let id = resolve_pool(client, &pool).await?;
            let response = client
                .call_json("DescribeUserPool", &json!({"UserPoolId": id}))
                .await?;
            write_described(format, &response, "UserPool")
        }
        PoolsCommand::Admin(c) => super::admin::pools::run(client, format, c).await,
    }
}

pub async fn groups(
    client: &CognitoClient,
    format: OutputFormat,
    command: GroupsCommand,
) -> CliResult {
    match command {
        GroupsCommand::List(pool) => {
            let listing = ("ListGroups", json!({"Limit": 60}), "Groups");
            let columns: &[Column] = &[
                ("name", &|v| cell(&v["GroupName"])),
                ("precedence", &|v| cell(&v["Precedence"])),
                ("description", &|v| cell(&v["Description"])),
                ("role", &|v| cell(&v["RoleArn"])),
            ];
            list_in_pool(client, format, &pool.pool, listing, columns).await
        }
        GroupsCommand::Members { pool, group } => {
            let id = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": id, "GroupName": group, "Limit": 60});
            let items = raw_items(client, "ListUsersInGroup", input, "Users").await?;
            if format == OutputFormat::Json {
                return Ok(write_json(&mut Out::stdout(), &Value::Array(items))?);
            }
            let users: Vec<UserType> = items
                .into_iter()
                .map(serde_json::from_value)
                .collect::<Result<_, _>>()
                .map_err(|e| {
                    CliError::Input(format!(
                        "a member in the ListUsersInGroup answer could not be read: {e}"
                    ))
                })?;
            let mut out = Out::stdout();
            write_users(&mut out, format, &users, &["email".to_owned()])?;
            Ok(out.flush()?)
        }
        GroupsCommand::Admin(c) => super::admin::groups::run(client, format, c).await,
    }
}

pub async fn clients(
    client: &CognitoClient,
    format: OutputFormat,
    command: ClientsCommand,
) -> CliResult {
    match command {
        ClientsCommand::List(pool) => {
            let listing = (
                "ListUserPoolClients",
                json!({"MaxResults": 60}),
                "UserPoolClients",
            );
            let columns: &[Column] = &[
                ("name", &|v| cell(&v["ClientName"])),
                ("id", &|v| cell(&v["ClientId"])),
            ];
            list_in_pool(client, format, &pool.pool, listing, columns).await
        }
        ClientsCommand::Describe {
            pool,
            client: app,
            reveal_secret,
        } => {
            let id = resolve_pool(client, &pool.pool).await?;
            let mut response = describe_client(client, &id, &app).await?;
            if !reveal_secret {
                secrets::redact(&mut response);
            }
            write_described(format, &response, "UserPoolClient")
        }
        ClientsCommand::Admin(c) => super::admin::clients::run(client, format, c).await,
    }
}

pub async fn idps(client: &CognitoClient, format: OutputFormat, command: IdpsCommand) -> CliResult {
    match command {
        IdpsCommand::List(pool) => {
            let listing = (
                "ListIdentityProviders",
                json!({"MaxResults": 60}),
                "Providers",
            );
            let columns: &[Column] = &[
                ("name", &|v| cell(&v["ProviderName"])),
                ("type", &|v| cell(&v["ProviderType"])),
                ("created", &|v| date_cell(v, "CreationDate")),
            ];
            list_in_pool(client, format, &pool.pool, listing, columns).await
        }
        IdpsCommand::Describe {
            pool,
            provider,
            reveal_secret,
        } => {
            let id = resolve_pool(client, &pool.pool).await?;
            let input = json!({"UserPoolId": id, "ProviderName": provider});
            let mut response = client.call_json("DescribeIdentityProvider", &input).await?;
            if !reveal_secret {
                secrets::redact(&mut response);
            }
            write_described(format, &response, "IdentityProvider")?;
            if format == OutputFormat::Table {
                let line = super::admin::enabled_by_line(client, &id, &provider).await;
                super::admin::note(format, &line)?;
            }
            Ok(())
        }
        IdpsCommand::Admin(c) => super::admin::idps::run(client, format, c).await,
    }
}

type Column<'a> = (&'a str, &'a dyn Fn(&Value) -> String);

/// Every item of a pool's list, written as `columns`. `listing`: the operation, its input but for
/// the pool, and the answer's member holding the items.
async fn list_in_pool(
    client: &CognitoClient,
    format: OutputFormat,
    pool: &str,
    (operation, rest, member): (&str, Value, &str),
    columns: &[Column<'_>],
) -> CliResult {
    let mut input = json!({"UserPoolId": resolve_pool(client, pool).await?});
    if let (Some(input), Value::Object(rest)) = (input.as_object_mut(), rest) {
        input.extend(rest);
    }
    let items = raw_items(client, operation, input, member).await?;
    write_items(format, &items, columns)
}

/// Every item of a `NextToken`-paged list, in order, as the service returned them.
pub(super) async fn raw_items(
    client: &CognitoClient,
    operation: &str,
    input: Value,
    key: &str,
) -> Result<Vec<Value>, CliError> {
    Ok(json_items(client, operation, input, key, "NextToken").await?)
}

fn write_items(format: OutputFormat, items: &[Value], columns: &[Column]) -> CliResult {
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => write_json(&mut out, &Value::Array(items.to_vec()))?,
        OutputFormat::Table => {
            let headers: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|v| columns.iter().map(|(_, f)| f(v)).collect())
                .collect();
            write_table(&mut out, &headers, &rows)?;
        }
        OutputFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(columns.iter().map(|(h, _)| *h))
                .map_err(csv_error)?;
            for v in items {
                csv.write_record(columns.iter().map(|(_, f)| f(v)))
                    .map_err(csv_error)?;
            }
            csv.flush()?;
        }
    }
    Ok(out.flush()?)
}

/// A describe answer: the whole response as JSON, else the described object as key/value lines.
fn write_described(format: OutputFormat, response: &Value, key: &str) -> CliResult {
    let mut out = Out::stdout();
    match format {
        OutputFormat::Json => write_json(&mut out, response)?,
        OutputFormat::Table | OutputFormat::Csv => {
            write_object(&mut out, response.get(key).unwrap_or(response))?;
        }
    }
    Ok(out.flush()?)
}

pub fn csv_error(e: csv::Error) -> CliError {
    CliError::Io(std::io::Error::other(e))
}
