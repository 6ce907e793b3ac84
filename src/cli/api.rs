//! `api OPERATION [--input JSON|@FILE|@-|file://FILE]`: any operation of the service model, JSON
//! in and out. The input is read and checked before connecting, so a bad file is reported as
//! such, not hidden behind a missing region.

use std::io::{Read as _, Write as _};

use serde_json::Value;

use super::args::{ApiArgs, GlobalArgs, InputSource, input_source};
use super::output::{Out, write_json};
use super::{CliError, CliResult, connect};
use crate::cognito::CognitoClient;
use crate::cognito::operations;

/// `api` as a command: checks the input, then connects and sends it.
pub async fn run(global: &GlobalArgs, args: ApiArgs) -> CliResult {
    let Some((operation, input)) = request(args)? else {
        return list_operations();
    };
    let client = connect(global).await?;
    send(&client, &operation, &input).await
}

/// `api` on a client already connected.
pub async fn run_on(client: &CognitoClient, args: ApiArgs) -> CliResult {
    let Some((operation, input)) = request(args)? else {
        return list_operations();
    };
    send(client, &operation, &input).await
}

/// The operation and its input; `None` for `--list`.
fn request(args: ApiArgs) -> Result<Option<(String, Value)>, CliError> {
    if args.list {
        return Ok(None);
    }
    let Some(operation) = args.operation else {
        return Err(CliError::Input(
            "name an operation, or pass --list".to_owned(),
        ));
    };
    let input = match args.input.as_deref() {
        None => serde_json::json!({}),
        Some(text) => read_input(text)?,
    };
    Ok(Some((operation, input)))
}

async fn send(client: &CognitoClient, operation: &str, input: &Value) -> CliResult {
    let response = client.call_json(operation, input).await?;
    let mut out = Out::stdout();
    write_json(&mut out, &response)?;
    Ok(out.flush()?)
}

/// `api --list`: every operation name, whether it is signed, and its required input.
pub fn list_operations() -> CliResult {
    let mut out = Out::stdout();
    for op in operations::all() {
        let auth = if op.signed { "sigv4" } else { "none" };
        writeln!(out, "{}\t{auth}\t{}", op.name, op.required_input.join(","))?;
    }
    Ok(out.flush()?)
}

/// The JSON `--input` holds or points to; every failure names where the text came from.
fn read_input(text: &str) -> Result<Value, CliError> {
    let (source, body) = match input_source(text) {
        InputSource::Stdin => {
            let mut body = String::new();
            let read = std::io::stdin().read_to_string(&mut body);
            let source = "--input @- (standard input)".to_owned();
            read.map_err(|e| CliError::Input(read_failure(&source, &e)))?;
            (source, body)
        }
        InputSource::File(path) => {
            let source = format!("--input {}", path.display());
            let body = std::fs::read_to_string(&path)
                .map_err(|e| CliError::Input(read_failure(&source, &e)))?;
            (source, body)
        }
        InputSource::Inline(json) => ("--input".to_owned(), json.to_owned()),
    };
    serde_json::from_str(&body)
        .map_err(|e| CliError::Input(format!("{source} is not valid JSON: {e}")))
}

fn read_failure(source: &str, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::InvalidData {
        format!("{source} is not UTF-8 text")
    } else {
        format!("{source}: {e}")
    }
}
