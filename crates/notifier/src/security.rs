//! Security notices: when too many sign-in attempts lock an account
//! (`app::throttle`), the person and the tenant admins of their home
//! tenant are told, in the inbox and by e-mail.
//!
//! A lock is not an event of the log (attempts are not governance, and a
//! person's records never leave the platform), so the notices come, like
//! reminders, from a scan: the locks not yet told (`signin_locks`), each
//! written as one batch under the key `signin-lock:<id>`, which the store
//! records in the batch's transaction and refuses a second time. So a
//! lock is told once, across restarts and instances.

use std::collections::BTreeSet;
use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Zurich;
use iiz_app::App;
use iiz_app::outbound::NotificationKind;
use iiz_domain::{PersonId, TenantRole};
use iiz_store::{NotificationBatch, SignInLock};

use crate::audience::{Directory, Recipient};
use crate::bus::Bus;
use crate::handler::{About, Composer, record};
use crate::messages::{Args, swiss_date, swiss_time};
use crate::{NotifierError, NotifierSettings};

/// How often the locks are looked at: a person should hear of a lock
/// while it lasts.
const SCAN_EVERY: Duration = Duration::from_secs(5);
/// Locks told per scan.
const BATCH: u32 = 100;

/// Tells the locks not yet told; returns the people whose inbox changed.
pub(crate) async fn scan(
    app: &App,
    composer: &Composer,
    now: DateTime<Utc>,
) -> Result<Vec<String>, NotifierError> {
    let store = app.store();
    let locks = store.untold_signin_locks(BATCH).await?;
    if locks.is_empty() {
        return Ok(Vec::new());
    }
    let directory = Directory::load(store).await?;
    let mut changed = BTreeSet::new();
    for lock in &locks {
        let batch = batch(app, composer, &directory, lock).await?;
        if batch.items.is_empty() {
            tracing::warn!(lock = %lock.id, "a locked account has nobody to tell");
        }
        changed.extend(record(store, batch, now).await?);
        store.mark_signin_lock_told(lock.id, now).await?;
    }
    Ok(changed.into_iter().collect())
}

async fn batch(
    app: &App,
    composer: &Composer,
    directory: &Directory,
    lock: &SignInLock,
) -> Result<NotificationBatch, NotifierError> {
    let id = PersonId::from_uuid(lock.person);
    let Some(person) = directory.person(id) else {
        return Ok(NotificationBatch {
            reminder: Some(key(lock)),
            items: Vec::new(),
        });
    };
    let mut recipients = vec![(
        Recipient {
            person: person.clone(),
            party: None,
        },
        "/profile".to_owned(),
    )];
    recipients.extend(
        directory
            .holding_role(person.home, TenantRole::TenantAdmin)
            .into_iter()
            .filter(|admin| admin.id != person.id)
            .map(|admin| {
                (
                    Recipient {
                        person: admin,
                        party: None,
                    },
                    format!("/admin/people/{id}"),
                )
            }),
    );
    let until = lock.locked_until.with_timezone(&Zurich);
    let until = format!(
        "{} {}",
        swiss_date(until.date_naive()),
        swiss_time(until.time())
    );
    let mut items = Vec::new();
    for (recipient, path) in recipients {
        let args = Args::new()
            .text("person", person.name.clone())
            .text("until", until.clone());
        let about = About {
            subject_type: "person",
            subject_id: id.to_string(),
            path,
        };
        items.push(
            composer
                .notification(
                    app.store(),
                    lock.id,
                    NotificationKind::SignInLocked,
                    &recipient,
                    args,
                    about,
                    None,
                )
                .await?,
        );
    }
    Ok(NotificationBatch {
        reminder: Some(key(lock)),
        items,
    })
}

fn key(lock: &SignInLock) -> String {
    format!("signin-lock:{}", lock.id)
}

/// Scans every few seconds until `shutdown`; a failed scan is logged and
/// tried again at the next.
pub async fn run(
    app: App,
    bus: Bus,
    settings: NotifierSettings,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), NotifierError> {
    let composer = Composer::new(&settings)?;
    tokio::pin!(shutdown);
    loop {
        match scan(&app, &composer, Utc::now()).await {
            Ok(people) => {
                for person in people {
                    if let Err(error) = bus.announce_inbox(&person).await {
                        // Only a hint to re-read: the inbox itself is written.
                        tracing::debug!(%error, "announcing a lock notice failed");
                    }
                }
            }
            Err(error) => tracing::warn!(%error, "sign-in lock scan failed"),
        }
        tokio::select! {
            () = &mut shutdown => return Ok(()),
            () = tokio::time::sleep(SCAN_EVERY) => {}
        }
    }
}
