//! Queries of the caller's inbox and preferences, and of a tenant's
//! webhooks and refused e-mails (its tenant admin's).

use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, ID, Object, Result};

use super::args::{caller, first, parse_tenant};
use super::inbox_types::{
    InboxConnection, InboxCounts, InboxItem, NotificationPreference, RejectedEmail, Webhook,
    WebhookDelivery,
};

#[derive(Debug, Default)]
pub struct InboxQuery;

#[Object]
impl InboxQuery {
    /// The caller's notifications, newest first; with `unread`, only those
    /// not yet read. `unreadCount` counts the whole inbox.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn inbox(
        &self,
        ctx: &Context<'_>,
        unread: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<InboxConnection> {
        let (caller, request, _) = caller(ctx)?;
        let page = caller
            .inbox(
                unread.unwrap_or(false),
                self::first(first)?,
                after.as_deref(),
            )
            .await
            .map_err(|error| request.error(error))?;
        let unread_count = caller
            .inbox_unread_count()
            .await
            .map_err(|error| request.error(error))?;
        let mut connection = Connection::with_additional_fields(
            after.is_some(),
            page.next.is_some(),
            InboxCounts { unread_count },
        );
        connection.edges.extend(
            page.cursors
                .into_iter()
                .zip(page.items)
                .map(|(cursor, item)| Edge::new(cursor, InboxItem(item))),
        );
        Ok(connection)
    }

    /// Every kind of notification with how the caller hears of it.
    async fn notification_preferences(
        &self,
        ctx: &Context<'_>,
    ) -> Result<Vec<NotificationPreference>> {
        let (caller, request, _) = caller(ctx)?;
        let preferences = caller
            .notification_preferences()
            .await
            .map_err(|error| request.error(error))?;
        Ok(preferences
            .into_iter()
            .map(NotificationPreference)
            .collect())
    }

    /// The tenant's webhooks, oldest first (tenant admins).
    async fn webhooks(&self, ctx: &Context<'_>, tenant: ID) -> Result<Vec<Webhook>> {
        let (caller, request, _) = caller(ctx)?;
        let webhooks = caller
            .webhooks(parse_tenant(&tenant)?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(webhooks.into_iter().map(Webhook).collect())
    }

    /// Deliveries of the tenant's webhooks that gave up, newest first;
    /// `replayWebhookDelivery` sends one again.
    async fn webhook_dead_letters(
        &self,
        ctx: &Context<'_>,
        tenant: ID,
    ) -> Result<Vec<WebhookDelivery>> {
        let (caller, request, _) = caller(ctx)?;
        let dead = caller
            .webhook_dead_letters(parse_tenant(&tenant)?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(dead.into_iter().map(WebhookDelivery).collect())
    }

    /// E-mails to the tenant's people that the SMTP server refused for
    /// good, newest first (tenant admins).
    async fn rejected_emails(&self, ctx: &Context<'_>, tenant: ID) -> Result<Vec<RejectedEmail>> {
        let (caller, request, _) = caller(ctx)?;
        let rejected = caller
            .rejected_emails(parse_tenant(&tenant)?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(rejected.into_iter().map(RejectedEmail).collect())
    }
}
