//! The worker's side of `Ctrl-S`: users to a file, one at a time (constant memory), written beside
//! it and put in place only when whole. A cancelled export leaves nothing: the file is dropped
//! unfinished and removes itself.

use std::path::Path;

use tokio::sync::mpsc;

use super::index::{Reporter, each_user, local, ready};
use crate::app::action::{Action, Payload};
use crate::app::remote::RequestId;
use crate::app::users::export::{ExportJob, ExportScope};
use crate::aws::AwsError;
use crate::aws::quota::Category;
use crate::cognito::{CognitoClient, PoolId, Username, describe_error};
use crate::index::{Home, Query};
use crate::shared::export::{ExportFormat, ExportWriter, indexed, listed, pairs};
use crate::shared::export_file::ExportFile;
use crate::shared::export_listed::write_listed;

pub(super) async fn export(
    client: &CognitoClient,
    home: &Home,
    job: ExportJob,
    actions: &mpsc::Sender<Action>,
    request: RequestId,
) -> Result<Payload, AwsError> {
    if !job.replace && job.path.exists() {
        return Err(local(format!(
            "{} exists: choose another file, or replace it",
            job.path.display()
        )));
    }
    let header = if job.format == ExportFormat::Csv {
        client.csv_header(&job.pool).await?.0
    } else {
        Vec::new()
    };
    let file = ExportFile::create(&job.path, job.replace).map_err(local)?;
    let mut writer = ExportWriter::new(file, job.format, header).map_err(local)?;
    let client = client.background();
    let mut reporter = Reporter::new(&client, actions, request, "exporting", Category::UserList);
    match job.scope {
        ExportScope::Pool => {
            crawled(&client, &job.pool, None, &mut writer, &mut reporter).await?;
        }
        ExportScope::Users(users) => {
            by_name(&client, &job.pool, &users, &mut writer, &mut reporter).await?;
        }
        ExportScope::Query(text) => {
            let query = Query::parse(&text).map_err(|e| local(format!("query: {e}")))?;
            if let Some(filter) = query.server_filter() {
                let filter = Some(filter);
                crawled(&client, &job.pool, filter, &mut writer, &mut reporter).await?;
            } else {
                let index = ready(&client, home, &job.pool, actions, request).await?;
                let state = (writer, reporter);
                let (done, _) = each_user(index, query, state, |(writer, reporter), u| {
                    let pairs = pairs(&u.user.attributes);
                    writer.write(&indexed(&u, &pairs)).map_err(local)?;
                    reporter.report(writer.written(), None);
                    Ok(())
                })
                .await?;
                writer = done;
            }
        }
    }
    let users = writer.written();
    let file = writer.finish().map_err(local)?;
    file.commit().map_err(local)?;
    Ok(Payload::Exported {
        users,
        path: shown_path(&job.path),
    })
}

/// Every user of the pool, or those a filter finds.
async fn crawled(
    client: &CognitoClient,
    pool: &PoolId,
    filter: Option<String>,
    writer: &mut ExportWriter<ExportFile>,
    reporter: &mut Reporter,
) -> Result<(), AwsError> {
    write_listed(client, pool, filter, writer, |n, e| reporter.report(n, e))
        .await
        .map_err(local)
}

/// These users, each read afresh (AdminGetUser); one that is gone stops the export, naming it.
async fn by_name(
    client: &CognitoClient,
    pool: &PoolId,
    users: &[Username],
    writer: &mut ExportWriter<ExportFile>,
    reporter: &mut Reporter,
) -> Result<(), AwsError> {
    let total = u64::try_from(users.len()).ok();
    for name in users {
        let got = client.admin_get_user(pool, name).await;
        let got = got.map_err(|e| local(format!("reading {name}: {}", describe_error(&e))))?;
        let user = got.into_user(name);
        let pairs = pairs(&user.attributes);
        writer.write(&listed(&user, &pairs)).map_err(local)?;
        reporter.report(writer.written(), total);
    }
    Ok(())
}

/// The file as the person will look for it: absolute when it can be said.
fn shown_path(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}
