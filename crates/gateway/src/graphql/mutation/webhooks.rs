//! A tenant's webhooks, run by its tenant admin.

use async_graphql::{Context, ID, Object, Result};
use uuid::Uuid;

use crate::graphql::args::{caller, invalid, parse_tenant};
use crate::graphql::inbox_types::RegisteredWebhook;

fn uuid(id: &ID, what: &str) -> Result<Uuid> {
    Uuid::parse_str(id.as_str()).map_err(|_| invalid(format!("'{}' is not {what}", id.as_str())))
}

#[derive(Debug, Default)]
pub struct WebhookMutations;

#[Object]
impl WebhookMutations {
    /// Registers a webhook for the tenant's published events. The answer
    /// holds the signing secret, shown this once. The URL must be `https`
    /// to a public address (private targets only where the installation
    /// allows them); otherwise `VALIDATION` with `details.field = "url"`.
    async fn register_webhook(
        &self,
        ctx: &Context<'_>,
        tenant: ID,
        url: String,
    ) -> Result<RegisteredWebhook> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .register_webhook(parse_tenant(&tenant)?, &url)
            .await
            .map(RegisteredWebhook)
            .map_err(|error| request.error(error))
    }

    /// Removes a webhook of the tenant and its pending deliveries.
    async fn remove_webhook(&self, ctx: &Context<'_>, tenant: ID, id: ID) -> Result<bool> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .remove_webhook(parse_tenant(&tenant)?, uuid(&id, "a webhook id")?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(true)
    }

    /// Sends a dead letter again: it is queued, due now, with its attempts
    /// reset.
    async fn replay_webhook_delivery(&self, ctx: &Context<'_>, tenant: ID, id: ID) -> Result<bool> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .replay_webhook_delivery(parse_tenant(&tenant)?, uuid(&id, "a delivery id")?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(true)
    }
}
