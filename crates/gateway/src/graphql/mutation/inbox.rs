//! The caller's inbox and notification preferences.

use async_graphql::{Context, ID, Object, Result};
use uuid::Uuid;

use crate::graphql::args::{caller, invalid};
use crate::graphql::inbox_types::{
    NotificationDeliveryValue, NotificationKindValue, NotificationPreference,
};

#[derive(Debug, Default)]
pub struct InboxMutations;

#[Object]
impl InboxMutations {
    /// Marks the caller's items among `ids` read; returns the unread count
    /// after. Ids of items that are not the caller's change nothing.
    async fn mark_read(&self, ctx: &Context<'_>, ids: Vec<ID>) -> Result<u64> {
        let (caller, request, _) = caller(ctx)?;
        let ids = ids
            .iter()
            .map(|id| {
                Uuid::parse_str(id.as_str())
                    .map_err(|_| invalid(format!("'{}' is not an inbox item id", id.as_str())))
            })
            .collect::<Result<Vec<_>>>()?;
        caller
            .mark_read(&ids)
            .await
            .map_err(|error| request.error(error))?;
        caller
            .inbox_unread_count()
            .await
            .map_err(|error| request.error(error))
    }

    /// Marks every item of the caller's inbox read; returns the unread
    /// count after (0 unless new items arrived meanwhile).
    async fn mark_all_read(&self, ctx: &Context<'_>) -> Result<u64> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .mark_all_read()
            .await
            .map_err(|error| request.error(error))?;
        caller
            .inbox_unread_count()
            .await
            .map_err(|error| request.error(error))
    }

    /// How the caller hears of `kind` by e-mail (the inbox always receives).
    async fn set_notification_preference(
        &self,
        ctx: &Context<'_>,
        kind: NotificationKindValue,
        delivery: NotificationDeliveryValue,
    ) -> Result<NotificationPreference> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .set_notification_preference(kind.into(), delivery.into())
            .await
            .map(NotificationPreference)
            .map_err(|error| request.error(error))
    }
}
