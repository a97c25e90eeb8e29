//! A person's own notifications: the inbox (newest first, paged by the
//! item's sequence) and how they want to hear of each kind of notification.
//!
//! Every method works on the caller's own person only; authorization still
//! asks first, so an anonymous caller or a token without a person is
//! refused in the one place that decides.

use chrono::Utc;
use iiz_store::{InboxItem, Preference};
use uuid::Uuid;

use crate::authz::{Denied, Operation, Principal, Target};
use crate::outbound::{LiveSignal, NotificationKind};
use crate::{AppError, Caller, MAX_PAGE, Page};

/// One kind of notification and how the person wants its e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotificationPreference {
    pub kind: NotificationKind,
    pub delivery: Preference,
}

/// What a person is not told by e-mail unless they chose otherwise.
pub const DEFAULT_PREFERENCE: Preference = Preference::Immediately;

fn parse_cursor(cursor: &str) -> Result<i64, AppError> {
    cursor
        .parse::<i64>()
        .map_err(|_| AppError::invalid(format!("'{cursor}' is not a valid inbox cursor")))
}

impl Caller<'_> {
    /// The signed-in principal, after asking whether it may do `operation`
    /// on its own inbox or settings.
    fn own_principal(&self, operation: Operation) -> Result<&Principal, AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        self.check_operation(operation, Target::person(principal.home, principal.person))?;
        Ok(principal)
    }

    /// The caller's inbox, newest first; `after` is the cursor of the last
    /// item already seen (an item's sequence).
    pub async fn inbox(
        &self,
        unread_only: bool,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<InboxItem>, AppError> {
        let principal = self.own_principal(Operation::ShowInbox)?;
        let limit = first.clamp(1, MAX_PAGE);
        let before = after.map(parse_cursor).transpose()?;
        let mut items = self
            .app()
            .store()
            .inbox(
                &principal.person.to_string(),
                unread_only,
                limit + 1,
                before,
            )
            .await?;
        let more = items.len() > limit;
        items.truncate(limit);
        let cursors: Vec<String> = items.iter().map(|item| item.sequence.to_string()).collect();
        let next = if more { cursors.last().cloned() } else { None };
        Ok(Page {
            items,
            cursors,
            next,
        })
    }

    /// How many items of the caller's inbox are unread.
    pub async fn inbox_unread_count(&self) -> Result<u64, AppError> {
        let principal = self.own_principal(Operation::ShowInbox)?;
        Ok(self
            .app()
            .store()
            .inbox_unread(&principal.person.to_string())
            .await?)
    }

    /// Marks the caller's items among `ids` read (ids of other people's
    /// items change nothing); returns how many changed.
    pub async fn mark_read(&self, ids: &[Uuid]) -> Result<u64, AppError> {
        let principal = self.own_principal(Operation::MarkInboxRead)?;
        let person = principal.person.to_string();
        let changed = self
            .app()
            .store()
            .mark_read(&person, ids, Utc::now())
            .await?;
        self.inbox_changed(person, changed);
        Ok(changed)
    }

    /// Marks every unread item of the caller read; returns how many changed.
    pub async fn mark_all_read(&self) -> Result<u64, AppError> {
        let principal = self.own_principal(Operation::MarkInboxRead)?;
        let person = principal.person.to_string();
        let changed = self
            .app()
            .store()
            .mark_all_read(&person, Utc::now())
            .await?;
        self.inbox_changed(person, changed);
        Ok(changed)
    }

    /// Other tabs and devices of the person follow their inbox live.
    fn inbox_changed(&self, person: String, changed: u64) {
        if changed > 0 {
            self.app().live().publish(LiveSignal::Inbox { person });
        }
    }

    /// Every kind of notification with the caller's choice for it.
    pub async fn notification_preferences(&self) -> Result<Vec<NotificationPreference>, AppError> {
        let principal = self.own_principal(Operation::ShowNotificationPreferences)?;
        let chosen = self
            .app()
            .store()
            .preferences(&principal.person.to_string())
            .await?;
        Ok(NotificationKind::ALL
            .into_iter()
            .map(|kind| NotificationPreference {
                kind,
                delivery: chosen
                    .iter()
                    .find(|(stored, _)| stored == kind.as_str())
                    .map_or(DEFAULT_PREFERENCE, |(_, preference)| *preference),
            })
            .collect())
    }

    /// Sets how the caller hears of `kind` (the inbox always receives).
    pub async fn set_notification_preference(
        &self,
        kind: NotificationKind,
        delivery: Preference,
    ) -> Result<NotificationPreference, AppError> {
        let principal = self.own_principal(Operation::SetNotificationPreference)?;
        self.app()
            .store()
            .set_preference(&principal.person.to_string(), kind.as_str(), delivery)
            .await?;
        Ok(NotificationPreference { kind, delivery })
    }
}
